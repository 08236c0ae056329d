import assert from 'node:assert/strict';
import { MAX_CODE_BLOCK_CHARS, parseWebviewMessage } from '../../src/core/panelProtocol';

describe('panel protocol: the panel-feature messages', () => {
  const accepts = (message: unknown) => assert.equal(parseWebviewMessage(message).ok, true, JSON.stringify(message).slice(0, 200));
  const refuses = (message: unknown) => assert.equal(parseWebviewMessage(message).ok, false, JSON.stringify(message).slice(0, 200));

  it('accepts code block actions with the code exactly as sent', () => {
    const code = '\tif (a < b) {\r\n  return "</code>";\n}\n\n';
    const parsed = parseWebviewMessage({ type: 'codeBlockAction', action: 'apply', code, language: 'ts' });
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.message, { type: 'codeBlockAction', action: 'apply', code, language: 'ts' });
    for (const action of ['copy', 'insert', 'apply', 'newFile']) accepts({ type: 'codeBlockAction', action, code: '' });
  });

  it('refuses unknown actions, missing or oversized code, and odd languages', () => {
    refuses({ type: 'codeBlockAction', action: 'run', code: 'x' });
    refuses({ type: 'codeBlockAction', action: 'copy' });
    refuses({ type: 'codeBlockAction', action: 'copy', code: 42 });
    refuses({ type: 'codeBlockAction', action: 'copy', code: 'x'.repeat(MAX_CODE_BLOCK_CHARS + 1) });
    refuses({ type: 'codeBlockAction', action: 'copy', code: 'x', language: 'y'.repeat(101) });
  });

  it('validates the web search toggle, Regenerate and error actions with their turn', () => {
    accepts({ type: 'setWebSearch', enabled: true });
    refuses({ type: 'setWebSearch', enabled: 'yes' });
    refuses({ type: 'setWebSearch' });
    accepts({ type: 'regenerate', turnId: 'turn-1' });
    refuses({ type: 'regenerate' });
    accepts({ type: 'errorAction', action: 'retry', turnId: 'turn-1' });
    accepts({ type: 'errorAction', action: 'retry' });
    refuses({ type: 'errorAction', action: 'retry', turnId: 7 });
  });
});
