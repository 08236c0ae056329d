/**
 * The fake's answer to an inline-fix request (`fix-json`, `fix-prose`), computed from the request so
 * tests can predict it: the code to work on is taken from the last user message (the first fenced
 * block that is not numbered context, `N | code`), then
 * - every line ending in a `fake-fix: FROM => TO` comment (`//`, `#` or `--`) gets FROM replaced by TO
 *   and loses the comment, so a fixture can carry its own fix;
 * - the whole code is dedented, as models often drop the indentation of code they return (the
 *   extension must restore it).
 */
import type { InputMessageView } from '../requestText';

export interface FakeFix {
  /** The code the request asked to change, as received. */
  original: string;
  replacement: string;
  explanation: string;
  directivesApplied: number;
}

const DIRECTIVE = /\s*(?:\/\/|#|--)\s*fake-fix:\s(.+?)\s=>\s(.*?)\s*$/;
const NUMBERED_LINE = /^\s*\d+ \|(?: |$)/;

export function fakeFixFor(messages: readonly InputMessageView[]): FakeFix | undefined {
  const lastUser = messages.filter((message) => message.role === 'user').at(-1)?.text ?? '';
  const original = targetCode(lastUser);
  if (original === undefined) return undefined;
  let applied = 0;
  const fixed = original.split('\n').map((line) => {
    const directive = DIRECTIVE.exec(line);
    if (!directive) return line;
    const code = line.slice(0, directive.index);
    if (!code.includes(directive[1])) return line;
    applied++;
    return code.replace(directive[1], directive[2]);
  });
  return {
    original,
    replacement: dedent(fixed).join('\n'),
    explanation: applied > 0 ? `Fake fix: applied ${applied} fake-fix directive${applied === 1 ? '' : 's'}.` : 'Fake fix: no fake-fix directive in the code, so it is unchanged.',
    directivesApplied: applied,
  };
}

/** The first fenced block whose lines are not all numbered context lines. */
function targetCode(text: string): string | undefined {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(lines[i]);
    if (!open) continue;
    const marker = open[1];
    const close = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
    let end = i + 1;
    while (end < lines.length && !close.test(lines[end])) end++;
    const body = lines.slice(i + 1, end);
    const content = body.filter((line) => line.trim() !== '');
    if (content.length > 0 && !content.every((line) => NUMBERED_LINE.test(line))) return body.join('\n');
    i = end;
  }
  return undefined;
}

function dedent(lines: readonly string[]): string[] {
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)![0]);
  if (indents.length === 0) return [...lines];
  let common = indents[0];
  for (const indent of indents) {
    while (!indent.startsWith(common)) common = common.slice(0, -1);
  }
  return lines.map((line) => (line.startsWith(common) ? line.slice(common.length) : line.trimStart()));
}
