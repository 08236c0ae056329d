/**
 * Browser entry of the panel benchmark's baselines, with the panel's own markdown-it setup and
 * DOMPurify sanitiser, the same DOM shape and stylesheet, so only the rendering strategy differs:
 *  - `per-message`: on every message, re-parse and sanitise the whole answer and replace the answer's
 *    content. Fed one message per model delta, this is the "naive" approach (what peers do);
 *    fed the host's coalesced messages, a full render per host message;
 *  - `per-frame`: the same full render, at most once per animation frame;
 *  - `none`: receives the messages and renders nothing (the floor: what delivering the stream and
 *    measuring it cost on their own);
 *  - `text`: no markdown at all: at most once per animation frame, the new text is appended to the
 *    text node of the last line, each source line its own paragraph, the paragraphs in groups (the
 *    text floor: what showing every frame's new text costs the browser here; a line per paragraph
 *    keeps each paragraph as short as the markdown's, where one text node for the whole answer would
 *    make every frame re-lay out all of it; the groups keep each frame's walk over siblings short);
 *  - `tick`: at most once per animation frame, one short text (the answer's length) is changed (the
 *    frame floor: what any frame that changes the DOM costs here, whatever it shows).
 * The full render replaces the answer's children with DOMPurify's fragment: the cheapest form of
 * "replace innerHTML" (no serialise and re-parse). Renderers follow the bottom like the panel does
 * (a ResizeObserver: at most once per frame, without forcing a layout). They skip what the panel does
 * besides rendering (protocol validation, Sources, code-block toolbars and highlighting, status,
 * saved state): that only flatters them.
 */
import { CitationNumbering } from '../src/core/markdown/citationSources';
import { createMarkdownRenderer, type MarkdownEnv } from '../src/core/markdown/markdownRenderer';
import type { HostMessage } from '../src/core/panelProtocol';
import { sanitizeToFragment } from '../src/webview/sanitize';

const MODES = ['per-message', 'per-frame', 'text', 'tick', 'none'] as const;
export type BaselineMode = (typeof MODES)[number];
const isMode = (name: string | null): name is BaselineMode => (MODES as readonly (string | null)[]).includes(name);

const md = createMarkdownRenderer();

function startBaseline(root: HTMLElement, mode: BaselineMode): void {
  const conversation = document.createElement('main');
  conversation.className = 'conversation';
  root.append(conversation);
  let answer: HTMLElement | undefined;
  let text = '';
  let frameRequested = false;
  /** `text` mode: how much of `text` the answer shows. */
  let shownLength = 0;

  const render = (): void => {
    if (!answer) return;
    if (mode === 'tick') {
      const count = `${text.length} characters`;
      if (answer.firstChild instanceof Text) answer.firstChild.data = count;
      else answer.textContent = count;
      return;
    }
    if (mode === 'text') {
      appendPlainLines(answer, text.slice(shownLength));
      shownLength = text.length;
      return;
    }
    const env: MarkdownEnv = { citations: new CitationNumbering() };
    answer.replaceChildren(sanitizeToFragment(md.render(text, env)));
  };
  // Follows the bottom as the panel does (src/webview/conversationView.ts): after layout, when the
  // content grew, never by forcing a layout of its own.
  const follow = new ResizeObserver(() => {
    conversation.scrollTop = conversation.scrollHeight;
  });

  const textChanged = (): void => {
    if (mode === 'per-message') render();
    else if ((mode === 'per-frame' || mode === 'text' || mode === 'tick') && !frameRequested) {
      frameRequested = true;
      requestAnimationFrame(() => {
        frameRequested = false;
        render();
      });
    }
  };

  window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
    const message = event.data;
    switch (message.type) {
      case 'turnStarted': {
        const turn = document.createElement('article');
        turn.className = 'turn';
        turn.dataset.turnId = message.turnId;
        answer = document.createElement('div');
        answer.className = 'answer markdown-body';
        turn.append(answer);
        conversation.replaceChildren(turn);
        follow.disconnect();
        if (mode !== 'none') follow.observe(turn);
        text = '';
        break;
      }
      case 'textDelta':
        text += message.text;
        textChanged();
        break;
      case 'cleared':
        conversation.replaceChildren();
        answer = undefined;
        text = '';
        shownLength = 0;
        break;
      default:
        break;
    }
  });
}

/**
 * Paragraphs per group in the text floor. A parent with hundreds of children costs the browser a walk
 * over all of them on every frame that changes one (layout, pre-paint, paint): grouping the lines keeps
 * that walk short. Unlike the panel's settled groups (which must leave margins collapsing), each group
 * is also a layout container: plain text has no margins to keep, and containment is cheaper still.
 */
const LINES_PER_GROUP = 24;

/** Appends `text` to `answer` as plain lines: to the last line's text node, a new paragraph per line feed. */
function appendPlainLines(answer: HTMLElement, text: string): void {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let group = answer.lastElementChild as HTMLElement | null;
    let last = group?.lastElementChild?.firstChild;
    if (i > 0 || !(last instanceof Text)) {
      if (!group || group.childElementCount >= LINES_PER_GROUP) {
        group = document.createElement('div');
        group.style.contain = 'layout';
        answer.append(group);
      }
      const paragraph = document.createElement('p');
      last = document.createTextNode('');
      paragraph.append(last);
      group.append(paragraph);
    }
    if (lines[i]) (last as Text).appendData(lines[i]);
  }
}

const mode = new URLSearchParams(location.search).get('mode');
if (!isMode(mode)) throw new Error(`panel bench baseline: unknown mode ${mode}`);
startBaseline(document.getElementById('app') ?? document.body, mode);
