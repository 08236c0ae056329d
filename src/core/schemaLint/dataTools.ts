/**
 * Finds tool definitions anywhere in a data document (JSON, JSONC, YAML, plain values): a tool array, a
 * single tool, `{tools:[...]}`, an MCP `tools/list` result, a request body, a fixture file…
 */
import type { StaticObject, StaticValue } from './staticValue';
import { recogniseTool, TOOL_SCHEMA_KEYS, type ToolCandidate } from './toolShapes';

/** Deeper documents are not searched further (and cannot be tool files). */
const MAX_DEPTH = 200;

export function findToolsInData(root: StaticValue): ToolCandidate[] {
  const walker = new DataWalker();
  // A document that is a bare list (`[{type: "function", ...}, ...]`) is read as a tool list.
  walker.walk(root, 'tools', undefined, 0);
  return walker.candidates;
}

class DataWalker {
  readonly candidates: ToolCandidate[] = [];
  /** Shared values (YAML anchors) are searched once, where they are defined. */
  private readonly visited = new Set<StaticValue>();

  /** `parentKey`: the key holding `value`; for list items, `listKey` is the key holding the list. */
  walk(value: StaticValue, parentKey: string | undefined, parentObject: StaticObject | undefined, depth: number, listKey?: string): void {
    if (depth > MAX_DEPTH || value.site !== undefined || this.visited.has(value)) return;
    this.visited.add(value);
    if (value.kind === 'array') {
      for (const item of value.items) {
        if (item.kind === 'object' || item.kind === 'array') this.walk(item, undefined, undefined, depth + 1, parentKey);
      }
      return;
    }
    if (value.kind !== 'object') return;
    const found = recogniseTool(value, { parentKey, parentObject, ...(listKey === undefined ? {} : { listKey }) });
    this.candidates.push(...found);
    for (const entry of value.entries) {
      if (entry.key === undefined) continue;
      // A recognised tool's schema is not searched for further tools: schemas describing tools are not tools.
      if (found.length > 0 && (TOOL_SCHEMA_KEYS as readonly string[]).includes(entry.key)) continue;
      const child = entry.value;
      if (child.kind === 'object' || child.kind === 'array') this.walk(child, entry.key, value, depth + 1);
    }
  }
}
