/**
 * Puts an `IncrementalMarkdown` stream into a DOM element: finished blocks are sanitised and appended
 * once and never touched again; only the nodes of the open tail are replaced on each render.
 */
import type { MarkdownIt } from 'markdown-it';
import type { CitedUrl } from '../core/markdown/citationSources';
import { IncrementalMarkdown } from '../core/markdown/incrementalMarkdown';
import { sanitizeToFragment } from './sanitize';

export class MarkdownView {
  private readonly markdown: IncrementalMarkdown;
  private tailNodes: ChildNode[] = [];
  private dirty = false;

  constructor(
    readonly element: HTMLElement,
    md: MarkdownIt,
    /**
     * Runs on each sanitised fragment before it is inserted (chip tooltips, code block toolbars).
     * `settled`: the fragment holds finished blocks, never rendered again (else the open tail).
     */
    private readonly decorate: (fragment: DocumentFragment, settled: boolean) => void = () => {},
  ) {
    this.markdown = new IncrementalMarkdown(md);
  }

  get hasChanges(): boolean {
    return this.dirty;
  }

  get isEmpty(): boolean {
    return this.markdown.text.trim() === '';
  }

  append(text: string): void {
    if (this.markdown.isFinished || text === '') return;
    this.markdown.append(text);
    this.dirty = true;
  }

  /** Inline-cited URLs as displayed, in number order. */
  citedUrls(): CitedUrl[] {
    return this.markdown.citedUrls();
  }

  /** Applies what arrived since the last render. `final` settles the tail for good. */
  render(final: boolean): void {
    if (!this.dirty && !(final && !this.markdown.isFinished)) return;
    this.dirty = false;
    const update = final ? this.markdown.finish() : this.markdown.update();
    for (const node of this.tailNodes) node.remove();
    this.tailNodes = [];
    if (update.finishedHtml) {
      const finished = sanitizeToFragment(update.finishedHtml);
      this.decorate(finished, true);
      this.element.append(finished);
    }
    if (update.tailHtml) {
      const tail = sanitizeToFragment(update.tailHtml);
      this.decorate(tail, false);
      this.tailNodes = [...tail.childNodes];
      this.element.append(tail);
    }
  }
}
