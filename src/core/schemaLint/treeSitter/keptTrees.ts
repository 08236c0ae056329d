/**
 * The last syntax tree of each recently linted document, for tree-sitter's incremental parsing: after an edit,
 * the next lint edits the kept tree and re-parses only what changed (a few milliseconds instead of a full
 * parse of a large file). Opt-in per document (`LintDocumentOptions.documentKey`, for editors); bounded, and
 * every tree that leaves is freed, since wasm memory is not garbage-collected.
 */
import type { Edit, Point, Tree } from '@vscode/tree-sitter-wasm';

export interface KeptTree {
  /** The grammar the tree was parsed with: a tree is only reused by the same grammar. */
  grammar: string;
  text: string;
  tree: Tree;
}

/** Documents being edited at about the same time; wasm memory, once grown for kept trees, is never returned. */
const CAPACITY = 4;
const kept = new Map<string, KeptTree>();

/** Removes and returns the kept tree of `key`; the caller owns it from then on. */
export function takeKeptTree(key: string): KeptTree | undefined {
  const entry = kept.get(key);
  kept.delete(key);
  return entry;
}

/** Keeps `entry` for `key` (taking ownership), freeing the tree it replaces and the least recently kept beyond the bound. */
export function keepTree(key: string, entry: KeptTree): void {
  const previous = kept.get(key);
  if (previous !== undefined && previous.tree !== entry.tree) previous.tree.delete();
  kept.delete(key);
  kept.set(key, entry);
  for (const [oldest, value] of kept) {
    if (kept.size <= CAPACITY) break;
    kept.delete(oldest);
    value.tree.delete();
  }
}

/** Frees the kept tree of `key` (a closed document), or every kept tree. */
export function releaseKeptTrees(key?: string): void {
  for (const [entryKey, entry] of kept) {
    if (key !== undefined && entryKey !== key) continue;
    kept.delete(entryKey);
    entry.tree.delete();
  }
}

/**
 * The edit that turns `before` into `after`, as one replaced span between their common prefix and suffix
 * (what a keystroke, a paste or an undo produces); `undefined` when the texts are equal.
 */
export function textEdit(before: string, after: string): Edit | undefined {
  if (before === after) return undefined;
  const limit = Math.min(before.length, after.length);
  let start = 0;
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix < limit - start && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  const oldEndIndex = before.length - suffix;
  const newEndIndex = after.length - suffix;
  const startPosition = advance({ row: 0, column: 0 }, before, 0, start);
  return {
    startIndex: start,
    oldEndIndex,
    newEndIndex,
    startPosition,
    oldEndPosition: advance(startPosition, before, start, oldEndIndex),
    newEndPosition: advance(startPosition, after, start, newEndIndex),
  };
}

/** The point `to` in `text`, counted on from `point` at `from` (rows end at `\n`; columns are UTF-16 units, as this binding's indices). */
function advance(point: Point, text: string, from: number, to: number): Point {
  let { row, column } = point;
  for (let at = from; at < to; at++) {
    if (text.charCodeAt(at) === 10) {
      row++;
      column = 0;
    } else {
      column++;
    }
  }
  return { row, column };
}
