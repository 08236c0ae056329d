import * as assert from 'node:assert/strict';
import { contentSecurityPolicy, createNonce, renderPanelHtml } from '../../src/core/panelHtml';

const options = {
  cspSource: 'https://*.vscode-cdn.net',
  nonce: 'abcDEF0123456789abcDEF0123456789',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/dist/panel.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/panel.css',
};

describe('renderPanelHtml', () => {
  it('sets the strict CSP', () => {
    assert.equal(
      contentSecurityPolicy(options.cspSource, options.nonce),
      "default-src 'none'; script-src 'nonce-abcDEF0123456789abcDEF0123456789'; style-src https://*.vscode-cdn.net; img-src https://*.vscode-cdn.net https:; font-src https://*.vscode-cdn.net; connect-src 'none'; frame-src 'none'; form-action 'none'; base-uri 'none'",
    );
    const html = renderPanelHtml(options);
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${options.nonce}';`));
  });

  it('loads one nonce\'d script and the stylesheets, with no inline script, style or handler', () => {
    const html = renderPanelHtml({ ...options, codiconsUri: 'https://cdn.example/codicon.css' });
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    assert.deepEqual(scripts, [`<script nonce="${options.nonce}" src="${options.scriptUri}">`]);
    assert.ok(html.includes('</script>'));
    assert.match(html, /<script[^>]*><\/script>/, 'the script element has no inline body');
    assert.ok(!/<style/i.test(html));
    assert.ok(!/\son[a-z]+=/i.test(html));
    assert.ok(!/style=/i.test(html));
    assert.ok(html.indexOf('codicon.css') < html.indexOf('panel.css'), 'the panel stylesheet overrides codicons');
  });

  it('escapes URIs into attributes', () => {
    const html = renderPanelHtml({ ...options, scriptUri: 'https://x/"><script>alert(1)</script>' });
    assert.ok(!html.includes('"><script>alert(1)'));
    assert.ok(html.includes('&quot;&gt;&lt;script&gt;'));
  });

  it("accepts the source lists real hosts give, including quoted keywords ('self' in code-server)", () => {
    for (const cspSource of ["'self' https://*.vscode-cdn.net", 'https://*.vscode-cdn.net', 'vscode-webview://abc']) {
      const html = renderPanelHtml({ ...options, cspSource });
      assert.ok(html.includes(`style-src ${cspSource}`), cspSource);
    }
  });

  it('refuses a nonce or CSP source that could break out of the policy', () => {
    assert.throws(() => renderPanelHtml({ ...options, cspSource: "'self'; script-src 'unsafe-inline'" }), /CSP source/);
    assert.throws(() => renderPanelHtml({ ...options, cspSource: "'unsafe inline'" }), /CSP source/);
    assert.throws(() => renderPanelHtml({ ...options, nonce: "x' 'unsafe-inline" }), /nonce/);
    assert.throws(() => renderPanelHtml({ ...options, nonce: 'short' }), /nonce/);
    assert.throws(() => renderPanelHtml({ ...options, cspSource: "https://a; script-src 'unsafe-inline'" }), /CSP source/);
  });
});

describe('createNonce', () => {
  it('makes 32 alphanumerics, different every time', () => {
    const nonces = new Set(Array.from({ length: 200 }, createNonce));
    assert.equal(nonces.size, 200);
    for (const nonce of nonces) assert.match(nonce, /^[A-Za-z0-9]{32}$/);
    assert.doesNotThrow(() => renderPanelHtml({ ...options, nonce: createNonce() }));
  });
});
