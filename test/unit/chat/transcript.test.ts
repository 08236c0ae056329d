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
});
