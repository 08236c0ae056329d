/**
 * Test-only bundle: streams markdown through the panel's real `MarkdownView` (with the panel's
 * markdown setup, code block ids and sanitiser) and, after every render, compares its DOM with a
 * fresh view that renders the same text in one go: what a full re-render would show.
 */
import { createMarkdownRenderer } from '../../../src/core/markdown/markdownRenderer';
import { CODE_BLOCK_ATTRIBUTE, CodeBlockSources, withoutCodeBlockIds } from '../../../src/webview/codeBlockSources';
import { findHtmlTextAppend } from '../../../src/core/markdown/htmlTextAppend';
import { MarkdownView, type RenderChange } from '../../../src/webview/markdownView';
import { morphSiblings } from '../../../src/webview/tailMorph';
import { applyTailTextAppend } from '../../../src/webview/tailTextAppend';

export interface StreamCheck {
  /** How each render changed the streamed view's DOM. */
  changes: Record<RenderChange, number>;
  /** Renders whose DOM differed from the fresh render (at most a few, for the message). */
  mismatches: { step: number; text: string; streamed: string; fresh: string }[];
  /** Renders that changed only text but replaced an element that was there before. */
  replacedOnTextChange: number;
  finalHtml: string;
}

const md = createMarkdownRenderer();
const sources = new CodeBlockSources(md);

function newView(): MarkdownView {
  return new MarkdownView(document.createElement('div'), md, {
    // As the panel does for the streaming tail: the code block id never reaches the DOM.
    decorate: (fragment) => {
      for (const tagged of fragment.querySelectorAll(`[${CODE_BLOCK_ATTRIBUTE}]`)) {
        sources.take(tagged.getAttribute(CODE_BLOCK_ATTRIBUTE) ?? '');
        tagged.removeAttribute(CODE_BLOCK_ATTRIBUTE);
      }
    },
    comparableHtml: withoutCodeBlockIds,
  });
}

/** The DOM's exact shape: elements, attributes and every text node on its own (not merged as innerHTML would). */
function shape(node: Node): string {
  if (node instanceof Text) return `#text(${JSON.stringify(node.data)})`;
  if (!(node instanceof Element)) return `#${node.nodeName}`;
  const attributes = [...node.attributes].map((a) => `${a.name}=${JSON.stringify(a.value)}`).join(' ');
  return `<${node.localName}${attributes ? ' ' + attributes : ''}>[${[...node.childNodes].map(shape).join(',')}]`;
}

function streamCheck(chunks: string[]): StreamCheck {
  const streamed = newView();
  const changes: Record<RenderChange, number> = { none: 0, text: 0, nodes: 0 };
  const mismatches: StreamCheck['mismatches'] = [];
  let replacedOnTextChange = 0;
  let text = '';
  const compare = (step: number, final: boolean) => {
    const fresh = newView();
    fresh.append(text);
    fresh.render(final);
    const [a, b] = [shape(streamed.element), shape(fresh.element)];
    if (a !== b && mismatches.length < 3) mismatches.push({ step, text, streamed: a, fresh: b });
  };
  chunks.forEach((chunk, step) => {
    const elementsBefore = [...streamed.element.querySelectorAll('*')];
    streamed.append(chunk);
    text += chunk;
    const change = streamed.render(false);
    changes[change]++;
    if (change === 'text' && elementsBefore.some((e) => !streamed.element.contains(e))) replacedOnTextChange++;
    compare(step, false);
    sources.clear();
  });
  changes[streamed.render(true)]++;
  compare(chunks.length, true);
  sources.clear();
  return { changes, mismatches, replacedOnTextChange, finalHtml: streamed.element.innerHTML };
}

/**
 * Parses `previous` (trusted test HTML), applies the text append that leads to `next` to its nodes,
 * and returns the patched shape next to the shape the parser builds from `next`.
 */
export interface PatchCheck {
  found: boolean;
  applied: boolean;
  /** Shapes of the DOM parsed from `previous`, after the patch, and parsed from `next`. */
  original: string;
  patched: string;
  parsed: string;
}

function patchCheck(previous: string, next: string): PatchCheck {
  const parse = (html: string) => {
    const container = document.createElement('div');
    container.innerHTML = html;
    return container;
  };
  const container = parse(previous);
  const original = shape(container);
  const append = findHtmlTextAppend(previous, next);
  const applied = append ? applyTailTextAppend([...container.childNodes], append) : false;
  return { found: append !== undefined, applied, original, patched: shape(container), parsed: shape(parse(next)) };
}

export interface KeptCheck {
  /** Whether the element the first render showed is still the one in the view at the end. */
  kept: boolean;
  changes: Record<RenderChange, number>;
  /** The first element `selector` matched, after the first piece. */
  first: string;
  finalHtml: string;
}

/** Streams `pieces`, and follows the element `selector` matches after the first one. */
function keptCheck(pieces: string[], selector: string, final: boolean): KeptCheck {
  const view = newView();
  const changes: Record<RenderChange, number> = { none: 0, text: 0, nodes: 0 };
  let element: Element | null = null;
  pieces.forEach((piece, i) => {
    view.append(piece);
    changes[view.render(false)]++;
    if (i === 0) element = view.element.querySelector(selector);
    sources.clear();
  });
  if (final) changes[view.render(true)]++;
  sources.clear();
  const first = element as Element | null;
  return { kept: first !== null && view.element.contains(first), changes, first: first?.outerHTML ?? '', finalHtml: view.element.innerHTML };
}

export interface MorphCheck {
  /** Shapes of the morphed DOM and of the DOM parsed from `next`. */
  morphed: string;
  parsed: string;
  /** Elements of the DOM parsed from `previous` that are still in the morphed one. */
  keptElements: number;
  /** Whether the container's children are exactly the nodes morphSiblings returned. */
  returnedInPlace: boolean;
}

/** Parses both (trusted test HTML), morphs the nodes of `previous` into those of `next`. */
function morphCheck(previous: string, next: string): MorphCheck {
  const container = document.createElement('div');
  container.innerHTML = `<p>settled</p>${previous}`;
  const settled = container.firstChild as ChildNode;
  const before = [...container.querySelectorAll('*')];
  const template = document.createElement('template');
  template.innerHTML = next;
  const returned = morphSiblings(container, [...container.childNodes].slice(1), [...template.content.childNodes]);
  const expected = document.createElement('div');
  expected.innerHTML = `<p>settled</p>${next}`;
  const children = [...container.childNodes];
  return {
    morphed: shape(container),
    parsed: shape(expected),
    keptElements: before.filter((e) => container.contains(e) && e !== settled).length,
    returnedInPlace: children[0] === settled && children.length === returned.length + 1 && returned.every((node, i) => children[i + 1] === node),
  };
}

Object.assign(window, { streamCheck, patchCheck, keptCheck, morphCheck });
