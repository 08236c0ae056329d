import assert from 'node:assert/strict';
import { decodeSseMessage } from '../../../src/core/responses/sseEvent';
import { LineEndNormaliser, MAX_SSE_EVENT_CHARS, NON_SSE_BODY_CHARS, readSseMessages, SseEventTooLargeError, type SseBodySummary, type SseMessage } from '../../../src/core/responses/sseReader';
import { sseBody } from './sseFixtures';

async function readAll(chunks: (string | Uint8Array)[]): Promise<{ messages: SseMessage[]; summary: SseBodySummary }> {
  const summary: SseBodySummary = { sawSse: false, text: '', textTruncated: false };
  const messages: SseMessage[] = [];
  for await (const message of readSseMessages(sseBody(chunks), summary)) messages.push(message);
  return { messages, summary };
}

const data = (messages: SseMessage[]) => messages.map((m) => m.data);

describe('SSE reader (WHATWG parsing over a byte stream)', () => {
  it('normalises CRLF and CR to LF, also when a CRLF pair is split across chunks', () => {
    const n = new LineEndNormaliser();
    assert.equal(['a\r', '\nb\r', '', '\n', '\nc\r', '\r', 'd\r\n'].map((c) => n.push(c)).join(''), 'a\nb\n\nc\n\nd\n');
  });

  it('a lone CR that ends a chunk is a line end at once (the event is not held back)', async () => {
    const summary: SseBodySummary = { sawSse: false, text: '', textTruncated: false };
    let release: () => void = () => undefined;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('data: 1\r\r'));
        release = () => controller.close();
      },
    });
    const messages = readSseMessages(body, summary);
    const first = await messages.next();
    assert.deepEqual(first.value, { data: '1', unterminated: false });
    release();
    assert.equal((await messages.next()).done, true);
  });

  it('joins multi-line data with \\n, keeps the event name, ignores id, retry, comments and unknown fields', async () => {
    const { messages, summary } = await readAll(['id: 7\nretry: 10\n: c\nevent: e\nfoo: bar\ndata: a\ndata:b\ndata\n\n']);
    assert.deepEqual(messages, [{ data: 'a\nb\n', event: 'e', unterminated: false }]);
    assert.equal(summary.sawSse, true);
  });

  it('strips only one leading BOM, split or whole, and dispatches nothing for blocks without data', async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
    const { messages } = await readAll([bom.slice(0, 2), bom.slice(2), 'data: x\n\nevent: ping\n\n\n\nid: 3\n\n']);
    assert.deepEqual(data(messages), ['x']);
    const twice = await readAll([bom, bom, 'data: y\n\n']);
    assert.deepEqual(data(twice.messages), [], 'a second BOM makes the first line an unknown field');
  });

  it('delivers a last event without its blank line, marked unterminated', async () => {
    for (const tail of ['data: z', 'data: z\n', 'data: z\r', 'data: z\r\n']) {
      const { messages } = await readAll(['data: a\n\n', tail]);
      assert.deepEqual(messages, [{ data: 'a', unterminated: false }, { data: 'z', unterminated: true }], JSON.stringify(tail));
    }
  });

  it('decodes UTF-8 split at every byte', async () => {
    const text = 'data: 🚀 漢字 é\n\n';
    const { messages } = await readAll(Array.from(new TextEncoder().encode(text), (b) => Uint8Array.of(b)));
    assert.deepEqual(data(messages), ['🚀 漢字 é']);
  });

  it('keeps the text of a body that is not SSE, and says it saw no SSE', async () => {
    const { messages, summary } = await readAll(['<html><body>Blocked', ' by proxy</body></html>']);
    assert.deepEqual(messages, []);
    assert.deepEqual(summary, { sawSse: false, text: '<html><body>Blocked by proxy</body></html>', textTruncated: false });
  });

  it('stops keeping text once the body is SSE, and bounds the text it keeps', async () => {
    const sse = await readAll([': hi\n\n', 'data: 1\n\n']);
    assert.deepEqual(sse.summary, { sawSse: true, text: ': hi\n\n', textTruncated: false });
    const huge = await readAll(['x'.repeat(NON_SSE_BODY_CHARS), 'tail']);
    assert.equal(huge.summary.text.length, NON_SSE_BODY_CHARS);
    assert.equal(huge.summary.textTruncated, true);
  });

  it('fails with SseEventTooLargeError on an event longer than the limit, instead of buffering forever', async () => {
    const piece = 'x'.repeat(1024 * 1024);
    const chunks = ['data: ', ...Array.from({ length: Math.ceil(MAX_SSE_EVENT_CHARS / piece.length) + 1 }, () => piece)];
    await assert.rejects(readAll(chunks), SseEventTooLargeError);
  });

  it('cancels the body when the consumer stops early', async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode('data: 1\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const message of readSseMessages(body, { sawSse: false, text: '', textTruncated: false })) {
      assert.equal(message.data, '1');
      break;
    }
    assert.equal(cancelled, true);
  });
});

describe('SSE message to Responses event', () => {
  const message = (d: string, event?: string): SseMessage => ({ data: d, unterminated: false, ...(event ? { event } : {}) });

  it('keeps the JSON type over a disagreeing event name', () => {
    assert.deepEqual(decodeSseMessage(message('{"type":"response.output_text.delta","delta":"x"}', 'error')), {
      kind: 'event',
      event: { type: 'response.output_text.delta', delta: 'x' },
    });
  });

  it('names a typeless object by its event line, or as an error when it carries one', () => {
    assert.deepEqual(decodeSseMessage(message('{"delta":"x"}', 'response.output_text.delta')), { kind: 'event', event: { delta: 'x', type: 'response.output_text.delta' } });
    assert.deepEqual(decodeSseMessage(message('{"error":{"message":"m"}}')), { kind: 'event', event: { error: { message: 'm' }, type: 'error' } });
    assert.deepEqual(decodeSseMessage(message('{"x":1}')), { kind: 'event', event: { x: 1 } });
  });

  it('skips empty data, ends at [DONE], and calls non-JSON and non-objects unreadable', () => {
    assert.deepEqual(decodeSseMessage(message(' ')), { kind: 'skip' });
    assert.deepEqual(decodeSseMessage(message('[DONE]')), { kind: 'done' });
    for (const bad of ['nope', '{"a":', '[]', '1', '"s"', 'null', 'true']) {
      assert.equal(decodeSseMessage(message(bad)).kind, 'unreadable', bad);
    }
  });
});
