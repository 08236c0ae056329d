/**
 * The innermost multi-line bracket block around a line, widened to the statement it belongs to:
 * a multi-line signature before `) {`, an Allman-style header above a lone `{`, and `else`/`catch`
 * branches that open on the closing line.
 */
import type { BracketPair, BracketScan } from './bracketScan';
import type { LineSpan } from './lineSpan';

const MAX_WIDENING_STEPS = 32;

export function innermostBracketBlock(lines: readonly string[], scan: BracketScan, cursorLine: number, openers: string): LineSpan | undefined {
  let best: BracketPair | undefined;
  for (const pair of scan.pairs) {
    if (!openers.includes(pair.open) || pair.openLine === pair.closeLine) continue;
    if (pair.openLine > cursorLine || pair.closeLine < cursorLine) continue;
    if (!best || isInside(pair, best)) best = pair;
  }
  if (!best) return undefined;
  return { startLine: widenStart(lines, scan, best.openLine, openers), endLine: widenEnd(scan, best.closeLine, openers) };
}

/** Fewer lines wins; on a tie (`{` and `{` on the same lines) the later opener is the inner one. */
function isInside(candidate: BracketPair, best: BracketPair): boolean {
  const candidateSpan = candidate.closeLine - candidate.openLine;
  const bestSpan = best.closeLine - best.openLine;
  if (candidateSpan !== bestSpan) return candidateSpan < bestSpan;
  return candidate.openLine !== best.openLine ? candidate.openLine > best.openLine : candidate.openCharacter > best.openCharacter;
}

function widenStart(lines: readonly string[], scan: BracketScan, line: number, openers: string): number {
  for (let step = 0; step < MAX_WIDENING_STEPS; step++) {
    const text = lines[line];
    const first = text.search(/\S/);
    // `) {`, `} else {`, `]) => {`: the statement began where that closer's opener is.
    if (first >= 0 && ')]}'.includes(text[first])) {
      const pair = scan.pairs.find((p) => p.closeLine === line && p.closeCharacter === first);
      if (pair && pair.openLine < line) {
        line = pair.openLine;
        continue;
      }
    }
    // Allman style: a lone `{` belongs to the header line above it.
    const trimmed = text.trim();
    if (trimmed.length === 1 && openers.includes(trimmed)) {
      const header = previousNonBlankLine(lines, line, scan.firstLine);
      // A line ending in `;` or `}` is a finished statement, not the header of a bare `{ … }` scope.
      if (header !== undefined && !/[;}]\s*$/.test(lines[header])) {
        line = header;
        continue;
      }
    }
    return line;
  }
  return line;
}

/** `} else {` / `} catch (e) {`: a block that opens on the closing line continues the statement. */
function widenEnd(scan: BracketScan, line: number, openers: string): number {
  for (let step = 0; step < MAX_WIDENING_STEPS; step++) {
    const next = scan.pairs.find((p) => p.openLine === line && p.closeLine > line && openers.includes(p.open));
    if (!next) return line;
    line = next.closeLine;
  }
  return line;
}

function previousNonBlankLine(lines: readonly string[], line: number, firstLine: number): number | undefined {
  for (let candidate = line - 1; candidate >= firstLine; candidate--) {
    if (lines[candidate].trim() !== '') return candidate;
  }
  return undefined;
}
