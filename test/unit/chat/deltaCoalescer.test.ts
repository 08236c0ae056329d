import assert from 'node:assert/strict';
import { DeltaCoalescer } from '../../../src/core/chat/deltaCoalescer';
import type { HostMessage } from '../../../src/core/panelProtocol';

describe('DeltaCoalescer', () => {
  it('merges a burst of deltas into one message per frame', async () => {
    const out: HostMessage[] = [];
    const c = new DeltaCoalescer((m) => out.push(m), 5);
    for (let i = 0; i < 1000; i++) c.post({ type: 'textDelta', turnId: 't', text: 'x' });
    assert.equal(out.length, 0);
    await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(out, [{ type: 'textDelta', turnId: 't', text: 'x'.repeat(1000) }]);
  });

  it('flushes pending deltas before any other message, keeping order', () => {
    const out: HostMessage[] = [];
    const c = new DeltaCoalescer((m) => out.push(m), 1000);
    c.post({ type: 'textDelta', turnId: 't', text: 'a' });
    c.post({ type: 'reasoningDelta', turnId: 't', text: 'r' });
    c.post({ type: 'textDelta', turnId: 't', text: 'b' });
    c.post({ type: 'textDelta', turnId: 't', text: 'c' });
    c.post({ type: 'citation', turnId: 't', citation: { url: 'https://x.ai' } });
    assert.deepEqual(
      out.map((m) => (m.type === 'textDelta' || m.type === 'reasoningDelta' ? `${m.type}:${m.text}` : m.type)),
      ['textDelta:a', 'reasoningDelta:r', 'textDelta:bc', 'citation'],
    );
    c.dispose();
  });

  it('does not merge deltas of different turns', () => {
    const out: HostMessage[] = [];
    const c = new DeltaCoalescer((m) => out.push(m), 1000);
    c.post({ type: 'textDelta', turnId: 'a', text: '1' });
    c.post({ type: 'textDelta', turnId: 'b', text: '2' });
    c.flush();
    assert.equal(out.length, 2);
  });
});
