/**
 * The offline demo's answer: says plainly that it comes from the fake server (no API key configured), then
 * describes what the request contained, so a person trying the extension sees their own selection reflected.
 */
import type { CitedText } from '../citedText';
import { prefixCitedText, renderCitedText } from '../citedText';
import type { InputMessageView } from '../requestText';

export interface RequestDescription {
  action?: string;
  instructions?: string;
  path?: string;
  lineRange?: string;
  language?: string;
  code?: string;
  userChars: number;
  messageCount: number;
}

const ACTIONS: [RegExp, string][] = [
  [/\bwrite (?:unit )?tests?\b|\bunit tests?\b|\btests? for\b/i, 'Write tests'],
  [/\bexplain/i, 'Explain'],
  [/\bfix/i, 'Fix'],
  [/\brefactor/i, 'Refactor'],
  [/\bdocument|\bdoc comments?\b/i, 'Document'],
  [/\bquestion\b|\bask/i, 'Ask'],
];

/** The action whose keyword comes first in the text (instructions usually open with the task). */
function guessAction(text: string): string | undefined {
  let best: { index: number; action: string } | undefined;
  for (const [pattern, action] of ACTIONS) {
    const index = text.search(pattern);
    if (index >= 0 && (!best || index < best.index)) best = { index, action };
  }
  return best?.action;
}

interface Fence {
  info: string;
  code: string;
}

/** The first fenced block (``` or ~~~, any length ≥ 3); an unterminated fence runs to the end. */
function firstFence(text: string): Fence | undefined {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const open = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)/.exec(lines[i]);
    if (!open) continue;
    const marker = open[1];
    const body: string[] = [];
    for (let j = i + 1; j < lines.length; j++) {
      const close = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
      if (close.test(lines[j])) break;
      body.push(lines[j]);
    }
    return { info: open[2], code: body.join('\n') };
  }
  return undefined;
}

function findPath(text: string): string | undefined {
  const labelled = /\b(?:file|path)\s*[:=]\s*`?([^\s`]+)`?/i.exec(text);
  if (labelled) return labelled[1];
  return /(?:^|[\s(`'"])((?:[\w@.-]+\/)+[\w@.-]+\.[A-Za-z0-9]+)(?=$|[\s)`'":,])/m.exec(text)?.[1];
}

/**
 * The extension's prompts label the code to work on ("Selected code, lines 3–5:") after read-only
 * context blocks, and end with a "Task: …" line: prefer those labels, then fall back to the first fence.
 */
const TARGET_LABEL = /^(?:Selected code|Code to work on|Enclosing block|Current line|Code)\b[^\n]*:\s*$/im;
const LINE_RANGE = /\blines?\s+(\d+(?:\s*[–-]\s*\d+)?)/i;

export function describeRequest(messages: readonly InputMessageView[], instructionsParam?: string): RequestDescription {
  const system = messages.filter((m) => m.role === 'system' || m.role === 'developer').map((m) => m.text);
  const users = messages.filter((m) => m.role === 'user').map((m) => m.text);
  const instructions = instructionsParam ?? system.find((text) => text.trim() !== '');
  const lastUser = users.at(-1) ?? '';
  const target = TARGET_LABEL.exec(lastUser);
  const fence = (target ? firstFence(lastUser.slice(target.index)) : undefined) ?? firstFence(lastUser);
  const taskLine = [...lastUser.matchAll(/^Task:\s*(.+)$/gm)].at(-1)?.[1];
  return {
    action: (taskLine && guessAction(taskLine)) ?? guessAction(instructions ?? '') ?? guessAction(lastUser),
    instructions,
    path: findPath(lastUser),
    lineRange: LINE_RANGE.exec(target?.[0] ?? '')?.[1] ?? LINE_RANGE.exec(lastUser)?.[1],
    language: fence?.info || /\blanguage\s*[:=]\s*`?([\w#+.-]+)/i.exec(lastUser)?.[1],
    code: fence?.code,
    userChars: users.reduce((sum, text) => sum + text.length, 0),
    messageCount: messages.length,
  };
}

/** Inline code that survives any backticks inside, on one line, bounded. */
function inlineCode(value: string, max = 120): string {
  let text = value.replace(/\s+/g, ' ').trim();
  if (text.length > max) text = `${text.slice(0, max)}…`;
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  if (longestRun === 0) return `\`${text}\``;
  // Padding spaces keep a backtick at either end from joining the fence (CommonMark strips them).
  const ticks = '`'.repeat(longestRun + 1);
  return `${ticks} ${text} ${ticks}`;
}

function codeFence(language: string, code: string): string {
  const longestRun = Math.max(2, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  return `${fence}${/^[\w#+.-]+$/.test(language) ? language : ''}\n${code}\n${fence}`;
}

const DEMO_SOURCE = 'https://docs.x.ai/docs/guides/tools/search-tools';

export function buildDemoAnswer(description: RequestDescription): CitedText {
  const lines = [
    '> **Offline demo.** This answer comes from the offline demo server bundled with the extension, not from Grok: no xAI API key is configured. Run **Grok: Set API Key** to get real answers.',
    '',
    '### What the demo server received',
  ];
  lines.push(`- **Action (read from the request):** ${description.action ?? 'not recognised'}`);
  if (description.instructions) lines.push(`- **Instructions it can see:** ${inlineCode(description.instructions)}`);
  lines.push(`- **File:** ${description.path ? inlineCode(description.path) : 'no file path in the request'}`);
  lines.push(`- **Language:** ${description.language ? inlineCode(description.language) : 'not stated'}`);
  const codeLines = description.code === undefined ? 0 : description.code.split('\n').length;
  const range = description.lineRange ? ` (lines ${description.lineRange})` : '';
  lines.push(`- **Code:** ${codeLines ? `${codeLines} line${codeLines === 1 ? '' : 's'}${range}` : 'no code block in the request'}`);
  lines.push(`- **Messages:** ${description.messageCount}, with ${description.userChars} characters of user text.`);
  lines.push('');
  if (description.code) {
    const head = description.code.split('\n').slice(0, 4).join('\n');
    lines.push('The first lines it received:', '', codeFence(description.language ?? '', head));
  } else {
    lines.push('A real answer would include code like this:', '', codeFence('ts', 'const answer = await grok.explain(selection);'));
  }
  lines.push('', '');
  // Only the fixed sentence goes through the template: the request's text may itself contain `{{1}}`.
  const citation = renderCitedText('With web search on, real answers cite their sources inline, like this{{1}}.\n', [DEMO_SOURCE]);
  return prefixCitedText(lines.join('\n'), citation);
}
