/**
 * The fake server's spec framing options (line endings, `data:` spelling, multi-line data, id/retry fields,
 * BOM, gzip): the bytes they produce, and the product's stream client reading each one to the same answer.
 */
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { streamResponse } from '../../../src/core/responses/client';
import { parseChunkingOptions } from '../../../src/fakeServer/chunkingOptions';
import type { ChunkingOptions } from '../../../src/fakeServer/server';
import { startFakeServer } from '../../../src/fakeServer/server';
import { collect, endOf } from '../responses/sseFixtures';
import { SCENARIO_NAMES } from '../../../src/fakeServer/types';
import { parseSseEvents, rawRequest, streamBody } from './rawHttp';

async function withServer<T>(chunking: ChunkingOptions, use: (url: string) => Promise<T>): Promise<T> {
  const server = await startFakeServer({ chunking, defaultScenario: 'citations' });
  try {
    return await use(server.url);
  } finally {
    await server.close();
  }
}

const rawBytes = (chunking: ChunkingOptions) => withServer(chunking, async (url) => rawRequest(url, { body: streamBody() }));

async function clientAnswer(chunking: ChunkingOptions): Promise<{ status: string; text: string }> {
  return withServer(chunking, async (url) => {
    const options = { apiKey: 'test-key', baseURL: url, model: 'grok-build-0.1', requestTimeoutMs: 5_000, idleTimeoutMs: 2_000, maxRetries: 0 };
    const end = endOf(await collect(streamResponse(options, { input: [{ role: 'user', content: 'Hi' }] })));
    return { status: end.outcome.status, text: end.text };
  });
}

describe('fake server: spec framing options', function () {
  this.timeout(20_000);

  it('lineEndings: cr uses bare CR only; mixed uses LF, CRLF and CR', async () => {
    const cr = (await rawBytes({ lineEndings: 'cr' })).text;
    assert.ok(!cr.includes('\n') && cr.includes('\r\r'));
    const mixed = (await rawBytes({ lineEndings: 'mixed' })).text;
    assert.ok(/[^\r]\n/.test(mixed) && mixed.includes('\r\n') && /\r[^\n]/.test(mixed));
  });

  it('dataSpace: false writes `data:` without the space; multiLineData spreads the JSON over several data lines', async () => {
    const bare = (await rawBytes({ dataSpace: false })).text;
    assert.match(bare, /^data:\{/m);
    assert.doesNotMatch(bare, /^data: /m);
    const multi = (await rawBytes({ multiLineData: true })).text;
    assert.match(multi, /^data: \{\ndata:\s+"type": "response\.created",$/m);
  });

  it('idFields add `id:` and `retry:` lines; bom starts the body with EF BB BF', async () => {
    const withIds = await rawBytes({ idFields: true, bom: true });
    assert.match(withIds.text, /^id: \d+\nretry: 3000\n/m);
    assert.deepEqual([...withIds.body.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  });

  it('gzip: content-encoding gzip, and the body inflates to SSE', async () => {
    const gz = await rawBytes({ gzip: true, splitWrites: 'random', seed: 3 });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.match(gunzipSync(gz.body).toString('utf8'), /^event: response\.created\ndata: /);
  });

  it('the stream client reads every option, alone and together, to the same answer', async () => {
    const reference = await clientAnswer({});
    assert.equal(reference.status, 'completed');
    const variants: ChunkingOptions[] = [
      { lineEndings: 'cr' },
      { lineEndings: 'mixed', splitWrites: 'random', seed: 5 },
      { dataSpace: false, multiLineData: true },
      { idFields: true, bom: true, keepAliveComments: true },
      { gzip: true },
      { lineEndings: 'cr', dataSpace: false, multiLineData: true, idFields: true, bom: true, gzip: true, sendDone: true, eventLines: false, splitWrites: 'random', seed: 9 },
    ];
    for (const chunking of variants) assert.deepEqual(await clientAnswer(chunking), reference, JSON.stringify(chunking));
  });

  it('parseChunkingOptions (the CLI --chunking) checks keys and values', () => {
    assert.deepEqual(parseChunkingOptions('{"lineEndings":"cr","gzip":true,"seed":4}'), { lineEndings: 'cr', gzip: true, seed: 4 });
    assert.match(String(parseChunkingOptions('{"lineEndings":"crlf2"}')), /must be one of lf, crlf, cr, mixed/);
    assert.match(String(parseChunkingOptions('{"gzip":"yes"}')), /true or false/);
    assert.match(String(parseChunkingOptions('{"delayMs":-1}')), /non-negative/);
    assert.match(String(parseChunkingOptions('{"nope":1}')), /unknown option "nope"/);
    assert.match(String(parseChunkingOptions('[1]')), /JSON object/);
    assert.match(String(parseChunkingOptions('{')), /not valid JSON/);
  });

  it('every scenario with a final response: the client\'s streamed text equals its output_text', async () => {
    // No pacing: the scenarios' own delays (demo, slow) only slow the test down.
    const server = await startFakeServer({ chunking: { delayMs: 0 } });
    try {
      const options = { apiKey: 'test-key', baseURL: server.url, model: 'grok-build-0.1', requestTimeoutMs: 5_000, idleTimeoutMs: 2_000, maxRetries: 0 };
      let checked = 0;
      for (const name of SCENARIO_NAMES.filter((n) => !['stall', 'slow', 'long', 'disconnect', 'malformed'].includes(n))) {
        server.queueScenarios(name);
        const raw = await rawRequest(server.url, { body: streamBody('Hi') });
        if (raw.status !== 200) continue;
        const terminal = parseSseEvents(raw.text).find((e) => /^response\.(completed|incomplete|failed)$/.test(String(e.type)));
        const output = (terminal?.response as { output?: { type: string; content?: { text: string }[] }[] } | undefined)?.output;
        if (!output) continue;
        const finalText = output.filter((item) => item.type === 'message').flatMap((item) => (item.content ?? []).map((part) => part.text)).join('');
        server.queueScenarios(name);
        const end = endOf(await collect(streamResponse(options, { input: [{ role: 'user', content: 'Hi' }] })));
        assert.equal(end.text, finalText, name);
        checked++;
      }
      assert.ok(checked >= 8, `${checked} scenarios checked`);
    } finally {
      await server.close();
    }
  });
});
