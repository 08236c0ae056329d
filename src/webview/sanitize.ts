/**
 * DOMPurify with a strict allowlist: exactly the elements and attributes the markdown renderer emits.
 * The renderer already escapes raw HTML; this is the second wall, so a renderer bug or a future plugin
 * still cannot put scripts, handlers, forms, frames, SVG, styles or non-http(s) links into the panel.
 */
import DOMPurify from 'dompurify';
import { isSafeImageUrl, isSafeLinkUrl } from '../core/markdown/linkPolicy';

const ALLOWED_TAGS = [
  'a', 'blockquote', 'br', 'code', 'del', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'img', 'li', 'ol', 'p',
  'pre', 's', 'span', 'strong', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul',
];
// `data-code-block`: the renderer's id for a code block's source (codeBlockSources.ts), removed on insertion.
const ALLOWED_ATTR = ['href', 'src', 'alt', 'title', 'class', 'start', 'data-cite', 'data-code-block', 'loading', 'referrerpolicy'];

let purifier: ReturnType<typeof DOMPurify> | undefined;

function getPurifier(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  purifier = DOMPurify(window);
  // Set once: passing the config to every sanitize() call would re-parse it each time (every frame).
  purifier.setConfig({
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    // Non-URL attributes must not be judged as URLs; `href`/`src` must be http(s).
    ADD_URI_SAFE_ATTR: ['data-cite', 'data-code-block', 'start', 'loading', 'referrerpolicy'],
    ALLOWED_URI_REGEXP: /^https?:/i,
    RETURN_DOM_FRAGMENT: true,
  });
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node instanceof HTMLAnchorElement) {
      const href = node.getAttribute('href');
      if (href !== null && !isSafeLinkUrl(href)) node.removeAttribute('href');
    } else if (node instanceof HTMLImageElement) {
      const src = node.getAttribute('src');
      // DOMPurify lets `data:` through on <img>; only https images may load.
      if (src !== null && !isSafeImageUrl(src)) node.removeAttribute('src');
      node.setAttribute('referrerpolicy', 'no-referrer');
    }
  });
  return purifier;
}

/** Sanitises renderer HTML into a fragment ready to insert. */
export function sanitizeToFragment(html: string): DocumentFragment {
  const result: unknown = getPurifier().sanitize(html);
  // The config set above makes sanitize() return a fragment; its types cannot know that.
  if (!(result instanceof DocumentFragment)) throw new Error('sanitizeToFragment: DOMPurify did not return a fragment');
  return result;
}
