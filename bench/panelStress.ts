/**
 * Streaming-render stress benchmark of the chat panel: answers whose open block grows huge (a table of
 * 1,500 rows, a list of 2,000 items, a 100 KB paragraph, a 3,000-line code block: bench/panelStressAnswers.ts),
 * streamed in 16-character deltas at 1000 deltas per second into headless Chromium, side by side in
 * one run: ours (the real panel, fed through the host's coalescer) against one full render per
 * animation frame, fed alike. The open block is re-rendered until it ends, so its cost per render
 * grows with it: this shows how the panel degrades where bench:panel's answer (blocks of a few lines)
 * never goes. Printed per answer: main-thread wall time, frames over 50 ms and the longest, p95
 * latency (host post → the frame that shows it), and whether the final DOM equals a one-shot render.
 *
 * Run: npm run bench:panel-stress   (env PANEL_STRESS_ANSWERS=table,list,paragraph,code)
 */
import { BenchBrowser } from './panelBrowser';
import { CONTENDERS } from './panelContenders';
import { frameMetrics, p95, streamMetrics } from './panelMetrics';
import { ANSWER_SELECTOR, benchAnswer, oneShotHtml, startMeasuredTurn, streamMeasured, TURN_ID, warmUp } from './panelSession';
import { STRESS_ANSWERS, type StressAnswer } from './panelStressAnswers';
import type { AnswerPlan } from './panelStream';
import { formatMs, printTable } from './stats';
import { chunkText } from '../src/fakeServer/textChunks';

const RATE = 1000;
const DELTA_CHARS = 16;
const SETTLE_TIMEOUT_MS = 600_000;
const CONTENDER_NAMES = ['ours', 'per-frame'] as const;

async function main(): Promise<void> {
  const names = (process.env.PANEL_STRESS_ANSWERS?.split(',').map((s) => s.trim()) ?? Object.keys(STRESS_ANSWERS)) as StressAnswer[];
  for (const name of names) if (!(name in STRESS_ANSWERS)) throw new Error(`PANEL_STRESS_ANSWERS: unknown answer ${name}`);
  const warmUpPlan = benchAnswer().plan;
  const browser = await BenchBrowser.start();
  const rows: string[][] = [['answer', 'renderer', 'wall', 'frames > 50 ms', 'longest frame', 'p95 latency', 'final DOM = one-shot']];
  const ratios: string[] = [];
  try {
    for (const name of names) {
      const text = STRESS_ANSWERS[name];
      const plan: AnswerPlan = { turnId: TURN_ID, deltas: chunkText(text, DELTA_CHARS), annotations: [] };
      const walls: number[] = [];
      for (const contender of CONTENDER_NAMES) {
        const { page: renderer, posting, label } = CONTENDERS[contender];
        process.stdout.write(`  ${name} (${(text.length / 1000).toFixed(0)} KB, ${plan.deltas.length} deltas), ${label}… `);
        const oneShot = await oneShotHtml(browser, renderer, plan, text);
        const page = await browser.open(renderer);
        try {
          await warmUp(page, warmUpPlan);
          await startMeasuredTurn(page);
          const { stream, main, wallMs, records } = await streamMeasured(page, plan, RATE, posting, SETTLE_TIMEOUT_MS);
          console.log(`${(wallMs / 1000).toFixed(1)} s`);
          const frames = frameMetrics(records).lengths;
          const metrics = streamMetrics(stream, records, (t) => page.toHostTime(records, t), text, []);
          const matches = (await page.stableAnswerHtml(ANSWER_SELECTOR)) === oneShot;
          if (page.errors.length) throw new Error(`page errors: ${page.errors.join('; ')}`);
          walls.push(main.TaskDuration);
          rows.push([name, label, formatMs(main.TaskDuration), `${frames.filter((f) => f > 50).length} of ${frames.length}`, formatMs(Math.max(...frames)), formatMs(p95(metrics.postToDom)), matches ? 'yes' : 'NO']);
        } finally {
          await page.close();
        }
      }
      ratios.push(`${name}: ours / full render per frame, wall: 1/${(walls[1] / walls[0]).toFixed(1)}`);
    }
  } finally {
    await browser.close();
  }
  console.log(`\n# Stress: huge open blocks at ${RATE} deltas/s, ${DELTA_CHARS}-character deltas`);
  printTable(rows);
  for (const line of ratios) console.log(line);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
