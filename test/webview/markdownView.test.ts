import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { buildLongAnswer } from '../../src/fakeServer/answers/longAnswer';
import type { KeptCheck, MorphCheck, PatchCheck, StreamCheck } from './support/markdownViewEntry';
import { MARKDOWN_FIXTURES } from './support/markdownFixtures';
import { usePanel } from './support/panelHarness';
import { randomChunks, seededRandom } from './support/seededChunks';

/** Random HTML of the kinds the renderer emits: blocks, inline elements, attributes, text. */
function randomHtml(next: () => number, depth = 0): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const count = 1 + Math.floor(next() * 3);
  let html = '';
  for (let i = 0; i < count; i++) {
    const kind = depth > 2 ? 'text' : pick(['text', 'text', 'p', 'ul', 'strong', 'code', 'a', 'a2', 'br']);
    if (kind === 'text') html += pick(['a', 'b c', 'x & y', '\n', ' ', 'long text here']);
    else if (kind === 'ul') html += `<ul>\n<li>${randomHtml(next, depth + 1)}</li>\n${next() < 0.5 ? '<li>z</li>\n' : ''}</ul>\n`;
    else if (kind === 'a') html += `<a class="citation" href="https://x.ai/${pick(['1', '2'])}" data-cite="${pick(['1', '2'])}">${pick(['1', '2'])}</a>`;
    else if (kind === 'a2') html += `<a href="https://x.ai/p"${next() < 0.5 ? ' title="t"' : ''}>${randomHtml(next, depth + 1)}</a>`;
    else if (kind === 'br') html += '<br>';
    else html += `<${kind}>${randomHtml(next, depth + 1)}</${kind}>`;
  }
  return html;
}

describe('MarkdownView: the streamed DOM equals a re-render after every frame (headless Chromium)', () => {
  const { harness } = usePanel();
  let page: Page;
  before(async () => {
    page = await harness().openMarkdownView();
  });
  after(async () => {
    await page.close();
  });

  const check = (pieces: string[]): Promise<StreamCheck> =>
    page.evaluate((p) => (window as unknown as { streamCheck(c: string[]): StreamCheck }).streamCheck(p), pieces);

  for (const [name, text] of Object.entries(MARKDOWN_FIXTURES)) {
    it(`fixture ${name}, in random small pieces and one character at a time`, async () => {
      for (const pieces of [randomChunks(text, seededRandom(1), 3), randomChunks(text, seededRandom(2), 9), randomChunks(text, seededRandom(3), 20), [...text]]) {
        const result = await check(pieces);
        assert.deepEqual(result.mismatches, [], `pieces ${JSON.stringify(pieces.slice(0, 20))}…`);
        assert.equal(result.replacedOnTextChange, 0);
      }
    });
  }

  it('adds text to the open block without replacing its nodes in most frames of a long answer', async () => {
    const { text } = buildLongAnswer();
    // About one frame's worth of 4-character deltas at 250/s, and at 1000/s.
    for (const [seed, size] of [[5, 16], [6, 64]] as const) {
      const result = await check(randomChunks(text, seededRandom(seed), size * 2));
      assert.deepEqual(result.mismatches, []);
      assert.equal(result.replacedOnTextChange, 0);
      const renders = result.changes.text + result.changes.nodes;
      assert.ok(result.changes.text > renders / 2, `text-only updates: ${JSON.stringify(result.changes)}`);
    }
  });

  it('grows a long table, list and quote by their last children, matching a fresh render at every step', async () => {
    const text = [
      '| n | cell | note |\n|:--|--:|:-:|\n' + Array.from({ length: 40 }, (_, i) => `| ${i} | **${i}** \`c\` | [l](https://x.example/${i}) [[${(i % 3) + 1}]](https://c.example/${i % 3}) |`).join('\n'),
      Array.from({ length: 30 }, (_, i) => `${i + 1}. item *${i}* with \`code\`\n   - nested ${i}`).join('\n'),
      '> quoted **bold**\n> > deeper [[2]](https://c.example/1) ' + 'words '.repeat(40) + '\n> back out',
      'A paragraph ' + Array.from({ length: 60 }, (_, i) => `with *e${i}* and \`c${i}\``).join(' '),
    ].join('\n\n') + '\n';
    for (const [seed, size] of [[7, 16], [8, 64]] as const) {
      const result = await check(randomChunks(text, seededRandom(seed), size));
      assert.deepEqual(result.mismatches, []);
      assert.equal(result.replacedOnTextChange, 0);
    }
  });

  it('touches no node when the rendered tail is unchanged (a citation still arriving is held back)', async () => {
    const result = await check(['Intro text ', '[[1]](ht', 'tps://x.', 'ai/a', ')', ' after.']);
    assert.deepEqual(result.mismatches, []);
    // The first render and the chip add nodes, as does the final one (finished blocks get their
    // decorations); the three renders while the citation arrives change nothing; " after." is text.
    assert.deepEqual(result.changes, { none: 3, text: 1, nodes: 3 });
  });

  it('keeps text of hostile markup as text when it is appended in place', async () => {
    const result = await check(['Plain start', ' &lt;script&gt;', ' <img src=x onerror=alert(1)>', ' "quoted" & more', '\n\n```\n', '</code><script>x()</script>', '\n```\n']);
    assert.deepEqual(result.mismatches, []);
    assert.ok(!/<script|<img/i.test(result.finalHtml), result.finalHtml);
  });

  it('grows the tail out of its nodes when elements are added: list items, chips, a finished paragraph', async () => {
    const kept = (pieces: string[], selector: string, final = false) =>
      page.evaluate(([p, sel, f]) => (window as unknown as { keptCheck(p: string[], s: string, f: boolean): KeptCheck }).keptCheck(p, sel, f), [pieces, selector, final] as const);
    for (const [pieces, selector] of [
      [['- first item\n', '- second `code` item\n- th', 'ird'], 'li'],
      [['Intro [[1]](https://x.ai/a) then', ' more [[2]](https://x.ai/b) end'], 'a.citation'],
      [['A paragraph with **bold**', ' and *more*', '.\n\nThe next one'], 'strong'],
      [['| a | b |\n|---|---|\n| 1 | 2 |\n', '| 3 | `4` |\n'], 'td'],
    ] as const) {
      const result = await kept([...pieces], selector, true);
      assert.ok(result.changes.nodes >= 2, JSON.stringify(result));
      assert.ok(result.kept, `${selector} of ${JSON.stringify(pieces)} was replaced: ${JSON.stringify(result)}`);
    }
    // A finished code block goes in as its fragment's own nodes: the panel's toolbar and queued
    // highlighting hold on to those.
    const code = await kept(['```js\nlet a = 1;', '\n```\n\nAfter'], 'pre');
    assert.ok(code.first.startsWith('<pre>') && !code.kept, JSON.stringify(code));
  });

  it('morphs a tail into exactly the DOM of its new render', async () => {
    const morph = (previous: string, next: string) =>
      page.evaluate(([a, b]) => (window as unknown as { morphCheck(a: string, b: string): MorphCheck }).morphCheck(a, b), [previous, next] as const);
    const cases: [string, string, number][] = [
      // [previous, next, elements of previous that must still be there]
      ['<ul>\n<li>a</li>\n</ul>\n', '<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n', 2],
      ['<p>x <a class="citation" href="https://a/" data-cite="1">1</a> y</p>\n', '<p>x <a class="citation" href="https://a/" data-cite="1">1</a> y <a class="citation" href="https://b/" data-cite="2">2</a> z</p>\n', 2],
      ['<p><a href="https://a/" title="t" class="c">x</a></p>', '<p><a href="https://b/">x</a></p>', 2],
      ['<p>a</p>', '<ul><li>a</li></ul>', 0],
      ['<p>a</p><p>b</p>', '<p>a</p>', 1],
      ['', '<p>a</p>\n<p>b</p>', 0],
      ['<p>a</p>\n', '', 0],
      ['<p>a<strong>b</strong>c</p>', '<p>a<em>b</em>c</p>', 1],
    ];
    for (const [previous, next, keptElements] of cases) {
      const result = await morph(previous, next);
      assert.equal(result.morphed, result.parsed, `${JSON.stringify(previous)} → ${JSON.stringify(next)}`);
      assert.ok(result.returnedInPlace, `${JSON.stringify(previous)} → ${JSON.stringify(next)}`);
      assert.equal(result.keptElements, keptElements, `${JSON.stringify(previous)} → ${JSON.stringify(next)}`);
    }
    const next = seededRandom(11);
    for (let i = 0; i < 300; i++) {
      const [previous, following] = [randomHtml(next), randomHtml(next)];
      const result = await morph(previous, following);
      assert.equal(result.morphed, result.parsed, `${JSON.stringify(previous)} → ${JSON.stringify(following)}`);
      assert.ok(result.returnedInPlace, `${JSON.stringify(previous)} → ${JSON.stringify(following)}`);
    }
  });

  it('patches text exactly where the HTML parser would put it, merging with neighbouring text', async () => {
    const patch = (previous: string, next: string) =>
      page.evaluate(([a, b]) => (window as unknown as { patchCheck(a: string, b: string): PatchCheck }).patchCheck(a, b), [previous, next] as const);
    for (const [previous, next] of [
      ['<p>a</p>\n', '<p>ab c</p>\n'],
      ['<p><strong>a</strong></p>\n', '<p><strong>a</strong> b</p>\n'],
      ['<p>a<br>\n</p>\n', '<p>a<br>b\n</p>\n'], // after a tag, before a text node: joins that node
      ['<p>a<br>\n</p>\n', '<p>a<br>\nb</p>\n'],
      ['<pre><code>x\n</code></pre>\n', '<pre><code>x\ny &amp; z\n</code></pre>\n'],
      ['<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n', '<ul>\n<li>a</li>\n<li>bc</li>\n</ul>\n'],
      ['<p>a</p>\n', '<p>a</p>\n\n'],
    ]) {
      const result = await patch(previous, next);
      assert.ok(result.found && result.applied, `${JSON.stringify(previous)} → ${JSON.stringify(next)}: ${JSON.stringify(result)}`);
      assert.equal(result.patched, result.parsed, `${JSON.stringify(previous)} → ${JSON.stringify(next)}`);
    }
    // Where the parser would move the text (out of table structure) or drop it, nothing is patched.
    for (const [previous, next] of [
      ['<table>\n<tr>\n</tr>\n</table>\n', '<table>\n<tr>\nx</tr>\n</table>\n'],
      ['<pre></pre>\n', '<pre>\nx</pre>\n'],
      ['<p>a</p>', '<p>a</p>x'], // a new top-level node
    ]) {
      const result = await patch(previous, next);
      assert.ok(result.found && !result.applied, `${JSON.stringify(previous)} → ${JSON.stringify(next)}: ${JSON.stringify(result)}`);
      assert.equal(result.patched, result.original, 'a refused patch changes nothing');
    }
  });
});

