import * as assert from 'node:assert/strict';
import { turnEnded, turnStarted, usePanel } from './support/panelHarness';

describe('panel: conversation controls and status (headless Chromium)', () => {
  const { harness, panel } = usePanel();
  const text = (selector: string) => panel().page.$eval(selector, (e) => e.textContent ?? '');
  const hidden = (selector: string) => panel().page.$eval(selector, (e) => (e as HTMLElement).hidden || getComputedStyle(e).display === 'none');

  it('shows the offline-demo banner only in demo mode', async () => {
    const p = panel();
    assert.equal(await hidden('.demo-banner'), true);
    await p.send({ type: 'config', model: 'grok-build-0.1', demo: true, webSearch: true });
    await p.settle();
    assert.equal(await hidden('.demo-banner'), false);
    assert.match(await text('.demo-banner'), /Offline demo/);
    assert.match(await text('.demo-banner'), /fake server, not from Grok/);
    assert.equal(await text('.toolbar-model'), 'grok-build-0.1');
    await p.send({ type: 'config', model: 'grok-build-0.1', demo: false, webSearch: false });
    await p.settle();
    assert.equal(await hidden('.demo-banner'), true);
  });

  it('keeps the toolbar on one line in a narrow panel: icon-only buttons that keep their accessible names', async () => {
    const p = panel();
    await p.send({ type: 'config', model: 'grok-build-0.1', demo: false, webSearch: false });
    await p.settle();
    const toolbar = () =>
      p.page.$eval('.toolbar', (bar) => ({
        height: bar.getBoundingClientRect().height,
        buttons: [...bar.querySelectorAll('button')].map((b) => ({
          name: b.textContent?.trim(),
          labelWidth: (b.querySelector('.button-label') as HTMLElement).getBoundingClientRect().width,
          height: b.getBoundingClientRect().height,
          right: b.getBoundingClientRect().right,
        })),
        width: bar.getBoundingClientRect().width,
      }));
    try {
      await p.page.setViewportSize({ width: 700, height: 500 });
      const wide = await toolbar();
      assert.deepEqual(wide.buttons.map((b) => b.name), ['Web search', 'New Chat']);
      assert.ok(wide.buttons.every((b) => b.labelWidth > 20), 'labels are shown when there is room');

      await p.page.setViewportSize({ width: 240, height: 500 });
      const narrow = await toolbar();
      assert.deepEqual(narrow.buttons.map((b) => b.name), ['Web search', 'New Chat'], 'the names stay for screen readers');
      assert.ok(narrow.buttons.every((b) => b.labelWidth <= 1), 'labels are visually hidden');
      assert.ok(narrow.height <= wide.height + 1, `the toolbar stays one line (${narrow.height} px vs ${wide.height} px)`);
      assert.ok(narrow.buttons.every((b) => b.height <= wide.buttons[0].height + 1), 'no button wraps');
      assert.ok(narrow.buttons.every((b) => b.right <= narrow.width + 1), 'every button is inside the panel');
    } finally {
      await p.page.setViewportSize({ width: 1280, height: 720 });
    }
  });

  it('shows what was asked: action, file and lines, language, question, truncation notice', async () => {
    const p = panel();
    await p.send(
      turnStarted('q', { action: 'Ask', question: 'Why is this slow?', file: 'src/a.ts', startLine: 10, endLine: 42, languageId: 'typescript', truncationNotice: 'Selection cut to 400 lines.' }),
      turnEnded('q'),
    );
    await p.waitForStatus('q', 'completed');
    assert.equal(await text('[data-turn-id="q"] .prompt-action'), 'Ask');
    assert.equal(await text('[data-turn-id="q"] .prompt-location'), 'src/a.ts:10–42');
    assert.equal(await text('[data-turn-id="q"] .prompt-language'), 'typescript');
    assert.equal(await text('[data-turn-id="q"] .prompt-question'), 'Why is this slow?');
    assert.equal(await text('[data-turn-id="q"] .prompt-notice'), 'Selection cut to 400 lines.');
  });

  it('sends a follow-up on Enter, adds a line on Shift+Enter, and is disabled while streaming', async () => {
    const p = panel();
    const input = '.composer-input';
    await p.page.fill(input, 'first line');
    await p.page.focus(input);
    await p.page.keyboard.press('Shift+Enter');
    await p.page.keyboard.type('second line');
    assert.deepEqual(await p.posted(), []);
    await p.page.keyboard.press('Enter');
    assert.deepEqual(await p.posted(), [{ type: 'followUp', text: 'first line\nsecond line' }]);
    assert.equal(await p.page.inputValue(input), '');
    await p.page.keyboard.press('Enter'); // empty: nothing to send
    assert.equal((await p.posted()).length, 1);

    await p.send(turnStarted('f', { action: 'Follow-up', question: 'first line\nsecond line' }));
    await p.settle();
    assert.equal(await p.page.$eval(input, (e) => (e as HTMLTextAreaElement).disabled), true);
    assert.equal(await hidden('.stop-button'), false);
    assert.equal(await hidden('.send-button'), true);
    await p.page.click('.stop-button');
    assert.deepEqual((await p.posted()).slice(1), [{ type: 'stop' }]);

    await p.send({ type: 'textDelta', turnId: 'f', text: 'Partial ans' }, turnEnded('f', { status: 'cancelled' }));
    await p.waitForStatus('f', 'cancelled');
    await p.settle();
    assert.equal(await p.page.$eval(input, (e) => (e as HTMLTextAreaElement).disabled), false);
    assert.equal(await hidden('.stop-button'), true);
    assert.equal(await text('[data-turn-id="f"] .answer'), 'Partial ans\n', 'the partial answer is kept');
    assert.match(await text('[data-turn-id="f"] .turn-status'), /Stopped/);
  });

  it('refuses an over-long follow-up with a visible notice', async () => {
    const p = panel();
    await p.page.$eval('.composer-input', (e) => ((e as HTMLTextAreaElement).value = 'x'.repeat(100_001)));
    await p.page.focus('.composer-input');
    await p.page.keyboard.press('Enter');
    assert.deepEqual(await p.posted(), []);
    assert.match(await text('.composer-notice'), /too long/);
    await p.page.fill('.composer-input', '');
  });

  it('posts newChat from New Chat, and clears the conversation when the host says cleared', async () => {
    const p = panel();
    await p.send(turnStarted('n'), { type: 'textDelta', turnId: 'n', text: 'hello' }, turnEnded('n'));
    await p.waitForStatus('n', 'completed');
    await p.page.click('.new-chat-button');
    assert.deepEqual(await p.posted(), [{ type: 'newChat' }]);
    await p.send({ type: 'cleared' });
    await p.settle();
    assert.equal(await p.page.$$eval('article.turn', (es) => es.length), 0);
    assert.equal(await hidden('.empty-state'), false);
  });

  it('shows tool activity, a collapsed reasoning summary, and a retry countdown while streaming', async () => {
    const p = panel();
    await p.send(turnStarted('s'), { type: 'reasoningDelta', turnId: 's', text: 'Looking at the ' }, { type: 'reasoningDelta', turnId: 's', text: 'selection.' });
    await p.settle();
    assert.equal(await text('[data-turn-id="s"] .status-text'), 'Thinking…');
    assert.equal(await p.page.$eval('[data-turn-id="s"] details.reasoning', (e) => (e as HTMLDetailsElement).open), false);
    assert.equal(await text('[data-turn-id="s"] .reasoning-text'), 'Looking at the selection.');
    await p.send({ type: 'toolActivity', turnId: 's', itemId: 'ws_1', tool: 'web_search', status: 'searching', query: 'xai grok build' });
    await p.settle();
    assert.equal(await text('[data-turn-id="s"] .status-text'), 'Searching the web for “xai grok build”…');
    await p.send({ type: 'toolActivity', turnId: 's', itemId: 'ws_1', tool: 'web_search', status: 'completed', query: 'xai grok build' });
    await p.send({ type: 'retrying', turnId: 's', attempt: 1, maxAttempts: 3, delayMs: 5000, reason: 'Rate limited.' });
    await p.settle();
    assert.match(await text('[data-turn-id="s"] .status-text'), /^Rate limited\. Retrying in [45] s \(attempt 1 of 3\)…$/);
    assert.equal(await text('[data-turn-id="s"] .turn-activity'), 'Searched the web for “xai grok build”');
    // The countdown ticks with no message arriving; text arriving ends it.
    await p.page.waitForFunction(() => /Retrying in [34] s/.test(document.querySelector('[data-turn-id="s"] .status-text')?.textContent ?? ''), undefined, { timeout: 3000 });
    await p.send({ type: 'textDelta', turnId: 's', text: 'Answer.' });
    await p.settle();
    assert.equal(await text('[data-turn-id="s"] .status-text'), 'Writing…');
    await p.send(turnEnded('s', { usage: { inputTokens: 1200, outputTokens: 345, reasoningTokens: 100, totalTokens: 1545 }, elapsedMs: 3456 }));
    await p.waitForStatus('s', 'completed');
    assert.equal(await hidden('[data-turn-id="s"] .turn-status'), true);
    assert.equal(await text('[data-turn-id="s"] .turn-meta'), 'grok-build-0.11,545 tokens3.5 s');
    assert.equal(await p.page.$eval('[data-turn-id="s"] .turn-meta span[title]', (e) => e.getAttribute('title')), '1,200 in · 345 out · 100 reasoning');
    // A dot between facts, none before the first.
    const separators = await p.page.$$eval('[data-turn-id="s"] .turn-meta span', (spans) => spans.map((e) => getComputedStyle(e, '::before').content));
    assert.deepEqual(separators, ['none', '" · "', '" · "']);
  });

  it('marks an incomplete answer with its reason', async () => {
    const p = panel();
    await p.send(turnStarted('i'), { type: 'textDelta', turnId: 'i', text: 'Cut' }, turnEnded('i', { status: 'incomplete', reason: 'max_output_tokens' }));
    await p.waitForStatus('i', 'incomplete');
    assert.equal(await text('[data-turn-id="i"] .status-text'), 'Incomplete: the answer reached the output token limit.');
    assert.equal(await text('[data-turn-id="i"] .answer'), 'Cut\n');
  });

  it('shows an error with its details and buttons that post errorAction', async () => {
    const p = panel();
    const error = {
      kind: 'rate-limited',
      message: 'Grok is rate limiting this key. Wait a moment, then retry.',
      detail: 'Too many requests',
      status: 429,
      retryAfterMs: 30_000,
      requestId: 'req_123',
      actions: ['retry', 'open-settings'],
    };
    await p.send(turnStarted('e'), { type: 'textDelta', turnId: 'e', text: 'Kept partial' }, turnEnded('e', { status: 'error', error }));
    await p.waitForStatus('e', 'error');
    assert.equal(await text('[data-turn-id="e"] .error-message'), error.message);
    assert.equal(await p.page.$eval('[data-turn-id="e"] .turn-error', (e) => e.getAttribute('role')), 'alert');
    assert.match(await text('[data-turn-id="e"] .error-details pre'), /Too many requests\nHTTP status 429\nRequest ID: req_123/);
    assert.match(await text('[data-turn-id="e"] .error-countdown'), /^You can try again in (30|29) s\.$/);
    assert.equal(await text('[data-turn-id="e"] .answer'), 'Kept partial\n');
    // Rate limited: Retry counts down and cannot be pressed before the server's delay is over.
    const retry = '[data-turn-id="e"] button[data-action="retry"]';
    assert.match(await text(retry), /^Retry in (30|29) s$/);
    assert.equal(await p.page.$eval(retry, (e) => (e as HTMLButtonElement).disabled), true);
    await p.page.click('[data-turn-id="e"] button[data-action="open-settings"]');
    assert.deepEqual(await p.posted(), [{ type: 'errorAction', action: 'open-settings', turnId: 'e' }]);
    // Keyboard reachable: the buttons are real buttons in the tab order.
    assert.equal(await p.page.$$eval('[data-turn-id="e"] .error-actions button', (es) => es.every((e) => e.tabIndex === 0)), true);
    // The first action is the primary button, the others secondary, in the theme's colours (VS Code sets them on the page).
    await p.page.mouse.move(0, 0); // off the button clicked above: not hovered
    const backgrounds = await p.page.$$eval('[data-turn-id="e"] .error-actions button', (es) => {
      document.documentElement.style.setProperty('--vscode-button-background', 'rgb(1, 2, 3)');
      document.documentElement.style.setProperty('--vscode-button-secondaryBackground', 'rgb(4, 5, 6)');
      return es.map((e) => getComputedStyle(e).backgroundColor);
    });
    assert.deepEqual(backgrounds, ['rgb(1, 2, 3)', 'rgb(4, 5, 6)']);
  });

  it('drops invalid host messages without effect and keeps working', async () => {
    const p = panel();
    await p.send(
      null,
      'textDelta',
      42,
      { type: 'bogus' },
      { type: 'textDelta', turnId: 'x' },
      { type: 'turnStarted', turnId: 7, prompt: { action: 'Explain' }, model: 'm', startedAt: 1 },
      { type: 'turnStarted', turnId: 'y', prompt: {}, model: 'm', startedAt: 1 },
      { type: 'config', model: 'm', demo: 'yes', webSearch: false },
      { type: 'textDelta', turnId: 'no-such-turn', text: 'orphan' },
      { type: 'turnEnded', turnId: 'no-such-turn', status: 'completed', elapsedMs: 1 },
      { type: 'citation', turnId: 'x', citation: { url: 42 } },
    );
    await p.settle();
    assert.equal(await p.page.$$eval('article.turn', (es) => es.length), 0);
    assert.equal(await hidden('.demo-banner'), true);
    await p.send(turnStarted('ok'), { type: 'textDelta', turnId: 'ok', text: 'Still **works**.' }, { type: 'textDelta', turnId: 'ok', text: 12 }, turnEnded('ok'));
    await p.waitForStatus('ok', 'completed');
    assert.equal(await p.answerMarkdownHtml('ok'), '<p>Still <strong>works</strong>.</p>\n');
  });

  it('starts a replayed turn over instead of duplicating it', async () => {
    const p = panel();
    await p.send(turnStarted('r'), { type: 'textDelta', turnId: 'r', text: 'Once.' }, turnEnded('r'));
    await p.send(turnStarted('r'), { type: 'textDelta', turnId: 'r', text: 'Once.' }, turnEnded('r'));
    await p.waitForStatus('r', 'completed');
    assert.equal(await p.page.$$eval('article.turn', (es) => es.length), 1);
    assert.equal(await p.answerMarkdownHtml('r'), '<p>Once.</p>\n');
  });

  it('saves a bounded, versioned state and restores the conversation from it after a reload', async () => {
    const p = panel();
    await p.send(
      turnStarted('a', { action: 'Explain', file: 'src/x.ts', startLine: 1, endLine: 2 }),
      { type: 'textDelta', turnId: 'a', text: 'Cited.[[1]](https://x.ai/company)' },
      { type: 'citation', turnId: 'a', citation: { url: 'https://x.ai/company', title: 'xAI company', startIndex: 6, endIndex: 33 } },
      turnEnded('a', { usage: { inputTokens: 1, outputTokens: 2, totalTokens: 3 } }),
      turnStarted('b'),
      { type: 'textDelta', turnId: 'b', text: 'Still streaming' },
    );
    await p.waitForStatus('a', 'completed');
    await p.page.waitForFunction(() => {
      const state = (window as unknown as { __state?: { turns?: unknown[][] } }).__state;
      return state?.turns?.length === 2 && JSON.stringify(state).includes('Still streaming');
    });
    const state = await p.page.evaluate(() => (window as unknown as { __state: { version: number } }).__state);
    assert.equal(state.version, 1);
    const expectedA = await p.answerHtml('a');
    const expectedSources = await p.page.$eval('[data-turn-id="a"] .sources', (e) => e.outerHTML);

    const reloaded = await harness().open({ state });
    try {
      await reloaded.waitForStatus('a', 'completed');
      assert.equal(await reloaded.answerHtml('a'), expectedA);
      assert.equal(await reloaded.page.$eval('[data-turn-id="a"] .sources', (e) => e.outerHTML), expectedSources);
      // The turn that was streaming cannot resume in a new page: it is marked, and the composer is usable.
      await reloaded.waitForStatus('b', 'incomplete');
      assert.equal(await reloaded.answerMarkdownHtml('b'), '<p>Still streaming</p>\n');
      assert.equal(await reloaded.page.$eval('.composer-input', (e) => (e as HTMLTextAreaElement).disabled), false);
      assert.deepEqual(reloaded.errors, []);
    } finally {
      await reloaded.close();
    }
    await p.send(turnEnded('b'));
  });

  it('ignores saved state it does not understand', async () => {
    for (const state of [{ version: 99, turns: [] }, 'junk', { version: 1, turns: [[{ type: 'textDelta' }], 'x', [{ type: 'turnStarted' }]] }]) {
      const reloaded = await harness().open({ state });
      try {
        await reloaded.settle();
        assert.equal(await reloaded.page.$$eval('article.turn', (es) => es.length), 0);
        assert.deepEqual(reloaded.errors, []);
        assert.deepEqual(await reloaded.posted(), [{ type: 'ready' }]);
      } finally {
        await reloaded.close();
      }
    }
  });
});
