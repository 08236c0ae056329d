/** The strip above the conversation: model, web search state, New Chat, and the offline-demo banner. */
import type { HostMessage, WebviewMessage } from '../core/panelProtocol';
import { button, h } from './dom';

type Config = Extract<HostMessage, { type: 'config' }>;

export const DEMO_BANNER_TEXT =
  'Offline demo: answers come from the bundled fake server, not from Grok. Run “Grok: Set API Key” to use Grok.';

export class Toolbar {
  readonly element: HTMLElement;
  private readonly model: HTMLElement;
  private readonly webSearch: HTMLElement;
  private readonly banner: HTMLElement;

  constructor(post: (message: WebviewMessage) => void) {
    this.model = h('span', { class: 'toolbar-model' });
    this.webSearch = h('span', { class: 'toolbar-web-search', attrs: { hidden: true } });
    this.banner = h(
      'div',
      { class: 'demo-banner', attrs: { role: 'note', hidden: true } },
      h('span', { class: 'codicon codicon-beaker', attrs: { 'aria-hidden': 'true' } }),
      h('span', { text: DEMO_BANNER_TEXT }),
    );
    const newChat = button('New Chat', () => post({ type: 'newChat' }), { class: 'new-chat-button', attrs: { title: 'Start a new conversation' } }, 'add');
    this.element = h(
      'header',
      { class: 'panel-header' },
      h('div', { class: 'toolbar' }, h('span', { class: 'toolbar-title', text: 'Grok' }), this.model, this.webSearch, h('span', { class: 'toolbar-spacer' }), newChat),
      this.banner,
    );
  }

  applyConfig(config: Config): void {
    this.model.textContent = config.model;
    this.webSearch.textContent = config.webSearch ? 'Web search on' : '';
    this.webSearch.hidden = !config.webSearch;
    this.banner.hidden = !config.demo;
  }
}
