import * as assert from 'node:assert/strict';
import { findHtmlTextAppend } from '../../src/core/markdown/htmlTextAppend';

describe('findHtmlTextAppend', () => {
  it('finds text added to the end of a paragraph, before its closing tag', () => {
    assert.deepEqual(findHtmlTextAppend('<p>Hello</p>\n', '<p>Hello world</p>\n'), {
      text: ' world',
      closing: [{ kind: 'close', tag: 'p' }, { kind: 'text', text: '\n' }],
      afterText: true,
    });
  });

  it('finds a line more inside an open code fence (through code and pre)', () => {
    const append = findHtmlTextAppend('<pre><code class="language-ts">a\n</code></pre>\n', '<pre><code class="language-ts">a\nb &lt; c\n</code></pre>\n');
    assert.deepEqual(append, {
      text: 'b < c\n',
      closing: [{ kind: 'close', tag: 'code' }, { kind: 'close', tag: 'pre' }, { kind: 'text', text: '\n' }],
      afterText: true,
    });
  });

  it('finds text after an element (a new text node after bold or a chip)', () => {
    assert.deepEqual(findHtmlTextAppend('<p><strong>b</strong></p>\n', '<p><strong>b</strong> and more</p>\n'), {
      text: ' and more',
      closing: [{ kind: 'close', tag: 'p' }, { kind: 'text', text: '\n' }],
      afterText: false,
    });
  });

  it('finds text growing the last item of a list', () => {
    const append = findHtmlTextAppend('<ul>\n<li>one</li>\n<li>tw</li>\n</ul>\n', '<ul>\n<li>one</li>\n<li>two &amp; &quot;three&quot;</li>\n</ul>\n');
    assert.equal(append?.text, 'o & "three"');
    assert.deepEqual(append?.closing.map((t) => (t.kind === 'close' ? `/${t.tag}` : JSON.stringify(t.text))), ['/li', '"\\n"', '/ul', '"\\n"']);
  });

  it('refuses anything that is not text added at the end', () => {
    const refused: [string, string][] = [
      ['<p>a</p>\n', '<p>a</p>\n'], // unchanged
      ['', '<p>a</p>\n'], // nothing shown yet
      ['<p>ab</p>\n', '<p>a</p>\n'], // shrank
      ['<p>a</p>\n', '<p>a <em>b</em></p>\n'], // markup added
      ['<p>a</p>\n', '<h1>a</h1>\n'], // block changed
      ['<p>a b</p>\n', '<p>a x b</p>\n'], // text inserted in the middle
      ['<pre><code class="language-j">x</code></pre>\n', '<pre><code class="language-js">x</code></pre>\n'], // attribute grew
      ['<p>a</p>\n', '<p>a</p>\n<p>b</p>\n'], // a block added
      ['<p>a</p>\n', '<p>a&nbsp;b</p>\n'], // an entity markdown-it does not emit
      ['<p>a</p>\n', '<p>a &amp b</p>\n'], // a bare ampersand
      ['<p>x</p>\n', '<p>x></p>\n'], // a raw angle bracket
    ];
    for (const [previous, next] of refused) assert.equal(findHtmlTextAppend(previous, next), undefined, `${JSON.stringify(previous)} → ${JSON.stringify(next)}`);
  });

  it('picks the insertion point the common prefix allows when text repeats the end', () => {
    assert.equal(findHtmlTextAppend('<p>aa</p>\n', '<p>aaa</p>\n')?.text, 'a');
    assert.equal(findHtmlTextAppend('<p>a\n</p>\n', '<p>a\n\n</p>\n')?.text, '\n');
  });
});
