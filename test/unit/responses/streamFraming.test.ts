/**
 * The stream client against SSE framed in every way the WHATWG spec allows (and some it does not), and
 * against streams cut at every byte. Each case must give the right events or a clear, typed error: never a
 * hang, never a truncated answer presented as complete, never lost text already received.
 */
import assert from 'node:assert/strict';
import { streamResponse } from '../../../src/core/responses/client';
import type { GrokRequest, GrokStreamEvent } from '../../../src/core/responses/types';
import { baseOptions, collect, endOf, errorOf, frameAll, raw, scriptedFetch, sseResponse, textOf } from './sseFixtures';
import { completedWithOutput, messageItem, REPRESENTATIVE_TEXT, representativeEvents, specFrame, splitAt, type SpecFraming } from './sseSpecFrames';

const REQUEST: GrokRequest = { input: [{ role: 'user', content: 'Explain this code' }] };
const encoder = new TextEncoder();

async function run(chunks: (string | Uint8Array)[], headers?: Record<string, string>): Promise<{ events: GrokStreamEvent[]; end: ReturnType<typeof endOf> }> {
  const fetch = scriptedFetch(() => sseResponse(chunks, { headers }));
  const events = await collect(streamResponse(baseOptions(fetch, { maxRetries: 0 }), REQUEST));
  return { events, end: endOf(events) };
}

/** The answer arrived whole: completed, and the streamed deltas, the end text and the expected text agree. */
function assertComplete(result: { events: GrokStreamEvent[]; end: ReturnType<typeof endOf> }, text: string, label = ''): void {
  assert.equal(result.end.outcome.status, 'completed', `${label} ${JSON.stringify(result.end.outcome)}`);
  assert.equal(textOf(result.events), text, label);
  assert.equal(result.end.text, text, label);
}

describe('streamResponse: SSE framings the spec allows', () => {
  const framings: [string, SpecFraming][] = [
    ['LF line endings', {}],
    ['CRLF line endings', { eol: '\r\n' }],
    ['bare CR line endings', { eol: '\r' }],
    ['mixed LF / CRLF / CR line endings', { eol: (i) => (['\n', '\r\n', '\r'] as const)[i % 3] }],
    ['`data:` without the space', { space: false }],
    ['multi-line `data:` joined with \\n', { multiLineData: true }],
    ['multi-line `data:` with CR endings and no space', { multiLineData: true, eol: '\r', space: false }],
    ['no `event:` lines', { eventLine: 'none' }],
    ['`event:` lines that disagree with the JSON type', { eventLine: 'message' }],
    ['`event: error` on every event (the JSON type wins)', { eventLine: 'error' }],
    ['`event: thread.message.delta` on every event', { eventLine: 'thread.message.delta' }],
    ['`id:` and `retry:` fields', { extraLines: ['id: 42', 'retry: 3000', 'id'] }],
    ['comment lines inside events', { extraLines: [': keep-alive', ':', ':data: not data'] }],
    ['unknown fields', { extraLines: ['foo: bar', 'dataset: 1', 'Data: {"type":"error"}'] }],
    ['extra blank lines between events', { extraBlankLines: 3, eol: '\r\n' }],
  ];
  for (const [name, framing] of framings) {
    it(`reads ${name}`, async () => {
      assertComplete(await run([specFrame(representativeEvents(), framing)]), REPRESENTATIVE_TEXT);
    });
  }

  it('reads keep-alive comments and blank lines before the first event and between events', async () => {
    const events = representativeEvents();
    const chunks = ['\n\n: hello\n\n', ...events.flatMap((e) => [specFrame([e]), ': keep-alive\r\n\r\n', '\n'])];
    assertComplete(await run(chunks), REPRESENTATIVE_TEXT);
  });

  it('strips a UTF-8 BOM at the start, also when it is split across writes', async () => {
    const bytes = encoder.encode(`\uFEFF${specFrame(representativeEvents())}`);
    assertComplete(await run([bytes]), REPRESENTATIVE_TEXT, 'whole');
    assertComplete(await run([bytes.slice(0, 1), bytes.slice(1, 2), bytes.slice(2)]), REPRESENTATIVE_TEXT, 'split');
  });

  it('reads very long lines: a 2 MB delta, whole and in 1000-byte writes', async () => {
    const long = 'λ'.repeat(1_000_000);
    const sse = specFrame([raw.created(), raw.delta(long), raw.delta('!'), raw.completed()]);
    assertComplete(await run([sse]), `${long}!`, 'whole');
    const bytes = encoder.encode(sse);
    const pieces: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += 1000) pieces.push(bytes.slice(i, i + 1000));
    assertComplete(await run(pieces), `${long}!`, 'split');
  });

  for (const [name, ending] of [
    ['a single LF', '\n'],
    ['a single CRLF', '\r\n'],
    ['a single CR', '\r'],
    ['no line end at all', ''],
  ] as const) {
    it(`reads a final response.completed closed by ${name} instead of a blank line`, async () => {
      const last = specFrame([raw.completed()], { eventLine: 'none' }).replace(/\n\n$/, ending);
      assertComplete(await run([specFrame([raw.created(), raw.delta('Text')]), last]), 'Text');
    });
  }

  it('ignores events without data (`event: ping`) and events with empty data', async () => {
    const chunks = [specFrame([raw.created(), raw.delta('A')]), 'event: ping\n\n', 'data:\n\n', 'data: \r\n\r\n', 'event: x\ndata\n\n', specFrame([raw.delta('B'), raw.completed()])];
    assertComplete(await run(chunks), 'AB');
  });

  it('takes the type from the `event:` line when the JSON has none', async () => {
    const { type: _type, ...untypedDelta } = raw.delta('typed by the event line');
    const chunks = [specFrame([raw.created()]), `event: response.output_text.delta\ndata: ${JSON.stringify(untypedDelta)}\n\n`, specFrame([raw.completed()])];
    assertComplete(await run(chunks), 'typed by the event line');
  });

  it('reads a stream whose content-type is wrong or missing', async () => {
    for (const type of ['text/plain', 'application/octet-stream', '']) {
      assertComplete(await run([specFrame(representativeEvents())], { 'content-type': type }), REPRESENTATIVE_TEXT, type);
    }
  });
});

describe('streamResponse: streams cut at every byte', function () {
  this.timeout(120_000);

  for (const [name, framing] of [
    ['LF', {}],
    ['CRLF', { eol: '\r\n' }],
    ['bare CR', { eol: '\r' }],
    ['mixed endings, no space, multi-line data', { eol: (i: number) => (['\r\n', '\n', '\r'] as const)[i % 3], space: false, multiLineData: true }],
  ] as [string, SpecFraming][]) {
    it(`${name}: two writes split at every byte position (inside UTF-8 characters and CRLF pairs)`, async () => {
      const bytes = encoder.encode(specFrame(representativeEvents(), framing));
      for (let at = 1; at < bytes.length; at++) {
        assertComplete(await run(splitAt(bytes, at)), REPRESENTATIVE_TEXT, `split at ${at}/${bytes.length}`);
      }
    });

    it(`${name}: one-byte writes`, async () => {
      const bytes = encoder.encode(specFrame(representativeEvents(), framing));
      assertComplete(await run(Array.from(bytes, (b) => Uint8Array.of(b))), REPRESENTATIVE_TEXT);
    });
  }

  it('a body that closes at any byte before the terminal event ends interrupted, keeping every delta that was whole', async () => {
    const events = representativeEvents();
    const terminalStart = encoder.encode(specFrame(events.slice(0, -1))).length;
    const bytes = encoder.encode(specFrame(events));
    for (let at = 0; at < terminalStart; at++) {
      const { end, events: received } = await run([bytes.slice(0, at)]);
      const error = errorOf(end);
      assert.equal(error.kind, 'interrupted', `closed at ${at}: ${JSON.stringify(error)}`);
      assert.equal(end.text, textOf(received), `closed at ${at}`);
      assert.ok(REPRESENTATIVE_TEXT.startsWith(end.text), `closed at ${at}: text is a prefix`);
    }
  });
});

describe('streamResponse: [DONE] sentinels and event-level surprises', () => {
  it('completes when `data: [DONE]` follows response.completed', async () => {
    assertComplete(await run([specFrame(representativeEvents()), 'data: [DONE]\n\n']), REPRESENTATIVE_TEXT);
  });

  it('ends interrupted (text kept) when `data: [DONE]` arrives without a terminal event, and reads nothing after it', async () => {
    const { end } = await run([specFrame([raw.created(), raw.delta('Half')]), 'data: [DONE]\n\n', specFrame([raw.delta(' more'), raw.completed()])]);
    const error = errorOf(end);
    assert.equal(error.kind, 'interrupted');
    assert.match(error.detail ?? '', /\[DONE\]/);
    assert.equal(end.text, 'Half');
  });

  it('ignores unknown event types and unknown fields', async () => {
    const events: Record<string, unknown>[] = representativeEvents().map((e) => ({ ...e, x_future_field: { nested: [1, 2] } }));
    events.splice(3, 0, { type: 'response.some_future_event', whatever: true }, { type: 'response.output_text.delta.v2', delta: 'not ours' });
    assertComplete(await run([specFrame(events)]), REPRESENTATIVE_TEXT);
  });

  it('keeps text whose delta arrives before its output_item.added', async () => {
    const events = [raw.created(), raw.delta('Early '), raw.itemAdded({ id: 'msg_1', type: 'message', status: 'in_progress', content: [] }), raw.delta('bird'), raw.completed()];
    assertComplete(await run([specFrame(events)]), 'Early bird');
  });

  it('ends once on a duplicated response.completed and ignores text after the terminal event', async () => {
    const { events, end } = await run([specFrame([raw.created(), raw.delta('Done.'), raw.completed(), raw.completed(), raw.delta(' Extra'), raw.failed('x', 'y')])]);
    assert.equal(events.filter((e) => e.kind === 'end').length, 1);
    assertComplete({ events, end }, 'Done.');
  });

  it('ends interrupted when the stream ends without a terminal event, keeping the text', async () => {
    const { end } = await run([specFrame([raw.created(), raw.delta('Half an ans')])]);
    assert.equal(errorOf(end).kind, 'interrupted');
    assert.equal(end.text, 'Half an ans');
  });

  it('ends interrupted when the stream is only keep-alives and then closes', async () => {
    const { events, end } = await run([': keep-alive\n\n', ': keep-alive\n\n', '\n']);
    assert.equal(events.length, 1);
    assert.equal(errorOf(end).kind, 'interrupted');
    assert.equal(end.text, '');
  });

  for (const [name, data] of [
    ['non-JSON data', 'hello world'],
    ['truncated JSON in a terminated event', '{"type":"response.output_text.delta","delta":"x"'],
    ['a JSON array', '[1,2,3]'],
    ['a JSON number', '42'],
    ['a JSON string', '"response.completed"'],
    ['JSON null', 'null'],
  ] as const) {
    it(`ends with stream-error on ${name}, keeping the text before it`, async () => {
      const { end } = await run([specFrame([raw.created(), raw.delta('Before ')]), `data: ${data}\n\n`, specFrame([raw.delta('after'), raw.completed()])]);
      const error = errorOf(end);
      assert.equal(error.kind, 'stream-error', JSON.stringify(error));
      assert.match(error.message, /could not be read/);
      assert.equal(end.text, 'Before ');
    });
  }

  for (const [name, block] of [
    ['an OpenAI-shaped `error` event', `data: ${JSON.stringify({ type: 'error', code: 'overloaded', message: 'Model is overloaded', param: null })}\n\n`],
    ['an `error` event with a nested error object', `data: ${JSON.stringify({ type: 'error', error: { code: 'overloaded', message: 'Model is overloaded' } })}\n\n`],
    ['a typeless `{"error":{…}}` chunk (proxies)', `data: ${JSON.stringify({ error: { message: 'Model is overloaded', code: 502 } })}\n\n`],
    ['`event: error` with a typeless body', `event: error\ndata: ${JSON.stringify({ message: 'Model is overloaded' })}\n\n`],
  ] as const) {
    it(`ends with stream-error on ${name} mid-stream, keeping the text`, async () => {
      const { end } = await run([specFrame([raw.created(), raw.delta('Part')]), block, specFrame([raw.delta(' never'), raw.completed()])]);
      const error = errorOf(end);
      assert.equal(error.kind, 'stream-error');
      assert.match(error.message, /Model is overloaded/);
      assert.equal(end.text, 'Part');
    });
  }

  it('ends response-failed with and without details, keeping the text', async () => {
    const withDetails = await run([specFrame([raw.created(), raw.delta('Part'), raw.failed('server_error', 'Upstream model failure')])]);
    assert.equal(errorOf(withDetails.end).kind, 'response-failed');
    assert.match(errorOf(withDetails.end).message, /Upstream model failure/);
    assert.equal(withDetails.end.text, 'Part');
    for (const response of [{ id: raw.responseId, status: 'failed' }, { id: raw.responseId, status: 'failed', error: null }, undefined]) {
      const bare = await run([specFrame([raw.created(), raw.delta('Part'), { type: 'response.failed', response }])]);
      assert.equal(errorOf(bare.end).kind, 'response-failed', JSON.stringify(response));
      assert.match(errorOf(bare.end).message, /no reason given/);
      assert.equal(bare.end.text, 'Part');
    }
  });

  it('ends incomplete with the reason, or "unknown" without details, keeping the text', async () => {
    const withReason = await run([specFrame([raw.created(), raw.delta('Part'), raw.incomplete('max_output_tokens')])]);
    assert.deepEqual(withReason.end.outcome, { status: 'incomplete', reason: 'max_output_tokens' });
    const bare = await run([specFrame([raw.created(), raw.delta('Part'), { type: 'response.incomplete', response: { id: raw.responseId, status: 'incomplete' } }])]);
    assert.deepEqual(bare.end.outcome, { status: 'incomplete', reason: 'unknown' });
    assert.equal(bare.end.text, 'Part');
  });
});

describe('streamResponse: streamed deltas against the final output_text', () => {
  it('adds nothing when the deltas equal the final text', async () => {
    const { events } = await run([specFrame(representativeEvents())]);
    assert.equal(events.filter((e) => e.kind === 'text-delta').length, 5);
  });

  it('emits the missing tail when the final text extends the deltas (a dropped last delta)', async () => {
    const { events, end } = await run([specFrame([raw.created(), raw.delta('Hello, '), completedWithOutput([messageItem('Hello, world.')])])]);
    assertComplete({ events, end }, 'Hello, world.');
  });

  it('emits the whole text of a stream that sent no deltas, only the final response', async () => {
    const reasoning = { id: 'rs_1', type: 'reasoning', summary: [] };
    assertComplete(await run([specFrame([raw.created(), completedWithOutput([reasoning, messageItem('Only the final.')])])]), 'Only the final.');
  });

  it('keeps the streamed text when the final text disagrees with it (what the user saw stays)', async () => {
    const { events, end } = await run([specFrame([raw.created(), raw.delta('Streamed text.'), completedWithOutput([messageItem('Different text.')])])]);
    assertComplete({ events, end }, 'Streamed text.');
  });

  it('reconciles each output part on its own (output and content indexes)', async () => {
    const two = { id: 'msg_2', type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'A1' }, { type: 'output_text', text: 'B1B2' }] };
    const events = [raw.created(), raw.delta('A1', 1, 0), raw.delta('B1', 1, 1), completedWithOutput([{ id: 'rs_1', type: 'reasoning', summary: [] }, two])];
    const result = await run([specFrame(events)]);
    assertComplete(result, 'A1B1B2');
    assert.deepEqual(result.events.filter((e) => e.kind === 'text-delta').at(-1), { kind: 'text-delta', delta: 'B2', outputIndex: 1, contentIndex: 1 });
  });

  it('still ignores text in response.completed when output_text.done already delivered it', async () => {
    const events = [raw.created(), raw.delta('Hi'), raw.textDone('Hi there'), completedWithOutput([messageItem('Hi there')])];
    assertComplete(await run([frameAll(events)]), 'Hi there');
  });
});
