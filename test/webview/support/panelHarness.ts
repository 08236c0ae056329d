/**
 * Runs the real panel script in headless Chromium: builds src/webview/main.ts with esbuild (the same
 * browser/IIFE settings as esbuild.mjs, in memory), serves `renderPanelHtml` output on 127.0.0.1, and
 * stands in for VS Code with a stub `acquireVsCodeApi` that records what the panel posts.
 */
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../host/chromium';
import { createNonce, renderPanelHtml } from '../../../src/core/panelHtml';
import { SETTLED_GROUP_CLASS } from '../../../src/webview/settledGroups';

const ROOT = join(__dirname, '..', '..', '..');


async function bundle(entry: string): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/**
 * Installed before any page script: the VS Code webview API stub and the observers tests read.
 * Plain JavaScript source, not a function: tsx would inject helpers the page does not have.
 */
function stubScript(initialState: unknown): string {
  return `(() => {
  const posted = [];
  const violations = [];
  window.__posted = posted;
  window.__state = ${JSON.stringify(initialState ?? null)} ?? undefined;
  window.__cspViolations = violations;
  window.__setStateCalls = 0;
  let acquired = false;
  window.acquireVsCodeApi = () => {
    if (acquired) throw new Error('acquireVsCodeApi may only be called once');
    acquired = true;
    return {
      postMessage: (message) => posted.push(JSON.parse(JSON.stringify(message))),
      getState: () => window.__state,
      setState: (state) => { window.__state = JSON.parse(JSON.stringify(state)); window.__setStateCalls++; },
    };
  };
  document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective + ': ' + e.blockedURI));
  // What VS Code's webview preload does: a bubbling window listener that opens any clicked link.
  window.__preloadLinkOpens = [];
  const preloadHandler = (e) => {
    const anchor = e.composedPath().find((n) => n.tagName && n.tagName.toLowerCase() === 'a' && n.href);
    if (anchor) window.__preloadLinkOpens.push(anchor.href);
  };
  window.addEventListener('click', preloadHandler);
  window.addEventListener('auxclick', preloadHandler);
})();`;
}

export interface OpenOptions {
  /** What `getState()` returns (a previous session's saved state). */
  state?: unknown;
}

export class PanelHarness {
  private constructor(
    private readonly server: Server,
    readonly origin: string,
    private readonly browser: Browser,
    /** Every path requested from the server, in order (a navigation or stray fetch shows up here). */
    readonly requests: string[],
  ) {}

  static async start(): Promise<PanelHarness> {
    const [panelJs, sanitizerJs, markdownViewJs] = await Promise.all([
      bundle('src/webview/main.ts'),
      bundle('test/webview/support/sanitizerEntry.ts'),
      bundle('test/webview/support/markdownViewEntry.ts'),
    ]);
    const css = readFileSync(join(ROOT, 'media', 'panel.css'), 'utf8');
    const requests: string[] = [];
    let origin = '';
    const server = createServer((req, res) => {
      const path = req.url ?? '/';
      requests.push(path);
      const send = (type: string, body: string, status = 200) => {
        res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
        res.end(body);
      };
      if (path === '/' || path === '/sanitizer' || path === '/markdown-view') {
        const script = path === '/' ? '/panel.js' : `${path}.js`;
        send('text/html', renderPanelHtml({ cspSource: origin, nonce: createNonce(), scriptUri: `${origin}${script}`, styleUri: `${origin}/panel.css` }));
      } else if (path === '/panel.js') send('text/javascript', panelJs);
      else if (path === '/sanitizer.js') send('text/javascript', sanitizerJs);
      else if (path === '/markdown-view.js') send('text/javascript', markdownViewJs);
      else if (path === '/panel.css') send('text/css', css);
      else send('text/plain', 'not found', 404);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const browser = await launchChromium();
    return new PanelHarness(server, origin, browser, requests);
  }

  /** A fresh page with the panel loaded and its `ready` posted. */
  async open(options: OpenOptions = {}): Promise<PanelPage> {
    const page = await this.browser.newPage();
    await page.addInitScript({ content: stubScript(options.state) });
    const panel = new PanelPage(page, this.origin);
    await page.goto(`${this.origin}/`);
    panel.watch();
    await page.waitForFunction(() => (window as unknown as { __posted: Array<{ type: string }> }).__posted.some((m) => m.type === 'ready'));
    return panel;
  }

  /** A page that loads only the sanitiser (for raw-HTML defence tests). */
  async openSanitizer(): Promise<Page> {
    const page = await this.browser.newPage();
    await page.addInitScript({ content: stubScript(undefined) });
    await page.goto(`${this.origin}/sanitizer`);
    await page.waitForFunction(() => 'sanitizeToFragment' in window);
    return page;
  }

  /** A page that loads only `MarkdownView` and `streamCheck` (support/markdownViewEntry.ts). */
  async openMarkdownView(): Promise<Page> {
    const page = await this.browser.newPage();
    await page.addInitScript({ content: stubScript(undefined) });
    await page.goto(`${this.origin}/markdown-view`);
    await page.waitForFunction(() => 'streamCheck' in window);
    return page;
  }

  async close(): Promise<void> {
    await this.browser.close();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export interface PostedMessage {
  type: string;
  [key: string]: unknown;
}

export class PanelPage {
  /** Uncaught exceptions in the page. */
  readonly errors: string[] = [];
  /** Navigations and popups after the panel loaded: there must never be any. */
  readonly navigations: string[] = [];

  constructor(
    readonly page: Page,
    readonly origin: string,
  ) {
    page.on('pageerror', (error) => this.errors.push(error.message));
  }

  /** Starts recording navigations (called once the panel has loaded). */
  watch(): void {
    this.page.on('framenavigated', (frame) => this.navigations.push(`navigated: ${frame.url()}`));
    this.page.on('popup', (popup) => this.navigations.push(`popup: ${popup.url()}`));
  }

  /** Posts host messages to the panel, in order, in one go (as a burst from the host would arrive). */
  async send(...messages: unknown[]): Promise<void> {
    await this.page.evaluate((batch) => {
      for (const message of batch) window.postMessage(message, '*');
    }, messages);
  }

  /** What the panel posted to the host so far. */
  async posted(): Promise<PostedMessage[]> {
    return this.page.evaluate(() => (window as unknown as { __posted: PostedMessage[] }).__posted.slice());
  }

  async clearPosted(): Promise<void> {
    await this.page.evaluate(() => {
      (window as unknown as { __posted: unknown[] }).__posted.length = 0;
    });
  }

  /** Links VS Code's own preload would have opened (it must never see a click on our links). */
  async preloadLinkOpens(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __preloadLinkOpens: string[] }).__preloadLinkOpens.slice());
  }

  async cspViolations(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations.slice());
  }

  /** Waits until the turn shows `status` (set in the same frame as its final render). */
  async waitForStatus(turnId: string, status: string): Promise<void> {
    await this.page.waitForSelector(`article.turn[data-turn-id="${turnId}"][data-status="${status}"]`, { state: 'attached', timeout: 5000 });
  }

  /** Waits for the next two animation frames, so everything already received has rendered. */
  async settle(): Promise<void> {
    await this.page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  }

  /** The answer element's HTML exactly, settled groups included. */
  async answerHtml(turnId: string): Promise<string> {
    return this.page.$eval(`article.turn[data-turn-id="${turnId}"] .answer`, (element) => element.innerHTML);
  }

  /** The answer's rendered markdown: its HTML with the settled groups' wrappers taken out. */
  async answerMarkdownHtml(turnId: string): Promise<string> {
    return this.page.$eval(
      `article.turn[data-turn-id="${turnId}"] .answer`,
      (element, groupClass) => {
        const copy = element.cloneNode(true) as Element;
        for (const group of copy.querySelectorAll(`:scope > .${groupClass}`)) group.replaceWith(...group.childNodes);
        return copy.innerHTML;
      },
      SETTLED_GROUP_CLASS,
    );
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}

/** The top-level blocks of a turn's answer, in order, whether settled into groups or in the open tail. */
export const answerBlocks = (turnId: string): string =>
  [`[data-turn-id="${turnId}"] .answer > :not(.${SETTLED_GROUP_CLASS})`, `[data-turn-id="${turnId}"] .answer > .${SETTLED_GROUP_CLASS} > *`].join(', ');

/** A `turnStarted` message with sensible defaults. */
export function turnStarted(turnId: string, prompt: Record<string, unknown> = { action: 'Explain' }): Record<string, unknown> {
  return { type: 'turnStarted', turnId, prompt, model: 'grok-build-0.1', startedAt: 1_700_000_000_000 };
}

export function turnEnded(turnId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'turnEnded', turnId, status: 'completed', elapsedMs: 1234, ...extra };
}

/** Text deltas for `text`, cut at the given sizes (cycled). */
export function deltas(turnId: string, text: string, sizes: number[] = [1, 2, 3, 5, 8]): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (let i = 0, n = 0; i < text.length; n++) {
    const size = sizes[n % sizes.length];
    out.push({ type: 'textDelta', turnId, text: text.slice(i, i + size) });
    i += size;
  }
  return out;
}

/** Mocha hooks: one browser and one panel page for the whole file, reset between tests. */
export function usePanel(): { harness(): PanelHarness; panel(): PanelPage } {
  let harness: PanelHarness | undefined;
  let panel: PanelPage | undefined;
  before(async function () {
    this.timeout(60_000);
    harness = await PanelHarness.start();
    panel = await harness.open();
  });
  after(async () => {
    await harness?.close();
  });
  beforeEach(async () => {
    await panel!.send({ type: 'cleared' }, { type: 'config', model: 'grok-build-0.1', demo: false, webSearch: false });
    await panel!.settle();
    await panel!.clearPosted();
  });
  afterEach(function () {
    // Whatever a test did, the panel must not have thrown or navigated.
    if (this.currentTest?.state === 'passed') {
      if (panel!.errors.length) throw new Error(`page errors: ${panel!.errors.join('; ')}`);
      if (panel!.navigations.length) throw new Error(`navigations: ${panel!.navigations.join('; ')}`);
    }
  });
  return { harness: () => harness!, panel: () => panel! };
}
