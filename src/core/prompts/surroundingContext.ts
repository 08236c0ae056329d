/**
 * Read-only code around the target: the nearest lines before and after it (nearest first, so a tight
 * budget keeps what matters most) and the file's import region when it lies further up.
 */
import { findImportHeader } from './importHeader';
import { plural, sliceCodePointSafe } from './textLines';
import type { PromptBudget, Range } from './types';

/** Consecutive lines starting at 0-based `startLine`. */
export interface NumberedExcerpt {
  startLine: number;
  lines: string[];
}

export interface SurroundingContext {
  imports?: NumberedExcerpt;
  before?: NumberedExcerpt;
  after?: NumberedExcerpt;
}

/** Minified or generated lines are cut: context is for orientation, not the code under work. */
const MAX_CONTEXT_LINE_CHARS = 500;
/** The import region may take at most this share of the context budget, and at most this much. */
const IMPORTS_BUDGET_SHARE = 0.25;
const MAX_IMPORTS_CHARS = 4_000;

export function gatherContext(lines: readonly string[], target: Range, budget: PromptBudget): SurroundingContext {
  const context: SurroundingContext = {};
  let remaining = budget.maxContextChars;

  // Only import lines the before-context could never reach; nearer ones are shown there.
  const header = findImportHeader(lines);
  const importsEnd = header ? Math.min(header.endLine, target.start.line - budget.contextLines - 1) : -1;
  if (header && importsEnd >= header.startLine) {
    let allowance = Math.min(MAX_IMPORTS_CHARS, Math.floor(budget.maxContextChars * IMPORTS_BUDGET_SHARE));
    const taken: string[] = [];
    for (let line = header.startLine; line <= importsEnd && costOf(lines[line]) <= allowance; line++) {
      allowance -= costOf(lines[line]);
      remaining -= costOf(lines[line]);
      taken.push(clip(lines[line]));
    }
    if (taken.length > 0) context.imports = { startLine: header.startLine, lines: taken };
  }

  const before: string[] = [];
  const after: string[] = [];
  let above = target.start.line - 1;
  let below = target.end.line + 1;
  let aboveOpen = true;
  let belowOpen = true;
  // Alternate sides so neither starves the other when the budget is tight.
  for (let step = 0; step < budget.contextLines && (aboveOpen || belowOpen); step++) {
    if (aboveOpen) {
      if (above < 0 || costOf(lines[above]) > remaining) aboveOpen = false;
      else {
        remaining -= costOf(lines[above]);
        before.push(clip(lines[above--]));
      }
    }
    if (belowOpen) {
      if (below >= lines.length || costOf(lines[below]) > remaining) belowOpen = false;
      else {
        remaining -= costOf(lines[below]);
        after.push(clip(lines[below++]));
      }
    }
  }
  before.reverse();
  // Blank lines at the far edges carry nothing.
  while (before.length > 0 && before[0].trim() === '') before.shift();
  while (after.length > 0 && after[after.length - 1].trim() === '') after.pop();
  if (before.length > 0) context.before = { startLine: target.start.line - before.length, lines: before };
  if (after.length > 0) context.after = { startLine: target.end.line + 1, lines: after };
  return context;
}

function costOf(line: string): number {
  return Math.min(line.length, MAX_CONTEXT_LINE_CHARS) + 1;
}

function clip(line: string): string {
  if (line.length <= MAX_CONTEXT_LINE_CHARS) return line;
  const head = sliceCodePointSafe(line, MAX_CONTEXT_LINE_CHARS);
  return `${head} … [${plural(line.length - head.length, 'more character')} not shown]`;
}
