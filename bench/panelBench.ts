/**
 * Streaming-render benchmark of the chat panel (issue 3, "Measure"), one run, side by side:
 * the `long` scenario's answer (about 40 KB: prose, lists, ten code blocks, fifty citations) in about
 * 10,000 four-character deltas, at 1000 and at 250 deltas per second, into headless Chromium running
 *   - ours: the real panel script (src/webview/main.ts, production bundle), fed the way our host posts
 *     (its DeltaCoalescer merges deltas into about one message per 16 ms frame);
 *   - naive (the baseline, what peers do): the host posts every model delta as its own
 *     message, and the page re-parses, sanitises and replaces the whole answer on every message;
 *   - per-frame: the same full render at most once per animation frame, fed like ours;
 *   - per-message: the same full render on every message, fed like ours (so about once per frame);
 *   - the text floor: no markdown, each frame's new text appended to the last line's text node (a
 *     paragraph per line, in groups), fed like ours: what the browser charges for showing plain text
 *     every frame here (style, layout, paint, commit, following the bottom);
 *   - the frame floor: one short text changed per frame, fed like ours: what any frame that changes
 *     the DOM costs here, whatever it shows, so the least any renderer that updates frame by frame
 *     can cost;
 *   - and two floors, pages that receive the stream and render nothing (what posting through DevTools,
 *     message delivery and the probe cost on their own), one per posting: each run is also shown net
 *     of the floor with its own posting.
 * Each run gets a fresh page, a warm-up stream, then a garbage collection before measuring. The final
 * DOM of each is compared with the same renderer's one-shot render: a fresh page handed the whole
 * answer, its citations and its end in one task, so its first frame renders everything at once.
 * The naive baseline cannot keep up (every delta costs a render of the whole answer so far): it falls
 * behind, its latency grows, and its run lasts until it has worked through the backlog.
 *
 * Main-thread time, three ways: DevTools `Performance.getMetrics` TaskDuration ("wall": every task on
 * the page's main thread, script, style, layout, paint, commit, message delivery; also shown net of the
 * floor) and ThreadTime ("CPU": the same thread's CPU time, which waits for other processes do not
 * inflate), and "render work": the renderer's update callbacks timed in the page (bench/panelProbe.ts).
 * Frames: a free-running requestAnimationFrame loop in the page; a frame's length is the gap to the next.
 * Latency: host post → the end of the first frame that rendered the message (whose DOM shows it; for
 * a message with nothing new to show, only whitespace or only text of a citation being held back, the
 * first renderer frame after it arrived, which rightly changes nothing); the panel's held-back
 * citations (`[[1]](htt` is not shown until complete) are also reported until they show. Update cost: a frame's render
 * callback plus the handling of the messages it applied (per message: one message's handling); flat
 * means the median in the last tenth of the answer is within 1.5× of the first tenth's.
 * The machine's load average is printed; the floor's frame lengths show how much of the slow frames
 * the machine itself caused.
 *
 * Run: npm run bench:panel   (env PANEL_BENCH_RATES=1000,250
 *      PANEL_BENCH_RENDERERS=ours,per-frame,naive,per-message,text-floor,frame-floor,floor,floor-per-delta)
 */
import { availableParallelism, loadavg } from 'node:os';
import { BenchBrowser, type Renderer } from './panelBrowser';
import { ALL_CONTENDERS, CONTENDERS, isContender, type Contender } from './panelContenders';
import { frameMetrics, streamMetrics, type Span } from './panelMetrics';
import { printGoals, printRate, type PanelRun } from './panelReport';
import { ANSWER_SELECTOR, benchAnswer, oneShotHtml, startMeasuredTurn, streamMeasured, warmUp } from './panelSession';
import type { AnswerPlan } from './panelStream';

const RATES = listEnv('PANEL_BENCH_RATES', ['1000', '250']).map(Number);
const CONTENDER_NAMES = listEnv('PANEL_BENCH_RENDERERS', ALL_CONTENDERS);
/**
 * After the last message, how long a renderer may take to catch up before the run counts as failed.
 * The naive baseline needs minutes: it renders the whole answer for each of its ~10,000 messages.
 */
const SETTLE_TIMEOUT_MS = 600_000;

function listEnv(name: string, fallback: string[]): string[] {
  const value = process.env[name];
  return value ? value.split(',').map((s) => s.trim()).filter(Boolean) : fallback;
}

const loads = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');

async function main(): Promise<void> {
  const contenders: Contender[] = [];
  for (const name of CONTENDER_NAMES) {
    if (!isContender(name)) throw new Error(`PANEL_BENCH_RENDERERS: unknown renderer ${name} (known: ${ALL_CONTENDERS.join(', ')})`);
    contenders.push(name);
  }
  for (const rate of RATES) if (!(rate > 0)) throw new Error(`PANEL_BENCH_RATES: not a positive rate: ${rate}`);

  const answer = benchAnswer();
  const { plan } = answer;
  console.log(
    `Panel streaming benchmark: a ${(Buffer.byteLength(answer.text) / 1000).toFixed(1)} KB answer (${answer.text.length} UTF-16 units, ` +
      `${plan.deltas.length} deltas, ${answer.annotations.length} citations); load average ${loads()} on ${availableParallelism()} cores.`,
  );

  const browser = await BenchBrowser.start();
  const runs: PanelRun[] = [];
  try {
    const oneShot = new Map<Renderer, string>();
    for (const { page } of contenders.map((c) => CONTENDERS[c])) {
      if (page !== 'none' && !oneShot.has(page)) oneShot.set(page, await oneShotHtml(browser, page, plan, answer.text));
    }
    for (const rate of RATES) {
      for (const contender of contenders) {
        process.stdout.write(`  ${CONTENDERS[contender].label} at ${rate} deltas/s… `);
        const run = await measure(browser, contender, rate, plan, answer.text, oneShot.get(CONTENDERS[contender].page));
        console.log(`${(run.wallMs / 1000).toFixed(1)} s`);
        runs.push(run);
      }
    }
  } finally {
    await browser.close();
  }

  for (const rate of RATES) printRate(rate, runs.filter((r) => r.rate === rate));
  printGoals(RATES, runs);
  console.log(`\nload average after: ${loads()}`);
  const errors = runs.flatMap((r) => r.errors.map((e) => `${r.contender} @ ${r.rate}/s: ${e}`));
  if (errors.length) {
    console.error(`\nPage errors:\n  ${errors.join('\n  ')}`);
    process.exitCode = 1;
  }
}

async function measure(browser: BenchBrowser, contender: Contender, rate: number, plan: AnswerPlan, answer: string, oneShot: string | undefined): Promise<PanelRun> {
  const { page: renderer, posting } = CONTENDERS[contender];
  const page = await browser.open(renderer);
  try {
    await warmUp(page, plan);
    await startMeasuredTurn(page);
    const { stream, main, wallMs, records } = await streamMeasured(page, plan, rate, posting, SETTLE_TIMEOUT_MS);
    const run: PanelRun = { contender, rate, wallMs, main, stream, frames: frameMetrics(records), errors: page.errors };
    if (oneShot === undefined) return run; // the floor renders nothing
    // The panel holds back a citation until it is complete; the baselines show it as literal text.
    const heldBack: Span[] = renderer === 'ours' ? plan.annotations.map((a) => ({ start: a.start_index, end: a.end_index })) : [];
    run.metrics = streamMetrics(stream, records, (t) => page.toHostTime(records, t), answer, heldBack);
    run.matchesOneShot = (await page.stableAnswerHtml(ANSWER_SELECTOR)) === oneShot;
    return run;
  } finally {
    await page.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
