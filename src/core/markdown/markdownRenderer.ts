/**
 * The one markdown configuration for model output, shared by the panel and the benchmarks.
 * Model output is hostile: raw HTML is escaped (not parsed), only http(s) links survive, images only
 * from https, and nothing emits an inline `style` (the panel's CSP forbids it). The webview still
 * sanitises the HTML this produces; this layer makes sure the sanitiser has nothing to remove.
 */
import markdownIt from 'markdown-it';
import type { Env, MarkdownIt, StateCore, StateInline } from 'markdown-it';
import { scanCitation } from './citationSyntax';
import type { CitationNumbering } from './citationSources';
import { isSafeImageUrl, isSafeLinkUrl } from './linkPolicy';

/** Per-render state: the answer's source numbering, so chips show de-duplicated numbers. */
export interface MarkdownEnv extends Env {
  citations?: CitationNumbering;
}

interface CitationMeta {
  number: number;
  url: string;
}

/** CSS class of an inline citation chip (`<a class="citation" data-cite="N">`). */
export const CITATION_CLASS = 'citation';

export function createMarkdownRenderer(): MarkdownIt {
  const md = markdownIt({ html: false, linkify: false, typographer: false, breaks: false });
  // Reference definitions (`[x]: url`) may come after the paragraph that uses them, which would
  // change blocks already rendered and kept while streaming. Models rarely write them; they stay text.
  md.disable('reference');
  md.validateLink = isSafeLinkUrl;
  // Keep destinations exactly as written: a click must post the URL the model gave, byte for byte.
  // Safe because validateLink admitted only absolute http(s) URLs and attributes are escaped.
  md.normalizeLink = (url) => url;
  md.inline.ruler.before('link', 'citation', citationRule);
  md.core.ruler.push('table_align_classes', tableAlignClasses);
  md.renderer.rules.citation = (tokens, idx, _options, env) => {
    const { number, url } = tokens[idx].meta as unknown as CitationMeta;
    const citations = (env as MarkdownEnv | undefined)?.citations;
    const shown = citations ? citations.numberFor(url, number) : number;
    const escape = md.utils.escapeHtml;
    return `<a class="${CITATION_CLASS}" href="${escape(url)}" data-cite="${shown}">${shown}</a>`;
  };
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const escape = md.utils.escapeHtml;
    const src = token.attrGet('src')?.toString() ?? '';
    const alt = self.renderInlineAsText(token.children ?? [], options, env);
    const title = token.attrGet('title');
    const titleAttr = title ? ` title="${escape(title.toString())}"` : '';
    if (isSafeImageUrl(src)) {
      return `<img src="${escape(src)}" alt="${escape(alt)}"${titleAttr} loading="lazy" referrerpolicy="no-referrer">`;
    }
    // Plain http: the image is not loaded, but the reader can still open it as a link.
    return `<a href="${escape(src)}"${titleAttr}>${escape(alt || src)}</a>`;
  };
  return md;
}

/** `[[N]](url)` → a `citation` token, before the link rule would make it an ordinary `[N]` link. */
function citationRule(state: StateInline, silent: boolean): boolean {
  // Inside another link's text a chip would nest anchors; let the link rules decide there.
  if (state.linkLevel > 0 || state.src.charCodeAt(state.pos) !== 0x5b) return false;
  const scan = scanCitation(state.src, state.pos, state.posMax);
  if (scan.kind !== 'complete' || !isSafeLinkUrl(scan.citation.url)) return false;
  if (!silent) {
    const token = state.push('citation', 'a', 0);
    token.meta = { number: scan.citation.number, url: scan.citation.url } satisfies CitationMeta;
    token.markup = state.src.slice(state.pos, scan.citation.end);
  }
  state.pos = scan.citation.end;
  return true;
}

/** Table alignment as classes: markdown-it emits `style="text-align:…"`, which the CSP would block. */
function tableAlignClasses(state: StateCore): void {
  for (const token of state.tokens) {
    if (token.type !== 'th_open' && token.type !== 'td_open') continue;
    const align = /text-align:(left|center|right)/.exec(String(token.attrGet('style') ?? ''))?.[1];
    token.attrs = token.attrs?.filter(([name]) => name !== 'style') ?? null;
    if (align) token.attrJoin('class', `align-${align}`);
  }
}
