import * as assert from 'node:assert/strict';
import { CitationNumbering } from '../../src/core/markdown/citationSources';
import { IncrementalMarkdown } from '../../src/core/markdown/incrementalMarkdown';
import { createMarkdownRenderer } from '../../src/core/markdown/markdownRenderer';
import { MARKDOWN_FIXTURES } from './support/markdownFixtures';
import { randomChunks, seededRandom } from './support/seededChunks';

const md = createMarkdownRenderer();
const oneShot = (text: string): string => md.render(text, { citations: new CitationNumbering() });

/** Streams `chunks` through an IncrementalMarkdown, updating after each; returns every update. */
function stream(chunks: string[]): { finished: string[]; tails: string[]; final: string } {
  const markdown = new IncrementalMarkdown(md);
  const finished: string[] = [];
  const tails: string[] = [];
  for (const chunk of chunks) {
    markdown.append(chunk);
    const update = markdown.update();
    finished.push(update.finishedHtml);
    tails.push(update.tailHtml);
  }
  finished.push(markdown.finish().finishedHtml);
  return { finished, tails, final: finished.join('') };
}

describe('IncrementalMarkdown', () => {
  for (const [name, text] of Object.entries(MARKDOWN_FIXTURES)) {
    describe(`fixture ${name}`, () => {
      const expected = oneShot(text.replace(/\r\n?/g, '\n'));

      it('equals a one-shot render when cut in two at every position', () => {
        for (let cut = 0; cut <= text.length; cut++) {
          const { final } = stream([text.slice(0, cut), text.slice(cut)]);
          assert.equal(final, expected, `cut at ${cut}: ${JSON.stringify(text.slice(Math.max(0, cut - 10), cut + 10))}`);
        }
      });

      it('equals a one-shot render when streamed in random small chunks', () => {
        for (let seed = 1; seed <= 40; seed++) {
          const { final } = stream(randomChunks(text, seededRandom(seed), 1 + (seed % 9)));
          assert.equal(final, expected, `seed ${seed}`);
        }
      });

      it('equals a one-shot render streamed one character at a time', () => {
        assert.equal(stream([...text.split('')]).final, expected);
      });
    });
  }

  it('equals a one-shot render for generated documents of tricky lines, cut anywhere', () => {
    const lines = [
      '', '', 'para text', 'more words [[1]](https://x.ai/a)', '- item', '* star item', '  indented continuation', '    code line',
      '```', '```js', '~~~', '> quote', '>', '# heading', '## h2', '---', '===', '***', '| a | b |', '|---|:-:|', '| 1 | 2 |',
      '1. one', '2) two', '10. ten', '  - nested', '   > deep quote', 'lazy', '`code` span', '<div>', '[x]: https://x.ai/ref',
      '\t tabbed', '- ', '1.', '#', '```x``` inline',
    ];
    const next = seededRandom(7);
    for (let doc = 0; doc < 300; doc++) {
      const count = 2 + Math.floor(next() * 12);
      const text = Array.from({ length: count }, () => lines[Math.floor(next() * lines.length)]).join('\n') + (next() < 0.5 ? '\n' : '');
      const expected = oneShot(text);
      for (let cut = 0; cut <= text.length; cut += 1 + Math.floor(next() * 4)) {
        assert.equal(stream([text.slice(0, cut), text.slice(cut)]).final, expected, `doc ${JSON.stringify(text)} cut at ${cut}`);
      }
      assert.equal(stream(randomChunks(text, seededRandom(doc), 6)).final, expected, `doc ${JSON.stringify(text)} in chunks`);
    }
  });

  it('finishes a paragraph at the blank line after it, and never re-emits it', () => {
    const markdown = new IncrementalMarkdown(md);
    markdown.append('First paragraph.\n\nSecond');
    const first = markdown.update();
    assert.equal(first.finishedHtml, '<p>First paragraph.</p>\n');
    assert.equal(first.tailHtml, '<p>Second</p>\n');
    markdown.append(' paragraph grows');
    const second = markdown.update();
    assert.equal(second.finishedHtml, '', 'the first block is not rendered again');
    assert.equal(second.tailHtml, '<p>Second paragraph grows</p>\n');
  });

  it('finishes a block when the next one begins on a complete line', () => {
    const markdown = new IncrementalMarkdown(md);
    markdown.append('para\n- item');
    assert.equal(markdown.update().finishedHtml, '', 'the "- item" line is not complete yet');
    markdown.append('\n');
    assert.equal(markdown.update().finishedHtml, '<p>para</p>\n');
  });

  it('never seals a list or indented code at a blank line (they continue after one)', () => {
    for (const [open, more] of [
      ['- a\n\n', '  still item a\n'],
      ['- a\n\n', '- b\n'],
      ['    code\n\n', '    more code\n'],
    ]) {
      const markdown = new IncrementalMarkdown(md);
      markdown.append(open);
      assert.equal(markdown.update().finishedHtml, '', JSON.stringify(open));
      markdown.append(more);
      markdown.update();
      assert.equal(stream([open, more]).final, oneShot(open + more));
    }
  });

  it('seals a heading at its line end', () => {
    const markdown = new IncrementalMarkdown(md);
    markdown.append('# Title\nBody');
    assert.equal(markdown.update().finishedHtml, '<h1>Title</h1>\n');
  });

  it('keeps a paragraph open while its next line could still change it (fence opener vs inline code)', () => {
    const markdown = new IncrementalMarkdown(md);
    markdown.append('foo\n```');
    assert.equal(markdown.update().finishedHtml, '', 'an incomplete "```" line must not settle "foo"');
    markdown.append('x``` bar\n\nnext\n');
    const update = markdown.update();
    assert.equal(update.finishedHtml, oneShot('foo\n```x``` bar\n\n'));
    assert.equal(markdown.finish().finishedHtml + '', '<p>next</p>\n');
  });

  it('keeps a table header open until its delimiter line is complete', () => {
    const markdown = new IncrementalMarkdown(md);
    markdown.append('para\n| a | b |\n|-');
    assert.equal(markdown.update().finishedHtml, '');
    markdown.append('x|\n');
    markdown.update();
    assert.equal(stream(['para\n| a | b |\n|-', 'x|\n']).final, oneShot('para\n| a | b |\n|-x|\n'));
  });

  it('renders an unclosed fence as code while streaming, and settles when it closes', () => {
    const markdown = new IncrementalMarkdown(md);
    markdown.append('```js\nconst a = 1;');
    assert.match(markdown.update().tailHtml, /^<pre><code class="language-js">const a = 1;\n?<\/code><\/pre>/);
    markdown.append('\n```\n\nafter');
    const update = markdown.update();
    assert.equal(update.finishedHtml, '<pre><code class="language-js">const a = 1;\n</code></pre>\n');
    assert.equal(update.tailHtml, '<p>after</p>\n');
  });

  it('hides a citation cut off mid-link instead of flashing it as text, then shows the chip', () => {
    const markdown = new IncrementalMarkdown(md);
    for (const partial of ['See [', '[1', ']]', '(ht', 'tps://en.wikipedia.org/wiki/XAI_(comp', 'any)']) {
      markdown.append(partial);
      const { tailHtml } = markdown.update();
      if (markdown.text.endsWith(')') && markdown.text.endsWith('any)')) break;
      assert.equal(tailHtml, '<p>See</p>\n', `after ${JSON.stringify(markdown.text)}`);
    }
    markdown.append(')');
    assert.equal(
      markdown.update().tailHtml,
      '<p>See <a class="citation" href="https://en.wikipedia.org/wiki/XAI_(company)" data-cite="1">1</a></p>\n',
    );
  });

  it('does not hide citation-like text inside an unclosed code fence', () => {
    const markdown = new IncrementalMarkdown(md);
    markdown.append('```\nx = [[1]](htt');
    assert.match(markdown.update().tailHtml, /x = \[\[1\]\]\(htt/);
  });

  it('numbers citations in the tail provisionally, committing only finished blocks', () => {
    const markdown = new IncrementalMarkdown(md);
    markdown.append('`code [[1]](https://a.example/x)');
    markdown.update();
    assert.deepEqual(markdown.citedUrls(), [{ number: 1, url: 'https://a.example/x' }], 'shown while it looks like a citation');
    markdown.append('` and [[1]](https://b.example/y)\n\nnext\n');
    markdown.update();
    assert.deepEqual(markdown.citedUrls(), [{ number: 1, url: 'https://b.example/y' }], 'the code span never took a number');
  });

  it('treats CRLF split across deltas as one line break', () => {
    assert.equal(stream(['a\r', '\nb\r', '\n\r', '\nc']).final, oneShot('a\nb\n\nc'));
  });

  it('keeps each update proportional to the open block, not the whole answer', () => {
    const markdown = new IncrementalMarkdown(md);
    for (let i = 0; i < 500; i++) markdown.append(`Paragraph ${i} with some words.\n\n`);
    markdown.update();
    markdown.append('tail words');
    const update = markdown.update();
    assert.equal(update.finishedHtml, '');
    assert.equal(update.tailHtml, '<p>tail words</p>\n');
  });

  it('refuses text after finish', () => {
    const markdown = new IncrementalMarkdown(md);
    markdown.finish();
    assert.throws(() => markdown.append('x'), /after finish/);
  });
});
