/**
 * The in-page instrumentation of the panel benchmark, installed before any page script (so the
 * renderer under test cannot tell it is measured). It records, while a stream is measured:
 *  - every animation frame (a free-running rAF loop: the gaps between frames are frame lengths);
 *  - every renderer rAF callback (duration, and whether it changed the answer's DOM);
 *  - every `textDelta` message (how long all `message` listeners took, renderer included);
 *  - when the answer's DOM came to show everything up to the Nth `textDelta` received.
 *
 * "Shown" means: changed inside a rAF callback (the frame that is being produced), or, for a change
 * made outside a frame (the per-message renderers change the DOM in their message handler), the start
 * of the next frame, which is the first that can show it. Plain JavaScript source, not a function: tsx would inject helpers the page does not have.
 */

/** What `window.__bench.stop()` returns. Times are `performance.now()` of the page, in ms. */
export interface ProbeRecords {
  /** The page's `performance.timeOrigin`, to put page times on the host's clock. */
  timeOrigin: number;
  /** Start of every animation frame while measuring. */
  frames: number[];
  /** Renderer rAF callbacks, flat: [start, duration, textDeltas received, changed the DOM (0/1)] × n. */
  renders: number[];
  /** `textDelta` messages, flat: [seq (1-based), start, duration of all listeners] × n. */
  handlers: number[];
  /** Flat: [time, seq] × n: from `time` on, the DOM shows every text delta up to `seq`. */
  domUpdates: number[];
  /** `long-animation-frame` entries (Chromium's LoAF): [start, duration, blocking duration] × n. */
  longFrames: number[];
}

export const PROBE_GLOBAL = '__bench';

export function probeScript(): string {
  return `(() => {
  const rawRaf = window.requestAnimationFrame.bind(window);
  const now = () => performance.now();
  let active = false;
  let received = 0;
  let listenersStart = 0;
  let pendingSeq = -1;
  let observer;
  let records;
  let settledWaiters = [];
  let turnEnded = false;
  /** Messages of each type seen so far (measured or not), so the host can wait for a burst to land. */
  const seen = {};

  // VS Code's webview API, minimal: the panel posts 'ready' and saves state (serialised like VS Code does).
  let state;
  window.__posted = [];
  window.acquireVsCodeApi = () => ({
    postMessage: (message) => window.__posted.push(JSON.parse(JSON.stringify(message))),
    getState: () => state,
    setState: (value) => { state = JSON.parse(JSON.stringify(value)); },
  });

  // Registered before the page's own listener, so it runs first.
  window.addEventListener('message', (event) => {
    listenersStart = now();
    const type = event.data && event.data.type;
    seen[type] = (seen[type] || 0) + 1;
    if (active && type === 'textDelta') received++;
    if (active && type === 'turnEnded') turnEnded = true;
  });
  // Registered by start(), after the page's listener: the end of this message's handling.
  const afterListeners = (event) => {
    if (!active || !event.data || event.data.type !== 'textDelta') return;
    records.handlers.push(received, listenersStart, now() - listenersStart);
  };

  window.requestAnimationFrame = (callback) => rawRaf((timestamp) => {
    const start = now();
    try {
      callback(timestamp);
    } finally {
      if (active) {
        const end = now();
        const changed = observer.takeRecords().length > 0;
        records.renders.push(start, end - start, received, changed ? 1 : 0);
        if (changed) {
          records.domUpdates.push(end, received);
          pendingSeq = -1;
        }
      }
    }
  });

  const onFrame = () => {
    if (!active) return;
    records.frames.push(now());
    if (pendingSeq >= 0) {
      records.domUpdates.push(now(), pendingSeq);
      pendingSeq = -1;
    }
    if (turnEnded && settledWaiters.length) {
      // Two frames after the turn ended: its final render has happened.
      for (const waiter of settledWaiters) if (--waiter.frames === 0) waiter.resolve();
      settledWaiters = settledWaiters.filter((waiter) => waiter.frames > 0);
    }
    rawRaf(onFrame);
  };

  let loafObserver;
  window.${PROBE_GLOBAL} = {
    /** Starts measuring changes under the first element matching \`answerSelector\`. */
    start(answerSelector) {
      const answer = document.querySelector(answerSelector);
      if (!answer) throw new Error('bench probe: no element matches ' + answerSelector);
      records = { timeOrigin: performance.timeOrigin, frames: [], renders: [], handlers: [], domUpdates: [], longFrames: [] };
      received = 0;
      pendingSeq = -1;
      turnEnded = false;
      observer = new MutationObserver(() => {
        // A change outside any rAF callback (those take their own records): shown by the next frame.
        if (active) pendingSeq = received;
      });
      observer.observe(answer, { childList: true, subtree: true, characterData: true, attributes: true });
      window.addEventListener('message', afterListeners);
      loafObserver = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) records.longFrames.push(entry.startTime, entry.duration, entry.blockingDuration || 0);
      });
      try { loafObserver.observe({ type: 'long-animation-frame' }); } catch { /* older Chromium: rAF gaps still count */ }
      active = true;
      rawRaf(onFrame);
    },
    /** Resolves two frames after the turn's \`turnEnded\` arrived (or rejects after \`timeoutMs\`). */
    settled(timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('bench probe: the stream did not settle in ' + timeoutMs + ' ms')), timeoutMs);
        settledWaiters.push({ frames: 2, resolve: () => { clearTimeout(timer); resolve(); } });
      });
    },
    seen(type) {
      return seen[type] || 0;
    },
    stop() {
      active = false;
      observer.disconnect();
      loafObserver.disconnect();
      window.removeEventListener('message', afterListeners);
      return records;
    },
  };
})();`;
}
