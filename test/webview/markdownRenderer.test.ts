import * as assert from 'node:assert/strict';
import { CitationNumbering } from '../../src/core/markdown/citationSources';
import { isSafeImageUrl, isSafeLinkUrl } from '../../src/core/markdown/linkPolicy';
import { createMarkdownRenderer } from '../../src/core/markdown/markdownRenderer';

const md = createMarkdownRenderer();
const render = (text: string): string => md.render(text, { citations: new CitationNumbering() });

describe('link policy', () => {
  it('allows only absolute http(s) links and https images', () => {
    for (const url of ['https://x.ai', 'http://example.com/a?b#c', 'HTTPS://X.AI/']) assert.ok(isSafeLinkUrl(url), url);
    const unsafe = ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', ' javascript:alert(1)', 'command:workbench.action.quit',
      'file:///etc/passwd', 'data:text/html,<script>', 'vscode://ms-vscode.x', 'vbscript:x', '/relative', '#anchor', '//evil.example/x', ''];
    for (const url of unsafe) assert.ok(!isSafeLinkUrl(url), url);
    assert.ok(isSafeImageUrl('https://x.ai/a.png'));
    assert.ok(!isSafeImageUrl('http://x.ai/a.png'));
    assert.ok(!isSafeImageUrl('data:image/png;base64,AAAA'));
  });
});

describe('link policy, remembered', () => {
  it('judges a URL the same however many others were judged in between', () => {
    const urls = Array.from({ length: 1500 }, (_, i) => (i % 3 === 0 ? `javascript:alert(${i})` : i % 3 === 1 ? `https://x.ai/${i}` : `data:text/html,${i}`));
    const first = urls.map(isSafeLinkUrl);
    assert.deepEqual(first, urls.map((url) => url.startsWith('https:')));
    assert.deepEqual([...urls].reverse().map(isSafeLinkUrl), [...first].reverse());
    assert.ok(!isSafeImageUrl('http://x.ai/a.png') && isSafeImageUrl('https://x.ai/a.png') && !isSafeLinkUrl('java\tscript:alert(1)'));
  });
});

describe('markdown renderer', () => {
  it('escapes raw HTML instead of parsing it', () => {
    const html = render('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)> <b onclick="x()">b</b>');
    assert.ok(!/<script|<img|<b /i.test(html), html);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  it('turns [[N]](url) into a numbered citation chip with the exact URL', () => {
    assert.equal(
      render('Fact.[[1]](https://en.wikipedia.org/wiki/XAI_(company))'),
      '<p>Fact.<a class="citation" href="https://en.wikipedia.org/wiki/XAI_(company)" data-cite="1">1</a></p>\n',
    );
  });

  it('keeps link destinations byte for byte (no re-encoding)', () => {
    assert.match(render('[a](https://de.wikipedia.org/wiki/Köln?q=a%20b&x=1)'), /href="https:\/\/de\.wikipedia\.org\/wiki\/Köln\?q=a%20b&amp;x=1"/);
  });

  it('leaves links with other schemes as plain text', () => {
    for (const link of ['[x](javascript:alert(1))', '[x](command:workbench.action.quit)', '[x](file:///etc/passwd)', '[x](data:text/html,hi)', '[x](vscode://a)', '<javascript:alert(1)>', '[[1]](javascript:alert(1))']) {
      const html = render(link);
      assert.ok(!/<a /.test(html), `${link} → ${html}`);
    }
  });

  it('shows https images, turns http images into links, drops other image schemes', () => {
    assert.equal(render('![alt](https://x.ai/a.png)'), '<p><img src="https://x.ai/a.png" alt="alt" loading="lazy" referrerpolicy="no-referrer"></p>\n');
    assert.equal(render('![alt](http://x.ai/a.png)'), '<p><a href="http://x.ai/a.png">alt</a></p>\n');
    assert.ok(!/<img|<a /.test(render('![alt](data:image/png;base64,AAAA)')));
  });

  it('marks table alignment with classes, never inline style (the CSP forbids it)', () => {
    const html = render('| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |');
    assert.ok(!html.includes('style='), html);
    assert.match(html, /<th class="align-left">a<\/th>/);
    assert.match(html, /<td class="align-center">2<\/td>/);
    assert.match(html, /<td class="align-right">3<\/td>/);
  });

  it('does not linkify bare URLs or make typographic replacements', () => {
    assert.equal(render('see https://x.ai -- (c)'), '<p>see https://x.ai -- (c)</p>\n');
  });
});
