/**
 * Parses only some ranges of a document with tree-sitter's `includedRanges`: node offsets stay in document
 * coordinates, so the front-ends work on the partial tree unchanged. Falls back to parsing the whole document
 * when the partial tree has a syntax error or a top-level node that strays across a skipped range — signs that
 * the statement split was wrong, which must cost time, not findings.
 */
import type { Parser, Range, Tree } from '@vscode/tree-sitter-wasm';
import type { Span } from '../staticValue';
import { keepTree, takeKeptTree, textEdit } from './keptTrees';

/** How a document was parsed, for the benchmark and the differential test. */
export interface ParseReport {
  mode: 'whole-file' | 'regions';
  /** Characters the parser read. */
  parsedChars: number;
  /** The ranges parsed, in a region parse. */
  ranges?: readonly Span[];
  /** Why a planned region parse was abandoned for a whole-file parse. */
  fallback?: 'syntax-error' | 'stray-node';
}

/** Which kept tree a parse may start from, and where to keep its own: see keptTrees.ts. */
export interface TreeReuse {
  key: string;
  grammar: string;
}

/**
 * Parses `ranges` of `text` (or all of it when `ranges` is undefined), hands the tree to `use`, and frees it
 * whatever happens — or, with `reuse`, keeps it for the document's next version and starts from the one kept
 * for this version's predecessor (an incremental parse).
 */
export function withRegionTree<T>(
  parser: Parser,
  text: string,
  ranges: readonly Span[] | undefined,
  use: (tree: Tree) => T,
  report?: (report: ParseReport) => void,
  reuse?: TreeReuse,
): T | undefined {
  const oldTree = reuse === undefined ? undefined : keptTreeFor(reuse, text);
  let tree: Tree | null = null;
  let parsed: ParseReport = { mode: 'whole-file', parsedChars: text.length };
  try {
    if (ranges !== undefined) {
      tree = parser.parse(text, oldTree ?? null, { includedRanges: toTreeSitterRanges(text, ranges) });
      const fallback = tree === null ? 'syntax-error' : problemIn(tree, ranges);
      if (fallback === undefined) {
        parsed = { mode: 'regions', parsedChars: ranges.reduce((sum, range) => sum + range.end - range.start, 0), ranges };
      } else {
        tree?.delete();
        tree = null;
        parsed = { ...parsed, fallback };
      }
    }
    tree ??= parser.parse(text, oldTree ?? null);
  } finally {
    oldTree?.delete();
  }
  report?.(parsed);
  if (tree === null) return undefined;
  try {
    return use(tree);
  } finally {
    if (reuse === undefined) tree.delete();
    else keepTree(reuse.key, { grammar: reuse.grammar, text, tree });
  }
}

/** The document's kept tree, edited to match `text`; `undefined` when there is none for this grammar. */
function keptTreeFor(reuse: TreeReuse, text: string): Tree | undefined {
  const kept = takeKeptTree(reuse.key);
  if (kept === undefined) return undefined;
  if (kept.grammar !== reuse.grammar) {
    kept.tree.delete();
    return undefined;
  }
  const edit = textEdit(kept.text, text);
  if (edit !== undefined) kept.tree.edit(edit);
  return kept.tree;
}

function problemIn(tree: Tree, ranges: readonly Span[]): ParseReport['fallback'] {
  const root = tree.rootNode;
  if (root.hasError) return 'syntax-error';
  let range = 0;
  for (const node of root.children) {
    if (node === null) continue;
    while (range < ranges.length && ranges[range].end <= node.startIndex) range++;
    if (range === ranges.length || node.endIndex > ranges[range].end) return 'stray-node';
  }
  return undefined;
}

/** Spans as tree-sitter ranges, with the row/column points it also wants (UTF-16 columns, as its indices). */
export function toTreeSitterRanges(text: string, spans: readonly Span[]): Range[] {
  const ranges: Range[] = [];
  let row = 0;
  let lineStart = 0;
  let scanned = 0;
  const pointAt = (offset: number): { row: number; column: number } => {
    // A plain loop: indexOf per line costs more on files of short lines.
    for (; scanned < offset; scanned++) {
      if (text.charCodeAt(scanned) === 10) {
        row++;
        lineStart = scanned + 1;
      }
    }
    return { row, column: offset - lineStart };
  };
  for (const span of spans) {
    const startPosition = pointAt(span.start);
    const endPosition = pointAt(span.end);
    ranges.push({ startIndex: span.start, endIndex: span.end, startPosition, endPosition });
  }
  return ranges;
}
