import assert from 'node:assert/strict';
import { Transcript } from '../../../src/core/chat/transcript';

describe('Transcript', () => {
  it('merges consecutive deltas and keeps the order of everything else', () => {
    const t = new Transcript();
    t.append({ type: 'turnStarted', turnId: 't1', prompt: { action: 'Explain' }, model: 'm', startedAt: 0 });
    t.append({ type: 'textDelta', turnId: 't1', text: 'Hel' });
    t.append({ type: 'textDelta', turnId: 't1', text: 'lo' });
    t.append({ type: 'citation', turnId: 't1', citation: { url: 'https://x.ai' } });
    t.append({ type: 'textDelta', turnId: 't1', text: '!' });
    t.append({ type: 'config', model: 'm', demo: false, webSearch: false });
    assert.deepEqual(
      t.snapshot().map((m) => m.type + ('text' in m ? `:${m.text}` : '')),
      ['turnStarted', 'textDelta:Hello', 'citation', 'textDelta:!'],
    );
  });

  it('is emptied by cleared and bounded to the newest turns', () => {
    const t = new Transcript(2);
    for (const id of ['a', 'b', 'c']) {
      t.append({ type: 'turnStarted', turnId: id, prompt: { action: 'Ask' }, model: 'm', startedAt: 0 });
      t.append({ type: 'textDelta', turnId: id, text: id });
    }
    assert.deepEqual(t.snapshot().filter((m) => m.type === 'turnStarted').map((m) => ('turnId' in m ? m.turnId : '')), ['b', 'c']);
    t.append({ type: 'cleared' });
    assert.equal(t.snapshot().length, 0);
  });

  it('a turn run again in place (Retry / Regenerate) replaces the old run of that turn', () => {
    const t = new Transcript();
    t.append({ type: 'turnStarted', turnId: 'a', prompt: { action: 'Ask' }, model: 'm', startedAt: 0 });
    t.append({ type: 'textDelta', turnId: 'a', text: 'first answer' });
    t.append({ type: 'turnEnded', turnId: 'a', status: 'completed', elapsedMs: 1 });
    t.append({ type: 'turnStarted', turnId: 'b', prompt: { action: 'Follow-up' }, model: 'm', startedAt: 1 });
    t.append({ type: 'textDelta', turnId: 'b', text: 'old' });
    t.append({ type: 'turnEnded', turnId: 'b', status: 'error', elapsedMs: 1, error: { kind: 'server-error', message: 'x', actions: ['retry'] } });
    t.append({ type: 'turnStarted', turnId: 'b', prompt: { action: 'Follow-up' }, model: 'm', startedAt: 2 });
    t.append({ type: 'textDelta', turnId: 'b', text: 'new' });
    assert.deepEqual(
      t.snapshot().map((m) => `${m.type}:${'turnId' in m ? m.turnId : ''}${'text' in m ? `:${m.text}` : ''}`),
      ['turnStarted:a', 'textDelta:a:first answer', 'turnEnded:a', 'turnStarted:b', 'textDelta:b:new'],
    );
  });
});
