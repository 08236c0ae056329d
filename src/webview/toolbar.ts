/**
 * The strip above the conversation: model, the web search toggle, New Chat, and the offline-demo
 * banner. The toggle asks the host to change `grok.webSearch`; it shows the state the host's next
 * `config` reports, so it never claims a setting that did not take.
 */
import type { HostMessage, WebviewMessage } from '../core/panelProtocol';
import { button, h } from './dom';

type Config = Extract<HostMessage, { type: 'config' }>;

export const DEMO_BANNER_TEXT =
  'Offline demo: answers come from the bundled fake server, not from Grok. Run “Grok: Set API Key” to use Grok.';

export class Toolbar {
  readonly element: HTMLElement;
  private readonly model: HTMLElement;
  private readonly webSearch: HTMLButtonElement;
  private readonly banner: HTMLElement;
  private webSearchOn = false;

  constructor(post: (message: WebviewMessage) => void) {
    this.model = h('span', { class: 'toolbar-model' });
    this.webSearch = button('Web search', () => post({ type: 'setWebSearch', enabled: !this.webSearchOn }), {
      class: 'web-search-toggle',
      // Disabled until the host says what the setting is.
      attrs: { 'aria-pressed': 'false', disabled: true, title: 'Let Grok search the web (answers then cite their sources)' },
    }, 'globe');
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
    this.webSearchOn = config.webSearch;
    this.webSearch.disabled = false;
    this.webSearch.setAttribute('aria-pressed', String(config.webSearch));
    this.webSearch.title = config.webSearch
      ? 'Web search is on: Grok may search the web, and answers cite their sources. Click to turn it off (setting grok.webSearch).'
      : 'Web search is off. Click to let Grok search the web; answers then cite their sources (setting grok.webSearch).';
    this.banner.hidden = !config.demo;
  }
}
