import * as assert from 'node:assert/strict';
import type { ClosingToken } from '../../../src/core/markdown/htmlTextAppend';
import { IncrementalMarkdown, type MarkdownUpdate } from '../../../src/core/markdown/incrementalMarkdown';
import { createMarkdownRenderer } from '../../../src/core/markdown/markdownRenderer';
import { MARKDOWN_FIXTURES } from '../../webview/support/markdownFixtures';
import { randomChunks, seededRandom } from '../../webview/support/seededChunks';

const md = createMarkdownRenderer();

function serialize(closing: readonly ClosingToken[]): string {
  return closing.map((token) => (token.kind === 'close' ? `</${token.tag}>` : token.text)).join('');
}

/**
 * Streams `chunks` into an IncrementalMarkdown that extends its tail and into one that re-renders it
 * on every update, and asserts every update is the same. Returns how many updates were extensions.
 */
function compareWithFullRenders(chunks: readonly string[], label: string): { extended: number; updates: number } {
  const extending = new IncrementalMarkdown(md);
  const reference = new IncrementalMarkdown(md, { extendTail: false });
  let previousTail = '';
  let extended = 0;
  chunks.forEach((chunk, i) => {
    extending.append(chunk);
    reference.append(chunk);
    const got: MarkdownUpdate = extending.update();
    const want = reference.update();
    const where = `${label}, update ${i} after ${JSON.stringify(chunks.slice(0, i + 1).join('').slice(-60))}`;
    assert.equal(got.finishedHtml, want.finishedHtml, where);
    assert.equal(got.tailHtml, want.tailHtml, where);
    assert.deepEqual(extending.citedUrls(), reference.citedUrls(), where);
    if (got.tailAppend) {
      // The promise the view relies on: the previous tail with the text inserted before the closing tags.
      const closing = serialize(got.tailAppend.closing);
      assert.ok(previousTail.endsWith(closing), where);
      assert.equal(got.tailHtml, previousTail.slice(0, previousTail.length - closing.length) + md.utils.escapeHtml(got.tailAppend.text) + closing, where);
      extended++;
    }
    previousTail = got.tailHtml;
  });
  assert.equal(extending.finish().finishedHtml, reference.finish().finishedHtml, `${label}: finish`);
  return { extended, updates: chunks.length };
}

/** Lines whose meaning hangs on what follows them, mixed with prose and code that may be extended. */
const LINES = [
  '', '', 'Plain words of prose, with commas, periods. And (parens) too', 'more words [[1]](https://x.ai/a) after a citation',
  'Words with *em* and **strong** and `code` and ~~gone~~', 'snake_case and a_b and 2*3*4', 'x &amp; y &#35; z &copy', 'see <https://x.ai/auto> or <b>',
  'ends in spaces   ', 'hard break  ', 'back\\*slash \\', 'tab\tinside and trailing\t', '\u00a0nbsp first and last\u00a0', 'naïve café 日本語 ünïcödé',
  '- item with words', '* star item', '1. one thing', '2) two things', '10. ten', '  - nested item words', '  indented continuation',
  '    code line words', '```', '```ts', '~~~', '````md', 'const x = [1, 2]; // code `tick` *star*', '  return `${a}`;', '```x``` inline',
  '> quote words', '> > nested quote', '>', '# heading', '## heading with closing ##', '### h3 #', '#hashtag not heading', '---', '===', '***', '- ',
  '1.', '#', '1', '-', '| a | b |', '|---|:-:|', '| 1 | 2 |', 'cell | cell', '[x]: https://x.ai/ref', 'a link [text](https://x.ai/p', '![img](https://x.ai/i.png)',
  '  ', '\t', '  code after blank-ish line', '```py', '  indented code  ', 'Setext title', '[[2]](https://x.ai/b(c)) paren url', 'trailing hash #', 'ends with bang!', 'exclaim ![not image', 'em *open', 'under _open',
  'x <script>alert(1)</script> y', 'emoji 👍🏽 and 👨‍👩‍👧 zwj', 'rtl \u202e text \u200b zero', 'ls\u2028sep and\u00a0nbsp',
  'ctrl \u0001 \u007f chars', 'nul \u0000 byte', 'lone \ud800 surrogate', '[evil](javascript:alert(1)) and [[3]](command:x)',
];

describe('tail extension: text added to the open tail without re-rendering it', () => {
  it('gives the same update as a full re-render, on every update of generated documents', () => {
    const next = seededRandom(11);
    let extended = 0;
    let updates = 0;
    for (let doc = 0; doc < 400; doc++) {
      const count = 2 + Math.floor(next() * 14);
      const text = Array.from({ length: count }, () => LINES[Math.floor(next() * LINES.length)]).join('\n') + (next() < 0.5 ? '\n' : '');
      for (const maxSize of [3, 12, 24]) {
        const result = compareWithFullRenders(randomChunks(text, next, maxSize), `doc ${JSON.stringify(text)} in chunks up to ${maxSize}`);
        extended += result.extended;
        updates += result.updates;
      }
    }
    // The comparison means something only if extensions happen often.
    assert.ok(extended > updates / 5, `${extended} extensions in ${updates} updates`);
  });

  it('gives the same update as a full re-render on the streaming fixtures, cut every way', () => {
    let extended = 0;
    for (const [name, text] of Object.entries(MARKDOWN_FIXTURES)) {
      extended += compareWithFullRenders([...text], `${name} by character`).extended;
      for (let seed = 1; seed <= 20; seed++) {
        extended += compareWithFullRenders(randomChunks(text, seededRandom(seed), 1 + (seed % 17)), `${name} seed ${seed}`).extended;
      }
    }
    assert.ok(extended > 500, `${extended} extensions`);
  });

  /** The update after `before` was rendered and `added` arrived, and the same update re-rendered in full. */
  function extend(before: string, added: string): { update: MarkdownUpdate; reference: MarkdownUpdate } {
    const [update, reference] = [true, false].map((extendTail) => {
      const markdown = new IncrementalMarkdown(md, { extendTail });
      markdown.append(before);
      markdown.update();
      markdown.append(added);
      return markdown.update();
    });
    return { update, reference };
  }

  it('extends prose, list items, quotes, headings and open code lines', () => {
    const cases: Array<[string, string, string]> = [
      ['Some words', ' and more.', ' and more.'],
      ['Some words   ', 'and more', '   and more'],
      ['- an item', ' grows (a lot', ' grows (a lot'],
      ['> a quote', ' & <more', ' & <more'],
      ['# A heading', ' longer', ' longer'],
      ['```ts\nconst a', ' = `${b}` *c*;', ' = `${b}` *c*;'],
      ['```ts\nconst a = 1;', '\n\nconst b = 2;\n', '\n\nconst b = 2;\n'],
      ['```ts\nconst a = 1;', '\n  ', '\n'], // a last line of spaces is not shown until text follows
    ];
    for (const [before, added, text] of cases) {
      const { update, reference } = extend(before, added);
      assert.equal(update.tailAppend?.text, text, `${JSON.stringify(before)} + ${JSON.stringify(added)}`);
      assert.equal(update.tailHtml, reference.tailHtml, `${JSON.stringify(before)} + ${JSON.stringify(added)}`);
    }
  });

  it('re-renders when the text added could change how the tail parses', () => {
    const cases: Array<[string, string]> = [
      ['foo\n1', '. item'], // a list interrupts the paragraph
      ['foo\n-', ' item'],
      ['# Title #', 'x'], // the closing sequence becomes text
      ['# Title', ' #'],
      ['an *emphasis', '*'],
      ['a [link](https://x.ai/p', ')'],
      ['an entity &amp', ';'],
      ['see [[1]](https://x.ai/a', 'b'], // a citation still arriving is held back
      ['| a | b |\n|---|---|\n| 1 | 2 |', ' c'], // table cells are padded after the text
      ['```\ncode\n``', '`'], // closes the fence
      ['```js', 'x'], // the info string
      ['```\ncode', '\n```'],
      ['```\ncode', '\n  ~~~ '],
      ['  ```\n  code', ' more'], // an indented fence strips its indentation from code lines
      ['words', '\nmore'],
      ['words', ' and\ttab'],
    ];
    for (const [before, added] of cases) {
      const { update, reference } = extend(before, added);
      assert.equal(update.tailAppend, undefined, `${JSON.stringify(before)} + ${JSON.stringify(added)}`);
      assert.equal(update.tailHtml, reference.tailHtml, `${JSON.stringify(before)} + ${JSON.stringify(added)}`);
    }
  });
});
