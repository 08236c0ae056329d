/** Prints the panel benchmark's results: one table per rate, then the goals of issue 3 side by side. */
import type { MainThreadMetrics } from './panelBrowser';
import { CONTENDERS, type Contender } from './panelContenders';
import { growth, p95, type FrameMetrics, type StreamMetrics } from './panelMetrics';
import type { PostedStream } from './panelStream';
import { formatMs, median, printTable } from './stats';

/** One renderer streamed at one rate. */
export interface PanelRun {
  contender: Contender;
  rate: number;
  /** From the first delta to the settled DOM. */
  wallMs: number;
  /** Main-thread metrics over the stream (ms). */
  main: MainThreadMetrics;
  stream: PostedStream;
  frames: FrameMetrics;
  /** Absent for the floor, which renders nothing. */
  metrics?: StreamMetrics;
  /** Whether the final DOM equals the renderer's one-shot render of the whole answer. */
  matchesOneShot?: boolean;
  errors: string[];
}

const GOALS = { vsNaive: 10, vsPerFrame: 3.5, longestFrameMs: 50, p95LatencyMs: 25, lateVsEarly: 1.5 };

const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');
const longestFrame = (frames: FrameMetrics): number => Math.max(...frames.lengths);
const framesOver = (frames: FrameMetrics, ms: number): number => frames.lengths.filter((f) => f > ms).length;
const longestUpdate = (metrics: StreamMetrics): number => Math.max(...metrics.updates.map((u) => u.ms));
/** The renderer's own work as timed in the page: its update callbacks (script, and any layout they force). */
const renderWork = (metrics: StreamMetrics): number => metrics.updates.reduce((sum, u) => sum + u.ms, 0);

const label = (run: PanelRun): string => CONTENDERS[run.contender].label;

/** Main-thread time above the floor's with the same posting (the cost of rendering itself), when that floor ran. */
function netMs(run: PanelRun, runs: readonly PanelRun[]): number | undefined {
  const floorName = CONTENDERS[run.contender].floor;
  const floor = runs.find((r) => r.rate === run.rate && r.contender === floorName);
  return floor ? run.main.TaskDuration - floor.main.TaskDuration : undefined;
}

export function printRate(rate: number, runs: readonly PanelRun[]): void {
  if (runs.length === 0) return;
  const { stream } = runs[0];
  const seconds = (stream.texts[stream.texts.length - 1].postedAt - stream.deltaArrivals[0]) / 1000;
  const dash = '—';
  const coalesced = runs.find((r) => CONTENDERS[r.contender].posting === 'coalesced');
  const postings = [
    ...(coalesced ? [`posted by the host's coalescer as about ${coalesced.stream.texts.length} text messages`] : []),
    ...(runs.some((r) => CONTENDERS[r.contender].posting === 'per-delta') ? ['for naive and its floor one message per delta'] : []),
  ];
  console.log(`\n# ${rate} deltas/s: ${stream.deltaArrivals.length} deltas over ${seconds.toFixed(1)} s; ${postings.join('; ')}`);
  console.log(
    'Main-thread time over the stream (wall: DevTools TaskDuration; CPU: ThreadTime; render work: the update callbacks timed in the page, ' +
      'script only: style and layout run later in the frame, in wall and CPU)',
  );
  printTable([
    ['', 'wall', 'net of floor', 'script', 'style+layout', 'CPU', 'render work'],
    ...runs.map((run) => {
      const { main, metrics } = run;
      const net = netMs(run, runs);
      return [
        label(run),
        formatMs(main.TaskDuration),
        net === undefined ? dash : formatMs(net),
        formatMs(main.ScriptDuration),
        formatMs(main.LayoutDuration + main.RecalcStyleDuration),
        formatMs(main.ThreadTime),
        metrics ? formatMs(renderWork(metrics)) : dash,
      ];
    }),
  ]);
  console.log('Responsiveness (latency: host post → the frame that rendered it)');
  printTable([
    ['', 'p95 latency', 'median', 'p95 from model delta', 'longest frame', 'frames > 50 ms', 'longest update', 'update early → late'],
    ...runs.map((run) => {
      const { metrics, frames } = run;
      const frameCells = [formatMs(longestFrame(frames)), `${framesOver(frames, GOALS.longestFrameMs)} of ${frames.lengths.length}`];
      if (!metrics) return [label(run), dash, dash, dash, ...frameCells, dash, dash];
      const { early, late } = growth(metrics.updates);
      return [
        label(run),
        formatMs(p95(metrics.postToDom)),
        formatMs(median(metrics.postToDom)),
        formatMs(p95(metrics.arrivalToDom)),
        ...frameCells,
        formatMs(longestUpdate(metrics)),
        `${formatMs(early)} → ${formatMs(late)} (×${(late / early).toFixed(2)})`,
      ];
    }),
  ]);
  for (const run of runs) {
    const { metrics, frames } = run;
    const lastPost = run.stream.texts[run.stream.texts.length - 1].postedAt - run.stream.deltaArrivals[0];
    const facts = [
      `${run.stream.texts.length} text messages`,
      `${frames.longAnimationFrames} long animation frames (LoAF)`,
      `settled ${formatMs(run.wallMs - lastPost)} after the last post`,
    ];
    if (metrics) {
      facts.unshift(`${metrics.updates.length} DOM updates`, `latency max ${formatMs(Math.max(...metrics.postToDom))}`);
      if (run.contender === 'ours') facts.push(`p95 until held-back citations show ${formatMs(p95(metrics.postToVisible))}`);
      facts.push(`final DOM ${run.matchesOneShot ? 'equals' : 'DIFFERS FROM'} its one-shot render`);
    }
    console.log(`  ${label(run)}: ${facts.join('; ')}`);
  }
}

export function printGoals(rates: readonly number[], runs: readonly PanelRun[]): void {
  const find = (rate: number, contender: Contender) => runs.find((r) => r.rate === rate && r.contender === contender);
  const rows: string[][] = [['goal (ours)', ...rates.map((rate) => `${rate} deltas/s`)]];
  const perRate = (judge: (ours: PanelRun & { metrics: StreamMetrics }, rate: number) => string) =>
    rates.map((rate) => {
      const ours = find(rate, 'ours');
      return ours?.metrics ? judge({ ...ours, metrics: ours.metrics }, rate) : '(not run)';
    });
  const ratio = (base: Contender, goal: number, of: Contender = 'ours') =>
    rates.map((rate) => {
      const ours = find(rate, of);
      const other = find(rate, base);
      if (!ours?.metrics || !other?.metrics) return '(not run)';
      const oursNet = netMs(ours, runs);
      const otherNet = netMs(other, runs);
      const measures: [string, number | undefined][] = [
        ['wall', other.main.TaskDuration / ours.main.TaskDuration],
        ['net of floor', oursNet !== undefined && otherNet !== undefined ? otherNet / oursNet : undefined],
        ['CPU', other.main.ThreadTime / ours.main.ThreadTime],
        ['render work', renderWork(other.metrics) / renderWork(ours.metrics)],
      ];
      const shown = measures.filter((m): m is [string, number] => m[1] !== undefined);
      const met = shown.filter(([, r]) => r >= goal).map(([name]) => name);
      // For the text floor: whether even plain text would meet the goal on this machine.
      const [yes, no] = of === 'ours' ? ['met', 'NOT met'] : ['within reach', 'out of reach'];
      const summary = met.length === shown.length ? yes : met.length === 0 ? no : `${yes} by ${met.join(', ')} only`;
      return `${shown.map(([name, r]) => `${name} 1/${r.toFixed(1)}`).join(', ')}: ${summary}`;
    });
  rows.push([`main thread ≤ 1/${GOALS.vsNaive} of naive (per delta)`, ...ratio('naive', GOALS.vsNaive)]);
  rows.push([`main thread ≤ 1/${GOALS.vsPerFrame} of per-frame`, ...ratio('per-frame', GOALS.vsPerFrame)]);
  // What no renderer that shows each frame's text can beat here: the same ratios for plain text.
  if (runs.some((r) => r.contender === 'text-floor')) {
    rows.push(['  (bound) text floor vs naive', ...ratio('naive', GOALS.vsNaive, 'text-floor')]);
    rows.push(['  (bound) text floor vs per-frame', ...ratio('per-frame', GOALS.vsPerFrame, 'text-floor')]);
  }
  if (runs.some((r) => r.contender === 'frame-floor')) {
    rows.push(['  (bound) frame floor vs naive', ...ratio('naive', GOALS.vsNaive, 'frame-floor')]);
    rows.push(['  (bound) frame floor vs per-frame', ...ratio('per-frame', GOALS.vsPerFrame, 'frame-floor')]);
  }
  rows.push([
    `no frame over ${GOALS.longestFrameMs} ms`,
    ...perRate(({ frames, metrics }, rate) => {
      const floor = find(rate, 'floor');
      const noise = floor ? ` (floor: ${framesOver(floor.frames, GOALS.longestFrameMs)} over, longest ${formatMs(longestFrame(floor.frames))})` : '';
      return (
        `longest ${formatMs(longestFrame(frames))}, ${framesOver(frames, GOALS.longestFrameMs)} over: ${verdict(longestFrame(frames) <= GOALS.longestFrameMs)}; ` +
        `longest update ${formatMs(longestUpdate(metrics))}${noise}`
      );
    }),
  ]);
  rows.push([
    `p95 delta-to-DOM ≤ ${GOALS.p95LatencyMs} ms`,
    ...perRate(({ metrics }) => {
      const rendered = p95(metrics.postToDom);
      const visible = p95(metrics.postToVisible);
      // Stricter than the goal: text of a citation still arriving counts only once the whole link
      // has come (a chip cannot show before its URL is complete), so it waits for later deltas.
      return `${formatMs(rendered)}: ${verdict(rendered <= GOALS.p95LatencyMs)}; until held-back citations show ${formatMs(visible)} (${visible <= GOALS.p95LatencyMs ? 'also within' : 'over'} ${GOALS.p95LatencyMs} ms)`;
    }),
  ]);
  rows.push([
    `flat update cost (late ≤ ${GOALS.lateVsEarly}× early)`,
    ...perRate(({ metrics }) => {
      const { early, late } = growth(metrics.updates);
      return `×${(late / early).toFixed(2)}: ${verdict(late <= early * GOALS.lateVsEarly)}`;
    }),
  ]);
  rows.push(['final DOM = one-shot render', ...perRate((ours) => verdict(ours.matchesOneShot === true))]);
  console.log('\n# Goals');
  printTable(rows);
}
