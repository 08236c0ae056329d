/**
 * Parses only some ranges of a document with tree-sitter's `includedRanges`: node offsets stay in document
 * coordinates, so the front-ends work on the partial tree unchanged. The ranges are whole top-level statements
 * (regions), possibly without the insides of nested object bodies (skipped bodies). Falls back to a fuller
 * parse when the partial tree has a syntax error, a top-level node that strays across a skipped range, or a
 * skipped body that is not an object's inside — signs that a split was wrong, which must cost time, not findings.
 */
import type { Parser, Range, Tree } from '@vscode/tree-sitter-wasm';
import type { Span } from '../staticValue';
import { withoutBodies } from '../regions/skippableBodies';
import { keepTree, takeKeptTree, textEdit } from './keptTrees';
import { SkippedBodies } from './skippedBodies';

/** How a document was parsed, for the benchmark and the differential test. */
export interface ParseReport {
  mode: 'whole-file' | 'regions';
  /** Characters the parser read. */
  parsedChars: number;
  /** The ranges parsed, in a region parse (skipped bodies not taken out). */
  ranges?: readonly Span[];
  /** Why a planned region parse was abandoned for a whole-file parse. */
  fallback?: 'syntax-error' | 'stray-node';
  /** Object bodies left out of the parse (see regions/skippableBodies.ts), when that parse was used. */
  skippedBodies?: readonly Span[];
  /** Why planned body skipping was abandoned: the tree did not confirm it, or the linter read a skipped body. */
  bodyFallback?: 'syntax-error' | 'stray-node' | 'unverified' | 'read';
  /** Planned bodies the tree did not confirm (in a string, a type…), parsed after all while the others were skipped. */
  droppedBodies?: number;
}

/** What to parse: `ranges` (all the text when undefined), without the insides of `skippedBodies`. */
export interface ParsePlan {
  ranges?: readonly Span[];
  skippedBodies?: readonly Span[];
  /** The grammar's object literal node type (`object`, `dictionary`), to verify skipped bodies. */
  objectType: string;
}

/** Which kept tree a parse may start from, and where to keep its own: see keptTrees.ts. */
export interface TreeReuse {
  key: string;
  grammar: string;
}

type Attempt = { tree: Tree; report: ParseReport; skipped?: SkippedBodies };

/**
 * Parses what `plan` says, hands the tree to `use`, and frees it whatever happens — or, with `reuse`, keeps it
 * for the document's next version and starts from the one kept for this version's predecessor (an incremental
 * parse). When `use` read a skipped body (see SkippedBodies), its result is dropped and `use` runs again on a
 * parse without skipping.
 */
export function withRegionTree<T>(
  parser: Parser,
  text: string,
  plan: ParsePlan,
  use: (tree: Tree, skipped: SkippedBodies | undefined) => T,
  report?: (report: ParseReport) => void,
  reuse?: TreeReuse,
): T | undefined {
  const oldTree = reuse === undefined ? undefined : keptTreeFor(reuse, text);
  let attempt: Attempt | undefined;
  try {
    attempt = parsePlan(parser, text, plan, oldTree ?? null);
  } finally {
    oldTree?.delete();
  }
  if (attempt === undefined) {
    report?.({ mode: 'whole-file', parsedChars: text.length });
    return undefined;
  }
  let result: T;
  try {
    result = use(attempt.tree, attempt.skipped);
    if (attempt.skipped?.read === true) {
      const insufficient = attempt;
      attempt = undefined;
      insufficient.tree.delete();
      const again = parsePlan(parser, text, { ...plan, skippedBodies: undefined }, null);
      attempt = again === undefined ? undefined : { ...again, report: { ...again.report, bodyFallback: 'read' } };
      if (attempt === undefined) {
        report?.({ mode: 'whole-file', parsedChars: text.length, bodyFallback: 'read' });
        return undefined;
      }
      result = use(attempt.tree, undefined);
    }
  } catch (error) {
    attempt?.tree.delete();
    throw error;
  }
  report?.(attempt.report);
  if (reuse === undefined) attempt.tree.delete();
  else keepTree(reuse.key, { grammar: reuse.grammar, text, tree: attempt.tree });
  return result;
}

/**
 * The plan's parse, or a fuller one when the tree does not confirm the plan. Bodies the tree does not confirm
 * (candidates inside a string or a type, say) are dropped and the rest tried once more; then no skipping; then
 * the whole file.
 */
function parsePlan(parser: Parser, text: string, plan: ParsePlan, oldTree: Tree | null): Attempt | undefined {
  const { ranges } = plan;
  let bodies = plan.skippedBodies ?? [];
  let bodyFallback: ParseReport['bodyFallback'];
  for (let round = 0; round < 2 && bodies.length > 0; round++) {
    const included = withoutBodies(text.length, ranges, bodies);
    const tree = parser.parse(text, oldTree, { includedRanges: toTreeSitterRanges(text, included) });
    const skipped = new SkippedBodies(bodies, plan.objectType);
    const problem = tree === null ? 'syntax-error' : problemIn(tree, ranges ?? [{ start: 0, end: text.length }]);
    const confirmed = tree === null || problem !== undefined ? [] : skipped.confirmedIn(tree);
    if (tree !== null && problem === undefined && confirmed.length === bodies.length) {
      const parsedChars = included.reduce((sum, range) => sum + range.end - range.start, 0);
      const dropped = (plan.skippedBodies?.length ?? 0) - bodies.length;
      const report: ParseReport = { mode: ranges === undefined ? 'whole-file' : 'regions', parsedChars, ...(ranges === undefined ? {} : { ranges }), skippedBodies: bodies };
      return { tree, skipped, report: dropped === 0 ? report : { ...report, droppedBodies: dropped } };
    }
    tree?.delete();
    bodyFallback = problem ?? 'unverified';
    bodies = problem === undefined ? confirmed : [];
  }
  const withFallback = (report: ParseReport): ParseReport => (bodyFallback === undefined ? report : { ...report, bodyFallback });
  if (ranges !== undefined) {
    const tree = parser.parse(text, oldTree, { includedRanges: toTreeSitterRanges(text, ranges) });
    const fallback = tree === null ? 'syntax-error' : problemIn(tree, ranges);
    if (tree !== null && fallback === undefined) {
      return { tree, report: withFallback({ mode: 'regions', parsedChars: ranges.reduce((sum, range) => sum + range.end - range.start, 0), ranges }) };
    }
    tree?.delete();
    const whole = parser.parse(text, oldTree);
    return whole === null ? undefined : { tree: whole, report: withFallback({ mode: 'whole-file', parsedChars: text.length, fallback }) };
  }
  const whole = parser.parse(text, oldTree);
  return whole === null ? undefined : { tree: whole, report: withFallback({ mode: 'whole-file', parsedChars: text.length }) };
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
