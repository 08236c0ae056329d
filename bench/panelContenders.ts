/** What the panel benchmark runs side by side: a page (which renderer) and how the host posts to it. */
import type { Renderer } from './panelBrowser';
import type { Posting } from './panelStream';

export type Contender = 'ours' | 'per-frame' | 'per-message' | 'naive' | 'text-floor' | 'frame-floor' | 'floor' | 'floor-per-delta';

export interface ContenderSpec {
  label: string;
  page: Renderer;
  posting: Posting;
  /** The floor with the same posting (a page that renders nothing), which this run is also shown net of. */
  floor?: Contender;
}

export const CONTENDERS: Record<Contender, ContenderSpec> = {
  ours: { label: 'ours (panel)', page: 'ours', posting: 'coalesced', floor: 'floor' },
  'per-frame': { label: 'full render per frame', page: 'per-frame', posting: 'coalesced', floor: 'floor' },
  naive: { label: 'naive (full render per delta)', page: 'per-message', posting: 'per-delta', floor: 'floor-per-delta' },
  'per-message': { label: 'full render per host message', page: 'per-message', posting: 'coalesced', floor: 'floor' },
  'text-floor': { label: 'text floor (plain text per frame)', page: 'text', posting: 'coalesced', floor: 'floor' },
  'frame-floor': { label: 'frame floor (one short text changed per frame)', page: 'tick', posting: 'coalesced', floor: 'floor' },
  floor: { label: 'floor (no rendering)', page: 'none', posting: 'coalesced' },
  'floor-per-delta': { label: 'floor, one message per delta', page: 'none', posting: 'per-delta' },
};

export const ALL_CONTENDERS = Object.keys(CONTENDERS) as Contender[];

export const isContender = (name: string): name is Contender => Object.hasOwn(CONTENDERS, name);
