/**
 * What a finished code block gets: a toolbar (language; Copy, Insert at Cursor, Apply to Selection,
 * Open in New File) that posts the block's exact source, and syntax highlighting. Blocks still
 * streaming (the open tail) stay plain, without actions. Highlighting is queued and done inside
 * animation frames under a time budget, so a burst of finished blocks (a restored conversation)
 * never makes a long frame.
 */
import type { CodeBlockAction } from '../core/panelProtocol';
import { MAX_CODE_BLOCK_CHARS } from '../core/panelProtocol';
import { CODE_BLOCK_ATTRIBUTE, type CodeBlockSource, type CodeBlockSources } from './codeBlockSources';
import { highlightCode } from './codeHighlighter';
import { button, h } from './dom';

/** Set on a finished block's `<pre>`: `pending` until highlighting ran, then `done` or `plain`. */
export const HIGHLIGHT_STATE_ATTRIBUTE = 'data-highlight';
/** Main-thread time per frame that queued highlighting may take (at least one block always runs). */
const HIGHLIGHT_BUDGET_MS = 6;
/** How long a button says "Copied" after a click. */
const FEEDBACK_MS = 1500;

interface ActionSpec {
  action: CodeBlockAction;
  label: string;
  icon: string;
  title: string;
}

const ACTIONS: readonly ActionSpec[] = [
  { action: 'copy', label: 'Copy', icon: 'copy', title: 'Copy the code to the clipboard' },
  { action: 'insert', label: 'Insert', icon: 'insert', title: 'Insert the code at the cursor in the editor' },
  { action: 'apply', label: 'Apply', icon: 'git-compare', title: 'Replace the editor’s selection with the code (shows a diff to accept first)' },
  { action: 'newFile', label: 'New File', icon: 'new-file', title: 'Open the code in a new untitled file' },
];

export type CodeBlockActionHandler = (action: CodeBlockAction, source: CodeBlockSource) => void;

interface HighlightJob {
  pre: HTMLElement;
  code: HTMLElement;
  source: CodeBlockSource;
}

export class CodeBlocks {
  private readonly queue: HighlightJob[] = [];

  constructor(
    private readonly sources: CodeBlockSources,
    private readonly onAction: CodeBlockActionHandler,
  ) {}

  /**
   * Prepares the code blocks of a sanitised fragment before it is inserted. `settled` blocks (finished,
   * never re-rendered) get their toolbar and are queued for highlighting; the open tail's are only
   * untagged. `nextNumber` numbers the blocks of one answer, for their accessible names.
   */
  decorate(fragment: DocumentFragment, settled: boolean, nextNumber: () => number): void {
    for (const tagged of fragment.querySelectorAll<HTMLElement>(`[${CODE_BLOCK_ATTRIBUTE}]`)) {
      const source = this.sources.take(tagged.getAttribute(CODE_BLOCK_ATTRIBUTE) ?? '');
      tagged.removeAttribute(CODE_BLOCK_ATTRIBUTE);
      const pre = tagged.closest('pre');
      const code = pre?.querySelector('code');
      if (!settled || !source || !pre || !code) continue;
      pre.classList.add('code-block');
      pre.before(this.toolbar(source, nextNumber()));
      pre.setAttribute(HIGHLIGHT_STATE_ATTRIBUTE, 'pending');
      this.queue.push({ pre, code, source });
    }
  }

  /** True while blocks wait to be highlighted (the caller asks for another frame). */
  get hasPendingWork(): boolean {
    return this.queue.length > 0;
  }

  /**
   * Called once per frame after every turn rendered: sources not taken belong to HTML that was never
   * inserted, and queued blocks are highlighted until the frame's budget is spent.
   */
  endFrame(now: () => number = () => performance.now()): void {
    this.sources.clear();
    this.highlightQueued(now);
  }

  private highlightQueued(now: () => number): void {
    const deadline = now() + HIGHLIGHT_BUDGET_MS;
    do {
      const job = this.queue.shift();
      if (!job) return;
      // A block removed meanwhile (New Chat, a regenerated turn) needs no work.
      if (!job.pre.isConnected) continue;
      const highlighted = highlightCode(job.source.code, job.source.language);
      if (highlighted) {
        job.code.replaceChildren(highlighted);
        job.code.classList.add('hljs');
      }
      job.pre.setAttribute(HIGHLIGHT_STATE_ATTRIBUTE, highlighted ? 'done' : 'plain');
    } while (now() < deadline);
  }

  private toolbar(source: CodeBlockSource, number: number): HTMLElement {
    const language = source.language ?? 'text';
    const bar = h('div', { class: 'code-toolbar', attrs: { role: 'toolbar', 'aria-label': `Code block ${number} (${language})` } });
    bar.append(h('span', { class: 'code-language', text: language }));
    if (source.code.length > MAX_CODE_BLOCK_CHARS) {
      bar.append(h('span', { class: 'code-too-large', text: 'Too large for actions; select and copy it instead.' }));
      return bar;
    }
    const controls = ACTIONS.map((spec, index) => {
      const control = button(spec.label, () => {
        this.onAction(spec.action, source);
        if (spec.action === 'copy') showFeedback(control, 'Copied');
      }, { class: 'code-action', attrs: { title: spec.title, 'data-code-action': spec.action, 'aria-label': `${spec.label} (code block ${number})` } }, spec.icon);
      control.tabIndex = index === 0 ? 0 : -1;
      return control;
    });
    bar.append(...controls);
    bar.addEventListener('keydown', (event) => moveFocus(event, controls));
    return bar;
  }
}

/**
 * The toolbar pattern: one tab stop per toolbar (a long answer would otherwise cost four Tab presses
 * per block), arrow keys, Home and End move between its buttons.
 */
function moveFocus(event: KeyboardEvent, controls: readonly HTMLButtonElement[]): void {
  const current = controls.indexOf(document.activeElement as HTMLButtonElement);
  if (current === -1) return;
  const last = controls.length - 1;
  const next = { ArrowRight: current === last ? 0 : current + 1, ArrowLeft: current === 0 ? last : current - 1, Home: 0, End: last }[event.key];
  if (next === undefined) return;
  event.preventDefault();
  controls[current].tabIndex = -1;
  controls[next].tabIndex = 0;
  controls[next].focus();
}

/** Briefly replaces a button's label (its accessible name stays; a polite live region says it). */
function showFeedback(control: HTMLButtonElement, text: string): void {
  const label = control.querySelector('span:last-child');
  if (!label || control.dataset.feedback) return;
  const original = label.textContent;
  control.dataset.feedback = 'true';
  label.textContent = text;
  label.setAttribute('role', 'status');
  window.setTimeout(() => {
    label.textContent = original;
    label.removeAttribute('role');
    delete control.dataset.feedback;
  }, FEEDBACK_MS);
}
