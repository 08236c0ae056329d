import assert from 'node:assert/strict';
import { streamResponse } from '../../../src/core/responses/client';
import type { GrokRequest } from '../../../src/core/responses/types';
import {
  baseOptions,
  collect,
  endOf,
  errorOf,
  frame,
  frameAll,
  jsonResponse,
  MAPPED_XAI_USAGE,
  raw,
  scriptedFetch,
  splitBytes,
  sseResponse,
  textOf,
  XAI_USAGE,
} from './sseFixtures';

const REQUEST: GrokRequest = { input: [{ role: 'user', content: 'Explain this code' }] };

/** Non-BMP and multi-byte text, so byte-wise splits land inside UTF-8 sequences. */
const ANSWER_PARTS = ['## Résumé 🚀\n', 'Use `naïve` — ', 'ok 😀 ', '漢字 done.'];

function answerEvents() {
  return [raw.created(), raw.inProgress(), ...ANSWER_PARTS.map((p) => raw.delta(p)), raw.completed(XAI_USAGE)];
}

async function run(chunks: (string | Uint8Array)[], options: Parameters<typeof sseResponse>[1] = {}, idleTimeoutMs = 2_000) {
  const fetch = scriptedFetch(() => sseResponse(chunks, options));
  const events = await collect(streamResponse(baseOptions(fetch, { idleTimeoutMs }), REQUEST));
  return { events, end: endOf(events), fetch };
}

describe('streamResponse: stream reading and outcomes (injected fetch)', () => {
  it('streams a plain answer: created, deltas, and one end event with usage, text and response id', async () => {
    const { events, end } = await run([frameAll(answerEvents())]);
    assert.deepEqual(events[0], { kind: 'created', responseId: raw.responseId, model: 'grok-build-0.1' });
    assert.equal(textOf(events), ANSWER_PARTS.join(''));
    assert.equal(end.text, ANSWER_PARTS.join(''));
    assert.equal(end.responseId, raw.responseId);
    assert.deepEqual(end.outcome, {
      status: 'completed',
      usage: MAPPED_XAI_USAGE,
    });
  });

  const framings: [string, () => (string | Uint8Array)[]][] = [
    ['CRLF line endings', () => [frameAll(answerEvents(), { crlf: true })]],
    ['keep-alive comments between events', () => answerEvents().flatMap((e) => [': keep-alive\n\n', frame(e)])],
    ['no event: lines', () => [frameAll(answerEvents(), { noEventLine: true })]],
    ['writes split at every byte (inside UTF-8 characters)', () => splitBytes(frameAll(answerEvents()), 1)],
    ['writes split every 7 bytes with CRLF', () => splitBytes(frameAll(answerEvents(), { crlf: true }), 7)],
    ['a [DONE] sentinel after completion', () => [frameAll(answerEvents()), 'data: [DONE]\n\n']],
  ];
  for (const [name, chunks] of framings) {
    it(`reads ${name}`, async () => {
      const { events, end } = await run(chunks());
      assert.equal(textOf(events), ANSWER_PARTS.join(''));
      assert.equal(end.outcome.status, 'completed');
    });
  }

  it('ignores unknown events interleaved with the answer (xAI custom and future types)', async () => {
    const { events, end } = await run([
      frameAll([
        raw.created(),
        { type: 'response.x_search_call.in_progress', item_id: 'xs_1', output_index: 0 },
        { type: 'response.custom_tool_call_input.delta', item_id: 'ctc_1', output_index: 0, delta: '{"q' },
        raw.delta('Still '),
        { type: 'response.some_future_event', whatever: [1, 2, 3] },
        { type: 'response.done', response: { status: 'in_progress' } },
        raw.delta('here.'),
        raw.completed(),
      ]),
    ]);
    assert.equal(textOf(events), 'Still here.');
    assert.equal(end.outcome.status, 'completed');
    assert.deepEqual(
      events.filter((e) => e.kind === 'tool-activity').map((e) => e.kind === 'tool-activity' && e.activity),
      [{ itemId: 'xs_1', tool: 'x_search', status: 'in_progress' }],
    );
  });

  it('passes citations, reasoning and tool activity through in order', async () => {
    const { events } = await run([
      frameAll([
        raw.created(),
        raw.reasoning('Looking up'),
        raw.itemAdded({ id: 'ws_1', type: 'web_search_call', status: 'in_progress', action: { type: 'search', query: 'xai news' } }),
        raw.itemDone({ id: 'ws_1', type: 'web_search_call', status: 'completed', action: { type: 'search', query: 'xai news' } }),
        raw.delta('See [[1]](https://x.ai/news).'),
        raw.annotation({ type: 'url_citation', url: 'https://x.ai/news', title: '1', start_index: 4, end_index: 28 }),
        raw.completed(),
      ]),
    ]);
    assert.deepEqual(
      events.map((e) => e.kind),
      ['created', 'reasoning-delta', 'tool-activity', 'tool-activity', 'text-delta', 'citation', 'end'],
    );
  });

  it('ends incomplete with the reason, keeping the text', async () => {
    const { end } = await run([frameAll([raw.created(), raw.delta('Part'), raw.incomplete('max_output_tokens')])]);
    assert.deepEqual(end.outcome, { status: 'incomplete', reason: 'max_output_tokens' });
    assert.equal(end.text, 'Part');
  });

  it('ends with response-failed carrying the server message and the request id', async () => {
    const { end } = await run([frameAll([raw.created(), raw.delta('Part'), raw.failed('server_error', 'Upstream model failure')])]);
    const error = errorOf(end);
    assert.equal(error.kind, 'response-failed');
    assert.match(error.message, /Upstream model failure/);
    assert.equal(error.requestId, 'req_stream_1');
    assert.equal(end.text, 'Part');
  });

  it('ends with stream-error on an SSE error event, with or without an `event: error` line', async () => {
    for (const noEventLine of [false, true]) {
      const { end } = await run([frameAll([raw.created(), raw.delta('Part')]), frame(raw.errorEvent('overloaded', 'Model is overloaded'), { noEventLine })]);
      const error = errorOf(end);
      assert.equal(error.kind, 'stream-error', `noEventLine=${noEventLine}`);
      assert.match(error.message, /Model is overloaded/);
      assert.equal(end.text, 'Part');
    }
  });

  it('ends interrupted, keeping the partial text, when the stream ends without a terminal event', async () => {
    const { end } = await run([frameAll([raw.created(), raw.delta('Half an ans')])]);
    assert.equal(errorOf(end).kind, 'interrupted');
    assert.match(errorOf(end).message, /cut off/);
    assert.equal(end.text, 'Half an ans');
  });

  it('reads a complete final event that lacks its blank line (our SSE reader delivers it, marked unterminated)', async () => {
    const unterminated = frame(raw.completed()).trimEnd();
    const { end } = await run([frameAll([raw.created(), raw.delta('Text')]), unterminated]);
    assert.equal(end.outcome.status, 'completed');
    assert.equal(end.text, 'Text');
  });

  for (const [name, cut] of [
    ['inside the JSON', 'event: response.output_text.delta\ndata: {"type":"response.output_te'],
    ['after a data line', `event: response.output_text.delta\ndata: ${JSON.stringify(raw.delta('never'))}\n`.replace('}\n', '\n')],
    ['with CRLF framing', 'data: {"type":"response.output_text.delta","delta":"nev\r\n'],
  ] as const) {
    it(`ends interrupted when the body closes cleanly in the middle of an event (${name})`, async () => {
      const { end } = await run([frameAll([raw.created(), raw.delta('Cut here')]), cut]);
      assert.equal(errorOf(end).kind, 'interrupted');
      assert.equal(end.text, 'Cut here');
    });
  }

  it('ends interrupted when the connection drops mid-stream (undici TypeError: terminated)', async () => {
    const drop = new TypeError('terminated', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });
    const { end, fetch } = await run([frameAll([raw.created(), raw.delta('Partial ')]), 'data: {"type":"response.output_te'], { end: { error: drop } });
    const error = errorOf(end);
    assert.equal(error.kind, 'interrupted');
    assert.match(error.message, /cut off/);
    assert.equal(end.text, 'Partial ');
    assert.equal(fetch.calls.length, 1, 'a stream that started is never retried');
  });

  it('ends interrupted on a 200 with an empty body', async () => {
    for (const body of [null, '']) {
      const fetch = scriptedFetch(() => new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } }));
      const events = await collect(streamResponse(baseOptions(fetch), REQUEST));
      assert.equal(errorOf(endOf(events)).kind, 'interrupted', JSON.stringify(body));
    }
  });

  it('ends with stream-error on malformed JSON, keeping the partial text', async () => {
    const { end } = await run([frameAll([raw.created(), raw.delta('Before ')]), 'event: response.output_text.delta\ndata: {"type": nope}\n\n', frame(raw.delta('after'))]);
    const error = errorOf(end);
    assert.equal(error.kind, 'stream-error');
    assert.match(error.message, /could not be read/);
    assert.equal(end.text, 'Before ');
  });

  it('ends with stream-error when a delta is not text, keeping what came before', async () => {
    const { end } = await run([frameAll([raw.created(), raw.delta('Good '), raw.delta({ evil: true }), raw.delta('never')])]);
    assert.equal(errorOf(end).kind, 'stream-error');
    assert.equal(end.text, 'Good ');
  });

  it('ends stalled after the idle timeout when the stream goes silent, keeping the partial text', async () => {
    const started = Date.now();
    const { end } = await run([frameAll([raw.created(), raw.delta('Stalled answ')])], { end: 'stall' }, 200);
    const waited = Date.now() - started;
    const error = errorOf(end);
    assert.equal(error.kind, 'stalled');
    assert.match(error.message, /stopped sending data/);
    assert.equal(end.text, 'Stalled answ');
    assert.ok(waited >= 190 && waited < 1_500, `waited ${waited} ms`);
  });

  it('ends stalled when the headers arrive but no byte ever follows', async () => {
    const { events, end } = await run([], { end: 'stall' }, 200);
    assert.equal(events.length, 1);
    assert.equal(errorOf(end).kind, 'stalled');
    assert.equal(end.text, '');
  });

  it('counts keep-alive comments as life: a slow but chatty stream is not stalled', async () => {
    // 6 × 100 ms of comments exceeds the 250 ms idle limit in total, never between two chunks.
    const chunks = [frame(raw.created()), ...Array.from({ length: 6 }, () => ': keep-alive\n\n'), frameAll([raw.delta('Alive'), raw.completed()])];
    const { end } = await run(chunks, { chunkDelayMs: 100 }, 250);
    assert.equal(end.outcome.status, 'completed');
    assert.equal(end.text, 'Alive');
  });

  it('does not count a slow consumer as a stall', async () => {
    const fetch = scriptedFetch(() => sseResponse([frameAll([raw.created(), raw.delta('a')]), frameAll([raw.delta('b'), raw.completed()])]));
    const events = [];
    for await (const event of streamResponse(baseOptions(fetch, { idleTimeoutMs: 100 }), REQUEST)) {
      events.push(event);
      if (event.kind === 'text-delta') await new Promise((resolve) => setTimeout(resolve, 300));
    }
    assert.equal(endOf(events).outcome.status, 'completed');
    assert.equal(endOf(events).text, 'ab');
  });

  it('reads a server that ignored stream:true and sent the finished Response as JSON', async () => {
    const complete = {
      id: raw.responseId,
      object: 'response',
      model: 'grok-build-0.1',
      status: 'completed',
      output: [
        { id: 'rs_1', type: 'reasoning', summary: [{ type: 'summary_text', text: 'Thought.' }] },
        {
          id: 'msg_1',
          type: 'message',
          role: 'assistant',
          status: 'completed',
          content: [{ type: 'output_text', text: 'See [[1]](https://x.ai).', annotations: [{ type: 'url_citation', url: 'https://x.ai', title: '1', start_index: 4, end_index: 24 }] }],
        },
      ],
      usage: { input_tokens: 3, output_tokens: 4, total_tokens: 7 },
    };
    const fetch = scriptedFetch(() => jsonResponse(200, complete));
    const events = await collect(streamResponse(baseOptions(fetch), REQUEST));
    assert.deepEqual(
      events.map((e) => e.kind),
      ['created', 'reasoning-delta', 'text-delta', 'citation', 'end'],
    );
    const end = endOf(events);
    assert.equal(end.text, 'See [[1]](https://x.ai).');
    assert.deepEqual(end.outcome, { status: 'completed', usage: { inputTokens: 3, outputTokens: 4, totalTokens: 7 } });
  });

  it('maps a 200 JSON error body to stream-error and broken JSON to a readable error', async () => {
    const errorBody = await collect(streamResponse(baseOptions(scriptedFetch(() => jsonResponse(200, { error: { message: 'Upstream exploded', code: 'boom' } }))), REQUEST));
    assert.equal(errorOf(endOf(errorBody)).kind, 'stream-error');
    assert.match(errorOf(endOf(errorBody)).message, /Upstream exploded/);
    const broken = await collect(streamResponse(baseOptions(scriptedFetch(() => jsonResponse(200, '{"id": '))), REQUEST));
    assert.equal(errorOf(endOf(broken)).kind, 'stream-error');
  });

  it('aborts the HTTP request when the consumer stops iterating early', async () => {
    const fetch = scriptedFetch(() => sseResponse([frameAll([raw.created(), raw.delta('x')])], { end: 'stall' }));
    for await (const event of streamResponse(baseOptions(fetch), REQUEST)) {
      if (event.kind === 'text-delta') break;
    }
    assert.equal(fetch.calls[0].signal?.aborted, true);
  });
});
