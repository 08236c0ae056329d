import assert from 'node:assert/strict';
import { ChatSession } from '../../../src/core/chat/chatSession';
import type { StreamFn } from '../../../src/core/chat/chatSession';
import type { HostMessage } from '../../../src/core/panelProtocol';
import type { GrokRequest, GrokStreamEvent } from '../../../src/core/responses/types';

/** A scripted stream: each call takes the next script; records the requests. */
function scripted(scripts: ((signal: AbortSignal) => AsyncGenerator<GrokStreamEvent>)[]) {
  const requests: GrokRequest[] = [];
  const stream: StreamFn = (request, signal) => {
    requests.push(request);
    const next = scripts.shift();
    if (!next) throw new Error('no script left');
    return next(signal);
  };
  return { stream, requests };
}

function answer(id: string, text: string): (signal: AbortSignal) => AsyncGenerator<GrokStreamEvent> {
  return async function* () {
    yield { kind: 'created', responseId: id };
    yield { kind: 'text-delta', delta: text, outputIndex: 0, contentIndex: 0 };
    yield { kind: 'end', outcome: { status: 'completed', usage: { inputTokens: 1, outputTokens: 2, totalTokens: 3 } }, text, responseId: id };
  };
}

function session(stream: StreamFn) {
  const posted: HostMessage[] = [];
  let clock = 0;
  const s = new ChatSession({ stream, post: (m) => posted.push(m), model: () => 'grok-build-0.1', webSearch: () => false, now: () => (clock += 10) });
  return { s, posted };
}

const user = (content: string) => [{ role: 'user' as const, content }];

describe('ChatSession', () => {
  it('posts a turn: started, deltas, ended with usage and elapsed time', async () => {
    const { stream } = scripted([answer('r1', 'Hello')]);
    const { s, posted } = session(stream);
    const result = await s.startConversation(user('explain'), { action: 'Explain' });
    assert.equal(result.status, 'completed');
    assert.equal(result.text, 'Hello');
    assert.deepEqual(posted.map((m) => m.type), ['turnStarted', 'textDelta', 'turnEnded']);
    const ended = posted[2] as Extract<HostMessage, { type: 'turnEnded' }>;
    assert.equal(ended.usage?.totalTokens, 3);
    assert.ok(ended.elapsedMs > 0);
  });

  it('continues with previous_response_id, and a new action starts a new thread', async () => {
    const { stream, requests } = scripted([answer('r1', 'A'), answer('r2', 'B'), answer('r3', 'C')]);
    const { s } = session(stream);
    await s.startConversation(user('first'), { action: 'Explain' });
    await s.followUp(user('second'), { action: 'Follow-up' });
    await s.startConversation(user('third'), { action: 'Fix' });
    assert.equal(requests[0].previousResponseId, undefined);
    assert.equal(requests[1].previousResponseId, 'r1');
    assert.deepEqual(requests[1].input, user('second'));
    assert.equal(requests[2].previousResponseId, undefined);
    assert.deepEqual(requests[2].input, user('third'));
  });

  it('resends the history when the server no longer has the previous response', async () => {
    const lost: (signal: AbortSignal) => AsyncGenerator<GrokStreamEvent> = async function* () {
      yield {
        kind: 'end',
        text: '',
        outcome: { status: 'error', error: { kind: 'bad-request', status: 404, message: 'x', detail: 'Previous response with id r1 not found.', actions: [] } },
      };
    };
    const { stream, requests } = scripted([answer('r1', 'A'), lost, answer('r2', 'B')]);
    const { s } = session(stream);
    await s.startConversation(user('first'), { action: 'Explain' });
    const result = await s.followUp(user('second'), { action: 'Follow-up' });
    assert.equal(result.status, 'completed');
    assert.equal(requests[2].previousResponseId, undefined);
    assert.deepEqual(requests[2].input, [...user('first'), { role: 'assistant', content: 'A' }, ...user('second')]);
  });

  it('stop() aborts the running turn, which ends cancelled with its partial text', async () => {
    const slow: (signal: AbortSignal) => AsyncGenerator<GrokStreamEvent> = async function* (signal) {
      yield { kind: 'text-delta', delta: 'partial', outputIndex: 0, contentIndex: 0 };
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
      yield { kind: 'end', outcome: { status: 'cancelled' }, text: 'partial' };
    };
    const { stream } = scripted([slow]);
    const { s, posted } = session(stream);
    const turn = s.startConversation(user('q'), { action: 'Explain' });
    await new Promise((r) => setImmediate(r));
    assert.equal(s.busy, true);
    assert.equal(s.stop(), true);
    const result = await turn;
    assert.equal(result.status, 'cancelled');
    assert.equal(result.text, 'partial');
    assert.equal(s.busy, false);
    assert.equal(s.stop(), false);
    assert.equal(posted.at(-1)?.type, 'turnEnded');
  });

  it('a new action stops the running one first', async () => {
    const hang: (signal: AbortSignal) => AsyncGenerator<GrokStreamEvent> = async function* (signal) {
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
      yield { kind: 'end', outcome: { status: 'cancelled' }, text: '' };
    };
    const { stream } = scripted([hang, answer('r2', 'B')]);
    const { s, posted } = session(stream);
    const first = s.startConversation(user('1'), { action: 'Explain' });
    await new Promise((r) => setImmediate(r));
    const second = await s.startConversation(user('2'), { action: 'Fix' });
    assert.equal((await first).status, 'cancelled');
    assert.equal(second.status, 'completed');
    const ends = posted.filter((m) => m.type === 'turnEnded').map((m) => (m as { status: string }).status);
    assert.deepEqual(ends, ['cancelled', 'completed']);
  });

  it('errors end the turn with the error and retry re-sends the same messages', async () => {
    const failing: (signal: AbortSignal) => AsyncGenerator<GrokStreamEvent> = async function* () {
      yield { kind: 'end', text: '', outcome: { status: 'error', error: { kind: 'server-error', status: 503, message: 'Busy', actions: ['retry'] } } };
    };
    const { stream, requests } = scripted([failing, answer('r1', 'ok')]);
    const { s, posted } = session(stream);
    const r1 = await s.startConversation(user('q'), { action: 'Explain' });
    assert.equal(r1.status, 'error');
    assert.equal(r1.error?.kind, 'server-error');
    const ended = posted.find((m) => m.type === 'turnEnded') as Extract<HostMessage, { type: 'turnEnded' }>;
    assert.deepEqual(ended.error?.actions, ['retry']);
    assert.ok(s.canRetry());
    const r2 = await s.retry();
    assert.equal(r2?.status, 'completed');
    assert.deepEqual(requests[1].input, requests[0].input);
    assert.equal(r2?.turnId, r1.turnId, 'the retry replaces the failed turn in place');
    assert.equal(s.lastTurnId, r1.turnId);
  });

  it('regenerating the latest answer re-runs its question from the conversation as it was before it', async () => {
    const { stream, requests } = scripted([answer('r1', 'A'), answer('r2', 'B'), answer('r3', 'B2'), answer('r4', 'C')]);
    const { s, posted } = session(stream);
    await s.startConversation(user('first'), { action: 'Explain' });
    const second = await s.followUp(user('second'), { action: 'Follow-up' });
    const again = await s.retry();
    // Continues from the first answer, not from the answer being replaced, and sends the question once.
    assert.equal(requests[2].previousResponseId, 'r1');
    assert.deepEqual(requests[2].input, user('second'));
    assert.equal(again?.turnId, second.turnId);
    assert.equal(posted.filter((m) => m.type === 'turnStarted' && m.turnId === second.turnId).length, 2);
    // The regenerated answer is the one the conversation continues from.
    await s.followUp(user('third'), { action: 'Follow-up' });
    assert.equal(requests[3].previousResponseId, 'r3');
  });

  it('retrying after a partial failure does not send the partial answer or the question twice', async () => {
    const cut: (signal: AbortSignal) => AsyncGenerator<GrokStreamEvent> = async function* () {
      yield { kind: 'text-delta', delta: 'half an ans', outputIndex: 0, contentIndex: 0 };
      yield { kind: 'end', text: 'half an ans', outcome: { status: 'error', error: { kind: 'interrupted', message: 'Dropped', actions: ['retry'] } } };
    };
    const { stream, requests } = scripted([answer('r1', 'A'), cut, answer('r3', 'B')]);
    const { s } = session(stream);
    await s.startConversation(user('first'), { action: 'Explain' });
    await s.followUp(user('second'), { action: 'Follow-up' });
    const retried = await s.retry();
    assert.equal(retried?.status, 'completed');
    assert.equal(requests[2].previousResponseId, 'r1');
    assert.deepEqual(requests[2].input, user('second'));
  });

  it('clear() empties the conversation and tells the panel', async () => {
    const { stream, requests } = scripted([answer('r1', 'A'), answer('r2', 'B')]);
    const { s, posted } = session(stream);
    await s.startConversation(user('1'), { action: 'Explain' });
    s.clear();
    assert.equal(posted.at(-1)?.type, 'cleared');
    await s.followUp(user('2'), { action: 'Follow-up' });
    assert.equal(requests[1].previousResponseId, undefined);
    assert.deepEqual(requests[1].input, user('2'));
  });
});
