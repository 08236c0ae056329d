import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { buildLongAnswer } from '../../src/fakeServer/answers/longAnswer';
import type { PatchCheck, StreamCheck } from './support/markdownViewEntry';
import { MARKDOWN_FIXTURES } from './support/markdownFixtures';
import { usePanel } from './support/panelHarness';

/** A seeded PRNG so failures reproduce. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function chunks(text: string, seed: number, maxSize: number): string[] {
  const next = random(seed);
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    const size = 1 + Math.floor(next() * maxSize);
    out.push(text.slice(i, i + size));
    i += size;
  }
  return out;
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
      for (const pieces of [chunks(text, 1, 3), chunks(text, 2, 9), chunks(text, 3, 20), [...text]]) {
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
      const result = await check(chunks(text, seed, size * 2));
      assert.deepEqual(result.mismatches, []);
      assert.equal(result.replacedOnTextChange, 0);
      const renders = result.changes.text + result.changes.nodes;
      assert.ok(result.changes.text > renders / 2, `text-only updates: ${JSON.stringify(result.changes)}`);
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

