/**
 * Where the panel's streaming render spends its main-thread time: streams the benchmark's answer into
 * one renderer (unminified, so names are readable) at one rate, like bench/panelBench.ts does, while
 * DevTools records either a sampled CPU profile (script by function: self and inclusive time) or a
 * timeline trace (every main-thread task by kind: script, style, layout, paint, commit, GC; self time).
 * A tool for finding hot spots, not a measurement to compare (recording costs time of its own).
 *
 * Run: npx tsx bench/panelProfile.ts [cpu|trace] [rate] [renderer]   (defaults: cpu 250 ours; renderers as in
 *      bench/panelContenders.ts)
 *      PANEL_PROFILE_OUT=file.json also writes the raw profile or trace (loadable in DevTools);
 *      PANEL_PROFILE_CATEGORIES=cc,viz adds trace categories; PANEL_PROFILE_TOP=N rows per table (35).
 */
import { writeFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';
import { BenchBrowser, hostNow } from './panelBrowser';
import { CONTENDERS, isContender } from './panelContenders';
import { benchAnswer, startMeasuredTurn, warmUp } from './panelSession';
import { streamAnswer } from './panelStream';
import { formatMs, printTable } from './stats';

const TOP = Number(process.env.PANEL_PROFILE_TOP ?? 35);

type Mode = 'cpu' | 'trace';

async function main(): Promise<void> {
  const [modeArg = 'cpu', rateArg = '250', contender = 'ours'] = process.argv.slice(2);
  if (modeArg !== 'cpu' && modeArg !== 'trace') throw new Error(`mode must be cpu or trace, not ${modeArg}`);
  const rate = Number(rateArg);
  if (!(rate > 0)) throw new Error(`not a positive rate: ${rateArg}`);
  if (!isContender(contender)) throw new Error(`unknown renderer ${contender}`);
  const mode: Mode = modeArg;
  const { page: renderer, posting, label } = CONTENDERS[contender];

  const { plan } = benchAnswer();
  const browser = await BenchBrowser.start({ minify: false });
  try {
    const page = await browser.open(renderer);
    await warmUp(page, plan);
    await startMeasuredTurn(page);

    const recording = mode === 'cpu' ? await startCpuProfile(page.cdp) : await startTrace(page.cdp);
    const started = hostNow();
    await streamAnswer(page, plan, rate, hostNow, posting);
    await page.delivered();
    await page.waitForMessages('turnEnded', 2, 600_000);
    await page.nextFrames();
    const seconds = (hostNow() - started) / 1000;
    const raw = await recording.stop();
    console.log(`${label} at ${rate} deltas/s, ${seconds.toFixed(1)} s, ${mode} profile`);
    if (process.env.PANEL_PROFILE_OUT) writeFileSync(process.env.PANEL_PROFILE_OUT, JSON.stringify(raw));
    if (page.errors.length) console.error(`page errors:\n  ${page.errors.join('\n  ')}`);
    await page.close();
  } finally {
    await browser.close();
  }
}

/** The parts of a DevTools `Profiler.Profile` used here. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples?: number[];
  timeDeltas?: number[];
}

interface Recording {
  stop(): Promise<unknown>;
}

async function startCpuProfile(cdp: CDPSession): Promise<Recording> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return {
    async stop() {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
      summariseCpuProfile(profile);
      return profile;
    },
  };
}

/** Self and inclusive time per function (a recursive function counts once per sample). */
function summariseCpuProfile(profile: CpuProfile): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const nameOf = (node: CpuProfile['nodes'][number]): string => {
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.split('/').pop() ?? '';
    return `${functionName || '(anonymous)'} ${file}${file ? `:${lineNumber + 1}` : ''}`;
  };
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let total = 0;
  for (let i = 0; i < samples.length; i++) {
    // A sample's time is the gap to the next one.
    const ms = (deltas[i + 1] ?? 0) / 1000;
    const leaf = byId.get(samples[i]);
    if (!leaf) continue;
    total += ms;
    const leafName = nameOf(leaf);
    self.set(leafName, (self.get(leafName) ?? 0) + ms);
    const seen = new Set<string>();
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
      const node = byId.get(id);
      if (!node) break;
      const name = nameOf(node);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
    }
  }
  const idle = self.get('(idle) ') ?? 0;
  console.log(`sampled ${formatMs(total)}, of which idle ${formatMs(idle)}`);
  const table = (title: string, values: Map<string, number>) => {
    console.log(`\n${title}`);
    const rows = [...values].filter(([name]) => !name.startsWith('(idle)') && !name.startsWith('(root)')).sort((a, b) => b[1] - a[1]).slice(0, TOP);
    printTable([['function', 'ms'], ...rows.map(([name, ms]) => [name, formatMs(ms)])]);
  };
  table('self time', self);
  table('inclusive time', inclusive);
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** PANEL_PROFILE_CATEGORIES adds trace categories (e.g. `cc,viz` to see what a commit waits for). */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing', ...(process.env.PANEL_PROFILE_CATEGORIES?.split(',') ?? [])].join(',');

async function startTrace(cdp: CDPSession): Promise<Recording> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' });
  return {
    async stop() {
      const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.end');
      await complete;
      summariseTrace(events);
      return { traceEvents: events };
    },
  };
}

/** Self time of every complete event on the renderer's main thread, by event name. */
function summariseTrace(events: TraceEvent[]): void {
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) throw new Error('no CrRendererMain thread in the trace');
  const spans = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, { ms: number; count: number }>();
  const stack: { end: number; name: string; childUs: number; dur: number }[] = [];
  const close = (upTo: number) => {
    while (stack.length && stack[stack.length - 1].end <= upTo) {
      const done = stack.pop()!;
      const entry = self.get(done.name) ?? { ms: 0, count: 0 };
      entry.ms += Math.max(0, done.dur - done.childUs) / 1000;
      entry.count++;
      self.set(done.name, entry);
      if (stack.length) stack[stack.length - 1].childUs += done.dur;
    }
  };
  for (const span of spans) {
    close(span.ts);
    stack.push({ end: span.ts + (span.dur ?? 0), name: span.name, childUs: 0, dur: span.dur ?? 0 });
  }
  close(Infinity);
  const rows = [...self].sort((a, b) => b[1].ms - a[1].ms).slice(0, TOP);
  const total = [...self.values()].reduce((sum, e) => sum + e.ms, 0);
  console.log(`main thread, all complete events: ${formatMs(total)} self time`);
  printTable([['event', 'self', 'count'], ...rows.map(([name, { ms, count }]) => [name, formatMs(ms), String(count)])]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
