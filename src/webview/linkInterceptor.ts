/**
 * The panel never navigates. Every link activation (click, middle click, Enter on a focused link) is
 * cancelled here; http(s) links are handed to the host, which opens them externally.
 */
import { isSafeLinkUrl } from '../core/markdown/linkPolicy';

export function interceptLinks(target: Document, open: (url: string) => void): void {
  const onActivate = (event: MouseEvent): void => {
    const anchor = event.target instanceof Element ? event.target.closest('a') : null;
    if (!anchor) return;
    event.preventDefault();
    // VS Code's webview preload listens on the window (bubbling) and opens any clicked link itself,
    // without checking defaultPrevented: stop the event here or links would open twice, and
    // through VS Code's opener rather than the host's http(s)-only check.
    event.stopPropagation();
    if (event.type === 'auxclick' && event.button !== 1) return;
    const url = anchor.getAttribute('href');
    if (url !== null && isSafeLinkUrl(url)) open(url);
  };
  // Capture phase on the document: runs before anything else can act on the click.
  target.addEventListener('click', onActivate, true);
  target.addEventListener('auxclick', onActivate, true);
}
