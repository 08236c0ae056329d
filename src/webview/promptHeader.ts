/** The top of a turn: what was asked, about which code, and whether the code was cut to fit. */
import type { PromptSummary } from '../core/panelProtocol';
import { h } from './dom';

function lineRange(prompt: PromptSummary): string {
  if (prompt.startLine === undefined) return '';
  const end = prompt.endLine !== undefined && prompt.endLine !== prompt.startLine ? `–${prompt.endLine}` : '';
  return `:${prompt.startLine}${end}`;
}

export function buildPromptHeader(prompt: PromptSummary): HTMLElement {
  const header = h('header', { class: 'turn-prompt' });
  const title = h('div', { class: 'prompt-title' }, h('span', { class: 'prompt-action', text: prompt.action }));
  if (prompt.file) {
    const location = `${prompt.file}${lineRange(prompt)}`;
    title.append(h('span', { class: 'prompt-location', text: location, attrs: { title: location } }));
  }
  if (prompt.languageId) title.append(h('span', { class: 'prompt-language', text: prompt.languageId }));
  header.append(title);
  if (prompt.question) header.append(h('p', { class: 'prompt-question', text: prompt.question }));
  if (prompt.truncationNotice) {
    header.append(
      h('p', { class: 'prompt-notice', attrs: { role: 'note' } }, h('span', { class: 'codicon codicon-warning', attrs: { 'aria-hidden': 'true' } }), prompt.truncationNotice),
    );
  }
  return header;
}
