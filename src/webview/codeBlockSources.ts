/**
 * Keeps the exact source of every code block the markdown renderer emits, so a code block's actions
 * send the code as the model wrote it, never text read back from the DOM (which highlighting, the
 * toolbar or the browser's whitespace handling could change). The renderer tags each block with an
 * id; the view takes the source by that id when it inserts the block, in the same frame.
 */
import type { MarkdownIt, Token } from 'markdown-it';

/** Set by the renderer on the block's `<code>` (fences) or `<pre>` (indented code); removed once read. */
export const CODE_BLOCK_ATTRIBUTE = 'data-code-block';

const CODE_BLOCK_ID = new RegExp(` ${CODE_BLOCK_ATTRIBUTE}="\\d+"`, 'g');

/**
 * Renderer HTML without the code block ids, which differ on every render of the same markdown: what
 * the view compares to tell whether a re-rendered tail changed (the ids never reach the DOM).
 */
export function withoutCodeBlockIds(html: string): string {
  return html.includes(CODE_BLOCK_ATTRIBUTE) ? html.replace(CODE_BLOCK_ID, '') : html;
}

export interface CodeBlockSource {
  /** The block's text exactly as in the markdown (fence markers and indentation of indented code excluded). */
  code: string;
  /** The first word of the fence's info string (`ts` in ```` ```ts title=x ````), if any. */
  language?: string;
}

export class CodeBlockSources {
  private readonly pending = new Map<string, CodeBlockSource>();
  private nextId = 0;

  /** Wraps `md`'s fence and indented-code rules; their HTML is unchanged but for the id attribute. */
  constructor(md: MarkdownIt) {
    for (const rule of ['fence', 'code_block'] as const) {
      const original = md.renderer.rules[rule];
      if (!original) throw new Error(`markdown-it has no ${rule} rule to wrap`);
      md.renderer.rules[rule] = (tokens, idx, options, env, self) => {
        const token = tokens[idx];
        const id = String(++this.nextId);
        this.pending.set(id, { code: token.content, language: rule === 'fence' ? fenceLanguage(md, token) : undefined });
        token.attrSet(CODE_BLOCK_ATTRIBUTE, id);
        return original(tokens, idx, options, env, self);
      };
    }
  }

  /** The source of the block tagged `id`, once: later calls return undefined. */
  take(id: string): CodeBlockSource | undefined {
    const source = this.pending.get(id);
    this.pending.delete(id);
    return source;
  }

  /**
   * Forgets sources nobody took. Rendering and inserting happen in the same frame, so anything left
   * at the end of a frame belongs to HTML that was never inserted.
   */
  clear(): void {
    this.pending.clear();
  }
}

function fenceLanguage(md: MarkdownIt, token: Token): string | undefined {
  const info = token.info ? md.utils.unescapeAll(token.info).trim() : '';
  const word = info.split(/\s+/)[0];
  return word === '' ? undefined : word.slice(0, 100);
}
