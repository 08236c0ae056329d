import * as assert from 'node:assert/strict';
import { createMarkdownRenderer } from '../../src/core/markdown/markdownRenderer';
import { deltas, turnEnded, turnStarted, usePanel, type PanelPage } from './support/panelHarness';

/** Code blocks that are easy to get wrong when read back from the DOM. */
const CODE_ANSWER = [
  'Here is the fix:',
  '',
  '```ts title="clamp.ts"',
  'export function clamp(value: number, min: number, max: number): number {',
  '\tif (min > max) throw new RangeError(`min > max`); // a tab, then trailing spaces   ',
  '  return Math.min(max, Math.max(min, value)); // </code></pre><script>window.__pwned = 1</script> &amp; &lt;',
  '}',
  '',
  '',
  '```',
  '',
  'Run it:',
  '',
  '```',
  'npm test -- --grep "clamp" 😀',
  '```',
  '',
  '- in a list:',
  '',
  '  ```python',
  '  def f():',
  '      return "x"',
  '  ```',
  '',
  '````markdown',
  '```ts',
  'nested();',
  '```',
  '````',
  '',
  'Done.',
].join('\n');

interface ExpectedBlock {
  code: string;
  language?: string;
}

/** What each block's actions must send: markdown-it's own token content, the source of truth. */
function expectedBlocks(markdown: string): ExpectedBlock[] {
  return createMarkdownRenderer()
    .parse(markdown, {})
    .filter((token) => token.type === 'fence' || token.type === 'code_block')
    .map((token) => {
      const language = token.info.trim().split(/\s+/)[0];
      return language ? { code: token.content, language } : { code: token.content };
    });
}

async function waitForHighlighting(p: PanelPage, turnId: string): Promise<void> {
  await p.page.waitForFunction((id) => document.querySelectorAll(`[data-turn-id="${id}"] pre[data-highlight="pending"]`).length === 0, turnId, { timeout: 5000 });
}

describe('panel: code blocks, web search, regenerate (headless Chromium)', () => {
  const { harness, panel } = usePanel();
  const text = (selector: string) => panel().page.$eval(selector, (e) => e.textContent ?? '');
  const isHidden = (selector: string) => panel().page.$eval(selector, (e) => (e as HTMLElement).hidden || getComputedStyle(e).display === 'none');

  it('gives every finished code block a toolbar whose actions post the exact source of the block', async () => {
    const p = panel();
    await p.send(turnStarted('c'), ...deltas('c', CODE_ANSWER, [1, 4, 2, 9, 3]), turnEnded('c'));
    await p.waitForStatus('c', 'completed');
    const expected = expectedBlocks(CODE_ANSWER);
    assert.equal(expected.length, 4);
    const bars = await p.page.$$eval('[data-turn-id="c"] .code-toolbar', (es) => es.map((e) => ({ label: e.getAttribute('aria-label'), next: e.nextElementSibling?.tagName })));
    assert.deepEqual(bars, [
      { label: 'Code block 1 (ts)', next: 'PRE' },
      { label: 'Code block 2 (text)', next: 'PRE' },
      { label: 'Code block 3 (python)', next: 'PRE' },
      { label: 'Code block 4 (markdown)', next: 'PRE' },
    ]);
    for (const action of ['copy', 'insert', 'apply', 'newFile'] as const) {
      await p.clearPosted();
      for (const button of await p.page.$$(`[data-turn-id="c"] button[data-code-action="${action}"]`)) await button.click();
      const posted = await p.posted();
      assert.deepEqual(posted, expected.map((block) => ({ type: 'codeBlockAction', action, ...block })), `${action} posts each block's source`);
    }
    // The script inside the code is text, and the copy button says it worked without losing its name.
    assert.equal(await p.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    const copy = '[data-turn-id="c"] .code-toolbar button[data-code-action="copy"]';
    assert.equal(await text(copy), 'Copied');
    assert.equal(await p.page.$eval(copy, (e) => e.getAttribute('aria-label')), 'Copy (code block 1)');
    // Keyboard: one tab stop per toolbar, arrow keys between its buttons, Enter presses.
    assert.deepEqual(await p.page.$eval('[data-turn-id="c"] .code-toolbar', (bar) => [...bar.querySelectorAll('.code-action')].map((e) => (e as HTMLButtonElement).tabIndex)), [0, -1, -1, -1]);
    await p.page.focus('[data-turn-id="c"] button[data-code-action="copy"]');
    await p.page.keyboard.press('ArrowRight');
    assert.equal(await p.page.evaluate(() => document.activeElement?.getAttribute('data-code-action')), 'insert');
    await p.page.keyboard.press('End');
    assert.equal(await p.page.evaluate(() => document.activeElement?.getAttribute('data-code-action')), 'newFile');
    await p.page.keyboard.press('ArrowRight');
    assert.equal(await p.page.evaluate(() => document.activeElement?.getAttribute('data-code-action')), 'copy');
    await p.page.keyboard.press('ArrowLeft');
    await p.clearPosted();
    await p.page.keyboard.press('Enter');
    assert.deepEqual(await p.posted(), [{ type: 'codeBlockAction', action: 'newFile', ...expected[0] }]);
  });

  it('highlights finished blocks in theme colours, keeping their text, and leaves the streaming tail plain', async () => {
    const p = panel();
    await p.send(turnStarted('h'), ...deltas('h', 'Intro.\n\n```ts\nconst answer = 42; // the "answer"\nfunction f', [3]));
    await p.settle();
    // Still streaming: the open fence is plain text and has no toolbar.
    assert.equal(await p.page.$$eval('[data-turn-id="h"] .answer .code-toolbar', (es) => es.length), 0);
    assert.equal(await p.page.$$eval('[data-turn-id="h"] .answer [class^="hljs-"]', (es) => es.length), 0);
    assert.equal(await text('[data-turn-id="h"] .answer pre code'), 'const answer = 42; // the "answer"\nfunction f');

    await p.send(...deltas('h', '() {}\n```\n\n```brainfuck-ish\n+[->+<]\n```\n\nAfter.', [5]), turnEnded('h'));
    await p.waitForStatus('h', 'completed');
    await waitForHighlighting(p, 'h');
    const blocks = await p.page.$$eval('[data-turn-id="h"] pre', (pres) =>
      pres.map((pre) => ({
        state: pre.getAttribute('data-highlight'),
        text: pre.querySelector('code')?.textContent,
        tokens: [...pre.querySelectorAll('span[class^="hljs-"]')].map((s) => `${s.className}:${s.textContent}`),
      })),
    );
    assert.equal(blocks[0].state, 'done');
    assert.equal(blocks[0].text, 'const answer = 42; // the "answer"\nfunction f() {}\n');
    for (const token of ['hljs-keyword:const', 'hljs-number:42', 'hljs-comment:// the "answer"', 'hljs-keyword:function', 'hljs-title function_:f']) {
      assert.ok(blocks[0].tokens.includes(token), `${token} in ${blocks[0].tokens.join(' ')}`);
    }
    assert.deepEqual(blocks[1], { state: 'plain', text: '+[->+<]\n', tokens: [] }, 'an unknown language stays plain');

    // Token colours come from the theme's variables (VS Code sets them on the page).
    const colours = await p.page.evaluate(() => {
      const root = document.documentElement.style;
      root.setProperty('--vscode-debugTokenExpression-boolean', 'rgb(1, 2, 3)');
      root.setProperty('--vscode-debugTokenExpression-number', 'rgb(4, 5, 6)');
      return {
        keyword: getComputedStyle(document.querySelector('[data-turn-id="h"] .hljs-keyword')!).color,
        number: getComputedStyle(document.querySelector('[data-turn-id="h"] .hljs-number')!).color,
      };
    });
    assert.deepEqual(colours, { keyword: 'rgb(1, 2, 3)', number: 'rgb(4, 5, 6)' });
    assert.deepEqual(await p.cspViolations(), []);
  });

  it('keeps a finished block (toolbar and highlighting) untouched while the answer streams on', async () => {
    const p = panel();
    await p.send(turnStarted('k'), ...deltas('k', '```js\nlet x = 1;\n```\n\nMore text', [4]));
    await p.settle();
    await waitForHighlighting(p, 'k');
    await p.page.$eval('[data-turn-id="k"] pre', (e) => ((e as unknown as { __tag: string }).__tag = 'kept'));
    await p.send(...deltas('k', ' keeps coming.\n\nAnd more.', [2]), turnEnded('k'));
    await p.waitForStatus('k', 'completed');
    assert.equal(await p.page.$eval('[data-turn-id="k"] pre', (e) => (e as unknown as { __tag?: string }).__tag), 'kept');
    assert.equal(await p.page.$$eval('[data-turn-id="k"] .code-toolbar', (es) => es.length), 1);
  });

  it('restores code block toolbars and highlighting from saved state', async () => {
    const state = {
      version: 1,
      turns: [[turnStarted('s'), { type: 'textDelta', turnId: 's', text: '```py\nprint("hi")\n```\n' }, turnEnded('s')]],
    };
    const reloaded = await harness().open({ state });
    try {
      await reloaded.waitForStatus('s', 'completed');
      await waitForHighlighting(reloaded, 's');
      assert.equal(await reloaded.page.$eval('[data-turn-id="s"] pre', (e) => e.getAttribute('data-highlight')), 'done');
      await reloaded.page.click('[data-turn-id="s"] button[data-code-action="insert"]');
      assert.deepEqual((await reloaded.posted()).filter((m) => m.type === 'codeBlockAction'), [
        { type: 'codeBlockAction', action: 'insert', code: 'print("hi")\n', language: 'py' },
      ]);
    } finally {
      await reloaded.close();
    }
  });

  it('toggles web search through the host and shows the state the host reports', async () => {
    const fresh = await harness().open();
    try {
      const toggle = '.web-search-toggle';
      assert.equal(await fresh.page.$eval(toggle, (e) => (e as HTMLButtonElement).disabled), true, 'disabled until the host says');
      await fresh.send({ type: 'config', model: 'grok-build-0.1', demo: false, webSearch: false });
      await fresh.settle();
      assert.equal(await fresh.page.$eval(toggle, (e) => e.getAttribute('aria-pressed')), 'false');
      await fresh.page.click(toggle);
      assert.deepEqual((await fresh.posted()).slice(1), [{ type: 'setWebSearch', enabled: true }]);
      // Not on until the host's config says so.
      assert.equal(await fresh.page.$eval(toggle, (e) => e.getAttribute('aria-pressed')), 'false');
      await fresh.send({ type: 'config', model: 'grok-build-0.1', demo: false, webSearch: true });
      await fresh.settle();
      assert.equal(await fresh.page.$eval(toggle, (e) => e.getAttribute('aria-pressed')), 'true');
      assert.match(await fresh.page.$eval(toggle, (e) => e.getAttribute('title') ?? ''), /Web search is on/);
      await fresh.page.focus(toggle);
      await fresh.page.keyboard.press('Enter');
      assert.deepEqual((await fresh.posted()).slice(2), [{ type: 'setWebSearch', enabled: false }]);
    } finally {
      await fresh.close();
    }
  });

  it('offers Regenerate on the latest finished answer only, and replaces the answer when the host re-runs it', async () => {
    const p = panel();
    await p.send(turnStarted('r1'), { type: 'textDelta', turnId: 'r1', text: 'First.' }, turnEnded('r1'));
    await p.send(turnStarted('r2'), { type: 'textDelta', turnId: 'r2', text: 'Second.' });
    await p.settle();
    assert.equal(await isHidden('[data-turn-id="r1"] .regenerate-button'), true, 'not while an answer streams');
    assert.equal(await isHidden('[data-turn-id="r2"] .regenerate-button'), true);
    await p.send(turnEnded('r2', { status: 'cancelled' }));
    await p.waitForStatus('r2', 'cancelled');
    await p.settle();
    assert.equal(await isHidden('[data-turn-id="r1"] .regenerate-button'), true, 'only the latest turn');
    assert.equal(await isHidden('[data-turn-id="r2"] .regenerate-button'), false);
    await p.page.click('[data-turn-id="r2"] .regenerate-button');
    assert.deepEqual(await p.posted(), [{ type: 'regenerate', turnId: 'r2' }]);

    // The host runs the turn again under the same id: the old answer goes, the new one streams in its place.
    await p.send(turnStarted('r2'), { type: 'textDelta', turnId: 'r2', text: 'Second, again.' });
    await p.settle();
    assert.equal(await p.page.$$eval('article.turn', (es) => es.map((e) => e.getAttribute('data-turn-id')).join(' ')), 'r1 r2');
    assert.equal((await text('[data-turn-id="r2"] .answer')).trim(), 'Second, again.');
    assert.equal(await isHidden('[data-turn-id="r2"] .regenerate-button'), true);
    await p.send(turnEnded('r2'));
    await p.waitForStatus('r2', 'completed');
    await p.settle();
    assert.equal(await isHidden('[data-turn-id="r2"] .regenerate-button'), false);
  });

  it('offers Retry on the latest failed answer only, enabled once a rate limit has passed', async () => {
    const p = panel();
    const error = (retryAfterMs?: number) => ({ kind: 'rate-limited', message: 'Rate limited.', actions: ['retry'], ...(retryAfterMs ? { retryAfterMs } : {}) });
    await p.send(turnStarted('e1'), turnEnded('e1', { status: 'error', error: error() }));
    await p.send(turnStarted('e2'), turnEnded('e2', { status: 'error', error: error(1200) }));
    await p.waitForStatus('e2', 'error');
    await p.settle();
    assert.equal(await isHidden('[data-turn-id="e1"] button[data-action="retry"]'), true, "an older turn's retry is gone");
    assert.equal(await isHidden('[data-turn-id="e2"] .regenerate-button'), true, 'an error offers Retry, not Regenerate');
    const retry = '[data-turn-id="e2"] button[data-action="retry"]';
    assert.match(await text(retry), /^Retry in [12] s$/);
    await p.page.waitForFunction((selector) => !(document.querySelector(selector) as HTMLButtonElement).disabled, retry, { timeout: 5000 });
    assert.equal(await text(retry), 'Retry');
    assert.equal(await isHidden('[data-turn-id="e2"] .error-countdown'), true);
    await p.page.click(retry);
    assert.deepEqual(await p.posted(), [{ type: 'errorAction', action: 'retry', turnId: 'e2' }]);
  });

  it('keeps the search query through progress events that do not repeat it', async () => {
    const p = panel();
    await p.send(
      turnStarted('w'),
      { type: 'toolActivity', turnId: 'w', itemId: 'ws_1', tool: 'web_search', status: 'in_progress', query: 'grok build model' },
      { type: 'toolActivity', turnId: 'w', itemId: 'ws_1', tool: 'web_search', status: 'searching' },
    );
    await p.settle();
    assert.equal(await text('[data-turn-id="w"] .status-text'), 'Searching the web for “grok build model”…');
    await p.send({ type: 'toolActivity', turnId: 'w', itemId: 'ws_1', tool: 'web_search', status: 'completed' }, turnEnded('w'));
    await p.waitForStatus('w', 'completed');
    assert.equal(await text('[data-turn-id="w"] .turn-activity'), 'Searched the web for “grok build model”');
  });
});
