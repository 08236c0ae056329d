import assert from 'node:assert/strict';
import type { FakeServer } from '../../../src/fakeServer/server';
import { startFakeServer } from '../../../src/fakeServer/server';
import type { Json } from './sdkHelpers';
import { collect, deltaText, last, sdkClient } from './sdkHelpers';

/** Reads deltas until `count` arrived, recording when each came, then aborts the request. */
async function timeDeltas(server: FakeServer, count: number, input = 'Hi'): Promise<number[]> {
  const controller = new AbortController();
  const stream = await sdkClient(server).responses.create({ model: 'grok-build-0.1', input, stream: true }, { signal: controller.signal });
  const times: number[] = [];
  for await (const event of stream) {
    if (event.type !== 'response.output_text.delta') continue;
    times.push(performance.now());
    if (times.length === count) controller.abort();
  }
  return times;
}

const PROMPT = [
  { role: 'system', content: 'You are a senior engineer. Explain the selected code: purpose, flow, pitfalls. Answer in markdown.' },
  {
    role: 'user',
    content: 'File: src/app/main.ts (typescript), lines 3–5\n\n```ts\nconst a = 1;\nconst b = {{1}};\nexport const sum = a + b;\n```',
  },
];

describe('fake server: paced scenarios', () => {
  it('slow: small deltas with a pause between events, cancellable midway', async () => {
    const server = await startFakeServer({ defaultScenario: 'slow' });
    try {
      const times = await timeDeltas(server, 8);
      assert.equal(times.length, 8, 'the loop ended quietly at the abort');
      const elapsed = times[7] - times[0];
      assert.ok(elapsed >= 7 * 16 * 0.8, `deltas are paced (${elapsed.toFixed(0)} ms for 7 gaps)`);
      // Still serving after the client walked away.
      server.queueScenarios('plain');
      assert.equal(last((await collect(sdkClient(server))).events).type, 'response.completed');
    } finally {
      await server.close();
    }
  });

  it('slow: the whole answer is spread over about three seconds', async () => {
    // Measured from the plan rather than waited out: delay × gaps between events.
    const server = await startFakeServer({ defaultScenario: 'slow', chunking: { delayMs: 0 } });
    try {
      const { events } = await collect(sdkClient(server));
      const gaps = events.length - 1;
      assert.ok(gaps * 16 > 2500 && gaps * 16 < 4000, `${gaps} gaps of 16 ms`);
      assert.ok(events.filter((e) => e.type === 'response.output_text.delta').every((e) => Array.from(String(e.delta)).length <= 3));
    } finally {
      await server.close();
    }
  });

  it('demo: says it is the offline demo and describes the request, with a code block and one citation', async () => {
    const server = await startFakeServer({ demo: true, chunking: { delayMs: 0 } });
    try {
      const { events, error } = await collect(sdkClient(server), { input: PROMPT });
      assert.equal(error, undefined);
      assert.equal(server.requests[0].scenario, 'demo');
      const text = deltaText(events);
      assert.match(text, /offline demo/i);
      assert.match(text, /no xAI API key is configured/);
      assert.match(text, /\*\*Action \(read from the request\):\*\* Explain/);
      assert.match(text, /You are a senior engineer\. Explain the selected code/);
      assert.match(text, /\*\*File:\*\* `src\/app\/main\.ts`/);
      assert.match(text, /\*\*Language:\*\* `ts`/);
      assert.match(text, /3 lines \(lines 3–5\)/);
      assert.match(text, /^```ts\nconst a = 1;\nconst b = \{\{1\}\};/m, 'the request\'s own {{1}} is not taken for a citation');
      const annotations = events.filter((e) => e.type === 'response.output_text.annotation.added').map((e) => e.annotation as Json);
      assert.equal(annotations.length, 1);
      const [annotation] = annotations as { url: string; title: string; start_index: number; end_index: number }[];
      assert.equal(text.slice(annotation.start_index, annotation.end_index), `[[1]](${annotation.url})`);
      assert.equal(last(events).type, 'response.completed');
    } finally {
      await server.close();
    }
  });

  it('demo: streams at a human pace by default', async () => {
    const server = await startFakeServer({ demo: true });
    try {
      const times = await timeDeltas(server, 5, 'Explain this');
      assert.ok(times[4] - times[0] >= 4 * 30 * 0.8, `paced: ${(times[4] - times[0]).toFixed(0)} ms for 4 gaps`);
    } finally {
      await server.close();
    }
  });

  it('demo: a request with no code or path says so instead of guessing', async () => {
    const server = await startFakeServer({ demo: true, chunking: { delayMs: 0 } });
    try {
      const text = deltaText((await collect(sdkClient(server), { input: 'What is a monad?' })).events);
      assert.match(text, /no file path in the request/);
      assert.match(text, /no code block in the request/);
      assert.match(text, /```ts\n/);
    } finally {
      await server.close();
    }
  });
});
