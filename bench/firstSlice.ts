/**
 * First-slice benchmark, one run, side by side:
 *  1. bundle sizes of the production build;
 *  2. activation: require(dist/extension.js) + activate() in Node with a stub `vscode` (our own code's
 *     cost; VS Code's own overhead is not included), median of fresh loads;
 *  3. time-to-first-token from the fake server: our core client (`streamResponse`: openai SDK, event
 *     mapping, watchdog) against a bare `fetch` + SSE read of the same stream, interleaved, median of many.
 * Run: npm run bench:first-slice
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startFakeServer } from '../src/fakeServer/server';
import { streamResponse } from '../src/core/responses/client';
import { formatBytes, formatMs, median, percentile, printTable } from './stats';
import { VSCODE_API_NAMES } from './vscodeStub';

const root = path.resolve(__dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const ACTIVATIONS = Number(process.env.BENCH_ACTIVATIONS ?? 40);

async function main(): Promise<void> {
  execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: root, stdio: 'inherit' });

  console.log('\n# Bundle sizes (production)');
  printTable([
    ['file', 'size'],
    ...['dist/extension.js', 'dist/services.js', 'dist/schemaLint.js', 'media/dist/panel.js', 'dist/fake-xai-server.js', 'dist/grok-lint.js']
      .filter((f) => exists(f))
      .map((f) => [f, formatBytes(statSync(path.join(root, f)).size)]),
  ]);

  console.log(`\n# Activation (require + activate of the production bundle, plain Node with a stub vscode, ${ACTIVATIONS} fresh processes)`);
  const loads = measureActivation();
  const activation = loads.map(([ms]) => ms);
  const firstUse = loads.map(([, ms]) => ms);
  printTable([
    ['', 'median', 'p90', 'goal'],
    ['activate()', formatMs(median(activation)), formatMs(percentile(activation, 90)), `≤ 50 ms: ${median(activation) <= 50 ? 'met' : 'NOT met'}`],
    ['first command: load dist/services.js', formatMs(median(firstUse)), formatMs(percentile(firstUse, 90)), '(once, on first use)'],
  ]);

  console.log(`\n# Time to first token from the fake server (${RUNS} interleaved runs each)`);
  const { bare, core } = await measureTimeToFirstToken();
  const added = median(core) - median(bare);
  printTable([
    ['', 'median', 'p90'],
    ['bare fetch + SSE read', formatMs(median(bare)), formatMs(percentile(bare, 90))],
    ['core client (streamResponse)', formatMs(median(core)), formatMs(percentile(core, 90))],
    ['added by the core client', formatMs(added), `goal ≤ 5 ms: ${added <= 5 ? 'met' : 'NOT met'}`],
  ]);
}

function exists(file: string): boolean {
  try {
    statSync(path.join(root, file));
    return true;
  } catch {
    return false;
  }
}

/** Each load in a fresh plain-Node process: first-load cost is what a user pays. */
function measureActivation(): [number, number][] {
  const times: [number, number][] = [];
  for (let i = 0; i < ACTIVATIONS; i++) {
    const out = execFileSync(process.execPath, [path.join(__dirname, 'measureActivation.cjs'), '1', JSON.stringify(VSCODE_API_NAMES)], {
      cwd: root,
      encoding: 'utf8',
    });
    times.push(...(JSON.parse(out) as [number, number][]));
  }
  return times;
}

async function measureTimeToFirstToken(): Promise<{ bare: number[]; core: number[] }> {
  const apiKey = 'bench-key-0123456789abcdef';
  const server = await startFakeServer({ apiKey, defaultScenario: 'plain' });
  const bare: number[] = [];
  const core: number[] = [];
  const body = { model: 'grok-build-0.1', input: [{ role: 'user', content: 'hello' }], stream: true };
  try {
    for (let i = 0; i < RUNS + 10; i++) {
      const order = i % 2 === 0 ? [bareRun, coreRun] : [coreRun, bareRun];
      for (const run of order) {
        const ms = await run();
        if (i >= 10) (run === bareRun ? bare : core).push(ms); // the first runs warm up both paths
      }
    }
  } finally {
    await server.close();
  }
  return { bare, core };

  async function bareRun(): Promise<number> {
    const started = performance.now();
    const response = await fetch(`${server.url}/responses`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let elapsed = Number.NaN;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end: number;
      while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
        const data = block.split(/\r?\n/).filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
        if (data && data !== '[DONE]' && (JSON.parse(data) as { type: string }).type === 'response.output_text.delta') {
          elapsed = performance.now() - started;
          await reader.cancel();
          return elapsed;
        }
      }
    }
    return elapsed;
  }

  async function coreRun(): Promise<number> {
    const started = performance.now();
    const controller = new AbortController();
    const options = { apiKey, baseURL: server.url, model: 'grok-build-0.1', requestTimeoutMs: 10_000, idleTimeoutMs: 10_000, maxRetries: 0 };
    for await (const event of streamResponse(options, { input: [{ role: 'user', content: 'hello' }] }, controller.signal)) {
      if (event.kind === 'text-delta') {
        const elapsed = performance.now() - started;
        controller.abort();
        return elapsed;
      }
    }
    return Number.NaN;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
