/**
 * Headless Chromium for the panel benchmark: serves the real panel (src/webview/main.ts bundled with
 * esbuild.mjs's production settings for the panel) and the baselines in the panel's HTML shell (same
 * CSP, same stylesheet) on 127.0.0.1, and opens each in a fresh page with the probe installed and a
 * DevTools session for posting host messages and reading main-thread metrics.
 * PANEL_BENCH_EXTRA_CSS (CSS text) is appended to the stylesheet every page gets: for trying a CSS change.
 */
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../test/host/chromium';
import { createNonce, renderPanelHtml } from '../src/core/panelHtml';
import type { HostMessage } from '../src/core/panelProtocol';
import type { BaselineMode } from './panelBaselinePage';
import { PROBE_GLOBAL, probeScript, type ProbeRecords } from './panelProbe';

const ROOT = join(__dirname, '..');


const POST_FUNCTION = "function (message) { this.postMessage(message, '*'); }";

/** A VS Code side panel's size, roughly. */
const VIEWPORT = { width: 900, height: 900 };

export type Renderer = 'ours' | BaselineMode;

/** The subset of `Performance.getMetrics` the benchmark reports (seconds, cumulative). */
export interface MainThreadMetrics {
  TaskDuration: number;
  ScriptDuration: number;
  LayoutDuration: number;
  RecalcStyleDuration: number;
  ThreadTime: number;
}

/** The same settings esbuild.mjs uses for media/dist/panel.js with `--production`. */
async function bundle(entry: string, minify: boolean): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    write: false,
    minify,
    legalComments: 'none',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

export class BenchBrowser {
  private constructor(
    private readonly server: Server,
    private readonly origin: string,
    private readonly browser: Browser,
  ) {}

  /** `minify: false` keeps function names readable in CPU profiles (bench/panelProfile.ts). */
  static async start(options: { minify?: boolean } = {}): Promise<BenchBrowser> {
    const minify = options.minify ?? true;
    const [panelJs, baselineJs] = await Promise.all([bundle('src/webview/main.ts', minify), bundle('bench/panelBaselinePage.ts', minify)]);
    const css = readFileSync(join(ROOT, 'media', 'panel.css'), 'utf8') + (process.env.PANEL_BENCH_EXTRA_CSS ?? '');
    let origin = '';
    const server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const send = (type: string, body: string, status = 200) => {
        res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
        res.end(body);
      };
      const page = (script: string) =>
        send('text/html', renderPanelHtml({ cspSource: origin, nonce: createNonce(), scriptUri: `${origin}${script}`, styleUri: `${origin}/panel.css` }));
      if (path === '/ours') page('/panel.js');
      else if (path === '/baseline') page('/baseline.js');
      else if (path === '/panel.js') send('text/javascript', panelJs);
      else if (path === '/baseline.js') send('text/javascript', baselineJs);
      else if (path === '/panel.css') send('text/css', css);
      else send('text/plain', 'not found', 404);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const browser = await launchChromium();
    return new BenchBrowser(server, origin, browser);
  }

  async open(renderer: Renderer): Promise<BenchPage> {
    const page = await this.browser.newPage({ viewport: VIEWPORT });
    await page.addInitScript({ content: probeScript() });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(renderer === 'ours' ? `${this.origin}/ours` : `${this.origin}/baseline?mode=${renderer}`);
    if (renderer === 'ours') {
      await page.waitForFunction(() => (window as unknown as { __posted: Array<{ type: string }> }).__posted.some((m) => m.type === 'ready'));
    }
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const benchPage = new BenchPage(page, cdp, errors);
    await benchPage.calibrateClock();
    return benchPage;
  }

  async close(): Promise<void> {
    await this.browser.close();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** The host's clock: epoch milliseconds, sub-millisecond resolution. */
export const hostNow = (): number => performance.timeOrigin + performance.now();

export class BenchPage {
  /** Page epoch time minus host epoch time, estimated from the round trip with the least delay. */
  private clockOffsetMs = 0;
  private readonly inFlight: Promise<unknown>[] = [];
  private windowObjectId: Promise<string> | undefined;

  constructor(
    readonly page: Page,
    readonly cdp: CDPSession,
    /** Uncaught exceptions in the page. */
    readonly errors: string[],
  ) {}

  async calibrateClock(): Promise<void> {
    let best = { roundTrip: Infinity, offset: 0 };
    for (let i = 0; i < 20; i++) {
      const sent = hostNow();
      const pageTime = Number(await this.page.evaluate('performance.timeOrigin + performance.now()'));
      const back = hostNow();
      if (back - sent < best.roundTrip) best = { roundTrip: back - sent, offset: pageTime - (sent + back) / 2 };
    }
    this.clockOffsetMs = best.offset;
  }

  /** A page `performance.now()` time on the host's clock. */
  toHostTime(records: ProbeRecords, pageTime: number): number {
    return records.timeOrigin + pageTime - this.clockOffsetMs;
  }

  /**
   * Posts a host message the way VS Code delivers one: a `message` event in the page, queued behind
   * whatever the page is busy with. Does not wait for it (the host never waits for the webview).
   */
  post(message: HostMessage): void {
    // callFunctionOn with the message as an argument: no per-message script to compile in the page.
    this.inFlight.push(
      this.window().then((objectId) =>
        this.cdp.send('Runtime.callFunctionOn', { objectId, functionDeclaration: POST_FUNCTION, arguments: [{ value: message }] }),
      ),
    );
  }

  /**
   * Hands `messages` to the page's listeners synchronously, in one task, so no frame can come
   * between them (a one-shot render: the renderer sees the whole answer, ended, in its first frame).
   */
  async dispatchAtOnce(messages: HostMessage[]): Promise<void> {
    await this.page.evaluate((batch) => {
      for (const data of batch) window.dispatchEvent(new MessageEvent('message', { data }));
    }, messages);
  }

  private window(): Promise<string> {
    this.windowObjectId ??= this.cdp.send('Runtime.evaluate', { expression: 'window' }).then(({ result }) => {
      if (!result.objectId) throw new Error('no object id for window');
      return result.objectId;
    });
    return this.windowObjectId;
  }

  /** Waits until every posted message has reached the page (not necessarily been handled). */
  async delivered(): Promise<void> {
    await Promise.all(this.inFlight.splice(0));
  }

  /** Waits until the page has received `count` messages of `type` (since it loaded). */
  async waitForMessages(type: HostMessage['type'], count: number, timeoutMs = 30_000): Promise<void> {
    await this.page.waitForFunction(
      ([name, t, n]) => (window as unknown as Record<string, { seen(type: string): number }>)[name].seen(t) >= n,
      [PROBE_GLOBAL, type, count] as const,
      { timeout: timeoutMs, polling: 100 },
    );
  }

  async waitFor(selector: string): Promise<void> {
    await this.page.waitForSelector(selector, { state: 'attached', timeout: 10_000 });
  }

  /** Waits for the next two animation frames. */
  async nextFrames(): Promise<void> {
    await this.page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  }

  async collectGarbage(): Promise<void> {
    await this.cdp.send('HeapProfiler.collectGarbage');
  }

  async metrics(): Promise<MainThreadMetrics> {
    const { metrics } = await this.cdp.send('Performance.getMetrics');
    const value = (name: keyof MainThreadMetrics): number => {
      const metric = metrics.find((m) => m.name === name);
      if (!metric) throw new Error(`Performance.getMetrics has no ${name}`);
      return metric.value;
    };
    return {
      TaskDuration: value('TaskDuration'),
      ScriptDuration: value('ScriptDuration'),
      LayoutDuration: value('LayoutDuration'),
      RecalcStyleDuration: value('RecalcStyleDuration'),
      ThreadTime: value('ThreadTime'),
    };
  }

  async startProbe(answerSelector: string): Promise<void> {
    await this.page.evaluate(([name, selector]) => (window as unknown as Record<string, { start(s: string): void }>)[name].start(selector), [PROBE_GLOBAL, answerSelector] as const);
  }

  async settled(timeoutMs: number): Promise<void> {
    await this.page.evaluate(
      ([name, timeout]) => (window as unknown as Record<string, { settled(t: number): Promise<void> }>)[name].settled(timeout),
      [PROBE_GLOBAL, timeoutMs] as const,
    );
  }

  async stopProbe(): Promise<ProbeRecords> {
    return this.page.evaluate((name) => (window as unknown as Record<string, { stop(): ProbeRecords }>)[name].stop(), PROBE_GLOBAL);
  }

  /**
   * The answer's HTML once it stops changing (the panel may still highlight finished code blocks in
   * later frames): the same for 10 frames in a row.
   */
  async stableAnswerHtml(answerSelector: string): Promise<string> {
    // Source text, not a function: tsx would add helpers (`__name`) the page does not have.
    // The answer is looked up in each frame: the panel mounts a new turn in its next frame.
    const html = await this.page.evaluate(`new Promise((resolve, reject) => {
      let last = '';
      let same = 0;
      let frames = 0;
      const check = () => {
        const answer = document.querySelector(${JSON.stringify(answerSelector)});
        if (!answer) {
          if (++frames > 60) reject(new Error('no answer element'));
          else requestAnimationFrame(check);
          return;
        }
        const html = answer.innerHTML;
        same = html === last ? same + 1 : 0;
        last = html;
        if (same >= 10) resolve(html);
        else if (++frames > 600) reject(new Error('the answer kept changing for 600 frames'));
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    })`);
    if (typeof html !== 'string') throw new Error('stableAnswerHtml: the page returned no HTML');
    return html;
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
