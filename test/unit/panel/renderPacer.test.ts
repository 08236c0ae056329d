import * as assert from 'node:assert/strict';
import { IDLE_PER_RENDER, PACE_ABOVE_MS, RenderPacer } from '../../../src/webview/renderPacer';

describe('RenderPacer', () => {
  it('lets every render run while renders are cheap', () => {
    const pacer = new RenderPacer();
    assert.equal(pacer.ready(0), true);
    pacer.record(0, PACE_ABOVE_MS); // at the limit: still cheap
    assert.equal(pacer.ready(PACE_ABOVE_MS), true);
  });

  it('after an expensive render, waits twice its cost, then lets the next one run', () => {
    const pacer = new RenderPacer();
    pacer.record(100, 140); // 40 ms
    const free = 140 + 40 * IDLE_PER_RENDER;
    assert.equal(IDLE_PER_RENDER, 2);
    assert.equal(pacer.ready(141), false);
    assert.equal(pacer.ready(free - 1), false);
    assert.equal(pacer.ready(free), true);
  });

  it('goes back to every frame as soon as a render is cheap again', () => {
    const pacer = new RenderPacer();
    pacer.record(0, 50);
    assert.equal(pacer.ready(100), false);
    pacer.record(150, 152);
    assert.equal(pacer.ready(153), true);
  });
});
