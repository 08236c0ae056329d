/** Text helpers shared by the TypeScript and Python front-ends. */

const IDENTIFIER_CHAR = /[\p{ID_Continue}$]/u;

/** Offsets where `word` occurs as a whole identifier-like word (strings and comments included). */
export function wordOccurrences(text: string, word: string): number[] {
  const offsets: number[] = [];
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
    const before = at > 0 ? text[at - 1] : '';
    const after = text[at + word.length] ?? '';
    if (!IDENTIFIER_CHAR.test(before) && !IDENTIFIER_CHAR.test(after)) offsets.push(at);
  }
  return offsets;
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0', a: '\x07' };

/**
 * The value of a string literal's body (between the quotes), decoding the escapes JavaScript and Python
 * share. `undefined` for escapes whose meaning differs or needs a table (`\N{...}`, octal).
 */
export function decodeStringBody(body: string): string | undefined {
  if (!body.includes('\\')) return body;
  let failed = false;
  const decoded = body.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|U[0-9a-fA-F]{8}|\r\n|[\s\S])/g, (_match, escape: string) => {
    const head = escape[0];
    if (head === 'u' || head === 'x' || head === 'U') {
      const hex = escape.startsWith('u{') ? escape.slice(2, -1) : escape.slice(1);
      const code = Number.parseInt(hex, 16);
      if (code > 0x10ffff) {
        failed = true;
        return '';
      }
      return String.fromCodePoint(code);
    }
    if (escape === '\n' || escape === '\r\n' || escape === '\r') return '';
    if (escape in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[escape];
    if (/[0-9N]/.test(escape)) {
      failed = true;
      return '';
    }
    return escape;
  });
  return failed ? undefined : decoded;
}

const WHITESPACE = /\s/;

/**
 * A one-line label for messages: whitespace runs collapsed to one space, ends trimmed, long text cut. Reads
 * only as much of `source` as the label needs: labels are made for every zod call, sources can be long.
 */
export function compactLabel(source: string, max = 48): string {
  let label = '';
  let space = false;
  for (let at = 0; at < source.length; at++) {
    const char = source[at];
    if (WHITESPACE.test(char)) {
      space = label.length > 0;
      continue;
    }
    if (space) label += ' ';
    space = false;
    label += char;
    if (label.length > max) return `${label.slice(0, max - 1)}…`;
  }
  return label;
}
