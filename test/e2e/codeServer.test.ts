// The server half of the harness on its own: start, isolate, report failures, stop everything.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { startCodeServer } from '../host/codeServer';
import { userSettingsPath } from '../host/userSettings';

/** Command lines of live processes that mention `needle` (the server's temp folders are unique). */
function processesMentioning(needle: string): string[] {
  return execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n').filter((line) => line.includes(needle));
}

describe('startCodeServer', () => {
  it('serves /healthz on its own 127.0.0.1 port with seeded settings, and leaves nothing behind', async () => {
    const first = await startCodeServer({ settings: { 'editor.tabSize': 3 } });
    const second = await startCodeServer();
    try {
      assert.match(first.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.notEqual(first.url, second.url);
      assert.equal((await fetch(`${first.url}/healthz`)).status, 200);
      assert.deepEqual(JSON.parse(readFileSync(userSettingsPath(first.userDataDir), 'utf8')), { 'editor.tabSize': 3 });
      assert.ok(processesMentioning(first.userDataDir).length > 0);
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
    assert.deepEqual(processesMentioning(first.userDataDir), []);
    assert.equal(existsSync(first.userDataDir), false);
    await assert.rejects(fetch(`${first.url}/healthz`));
    assert.equal(typeof (await first.exited), 'string');
  });

  it('rejects with the server output when the server dies during start-up', async () => {
    await assert.rejects(
      startCodeServer({ env: { ...process.env, NODE_OPTIONS: '--require /nonexistent/preload.js' } }),
      (error: Error) => /exited early \(code 1\)/.test(error.message) && /Cannot find module '\/nonexistent\/preload\.js'/.test(error.message),
    );
  });
});
