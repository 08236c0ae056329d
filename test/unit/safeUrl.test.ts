import assert from 'node:assert/strict';
import { isSafeExternalUrl } from '../../src/core/safeUrl';

describe('isSafeExternalUrl', () => {
  it('accepts absolute http and https URLs, including ones with parentheses', () => {
    assert.ok(isSafeExternalUrl('https://x.ai/news'));
    assert.ok(isSafeExternalUrl('http://example.com/a?b=c#d'));
    assert.ok(isSafeExternalUrl('https://en.wikipedia.org/wiki/XAI_(company)'));
  });

  for (const url of [
    'command:workbench.action.reloadWindow',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vscode://settings',
    'vscode-webview://abc/index.html',
    '//example.com/x',
    '/relative',
    'https://',
    '',
    'not a url',
    `https://example.com/${'a'.repeat(9000)}`,
  ]) {
    it(`refuses ${JSON.stringify(url.slice(0, 40))}`, () => assert.equal(isSafeExternalUrl(url), false));
  }
});
