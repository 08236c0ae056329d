/**
 * The numbered Sources list at the end of an answer, and the tooltips of the citation chips that
 * point into it. Built with DOM calls from URLs that passed the link policy; never from HTML.
 */
import { CITATION_CLASS } from '../core/markdown/markdownRenderer';
import { distinctSourceLabels, sourceKey, sourceLabel, type Source } from '../core/markdown/citationSources';
import { isSafeLinkUrl } from '../core/markdown/linkPolicy';
import { h, setHidden } from './dom';

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
  /** The shown list items, by everything each shows. */
  private items = new Map<string, HTMLLIElement>();
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
    // Items are kept by everything they show, so an unchanged source keeps its element.
    const previous = this.items;
    this.items = new Map();
    const items = shown.map((source, i) => {
      const key = [source.number, source.url, labels[i], source.title ?? '', source.cited].join('\u0000');
      const item = previous.get(key) ?? this.item(source, labels[i]);
      this.items.set(key, item);
      return item;
    });
    this.showItems(items);
    setHidden(this.element, shown.length === 0);
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
      // Written only when they change: an attribute write invalidates style even when it changes nothing.
      const title = `${label}\n${url}`;
      const name = `Source ${chip.textContent ?? ''}: ${label}`;
      if (chip.title !== title) chip.title = title;
      if (chip.getAttribute('aria-label') !== name) chip.setAttribute('aria-label', name);
    }
  }

  /**
   * Puts `items` in the list in order, moving or inserting only those not already in place: a
   * citation arriving mid-stream adds its item and leaves the others (and any focus on them) alone.
   */
  private showItems(items: readonly HTMLLIElement[]): void {
    let cursor = this.list.firstElementChild;
    for (const item of items) {
      if (item === cursor) cursor = cursor.nextElementSibling;
      else this.list.insertBefore(item, cursor);
    }
    while (cursor) {
      const next = cursor.nextElementSibling;
      cursor.remove();
      cursor = next;
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
