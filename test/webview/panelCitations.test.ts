import * as assert from 'node:assert/strict';
import { MARKDOWN_FIXTURES } from './support/markdownFixtures';
import { deltas, turnEnded, turnStarted, usePanel } from './support/panelHarness';

/** url_citation annotations as xAI sends them for the documented example: title = number, exact offsets. */
function documentedAnnotations(turnId: string, text: string): Array<Record<string, unknown>> {
  const urls = ['https://x.ai/company', 'https://x.ai/', 'https://en.wikipedia.org/wiki/XAI_(company)', 'https://xai.games/'];
  return urls.map((url, i) => {
    const link = `[[${i + 1}]](${url})`;
    const startIndex = text.indexOf(link);
    return { type: 'citation', turnId, citation: { url, title: String(i + 1), startIndex, endIndex: startIndex + link.length } };
  });
}

describe('panel: citations and links (headless Chromium)', () => {
  const { harness, panel } = usePanel();
  const text = MARKDOWN_FIXTURES.xaiDocExample;

  async function streamCitedAnswer(turnId: string, extra: Array<Record<string, unknown>> = []): Promise<void> {
    const p = panel();
    await p.send(turnStarted(turnId), ...deltas(turnId, text, [5, 9, 2]), ...documentedAnnotations(turnId, text), ...extra, turnEnded(turnId));
    await p.waitForStatus(turnId, 'completed');
  }

  it('turns [[N]](url) into numbered chips, a repeated source keeping its number', async () => {
    await streamCitedAnswer('c');
    const chips = await panel().page.$$eval('[data-turn-id="c"] a.citation', (es) =>
      es.map((e) => ({ text: e.textContent, href: e.getAttribute('href'), title: e.getAttribute('title'), label: e.getAttribute('aria-label') })),
    );
    assert.deepEqual(
      chips.map((c) => [c.text, c.href]),
      [
        ['1', 'https://x.ai/company'],
        ['2', 'https://x.ai/'],
        ['3', 'https://en.wikipedia.org/wiki/XAI_(company)'],
        ['4', 'https://xai.games/'],
        ['1', 'https://x.ai/company'],
      ],
    );
    assert.equal(chips[2].title, 'en.wikipedia.org\nhttps://en.wikipedia.org/wiki/XAI_(company)');
    assert.equal(chips[2].label, 'Source 3: en.wikipedia.org');
  });

  it('ends the answer with a numbered, de-duplicated Sources list (title or host; full URL on hover)', async () => {
    await streamCitedAnswer('s', [
      // A real title, no position (0/0): matched to the cited source by URL.
      { type: 'citation', turnId: 's', citation: { url: 'https://xai.games/', title: 'Xai Games', startIndex: 0, endIndex: 0 } },
      // Offsets that do not match the text: treated as no position.
      { type: 'citation', turnId: 's', citation: { url: 'https://x.ai/', title: 'xAI', startIndex: 3, endIndex: 9 } },
      // Sources that were never cited inline come after the cited ones; a repeat is listed once.
      { type: 'citation', turnId: 's', citation: { url: 'https://news.example/story' } },
      { type: 'citation', turnId: 's', citation: { url: 'https://news.example/story', title: 'A story' } },
      // Not http(s): never listed.
      { type: 'citation', turnId: 's', citation: { url: 'javascript:alert(1)', title: 'evil' } },
    ]);
    const items = await panel().page.$$eval('[data-turn-id="s"] .sources li', (es) =>
      es.map((e) => {
        const link = e.querySelector('a')!;
        return { number: e.getAttribute('value'), label: link.textContent, href: link.getAttribute('href'), title: link.getAttribute('title') };
      }),
    );
    assert.deepEqual(items, [
      { number: '1', label: 'x.ai', href: 'https://x.ai/company', title: 'https://x.ai/company' },
      { number: '2', label: 'xAI', href: 'https://x.ai/', title: 'https://x.ai/' },
      { number: '3', label: 'en.wikipedia.org', href: 'https://en.wikipedia.org/wiki/XAI_(company)', title: 'https://en.wikipedia.org/wiki/XAI_(company)' },
      { number: '4', label: 'Xai Games', href: 'https://xai.games/', title: 'https://xai.games/' },
      { number: '5', label: 'A story', href: 'https://news.example/story', title: 'https://news.example/story' },
    ]);
    assert.equal(await panel().page.$eval('[data-turn-id="s"] .sources h3', (e) => e.textContent), 'Sources');
    const chipTitle = await panel().page.$eval('[data-turn-id="s"] a.citation[data-cite="4"]', (e) => e.getAttribute('title'));
    assert.equal(chipTitle, 'Xai Games\nhttps://xai.games/', 'a title arriving after the text updates chips already rendered');
  });

  it('uses code-point offsets when UTF-16 offsets do not match (astral characters before the link)', async () => {
    const p = panel();
    const emojiText = 'Rockets 🚀🚀 fly.[[1]](https://a.example/rockets) More.';
    const utf16Start = emojiText.indexOf('[[1]]');
    const codePointStart = Array.from(emojiText.slice(0, utf16Start)).length;
    const end = codePointStart + '[[1]](https://a.example/rockets)'.length;
    await p.send(
      turnStarted('cp'),
      { type: 'textDelta', turnId: 'cp', text: emojiText },
      { type: 'citation', turnId: 'cp', citation: { url: 'https://a.example/rockets', title: 'Rocket facts', startIndex: codePointStart, endIndex: end } },
      turnEnded('cp'),
    );
    await p.waitForStatus('cp', 'completed');
    assert.equal(await p.page.$eval('[data-turn-id="cp"] .sources a', (e) => e.textContent), 'Rocket facts');
  });

  it('keeps the Sources items it shows as more citations stream in, so a focused source stays focused', async () => {
    const p = panel();
    const listed = () =>
      p.page.$$eval('[data-turn-id="f"] .sources li', (es) => es.map((e) => `${e.getAttribute('value')} ${e.querySelector('a')!.textContent}`));
    await p.send(turnStarted('f'), { type: 'textDelta', turnId: 'f', text: 'One [[1]](https://a.example/x) and ' });
    await p.settle();
    assert.deepEqual(await listed(), ['1 a.example']);
    await p.page.focus('[data-turn-id="f"] .sources li[value="1"] a');
    await p.page.$eval('[data-turn-id="f"] .sources li[value="1"]', (e) => e.setAttribute('data-test-mark', 'first'));

    await p.send({ type: 'textDelta', turnId: 'f', text: 'two [[2]](https://b.example/y) and more.' });
    await p.settle();
    assert.deepEqual(await listed(), ['1 a.example', '2 b.example']);
    const kept = await p.page.$eval('[data-turn-id="f"] .sources li[value="1"]', (e) => ({
      mark: e.getAttribute('data-test-mark'),
      focused: document.activeElement === e.querySelector('a'),
    }));
    assert.deepEqual(kept, { mark: 'first', focused: true });
    // While the answer streams, what is below it (the list, the status) is in a layer of its own: each
    // line the answer gains moves it, and Chromium would otherwise re-record all of it on every such frame.
    const layerHint = () =>
      p.page.$eval('[data-turn-id="f"] .sources', (e) => {
        const layer = e.closest('.turn-after-answer');
        return layer?.contains(e.closest('.turn')!.querySelector('.turn-status')) ? getComputedStyle(layer).willChange : 'status not in the layer';
      });
    assert.equal(await layerHint(), 'transform');

    // A second source on the same host: both labels change, so both items are rebuilt to say so.
    await p.send({ type: 'textDelta', turnId: 'f', text: ' Also [[3]](https://a.example/z).' }, turnEnded('f'));
    await p.waitForStatus('f', 'completed');
    assert.deepEqual(await listed(), ['1 a.example/x', '2 b.example', '3 a.example/z']);
    assert.equal(await p.page.$$eval('[data-turn-id="f"] .sources li', (es) => es.length), 3);
    assert.equal(await layerHint(), 'auto', 'no layer kept once the answer is done');
  });

  it('shows the number the model wrote, and resolves a number claimed by two sources', async () => {
    const p = panel();
    const odd = 'Gap [[2]](https://a.example/x), clash [[2]](https://b.example/y), repeat [[9]](https://a.example/x).';
    await p.send(turnStarted('n'), ...deltas('n', odd, [3]), turnEnded('n'));
    await p.waitForStatus('n', 'completed');
    const chips = await p.page.$$eval('[data-turn-id="n"] a.citation', (es) => es.map((e) => `${e.textContent} ${e.getAttribute('href')}`));
    assert.deepEqual(chips, ['2 https://a.example/x', '3 https://b.example/y', '2 https://a.example/x']);
    const sources = await p.page.$$eval('[data-turn-id="n"] .sources li', (es) => es.map((e) => `${e.getAttribute('value')} ${e.querySelector('a')!.getAttribute('href')}`));
    assert.deepEqual(sources, ['2 https://a.example/x', '3 https://b.example/y']);
  });

  it('has no Sources list and nothing broken when an answer cites nothing', async () => {
    const p = panel();
    await p.send(turnStarted('plain'), { type: 'textDelta', turnId: 'plain', text: 'Just [a link](https://x.ai/a) and text.' }, turnEnded('plain'));
    await p.waitForStatus('plain', 'completed');
    assert.equal(await p.page.$eval('[data-turn-id="plain"] .sources', (e) => (e as HTMLElement).hidden), true);
    assert.equal(await p.page.$$eval('[data-turn-id="plain"] a.citation', (es) => es.length), 0);
  });

  it('posts openLink with the exact URL for chips, sources and links, and never navigates', async () => {
    const p = panel();
    await streamCitedAnswer('k');
    await p.send(turnStarted('l'), { type: 'textDelta', turnId: 'l', text: 'A [plain link](https://de.wikipedia.org/wiki/Köln?q=a%20b) here.' }, turnEnded('l'));
    await p.waitForStatus('l', 'completed');
    const requestsBefore = harness().requests.length;
    await p.page.click('[data-turn-id="k"] a.citation[data-cite="3"]');
    await p.page.click('[data-turn-id="k"] .sources li[value="2"] a');
    await p.page.click('[data-turn-id="l"] .answer a');
    await p.page.click('[data-turn-id="k"] a.citation[data-cite="4"]', { button: 'middle' });
    await p.page.focus('[data-turn-id="k"] a.citation[data-cite="1"]');
    await p.page.keyboard.press('Enter');
    await p.settle();
    assert.deepEqual(await p.posted(), [
      { type: 'openLink', url: 'https://en.wikipedia.org/wiki/XAI_(company)' },
      { type: 'openLink', url: 'https://x.ai/' },
      { type: 'openLink', url: 'https://de.wikipedia.org/wiki/Köln?q=a%20b' },
      { type: 'openLink', url: 'https://xai.games/' },
      { type: 'openLink', url: 'https://x.ai/company' },
    ]);
    assert.deepEqual(await p.preloadLinkOpens(), [], "VS Code's preload never sees the click (no double open)");
    assert.equal(p.page.url(), `${p.origin}/`);
    assert.deepEqual(harness().requests.slice(requestsBefore), [], 'no request left the page');
  });

  it('shows images only from https', async () => {
    const p = panel();
    await p.send(
      turnStarted('img'),
      { type: 'textDelta', turnId: 'img', text: '![Starship](https://127.0.0.1:1/starship.jpg) ![plain](http://example.com/p.png) ![data](data:image/png;base64,iVBORw0KGgo=)' },
      turnEnded('img'),
    );
    await p.waitForStatus('img', 'completed');
    const images = await p.page.$$eval('[data-turn-id="img"] img', (es) => es.map((e) => [e.getAttribute('src'), e.getAttribute('alt'), e.getAttribute('referrerpolicy')]));
    assert.deepEqual(images, [['https://127.0.0.1:1/starship.jpg', 'Starship', 'no-referrer']]);
    assert.equal(await p.page.$eval('[data-turn-id="img"] a', (e) => e.getAttribute('href')), 'http://example.com/p.png');
  });
});
