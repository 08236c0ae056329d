import assert from 'node:assert/strict';
import type { ChunkingOptions } from '../../../src/fakeServer/server';
import { startFakeServer } from '../../../src/fakeServer/server';
import { seededRandom } from '../../../src/fakeServer/prng';
import { splitBytes } from '../../../src/fakeServer/sseFraming';
import { chunkText } from '../../../src/fakeServer/textChunks';
import type { RawResponse } from './rawHttp';
import { parseSseEvents, rawRequest, streamBody } from './rawHttp';
import { collect, deltaText, last, sdkClient } from './sdkHelpers';

async function rawStream(chunking: ChunkingOptions, scenario: 'plain' | 'citations' = 'plain'): Promise<RawResponse> {
  const server = await startFakeServer({ chunking, defaultScenario: scenario });
  try {
    return await rawRequest(server.url, { body: streamBody() });
  } finally {
    await server.close();
  }
}

async function sdkText(chunking: ChunkingOptions): Promise<{ text: string; lastType: unknown; error: unknown }> {
  const server = await startFakeServer({ chunking, defaultScenario: 'citations' });
  try {
    const { events, error } = await collect(sdkClient(server));
    return { text: deltaText(events), lastType: last(events).type, error };
  } finally {
    await server.close();
  }
}

/** True when some chunk boundary falls inside a multi-byte UTF-8 character. */
function splitsInsideCharacter(chunks: Buffer[]): boolean {
  return chunks.slice(1).some((chunk) => (chunk[0] & 0xc0) === 0x80);
}

describe('fake server: SSE framing options', () => {
  it('defaults: LF, an event: line before every data: line, no comments, no [DONE]', async () => {
    const raw = await rawStream({});
    assert.equal(raw.headers['content-type'], 'text/event-stream');
    assert.ok(!raw.text.includes('\r'));
    const blocks = raw.text.split('\n\n').filter(Boolean);
    for (const block of blocks) {
      const [eventLine, dataLine, ...rest] = block.split('\n');
      assert.deepEqual(rest, []);
      const data = JSON.parse(dataLine.replace(/^data: /, '')) as { type: string };
      assert.equal(eventLine, `event: ${data.type}`);
    }
    assert.ok(!raw.text.includes('[DONE]'));
  });

  it('crlf: every line ends with CRLF, and the SDK reads it', async () => {
    const raw = await rawStream({ crlf: true });
    assert.ok(raw.text.includes('\r\n\r\n'));
    assert.ok(!/(?<!\r)\n/.test(raw.text), 'no bare LF');
    assert.ok(parseSseEvents(raw.text).length > 10);
    const { lastType, error } = await sdkText({ crlf: true });
    assert.equal(error, undefined);
    assert.equal(lastType, 'response.completed');
  });

  it('keepAliveComments: a ": keep-alive" comment between events', async () => {
    const raw = await rawStream({ keepAliveComments: true });
    const events = parseSseEvents(raw.text);
    assert.equal(raw.text.match(/^: keep-alive\n\n/gm)?.length, events.length - 1);
    assert.ok(raw.text.startsWith('event: response.created'));
  });

  it('eventLines: false leaves only data: lines', async () => {
    const raw = await rawStream({ eventLines: false });
    assert.ok(!/^event:/m.test(raw.text));
    assert.equal(last(parseSseEvents(raw.text)).type, 'response.completed');
  });

  it('sendDone: ends with data: [DONE], which the SDK treats as the end', async () => {
    const raw = await rawStream({ sendDone: true });
    assert.ok(raw.text.endsWith('event: response.completed\ndata: ' + JSON.stringify(last(parseSseEvents(raw.text))) + '\n\ndata: [DONE]\n\n'));
    const { lastType, error } = await sdkText({ sendDone: true });
    assert.equal(error, undefined);
    assert.equal(lastType, 'response.completed');
  });

  it('splitWrites: bytewise sends one byte per write, cutting UTF-8 characters, and the SDK still reads it', async () => {
    const raw = await rawStream({ splitWrites: 'bytewise', textChunkChars: 64 }, 'citations');
    assert.ok(raw.chunks.length > parseSseEvents(raw.text).length * 4, `${raw.chunks.length} chunks`);
    assert.ok(splitsInsideCharacter(raw.chunks));
    assert.ok(raw.text.includes('🚀'), 'the characters arrive whole once joined');
    const whole = await sdkText({ textChunkChars: 64 });
    const split = await sdkText({ splitWrites: 'bytewise', textChunkChars: 64 });
    assert.equal(split.error, undefined);
    assert.equal(split.text, whole.text);
  });

  it('splitWrites: random cuts at seeded offsets, and the SDK still reads it', async () => {
    const raw = await rawStream({ splitWrites: 'random', seed: 7 }, 'citations');
    assert.ok(raw.chunks.length > parseSseEvents(raw.text).length);
    const split = await sdkText({ splitWrites: 'random', seed: 7, crlf: true, keepAliveComments: true });
    assert.equal(split.error, undefined);
    assert.equal(split.lastType, 'response.completed');
    assert.match(split.text, /XAI_\(company\)/);
  });

  it('delayMs: pauses between events', async () => {
    const started = performance.now();
    const raw = await rawStream({ delayMs: 20, textChunkChars: 400 });
    const gaps = parseSseEvents(raw.text).length - 1;
    assert.ok(gaps >= 5);
    assert.ok(performance.now() - started >= gaps * 20 * 0.8);
  });

  it('textChunkChars: deltas of at most N code points, never half a surrogate pair', async () => {
    const events = parseSseEvents((await rawStream({ textChunkChars: 1 }, 'citations')).text);
    const deltas = events.filter((e) => e.type === 'response.output_text.delta').map((e) => String(e.delta));
    assert.ok(deltas.includes('🚀'));
    assert.ok(deltas.every((delta) => Array.from(delta).length === 1));
  });
});

describe('fake server: framing helpers', () => {
  it('splitBytes: random pieces rejoin to the input, repeat for a seed, and cut inside characters', () => {
    const bytes = Buffer.from('data: {"delta":"héllo wörld 🚀 ünïcödé ✓ 🌌"}\n\n'.repeat(4));
    const pieces = splitBytes(bytes, 'random', seededRandom(3));
    assert.deepEqual(Buffer.concat(pieces), bytes);
    assert.deepEqual(splitBytes(bytes, 'random', seededRandom(3)), pieces);
    assert.notDeepEqual(splitBytes(bytes, 'random', seededRandom(4)), pieces);
    assert.ok(pieces.length > 4);
    assert.ok(splitsInsideCharacter(pieces));
    assert.equal(splitBytes(bytes, 'bytewise', seededRandom(1)).length, bytes.length);
    assert.deepEqual(splitBytes(bytes, 'none', seededRandom(1)), [bytes]);
  });

  it('chunkText: whole code points only', () => {
    assert.deepEqual(chunkText('a🚀b🌌c', 2), ['a🚀', 'b🌌', 'c']);
    assert.deepEqual(chunkText('', 3), []);
    assert.deepEqual(chunkText('abc', 0), ['a', 'b', 'c']);
  });
});
