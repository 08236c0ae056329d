import assert from 'node:assert/strict';
import { ChatSession } from '../../../src/core/chat/chatSession';
import type { StreamFn } from '../../../src/core/chat/chatSession';
import { fromSavedConversation, toSavedConversation, type ConversationSnapshot } from '../../../src/core/chat/savedConversation';
import type { GrokRequest, GrokStreamEvent } from '../../../src/core/responses/types';

const user = (content: string) => ({ role: 'user' as const, content });
const assistant = (content: string) => ({ role: 'assistant' as const, content });

function answering(texts: string[], idPrefix: string): { stream: StreamFn; requests: GrokRequest[] } {
  const requests: GrokRequest[] = [];
  let n = 0;
  const stream: StreamFn = async function* (request) {
    requests.push(request);
    const id = `${idPrefix}${++n}`;
    const text = texts.shift() ?? 'ok';
    yield { kind: 'created', responseId: id } satisfies GrokStreamEvent;
    yield { kind: 'end', text, responseId: id, outcome: { status: 'completed' } } satisfies GrokStreamEvent;
  };
  return { stream, requests };
}

function session(stream: StreamFn): ChatSession {
  return new ChatSession({ stream, post: () => {}, model: () => 'grok-build-0.1', webSearch: () => false });
}

describe('saved conversation', () => {
  it('round-trips through JSON: after a reload a follow-up continues and Regenerate re-runs the latest turn', async () => {
    const first = answering(['A', 'B'], 'r');
    const before = session(first.stream);
    await before.startConversation([user('explain')], { action: 'Explain' });
    const second = await before.followUp([user('why?')], { action: 'Follow-up' });
    const stored: unknown = JSON.parse(JSON.stringify(toSavedConversation(before.snapshot())));

    const after = answering(['B again', 'C'], 'next-');
    const restored = session(after.stream);
    restored.restore(fromSavedConversation(stored)!);
    assert.equal(restored.lastTurnId, second.turnId);
    const regenerated = await restored.retry();
    assert.equal(regenerated?.turnId, second.turnId);
    assert.equal(after.requests[0].previousResponseId, 'r1', 'from the answer before the regenerated one');
    assert.deepEqual(after.requests[0].input, [user('why?')]);
    await restored.followUp([user('and then?')], { action: 'Follow-up' });
    assert.equal(after.requests[1].previousResponseId, 'next-1', 'continues from the regenerated answer');
  });

  it('drops anything that is not a saved conversation of this version', () => {
    for (const raw of [undefined, null, 42, 'x', {}, { version: 2, history: [] }, { version: 1, history: [{ role: 'robot', content: 'x' }] }, { version: 1, history: 'nope' }]) {
      assert.equal(fromSavedConversation(raw), undefined, JSON.stringify(raw));
    }
    const odd = fromSavedConversation({ version: 1, history: [user('a')], lastTurn: { turnId: 't', messages: [user('b')], prompt: { action: 'Ask' }, historyLengthBefore: 5 } });
    assert.deepEqual(odd, { history: [user('a')] }, 'a latest turn that starts past the history is dropped');
  });

  it('is bounded: the oldest history goes first, and the latest turn keeps its starting point', () => {
    const snapshot: ConversationSnapshot = {
      history: [user('a'.repeat(40)), assistant('b'.repeat(40)), user('c'.repeat(10)), assistant('d'.repeat(10))],
      previousResponseId: 'r9',
      lastTurn: { turnId: 't2', messages: [user('c'.repeat(10))], prompt: { action: 'Follow-up' }, stateBefore: { history: [user('a'.repeat(40)), assistant('b'.repeat(40))], previousResponseId: 'r8' } },
    };
    const saved = toSavedConversation(snapshot, 70);
    assert.deepEqual(saved.history.map((m) => m.content[0]), ['b', 'c', 'd']);
    assert.equal(saved.previousResponseId, 'r9');
    assert.equal(saved.lastTurn?.historyLengthBefore, 1);
    const back = fromSavedConversation(saved)!;
    assert.deepEqual(back.lastTurn?.stateBefore, { history: [assistant('b'.repeat(40))], previousResponseId: 'r8' });

    const tiny = toSavedConversation(snapshot, 25);
    assert.deepEqual(tiny.history.map((m) => m.content[0]), ['d']);
    assert.equal(tiny.lastTurn, undefined, "the latest turn's starting point no longer fits");
    assert.equal(toSavedConversation(snapshot, 5).lastTurn, undefined, 'a latest turn bigger than the budget is not kept');
  });
});
