/**
 * Syntax highlighting of finished code blocks with highlight.js (its ~36 common languages; aliases
 * such as `ts`, `py` and `sh` resolve through it). Its HTML goes through the panel's sanitiser like
 * any other markup; the colours come from panel.css, which maps its token classes to VS Code theme
 * variables. Unknown languages and very large blocks stay plain text: highlighting is a nicety and
 * must never cost a long frame.
 */
import hljs from 'highlight.js/lib/common';
import { sanitizeToFragment } from './sanitize';

/** Larger blocks stay plain: highlight.js needs ~10 ms per 10 KB on a slow machine. */
export const MAX_HIGHLIGHT_CHARS = 30_000;

/** The highlight.js language for a fence's info word, or undefined when it knows none. */
export function highlightLanguage(language: string | undefined): string | undefined {
  if (!language) return undefined;
  const name = language.toLowerCase();
  return hljs.getLanguage(name) ? name : undefined;
}

/**
 * The highlighted, sanitised content for a `<code>` element, or undefined to leave it as plain text.
 * Its text content is exactly `code`: highlight.js only wraps runs of it in `<span class="hljs-…">`.
 */
export function highlightCode(code: string, language: string | undefined): DocumentFragment | undefined {
  const name = highlightLanguage(language);
  if (!name || code.length > MAX_HIGHLIGHT_CHARS) return undefined;
  let html: string;
  try {
    html = hljs.highlight(code, { language: name, ignoreIllegals: true }).value;
  } catch {
    return undefined; // a grammar bug on odd input: plain text is still correct
  }
  const fragment = sanitizeToFragment(html);
  // Belt and braces: if sanitising changed the text (it must not), the plain block is the truth.
  return fragment.textContent === code ? fragment : undefined;
}
