import assert from 'node:assert/strict';
import { toConsoleLine } from '../../host/workbenchConsole';

describe('toConsoleLine (extension host console relayed by the workbench)', () => {
  it('formats console arguments the way Node does, as mocha prints them', () => {
    assert.deepEqual(toConsoleLine('info', ['  %s✔%s %s', '', '', 'passes'], false), { stream: 'stdout', text: '  ✔ passes' });
    assert.deepEqual(toConsoleLine('info', ['%d passing', 3], false), { stream: 'stdout', text: '3 passing' });
    assert.deepEqual(toConsoleLine('info', [], false), { stream: 'stdout', text: '' });
  });

  it('sends errors and warnings to stderr', () => {
    assert.equal(toConsoleLine('error', ['boom'], false)?.stream, 'stderr');
    assert.equal(toConsoleLine('warn', ['careful'], false)?.stream, 'stderr');
  });

  it('drops known workbench start-up noise unless verbose', () => {
    const noise = ['Resolving connection token (127.0.0.1:1)...', '[AgentHost] No signed-in session', 'getaddrinfo ENOTFOUND open-vsx.org: Failed'];
    for (const text of noise) {
      assert.equal(toConsoleLine('info', [text], false), undefined, text);
      assert.equal(toConsoleLine('info', [text], true)?.text, text);
    }
  });

  it('keeps test output that merely mentions similar words', () => {
    const line = 'getaddrinfo ENOTFOUND api.x.ai (expected by the offline test)';
    assert.equal(toConsoleLine('info', [line], false)?.text, line);
  });
});
