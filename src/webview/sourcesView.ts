/**
 * The numbered Sources list at the end of an answer, and the tooltips of the citation chips that
 * point into it. Built with DOM calls from URLs that passed the link policy; never from HTML.
 */
import { CITATION_CLASS } from '../core/markdown/markdownRenderer';
import { distinctSourceLabels, sourceKey, sourceLabel, type Source } from '../core/markdown/citationSources';
import { isSafeLinkUrl } from '../core/markdown/linkPolicy';
import { h } from './dom';

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

export class SourcesView {
  readonly element: HTMLElement;
  private readonly list: HTMLOListElement;
  /** Label of each shown source, by source key (chips use the same words as the list). */
  private labels = new Map<string, string>();
  private listSignature = '';
  private labelSignature = '';

  constructor() {
    this.list = h('ol', { class: 'sources-list' });
    this.element = h('section', { class: 'sources', attrs: { 'aria-label': 'Sources', hidden: true } }, h('h3', { class: 'sources-heading', text: 'Sources' }), this.list);
  }

  /**
   * Shows `sources`. Returns true when a label changed, so chips already in the answer need their
   * tooltips refreshed (`decorateChips` on the whole answer).
   */
  update(sources: readonly Source[]): boolean {
    const shown = sources.filter((source) => isSafeLinkUrl(source.url));
    const labels = distinctSourceLabels(shown);
    this.labels = new Map(shown.map((source, i) => [sourceKey(source.url), labels[i]]));
    const signature = shown.map((s, i) => `${s.number}\u0000${s.url}\u0000${labels[i]}`).join('\u0001');
    if (signature !== this.listSignature) {
      this.listSignature = signature;
      this.list.replaceChildren(...shown.map((source, i) => this.item(source, labels[i])));
      this.element.hidden = shown.length === 0;
    }
    const labelSignature = labels.join('\u0001');
    const labelsChanged = labelSignature !== this.labelSignature;
    this.labelSignature = labelSignature;
    return labelsChanged;
  }

  /** Gives chips under `root` a tooltip (title and URL) and an accessible name. */
  decorateChips(root: ParentNode): void {
    for (const chip of root.querySelectorAll<HTMLAnchorElement>(`a.${CITATION_CLASS}`)) {
      const url = chip.getAttribute('href');
      if (url === null) continue;
      const label = this.labels.get(sourceKey(url)) ?? sourceLabel({ url });
      chip.title = `${label}\n${url}`;
      chip.setAttribute('aria-label', `Source ${chip.textContent ?? ''}: ${label}`);
    }
  }

  private item(source: Source, label: string): HTMLLIElement {
    const link = h('a', { class: 'source-link', text: label, attrs: { href: source.url, title: source.url } });
    const item = h('li', { class: 'source', attrs: { value: source.number, 'data-source-number': source.number } }, link);
    const host = hostOf(source.url);
    if (source.title && host) item.append(h('span', { class: 'source-host', text: host }));
    if (!source.cited) item.classList.add('source-uncited');
    return item;
  }
}
