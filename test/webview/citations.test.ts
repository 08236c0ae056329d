import * as assert from 'node:assert/strict';
import { locateAnnotatedCitation } from '../../src/core/markdown/annotationPosition';
import { findTrailingPartialCitation, scanCitation } from '../../src/core/markdown/citationSyntax';
import { CitationNumbering, distinctSourceLabels, listSources, sourceLabel } from '../../src/core/markdown/citationSources';
import { MARKDOWN_FIXTURES } from './support/markdownFixtures';

describe('citation syntax', () => {
  it('scans a complete citation, including URLs with balanced parentheses', () => {
    const text = 'x [[3]](https://en.wikipedia.org/wiki/XAI_(company)) y';
    assert.deepEqual(scanCitation(text, 2), {
      kind: 'complete',
      citation: { number: 3, url: 'https://en.wikipedia.org/wiki/XAI_(company)', end: text.indexOf(' y') },
    });
  });

  it('accepts angle-bracket destinations and backslash escapes', () => {
    const angle = '[[2]](<https://a.example/with space>)';
    assert.deepEqual(scanCitation(angle, 0), { kind: 'complete', citation: { number: 2, url: 'https://a.example/with space', end: angle.length } });
    const escaped = scanCitation('[[1]](https://a.example/p\\)q)', 0);
    assert.equal(escaped.kind === 'complete' && escaped.citation.url, 'https://a.example/p)q');
  });

  it('reports every proper prefix of a citation as partial', () => {
    const full = '[[12]](https://en.wikipedia.org/wiki/XAI_(company))';
    for (let end = 1; end < full.length; end++) {
      assert.equal(scanCitation(full.slice(0, end), 0).kind, 'partial', JSON.stringify(full.slice(0, end)));
    }
    assert.equal(scanCitation(full, 0).kind, 'complete');
  });

  it('rejects what is not a citation', () => {
    for (const text of ['[x]](u)', '[[x]](u)', '[[1]] (u)', '[[1]](u v)', '[[1]]()', '[[1]](a(b c)', '[[1234567]](u)', '[[1]](<a\nb>)']) {
      assert.equal(scanCitation(text, 0).kind, 'invalid', text);
    }
  });

  it('finds a citation cut off at the end of the text, on the last line only', () => {
    assert.equal(findTrailingPartialCitation('See [[1]](htt'), 4);
    assert.equal(findTrailingPartialCitation('See ['), 4);
    assert.equal(findTrailingPartialCitation('See [[1]](https://x.ai/a_(b'), 4);
    assert.equal(findTrailingPartialCitation('See [[1]](https://x.ai) done'), -1);
    assert.equal(findTrailingPartialCitation('a [link] and [[1]](https://x.ai) [[2]'), 33);
    assert.equal(findTrailingPartialCitation('[[1]](https://x.ai/a\nnext line'), -1);
    assert.equal(findTrailingPartialCitation('[x] checkbox'), -1);
  });
});

describe('annotation offsets', () => {
  const text = MARKDOWN_FIXTURES.xaiDocExample;
  const at = (url: string, occurrence = 0): { startIndex: number; endIndex: number } => {
    let start = -1;
    for (let i = 0; i <= occurrence; i++) start = text.indexOf(`](${url})`, start + 1);
    const open = text.lastIndexOf('[[', start);
    return { startIndex: open, endIndex: start + url.length + 3 };
  };

  it('accepts offsets that span the whole [[N]](url) link (UTF-16)', () => {
    const url = 'https://en.wikipedia.org/wiki/XAI_(company)';
    assert.deepEqual(locateAnnotatedCitation(text, { url, ...at(url) }), { number: 3, url, end: at(url).endIndex });
  });

  it('falls back to code-point offsets when the text has astral characters before the link', () => {
    const emojiText = '😀😀 intro [[1]](https://a.example/x) end';
    const utf16Start = emojiText.indexOf('[[');
    const codePointStart = Array.from(emojiText.slice(0, utf16Start)).length;
    const length = '[[1]](https://a.example/x)'.length;
    const located = locateAnnotatedCitation(emojiText, { url: 'https://a.example/x', startIndex: codePointStart, endIndex: codePointStart + length });
    assert.equal(located?.url, 'https://a.example/x');
    const direct = locateAnnotatedCitation(emojiText, { url: 'https://a.example/x', startIndex: utf16Start, endIndex: utf16Start + length });
    assert.equal(direct?.url, 'https://a.example/x');
  });

  it('reads code-point offsets the way Array.from counts them, lone surrogates included', () => {
    const pieces = ['😀', '\uD83D', '\uDE00', 'ab', ' ', '[[1]](https://a.example/x)', '[[2]](https://b.example/y)'];
    let seed = 7;
    const next = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: 2 + Math.floor(next() * 12) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      for (const url of ['https://a.example/x', 'https://b.example/y']) {
        const link = `[[${url.includes('a.example') ? 1 : 2}]](${url})`;
        const at = text.indexOf(link);
        if (at === -1) continue;
        const start = Array.from(text.slice(0, at)).length;
        const located = locateAnnotatedCitation(text, { url, startIndex: start, endIndex: start + Array.from(link).length });
        assert.equal(located?.url, url, JSON.stringify(text));
      }
      const points = Array.from(text).length;
      assert.equal(locateAnnotatedCitation(text, { url: 'https://a.example/x', startIndex: points, endIndex: points + 5 }), undefined);
    }
  });

  it('treats 0/0, missing, reversed, out-of-range and mismatched offsets as no position', () => {
    const url = 'https://x.ai/company';
    for (const offsets of [
      { startIndex: 0, endIndex: 0 },
      {},
      { startIndex: 10 },
      { startIndex: 50, endIndex: 40 },
      { startIndex: 5, endIndex: 100_000 },
      { startIndex: 3, endIndex: 30 },
      { startIndex: 1.5, endIndex: 20 },
    ]) {
      assert.equal(locateAnnotatedCitation(text, { url, ...offsets }), undefined, JSON.stringify(offsets));
    }
  });
});

describe('citation numbering and the Sources list', () => {
  it("keeps the model's numbers, and a repeated source keeps its first number", () => {
    const numbering = new CitationNumbering();
    assert.equal(numbering.numberFor('https://a.example/x', 1), 1);
    assert.equal(numbering.numberFor('https://b.example/y', 2), 2);
    assert.equal(numbering.numberFor('https://a.example/x', 1), 1);
    assert.equal(numbering.numberFor('https://a.example/x', 7), 1, 'the same source cited under another number keeps its first');
    assert.equal(numbering.numberFor('https://B.example/y', 2), 2, 'host case does not make a new source');
    assert.equal(numbering.numberFor('https://c.example/z', 5), 5, 'gaps are kept as the model wrote them');
    assert.deepEqual(numbering.cited(), [
      { number: 1, url: 'https://a.example/x' },
      { number: 2, url: 'https://b.example/y' },
      { number: 5, url: 'https://c.example/z' },
    ]);
  });

  it('gives a number claimed by a second URL to the first, and the next free one to the second', () => {
    const numbering = new CitationNumbering();
    assert.equal(numbering.numberFor('https://a.example/', 1), 1);
    assert.equal(numbering.numberFor('https://b.example/', 1), 2);
    assert.equal(numbering.numberFor('https://c.example/', 2), 3);
    assert.equal(numbering.numberFor('https://d.example/'), 4, 'no proposal: next free number');
    assert.equal(numbering.numberFor('https://e.example/', 0), 5, 'not a usable number');
  });

  it('forks without touching the committed numbering', () => {
    const numbering = new CitationNumbering();
    numbering.numberFor('https://a.example/', 1);
    const fork = numbering.fork();
    assert.equal(fork.numberFor('https://b.example/', 2), 2);
    assert.equal(numbering.cited().length, 1);
  });

  it('lists cited sources with annotation titles, then annotation-only sources', () => {
    const sources = listSources(
      [
        { number: 1, url: 'https://x.ai/company' },
        { number: 2, url: 'https://en.wikipedia.org/wiki/XAI_(company)' },
      ],
      [
        { url: 'https://x.ai/company', title: '1' },
        { url: 'https://en.wikipedia.org/wiki/XAI_(company)', title: 'xAI (company) - Wikipedia' },
        { url: 'https://news.example/story', title: 'https://news.example/story' },
        { url: 'https://news.example/story', title: 'A story' },
        { url: 'https://x.ai/company', title: 'xAI company page' },
      ],
    );
    assert.deepEqual(sources, [
      { number: 1, url: 'https://x.ai/company', title: 'xAI company page', cited: true },
      { number: 2, url: 'https://en.wikipedia.org/wiki/XAI_(company)', title: 'xAI (company) - Wikipedia', cited: true },
      { number: 3, url: 'https://news.example/story', title: 'A story', cited: false },
    ]);
  });

  it('adds the path to untitled sources whose labels would collide', () => {
    assert.deepEqual(
      distinctSourceLabels([
        { url: 'https://x.ai/company' },
        { url: 'https://x.ai/news/grok?ref=a' },
        { url: 'https://x.ai/', title: 'xAI' },
        { url: 'https://docs.x.ai/' },
        { url: `https://x.ai/${'a'.repeat(80)}` },
      ]),
      ['x.ai/company', 'x.ai/news/grok?ref=a', 'xAI', 'docs.x.ai', `x.ai/${'a'.repeat(46)}…`],
    );
  });

  it('labels a source by title, else by host without www', () => {
    assert.equal(sourceLabel({ url: 'https://www.example.com/a', title: 'Example' }), 'Example');
    assert.equal(sourceLabel({ url: 'https://www.example.com/a' }), 'example.com');
    assert.equal(sourceLabel({ url: 'not a url' }), 'not a url');
  });
});
