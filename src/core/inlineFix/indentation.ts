/**
 * Leading-whitespace arithmetic for re-indenting a replacement: widths with tab stops, the file's
 * style (tabs or spaces) judged from the code being replaced, and conversion between the two.
 */

export interface IndentStyle {
  useTabs: boolean;
  tabSize: number;
}

export function leadingWhitespace(line: string): string {
  return /^[ \t]*/.exec(line)![0];
}

export function indentWidth(whitespace: string, tabSize: number): number {
  let width = 0;
  for (const ch of whitespace) width = ch === '\t' ? (Math.floor(width / tabSize) + 1) * tabSize : width + 1;
  return width;
}

export function makeIndent(width: number, style: IndentStyle): string {
  if (width <= 0) return '';
  if (!style.useTabs) return ' '.repeat(width);
  return '\t'.repeat(Math.floor(width / style.tabSize)) + ' '.repeat(width % style.tabSize);
}

/**
 * Tabs when the code's indented lines start with a tab, spaces when they start with a space; the
 * editor's settings (or defaults) when the code shows no indentation. The tab size is the editor's,
 * else the smallest indentation step among space-indented lines.
 */
export function detectIndentStyle(lines: readonly string[], fallback: Partial<IndentStyle> = {}): IndentStyle {
  let tabs = 0;
  let spaces = 0;
  const widths = new Set<number>();
  for (const line of lines) {
    if (line.trim() === '') continue;
    const indent = leadingWhitespace(line);
    if (indent.startsWith('\t')) tabs++;
    else if (indent.startsWith(' ')) {
      spaces++;
      if (!indent.includes('\t')) widths.add(indent.length);
    }
  }
  const tabSize = validTabSize(fallback.tabSize) ?? smallestIndentStep([...widths]) ?? 4;
  if (tabs === 0 && spaces === 0) return { useTabs: fallback.useTabs ?? false, tabSize };
  return { useTabs: tabs > spaces, tabSize };
}

/** The smallest difference (1–8) between distinct indentation widths, counting column 0. */
export function smallestIndentStep(widths: readonly number[]): number | undefined {
  const sorted = [...new Set([...widths, 0])].sort((a, b) => a - b);
  let step: number | undefined;
  for (let i = 1; i < sorted.length; i++) {
    const difference = sorted[i] - sorted[i - 1];
    if (difference > 0 && difference <= 8 && (step === undefined || difference < step)) step = difference;
  }
  return step;
}

function validTabSize(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 16 ? value : undefined;
}
