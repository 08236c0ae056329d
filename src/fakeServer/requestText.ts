/** Reads the text out of a Responses request body: message items, content parts, and scenario markers. */

export interface InputMessageView {
  role: string;
  text: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part) => (isRecord(part) && typeof part.text === 'string' ? part.text : ''))
    .filter((text) => text !== '')
    .join('\n');
}

/** The messages of `input` (a string counts as one user message); tool outputs count as role 'tool'. */
export function inputMessages(body: Record<string, unknown>): InputMessageView[] {
  const { input } = body;
  if (typeof input === 'string') return [{ role: 'user', text: input }];
  if (!Array.isArray(input)) return [];
  const messages: InputMessageView[] = [];
  for (const item of input) {
    if (typeof item === 'string') messages.push({ role: 'user', text: item });
    else if (isRecord(item) && typeof item.role === 'string') messages.push({ role: item.role, text: contentText(item.content) });
    else if (isRecord(item) && typeof item.output === 'string') messages.push({ role: 'tool', text: item.output });
  }
  return messages;
}

export function inputText(body: Record<string, unknown>): string {
  return inputMessages(body)
    .map((message) => message.text)
    .join('\n');
}

const MARKER = /\[\[fake:([A-Za-z0-9_-]+)\]\]/g;

/** The last `[[fake:NAME]]` marker in the text (so a follow-up's own marker wins over one in resent history). */
export function findScenarioMarker(text: string): string | undefined {
  let name: string | undefined;
  for (const match of text.matchAll(MARKER)) name = match[1];
  return name;
}
