import * as assert from 'node:assert/strict';
import { MARKDOWN_FIXTURES } from './support/markdownFixtures';
import { answerBlocks, deltas, turnEnded, turnStarted, usePanel } from './support/panelHarness';

describe('panel: streaming markdown (headless Chromium)', () => {
  const { harness, panel } = usePanel();

  it('posts ready once on load, with no CSP violation and no page error', async () => {
    const fresh = await harness().open();
    try {
      await fresh.settle();
      assert.deepEqual(await fresh.posted(), [{ type: 'ready' }]);
      assert.deepEqual(await fresh.cspViolations(), []);
      assert.deepEqual(fresh.errors, []);
    } finally {
      await fresh.close();
    }
  });

  for (const name of ['xaiDocExample', 'fences', 'tables', 'listsLooseAndTight', 'emojiAndCrlf', 'citationEdgeCases'] as const) {
    it(`renders ${name} streamed in awkward pieces exactly as a one-shot render`, async () => {
      const p = panel();
      const text = MARKDOWN_FIXTURES[name];
      // Pieces cut inside words, link syntax, fences and surrogate pairs; then the same text in one delta.
      await p.send(turnStarted('streamed'), ...deltas('streamed', text, [1, 3, 2, 7, 1, 1, 11, 4]), turnEnded('streamed'));
      await p.send(turnStarted('whole'), { type: 'textDelta', turnId: 'whole', text }, turnEnded('whole'));
      await p.waitForStatus('streamed', 'completed');
      await p.waitForStatus('whole', 'completed');
      const streamed = await p.answerHtml('streamed');
      assert.ok(streamed.length > 0);
      assert.equal(streamed, await p.answerHtml('whole'));
      const sources = (id: string) => p.page.$eval(`[data-turn-id="${id}"] .sources`, (e) => e.outerHTML);
      assert.equal(await sources('streamed'), await sources('whole'));
    });
  }

  it('shows the answer while it streams and keeps finished blocks as the same DOM nodes', async () => {
    const p = panel();
    await p.send(turnStarted('t'), ...deltas('t', 'First paragraph is here.\n\nSecond one', [4]));
    await p.settle();
    assert.equal(await p.page.$eval('[data-turn-id="t"] .answer', (e) => e.getAttribute('aria-busy')), 'true');
    assert.equal(await p.page.$eval('[data-turn-id="t"] .answer', (e) => e.getAttribute('aria-live')), 'polite');
    assert.equal(await p.page.$eval('[data-turn-id="t"] .status-text', (e) => e.textContent), 'Writing…');
    // Tag the first paragraph's node; it must survive everything that follows.
    await p.page.$eval('[data-turn-id="t"] .answer p', (e) => ((e as unknown as { __tag: string }).__tag = 'kept'));
    await p.send(...deltas('t', ' grows.\n\n- a list\n- of items\n\n```\ncode\n```\n\nEnd.', [3]), turnEnded('t'));
    await p.waitForStatus('t', 'completed');
    const first = await p.page.$eval('[data-turn-id="t"] .answer p', (e) => ({ tag: (e as unknown as { __tag?: string }).__tag, text: e.textContent }));
    assert.deepEqual(first, { tag: 'kept', text: 'First paragraph is here.' });
    assert.equal(await p.page.$eval('[data-turn-id="t"] .answer', (e) => e.getAttribute('aria-busy')), 'false');
    assert.equal(await p.page.$$eval(answerBlocks('t'), (es) => es.map((e) => e.tagName).join(' ')), 'P P UL DIV PRE P', 'the code block has its toolbar');
  });

  it('styles nothing by a sibling combinator onto an element type, which makes Chromium restyle every such element under a changing parent', async () => {
    const p = panel();
    // Each complex selector, from the stylesheet as the browser parsed it (nested rules included).
    const selectors = await p.page.evaluate(() => {
      const found: string[] = [];
      const pending: CSSRule[] = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules]);
      for (let rule = pending.pop(); rule; rule = pending.pop()) {
        if (rule instanceof CSSStyleRule) found.push(...rule.selectorText.split(','));
        if ('cssRules' in rule) pending.push(...(rule as CSSGroupingRule).cssRules);
      }
      return found.map((selector) => selector.trim());
    });
    assert.ok(selectors.length > 50, `the panel's stylesheet is loaded: ${selectors.length} selectors`);
    // `a + b`, `a ~ b`: a type right after a sibling combinator. Chromium then restyles every `b` below a
    // parent whose children change: the streaming answer's hundreds of highlighted spans and buttons.
    const offending = selectors.filter((selector) => /[+~]\s*[a-z]/i.test(selector));
    assert.deepEqual(offending, []);
  });

  it('joins a code block to its toolbar: no gap, square corners where they meet', async () => {
    const p = panel();
    await p.send(turnStarted('c'), { type: 'textDelta', turnId: 'c', text: 'Code:\n\n```ts\nconst x = 1;\n```\n' }, turnEnded('c'));
    await p.waitForStatus('c', 'completed');
    const joint = await p.page.$eval('[data-turn-id="c"] pre', (pre) => {
      const bar = pre.previousElementSibling!;
      const style = getComputedStyle(pre);
      return {
        bar: bar.className,
        gap: Math.round(pre.getBoundingClientRect().top - bar.getBoundingClientRect().bottom),
        corners: [style.borderTopLeftRadius, style.borderTopRightRadius],
      };
    });
    assert.deepEqual(joint, { bar: 'code-toolbar', gap: 0, corners: ['0px', '0px'] });
  });

  it('spaces out the renders of a huge open block, so the page keeps time for the reader, and still shows all of it', async () => {
    const p = panel();
    // One paragraph of 150 KB stays the open tail until it ends: each render re-parses all of it.
    const text = Array.from({ length: 8000 }, (_, i) => `word${i} **b** \`c\``).join(' ') + '\n';
    await p.send(turnStarted('big'));
    await p.settle();
    // Streamed from the page's own timer (256 characters every 4 ms), so text arrives in every frame.
    // Plain JavaScript, not a function: tsx would add helpers the page does not have.
    const counts = (await p.page.evaluate(`new Promise((resolve) => {
      const source = ${JSON.stringify(text)};
      const answer = document.querySelector('[data-turn-id="big"] .answer');
      let changed = false;
      new MutationObserver(() => { changed = true; }).observe(answer, { childList: true, subtree: true, characterData: true });
      let offset = 0, sentAtLastFrame = 0, framesWithText = 0, framesUpdated = 0;
      const started = performance.now();
      const sender = setInterval(() => {
        window.postMessage({ type: 'textDelta', turnId: 'big', text: source.slice(offset, offset + 256) }, '*');
        offset += 256;
        if (offset >= source.length) clearInterval(sender);
      }, 4);
      const frame = () => {
        if (changed) framesUpdated++;
        changed = false;
        if (offset > sentAtLastFrame) framesWithText++;
        sentAtLastFrame = offset;
        if (offset < source.length) requestAnimationFrame(frame);
        else resolve({ framesWithText, framesUpdated, sendingMs: performance.now() - started });
      };
      requestAnimationFrame(frame);
    })`)) as { framesWithText: number; framesUpdated: number; sendingMs: number };
    await p.send(turnEnded('big'));
    await p.send(turnStarted('whole'), { type: 'textDelta', turnId: 'whole', text }, turnEnded('whole'));
    await p.waitForStatus('big', 'completed');
    await p.waitForStatus('whole', 'completed');
    assert.equal(await p.answerHtml('big'), await p.answerHtml('whole'));
    assert.ok(counts.framesWithText > 20, `text arrived over many frames: ${JSON.stringify(counts)}`);
    // Every frame would render if renders were left to run; spaced out, they are far fewer.
    assert.ok(counts.framesUpdated < counts.framesWithText * 0.6, `renders spaced out: ${JSON.stringify(counts)}`);
  });

  it('settles finished blocks into groups that keep code blocks whole and leave the layout as it was', async () => {
    const p = panel();
    const section = (i: number) =>
      [
        `## Part ${i}`,
        `A paragraph with **bold**, \`code\` and a cite [[1]](https://a.example/${i}).`,
        `- one\n- two\n\n  loose`,
        i % 3 === 0 ? '```ts\nconst x = ' + i + ';\n```' : `> quoted ${i}`,
        i % 4 === 0 ? '| a | b |\n|---|---|\n| 1 | 2 |' : `Closing words ${i}.`,
      ].join('\n\n');
    // A code block is three nodes (toolbar, pre, line break), a paragraph two: here the second toolbar
    // is the 24th node, where a group cut by count alone would part it from its code block.
    const opening = ['```\nfirst\n```', ...Array.from({ length: 10 }, (_, i) => `Filler ${i}.`), '```\nsecond\n```'].join('\n\n');
    const text = opening + '\n\n' + Array.from({ length: 30 }, (_, i) => section(i)).join('\n\n') + '\n';
    await p.send(turnStarted('g'), ...deltas('g', text, [5, 9, 2, 14]), turnEnded('g'));
    await p.waitForStatus('g', 'completed');
    await p.settle();
    const shape = await p.page.$eval('[data-turn-id="g"] .answer', (answer) => ({
      children: [...answer.children].map((e) => e.className),
      groupSizes: [...answer.children].map((e) => e.childNodes.length),
      toolbarsBeforePre: [...answer.querySelectorAll('.code-toolbar')].map((bar) => bar.nextElementSibling?.tagName),
    }));
    assert.ok(shape.children.length > 5, `several groups: ${JSON.stringify(shape.children)}`);
    assert.ok(shape.children.every((c) => c === 'md-settled'), 'an ended answer is all settled groups');
    assert.ok(shape.groupSizes.every((n) => n <= 30), `groups stay small: ${shape.groupSizes.join(' ')}`);
    assert.equal(shape.toolbarsBeforePre.length, 12);
    assert.ok(shape.toolbarsBeforePre.every((tag) => tag === 'PRE'), 'no toolbar is cut from its code block');

    // The same blocks, laid out as the answer's own children: every box must be where it was.
    const boxes = () =>
      p.page.$$eval(answerBlocks('g'), (blocks) => {
        const origin = blocks[0].closest('.answer')!.getBoundingClientRect();
        return blocks.map((b) => {
          const r = b.getBoundingClientRect();
          return `${b.tagName} ${Math.round(r.top - origin.top)} ${Math.round(r.left - origin.left)} ${Math.round(r.width)}x${Math.round(r.height)}`;
        });
      });
    const grouped = await boxes();
    const answerHeight = () => p.page.$eval('[data-turn-id="g"] .answer', (a) => a.getBoundingClientRect().height);
    const groupedHeight = await answerHeight();
    await p.page.$eval('[data-turn-id="g"] .answer', (answer) => {
      for (const group of [...answer.children]) group.replaceWith(...group.childNodes);
    });
    assert.deepEqual(grouped, await boxes());
    assert.equal(groupedHeight, await answerHeight());
  });

  it('updates the DOM only inside animation frames, at most once per frame, however fast deltas arrive', async () => {
    const p = panel();
    await p.send(turnStarted('fast'));
    await p.settle();
    await p.page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const stats = { outside: 0, frames: 0, framesWithMutations: 0, maxCallbacksPerFrame: 0 };
      w.__frameStats = stats;
      const observer = new MutationObserver((records) => (stats.outside += records.length));
      observer.observe(document.querySelector('.conversation')!, { subtree: true, childList: true, characterData: true, attributes: true });
      const original = window.requestAnimationFrame.bind(window);
      const perFrame = new Map<number, number>();
      window.requestAnimationFrame = (callback) =>
        original((time) => {
          perFrame.set(time, (perFrame.get(time) ?? 0) + 1);
          stats.maxCallbacksPerFrame = Math.max(stats.maxCallbacksPerFrame, perFrame.get(time)!);
          stats.frames++;
          callback(time);
          if (observer.takeRecords().length) stats.framesWithMutations++;
        });
    });
    const text = Array.from({ length: 60 }, (_, i) => `Paragraph ${i} with **bold**, \`code\` and a cite [[${(i % 5) + 1}]](https://s${i % 5}.example/p).\n\n`).join('');
    const pieces = deltas('fast', text, [1, 2, 3]);
    await p.send(...pieces, turnEnded('fast'));
    await p.waitForStatus('fast', 'completed');
    await p.settle();
    const stats = await p.page.evaluate(() => (window as unknown as { __frameStats: Record<string, number> }).__frameStats);
    assert.equal(stats.outside, 0, 'no DOM mutation outside an animation frame');
    assert.equal(stats.maxCallbacksPerFrame, 1, 'one render per frame');
    assert.ok(stats.framesWithMutations >= 1 && stats.framesWithMutations < pieces.length / 10, JSON.stringify({ ...stats, deltas: pieces.length }));
    assert.equal(await p.page.$$eval(answerBlocks('fast'), (es) => es.filter((e) => e.tagName === 'P').length), 60);
  });

  it('renders half-received syntax sanely and settles when it completes', async () => {
    const p = panel();
    const answer = (selector = '') => `[data-turn-id="half"] .answer ${selector}`.trim();
    await p.send(turnStarted('half'), { type: 'textDelta', turnId: 'half', text: 'Intro [[1]](htt' });
    await p.settle();
    assert.equal(await p.page.$eval(answer(), (e) => e.textContent?.trim()), 'Intro', 'a link cut at [[1]](htt is held back, not shown raw');
    await p.send({ type: 'textDelta', turnId: 'half', text: 'ps://en.wikipedia.org/wiki/XAI_(company))\n\n```ts\nconst x = 1;' });
    await p.settle();
    assert.equal(await p.page.$eval(answer('a.citation'), (e) => e.getAttribute('href')), 'https://en.wikipedia.org/wiki/XAI_(company)');
    assert.equal(await p.page.$eval(answer('pre code'), (e) => e.textContent), 'const x = 1;', 'an unclosed fence already shows as code');
    await p.send({ type: 'textDelta', turnId: 'half', text: '\n```\n\n| a | b |\n|--' });
    await p.settle();
    assert.equal(await p.page.$$eval(answer('table'), (es) => es.length), 0, 'half a table is not a table yet');
    await p.send({ type: 'textDelta', turnId: 'half', text: '-|---|\n| 1 | 2 |\n' }, turnEnded('half'));
    await p.waitForStatus('half', 'completed');
    assert.equal(await p.page.$$eval(answer('table td'), (es) => es.map((e) => e.textContent).join(',')), '1,2');
  });

  it('follows the stream at the bottom until the reader scrolls up', async () => {
    const p = panel();
    await p.page.setViewportSize({ width: 600, height: 300 });
    const scroller = '.conversation';
    const long = Array.from({ length: 40 }, (_, i) => `Line ${i}.\n\n`).join('');
    await p.send(turnStarted('scroll'), { type: 'textDelta', turnId: 'scroll', text: long });
    await p.settle();
    const atBottom = () => p.page.$eval(scroller, (e) => e.scrollHeight - e.scrollTop - e.clientHeight < 2);
    assert.ok(await atBottom(), 'follows while streaming');
    await p.page.$eval(scroller, (e) => e.scrollTo({ top: 0 }));
    await p.settle();
    await p.send({ type: 'textDelta', turnId: 'scroll', text: long });
    await p.settle();
    assert.equal(await p.page.$eval(scroller, (e) => e.scrollTop), 0, 'stays where the reader scrolled');
    await p.page.$eval(scroller, (e) => e.scrollTo({ top: e.scrollHeight }));
    await p.settle();
    await p.send({ type: 'textDelta', turnId: 'scroll', text: long }, turnEnded('scroll'));
    await p.waitForStatus('scroll', 'completed');
    await p.settle();
    assert.ok(await atBottom(), 'resumes following at the bottom');
    await p.page.setViewportSize({ width: 1280, height: 720 });
  });

  it('spins while nothing shows yet (waiting, searching), not beside text that is streaming', async () => {
    const p = panel();
    const spinning = () => p.page.$eval('[data-turn-id="spin"] .spinner', (e) => getComputedStyle(e).display !== 'none');
    await p.send(turnStarted('spin'));
    await p.settle();
    assert.equal(await spinning(), true, 'waiting for Grok');
    await p.send({ type: 'textDelta', turnId: 'spin', text: 'Some text' });
    await p.settle();
    assert.equal(await spinning(), false, 'writing: the text is the sign of life');
    await p.send({ type: 'toolActivity', turnId: 'spin', itemId: 'ws_1', tool: 'web_search', status: 'searching', query: 'x' });
    await p.settle();
    assert.equal(await spinning(), true, 'searching the web');
    await p.send({ type: 'toolActivity', turnId: 'spin', itemId: 'ws_1', tool: 'web_search', status: 'completed' }, turnEnded('spin'));
    await p.waitForStatus('spin', 'completed');
    assert.equal(await spinning(), false, 'done');
  });
});
