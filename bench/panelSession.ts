/**
 * What every panel benchmark does with a page, in one place so they measure alike: the answer and its
 * deltas, the warm-up, opening the measured turn, and streaming it under the probe and DevTools'
 * main-thread metrics (bench/panelBench.ts, bench/panelAB.ts, bench/panelProfile.ts).
 */
import type { HostMessage } from '../src/core/panelProtocol';
import { buildLongAnswer } from '../src/fakeServer/answers/longAnswer';
import type { CitedText } from '../src/fakeServer/citedText';
import { long as longScenario } from '../src/fakeServer/scenarios/answerScenarios';
import { chunkText } from '../src/fakeServer/textChunks';
import { hostNow, type BenchBrowser, type BenchPage, type MainThreadMetrics, type Renderer } from './panelBrowser';
import type { ProbeRecords } from './panelProbe';
import { streamAnswer, type AnswerPlan, type PostedStream, type Posting } from './panelStream';

export const TURN_ID = 'bench';
export const ANSWER_SELECTOR = `article.turn[data-turn-id="${TURN_ID}"] .answer`;
export const MODEL = 'grok-build-0.1';

export interface BenchAnswer extends CitedText {
  plan: AnswerPlan;
}

/** The `long` scenario's answer, cut into the deltas the fake server streams. */
export function benchAnswer(): BenchAnswer {
  const { text, annotations } = buildLongAnswer();
  const plan: AnswerPlan = { turnId: TURN_ID, deltas: chunkText(text, longScenario.pacing?.textChunkChars ?? 4), annotations };
  return { text, annotations, plan };
}

export const turnStarted = (turnId: string): HostMessage => ({ type: 'turnStarted', turnId, prompt: { action: 'Explain' }, model: MODEL, startedAt: Date.now() });

/** The config, then a short burst of the same answer in another turn, then New Chat: JIT and caches warm for everyone. */
export async function warmUp(page: BenchPage, plan: AnswerPlan): Promise<void> {
  page.post({ type: 'config', model: MODEL, demo: false, webSearch: false });
  const turnId = 'warm-up';
  page.post(turnStarted(turnId));
  const deltas = plan.deltas.slice(0, Math.ceil(plan.deltas.length / 5));
  for (let i = 0; i < deltas.length; i += 20) page.post({ type: 'textDelta', turnId, text: deltas.slice(i, i + 20).join('') });
  page.post({ type: 'turnEnded', turnId, status: 'completed', elapsedMs: 1 });
  page.post({ type: 'cleared' });
  await page.delivered();
  await page.waitForMessages('cleared', 1);
  await page.nextFrames();
}

/** Starts the measured turn and waits until it shows, its frames have passed and garbage is collected. */
export async function startMeasuredTurn(page: BenchPage): Promise<void> {
  page.post(turnStarted(TURN_ID));
  await page.delivered();
  await page.waitFor(ANSWER_SELECTOR);
  await page.nextFrames();
  await page.collectGarbage();
}

export interface MeasuredStream {
  stream: PostedStream;
  /** Main-thread metrics over the stream, in ms. */
  main: MainThreadMetrics;
  /** From the first delta to the settled DOM. */
  wallMs: number;
  records: ProbeRecords;
}

/** Streams `plan` into the turn `startMeasuredTurn` opened, under the probe, until it settles. */
export async function streamMeasured(page: BenchPage, plan: AnswerPlan, rate: number, posting: Posting, settleTimeoutMs: number): Promise<MeasuredStream> {
  await page.startProbe(ANSWER_SELECTOR);
  const before = await page.metrics();
  const started = hostNow();
  const stream = await streamAnswer(page, plan, rate, hostNow, posting);
  await page.delivered();
  await page.settled(settleTimeoutMs);
  const after = await page.metrics();
  const wallMs = hostNow() - started;
  const records = await page.stopProbe();
  return { stream, main: difference(after, before), wallMs, records };
}

function difference(after: MainThreadMetrics, before: MainThreadMetrics): MainThreadMetrics {
  const ms = (key: keyof MainThreadMetrics) => (after[key] - before[key]) * 1000;
  return {
    TaskDuration: ms('TaskDuration'),
    ScriptDuration: ms('ScriptDuration'),
    LayoutDuration: ms('LayoutDuration'),
    RecalcStyleDuration: ms('RecalcStyleDuration'),
    ThreadTime: ms('ThreadTime'),
  };
}

/**
 * The renderer's one-shot render of the whole answer: a fresh page gets the turn, the whole text, the
 * citations and the end in one task, so its first frame renders the answer in one go.
 */
export async function oneShotHtml(browser: BenchBrowser, renderer: Renderer, plan: AnswerPlan, text: string): Promise<string> {
  const page = await browser.open(renderer);
  try {
    await page.dispatchAtOnce([
      turnStarted(TURN_ID),
      { type: 'textDelta', turnId: TURN_ID, text },
      ...plan.annotations.map((a): HostMessage => ({ type: 'citation', turnId: TURN_ID, citation: { url: a.url, title: a.title, startIndex: a.start_index, endIndex: a.end_index } })),
      { type: 'turnEnded', turnId: TURN_ID, status: 'completed', elapsedMs: 1 },
    ]);
    return await page.stableAnswerHtml(ANSWER_SELECTOR);
  } finally {
    await page.close();
  }
}
