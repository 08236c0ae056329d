/**
 * Code blocks in a model's markdown answer, found by a CommonMark parser (markdown-it) rather than by
 * regular expressions: fences of 3+ backticks or tildes, longer fences wrapping shorter ones, fences
 * inside list items and block quotes, and an unterminated fence (a cut stream) that runs to the end.
 */
import MarkdownIt from 'markdown-it';
import type { MarkdownIt as MarkdownParser } from 'markdown-it';

export interface FencedCode {
  /** The first word of the info string (`ts` in "```ts title=x"), if any. */
  language?: string;
  /** The block's text without its fences and container indentation; `\n` line endings. */
  code: string;
}

let parser: MarkdownParser | undefined;

export function extractFencedCode(markdown: string): FencedCode[] {
  // Created on first use so importing this module costs nothing at activation.
  parser ??= new MarkdownIt();
  const blocks: FencedCode[] = [];
  for (const token of parser.parse(markdown, {})) {
    if (token.type !== 'fence') continue;
    const language = parser.utils.unescapeAll(token.info).trim().split(/\s+/)[0];
    // A closed fence's content ends with the newline before the closing fence; that is not code.
    const code = token.content.endsWith('\n') ? token.content.slice(0, -1) : token.content;
    blocks.push(language ? { language, code } : { code });
  }
  return blocks;
}
