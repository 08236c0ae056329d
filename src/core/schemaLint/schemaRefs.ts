/** Resolves `$ref`s within one schema: same-document JSON Pointers (`#/$defs/A`, `#/definitions/B`). */
import { lookup, type StaticValue } from './staticValue';

export type RefResolution = { state: 'found'; value: StaticValue } | { state: 'unknown' | 'missing' | 'external' | 'cycle' };

/**
 * `unknown`: something on the way cannot be evaluated (or it is an `$anchor` reference, not chased);
 * `missing`: the pointer leads nowhere; `external`: another document; `cycle`: a reference being resolved.
 */
export function resolveSchemaRef(root: StaticValue, ref: string, visiting: ReadonlySet<string>): RefResolution {
  if (!ref.startsWith('#')) return { state: 'external' };
  if (visiting.has(ref)) return { state: 'cycle' };
  if (ref === '#' || ref === '#/') return { state: 'cycle' };
  if (!ref.startsWith('#/')) return { state: 'unknown' }; // `#anchor`: resolving `$anchor`s is not attempted.
  let current = root;
  for (const rawSegment of ref.slice(2).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(rawSegment).replace(/~1/g, '/').replace(/~0/g, '~');
    } catch {
      return { state: 'missing' };
    }
    if (current.kind === 'unknown') return { state: 'unknown' };
    if (current.kind === 'object') {
      const next = lookup(current, segment);
      if (next.state === 'unknown') return { state: 'unknown' };
      if (next.state === 'absent') return { state: 'missing' };
      current = next.value;
    } else if (current.kind === 'array' && /^\d+$/.test(segment) && Number(segment) < current.items.length) {
      current = current.items[Number(segment)];
    } else {
      return { state: 'missing' };
    }
  }
  return current.kind === 'unknown' ? { state: 'unknown' } : { state: 'found', value: current };
}
