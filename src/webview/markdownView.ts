/**
 * Puts an `IncrementalMarkdown` stream into a DOM element: finished blocks are sanitised and appended
 * once and never touched again; the open tail is re-rendered on each render, and its nodes change only
 * as much as its HTML did: not at all when it is the same (a citation still arriving is held back),
 * one text node when only text was added at its end (most frames of a stream: IncrementalMarkdown
 * says so itself when it extended the tail without re-rendering it), only one element's last
 * children when the change is confined there (a table row, a list item: htmlSuffixChange.ts), else the
 * sanitised new render is morphed into them (tailMorph.ts), which also carries them into the blocks
 * they finish as.
 * Finished blocks then move into settled groups (settledGroups.ts), ahead of the tail.
 */
import type { MarkdownIt } from 'markdown-it';
import type { CitedUrl } from '../core/markdown/citationSources';
import { findHtmlSuffixChange } from '../core/markdown/htmlSuffixChange';
import { findHtmlTextAppend } from '../core/markdown/htmlTextAppend';
import { IncrementalMarkdown } from '../core/markdown/incrementalMarkdown';
import { sanitizeToFragment } from './sanitize';
import { applyTailTextAppend } from './tailTextAppend';
import { SettledGroups } from './settledGroups';
import { morphSiblings } from './tailMorph';

/** What one `render()` did to the DOM. */
export type RenderChange = 'none' | 'text' | 'nodes';

export interface MarkdownViewOptions {
  /**
   * Runs on each sanitised fragment before it is inserted (chip tooltips, code block toolbars).
   * `settled`: the fragment holds finished blocks, never rendered again (else the open tail).
   * It may change attributes, and add or remove elements of settled fragments only. What it shows
   * ends up in the DOM, but not always as the fragment's own nodes: the morph may carry the shown
   * nodes over instead. Only a settled fragment holding a `<pre>` goes in as it is, so only there may
   * it keep references to nodes or add listeners (code block toolbars, queued highlighting).
   */
  decorate?: (fragment: DocumentFragment, settled: boolean) => void;
  /**
   * The tail's HTML as it compares between renders: drops what differs on every render but is not
   * shown (the code block ids that `decorate` removes). Identity by default.
   */
  comparableHtml?: (html: string) => string;
}

export class MarkdownView {
  private readonly markdown: IncrementalMarkdown;
  private readonly decorate: (fragment: DocumentFragment, settled: boolean) => void;
  private readonly comparableHtml: (html: string) => string;
  private tailNodes: ChildNode[] = [];
  private readonly settled: SettledGroups;
  /** The comparable HTML the tail's nodes show. */
  private tailHtml = '';
  private dirty = false;

  constructor(
    readonly element: HTMLElement,
    md: MarkdownIt,
    options: MarkdownViewOptions = {},
  ) {
    this.markdown = new IncrementalMarkdown(md);
    this.settled = new SettledGroups(element);
    this.decorate = options.decorate ?? (() => {});
    this.comparableHtml = options.comparableHtml ?? ((html) => html);
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
  render(final: boolean): RenderChange {
    if (!this.dirty && !(final && !this.markdown.isFinished)) return 'none';
    this.dirty = false;
    const update = final ? this.markdown.finish() : this.markdown.update();
    const tailHtml = this.comparableHtml(update.tailHtml);
    if (!update.finishedHtml) {
      // Most frames: the markdown knows its new text only extends the tail's last text, no compare needed.
      if (update.tailAppend && applyTailTextAppend(this.tailNodes, update.tailAppend)) {
        this.tailHtml = tailHtml;
        return 'text';
      }
      if (tailHtml === this.tailHtml) return 'none';
      const append = findHtmlTextAppend(this.tailHtml, tailHtml);
      if (append && applyTailTextAppend(this.tailNodes, append)) {
        this.tailHtml = tailHtml;
        return 'text';
      }
      if (this.patchTail(tailHtml)) {
        this.tailHtml = tailHtml;
        return 'nodes';
      }
    }
    this.tailHtml = tailHtml;
    const finished = update.finishedHtml ? sanitizeToFragment(update.finishedHtml) : undefined;
    const tail = update.tailHtml ? sanitizeToFragment(update.tailHtml) : undefined;
    // Finished code blocks get toolbars and queued highlighting that hold on to the fragment's own
    // nodes: those go in as they are. Anything else grows out of the tail's nodes.
    const carried = finished?.querySelector('pre') ? [] : this.tailNodes;
    if (carried !== this.tailNodes) for (const node of this.tailNodes) node.remove();
    if (finished) this.decorate(finished, true);
    if (tail) this.decorate(tail, false);
    const finishedNodes = finished ? [...finished.childNodes] : [];
    const shown = morphSiblings(this.element, carried, [...finishedNodes, ...(tail ? tail.childNodes : [])]);
    this.tailNodes = shown.slice(finishedNodes.length);
    this.settled.add(shown.slice(0, finishedNodes.length));
    return 'nodes';
  }

  /**
   * Applies a change confined to one element's last children (htmlSuffixChange.ts) to the tail's nodes:
   * only those children are parsed, sanitised and morphed. Returns false, having changed nothing, when
   * there is no such change or the nodes do not have the shape the previous HTML describes.
   */
  private patchTail(tailHtml: string): boolean {
    const change = findHtmlSuffixChange(this.tailHtml, tailHtml);
    if (!change) return false;
    let element: Element | undefined;
    let children: ArrayLike<ChildNode> = this.tailNodes;
    for (const { tag, index } of change.path) {
      const node = children[index];
      if (!(node instanceof Element) || node.localName !== tag) return false;
      element = node;
      children = node.childNodes;
    }
    if (!element || children.length - change.from !== change.previousCount) return false;
    // Parsed inside the same elements, so the parser builds what it would in place (rows in a table).
    const tags = change.path.map((step) => step.tag);
    const fragment = sanitizeToFragment(`${tags.map((tag) => `<${tag}>`).join('')}${change.html}${tags.reverse().map((tag) => `</${tag}>`).join('')}`);
    let copy: ParentNode = fragment;
    for (const { tag } of change.path) {
      const node = copy.firstChild;
      if (!(node instanceof Element) || node.localName !== tag || node !== copy.lastChild) return false;
      copy = node;
    }
    this.decorate(fragment, false);
    morphSiblings(element, Array.from(children).slice(change.from), [...copy.childNodes]);
    return true;
  }
}
