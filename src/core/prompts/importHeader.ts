/**
 * The file's import region (imports, includes, `use`, `package`), found cheaply from the first lines:
 * it tells the model which libraries and types the code works with. Leading comments, license headers
 * and directives are skipped; the region ends at the first line of real code.
 */
import type { LineSpan } from './lineSpan';

const SCAN_LINES = 200;
const MAX_CONTINUATION_LINES = 60;

const IMPORT_ALTERNATIVES = [
  String.raw`import\b`, // JS/TS, Python, Java, Kotlin, Go, Swift, Dart, Haskell, Julia
  String.raw`from\s+\S+\s+import\b`, // Python
  String.raw`export\s+(?:type\s+)?(?:\*|\{)[^;]*\bfrom\b`, // JS/TS re-exports
  String.raw`export\s+\*\s+from\b`,
  String.raw`(?:const|let|var|local)\s+[\w$\{\}\s,:]+=\s*require\s*\(`, // CommonJS, Lua
  String.raw`require(?:_relative|_once)?\s*[\s('"]`, // Ruby, PHP, R, Lua
  String.raw`#\s*(?:include|import)\b`, // C, C++, Objective-C
  String.raw`using\s+(?:static\s+)?[\w.]+\s*(?:=\s*[\w.<>]+\s*)?;?\s*$`, // C#, Julia
  String.raw`package\s+[\w.]+\s*;?\s*$`, // Go, Java, Kotlin, Scala
  String.raw`(?:pub(?:\([\w:]+\))?\s+)?use\s+[\w:{*\\]`, // Rust, PHP, Perl
  String.raw`(?:pub(?:\([\w:]+\))?\s+)?mod\s+\w+\s*;`, // Rust module declarations
  String.raw`extern\s+crate\b`,
  String.raw`(?:library|source)\s*\(`, // R
  String.raw`@(?:import|use|forward)\b`, // CSS, SCSS
  String.raw`open\s+[A-Z]`, // F#, OCaml
  String.raw`part\s+(?:of\s+)?['"]`, // Dart
];
const IMPORT_LINE = new RegExp(`^(?:${IMPORT_ALTERNATIVES.map((alternative) => `(?:${alternative})`).join('|')})`);

/** Lines that may sit before or among imports without ending the region. */
const PREAMBLE_LINE =
  /^(?:\/\/|#|--|;|\*|\/\*|<\?php|['"]use [\w ]+['"];?$|declare\s*\(|namespace\s+[\w.\\]+\s*;|@file:|@charset\b|"""|''')/;

export function findImportHeader(lines: readonly string[]): LineSpan | undefined {
  let first: number | undefined;
  let last: number | undefined;
  let closer: string | undefined;
  const limit = Math.min(lines.length, SCAN_LINES);
  for (let line = 0; line < limit; line++) {
    const text = lines[line].trim();
    if (closer !== undefined) {
      // Inside a block comment or docstring that opened above.
      if (text.includes(closer)) closer = undefined;
      continue;
    }
    if (text === '') continue;
    if (IMPORT_LINE.test(text)) {
      first ??= line;
      last = continuationEnd(lines, line);
      line = last;
      continue;
    }
    if (!PREAMBLE_LINE.test(text)) break;
    closer = openCommentCloser(text);
  }
  return first === undefined || last === undefined ? undefined : { startLine: first, endLine: last };
}

/** `/* …` or a docstring opened and not closed on this line: what closes it. */
function openCommentCloser(text: string): string | undefined {
  if (text.startsWith('/*') && !text.includes('*/', 2)) return '*/';
  for (const quote of ['"""', "'''"]) {
    if (text.startsWith(quote) && !text.includes(quote, 3)) return quote;
  }
  return undefined;
}

/** `import {` … `} from 'x'`, `from x import (` … `)`, Go's `import (` … `)`: the line that balances it. */
function continuationEnd(lines: readonly string[], line: number): number {
  let depth = 0;
  const limit = Math.min(lines.length - 1, line + MAX_CONTINUATION_LINES);
  for (let current = line; current <= limit; current++) {
    for (const ch of lines[current]) {
      if (ch === '(' || ch === '{' || ch === '[') depth++;
      else if (ch === ')' || ch === '}' || ch === ']') depth--;
    }
    if (depth <= 0) return current;
  }
  return line;
}
