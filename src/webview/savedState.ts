/**
 * The panel's saved state (`vscode.setState`), so a reloaded panel shows its conversation again.
 * A turn is saved as the host messages that rebuild it, so restoring runs every message through the
 * same protocol validation as live traffic. Versioned; bounded so a long chat cannot bloat it.
 */
import { parseHostMessage, type HostMessage } from '../core/panelProtocol';

export const SAVED_STATE_VERSION = 1;
/** Newest turns kept. */
export const MAX_SAVED_TURNS = 50;
/** Rough serialized-size budget (characters) across all saved turns. */
export const MAX_SAVED_CHARS = 1_000_000;

type Config = Extract<HostMessage, { type: 'config' }>;

export interface SavedState {
  version: typeof SAVED_STATE_VERSION;
  config?: Config;
  turns: HostMessage[][];
}

/** Keeps the newest turns that fit the budget. */
export function boundedState(config: Config | undefined, turns: HostMessage[][]): SavedState {
  const kept: HostMessage[][] = [];
  let chars = 0;
  for (let i = turns.length - 1; i >= 0 && kept.length < MAX_SAVED_TURNS; i--) {
    const size = JSON.stringify(turns[i]).length;
    if (chars + size > MAX_SAVED_CHARS) break;
    chars += size;
    kept.unshift(turns[i]);
  }
  return { version: SAVED_STATE_VERSION, config, turns: kept };
}

/** Reads saved state defensively: unknown versions and invalid messages are dropped, never trusted. */
export function readSavedState(raw: unknown): { config?: Config; turns: HostMessage[][] } {
  if (typeof raw !== 'object' || raw === null || (raw as { version?: unknown }).version !== SAVED_STATE_VERSION) return { turns: [] };
  const { config, turns } = raw as { config?: unknown; turns?: unknown };
  const parsedConfig = config === undefined ? undefined : parseHostMessage(config);
  const result: { config?: Config; turns: HostMessage[][] } = { turns: [] };
  if (parsedConfig?.ok && parsedConfig.message.type === 'config') result.config = parsedConfig.message;
  if (!Array.isArray(turns)) return result;
  for (const turn of turns.slice(-MAX_SAVED_TURNS)) {
    if (!Array.isArray(turn)) continue;
    const messages = turn.map(parseHostMessage).flatMap((parsed) => (parsed.ok ? [parsed.message] : []));
    if (messages[0]?.type === 'turnStarted') result.turns.push(messages);
  }
  return result;
}
