/**
 * The chat panel's HTML shell. Strict CSP: nothing runs but the nonce'd panel script, styles and
 * fonts come only from the extension's media, images only from the extension or https, and the
 * page can fetch, frame, submit or re-base nothing. No data is inlined into the page: the script asks
 * the host for everything over postMessage.
 */

export interface PanelHtmlOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  /** A fresh `createNonce()` for every render. */
  nonce: string;
  /** `asWebviewUri` of media/dist/panel.js. */
  scriptUri: string;
  /** `asWebviewUri` of media/panel.css. */
  styleUri: string;
  /** `asWebviewUri` of codicon.css, when the extension ships codicons. */
  codiconsUri?: string;
}

const NONCE_PATTERN = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;
/**
 * A CSP source list must not be able to end the directive or add another. Tokens are host/scheme
 * sources or quoted keywords: VS Code's web host gives `'self' https://*.vscode-cdn.net`.
 */
const CSP_SOURCE_PATTERN = /^(?:'[a-z-]+'|[^\s;,'"]+)(?: (?:'[a-z-]+'|[^\s;,'"]+))*$/;

/** 32 random alphanumerics from the platform's CSPRNG. */
export function createNonce(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = new Uint8Array(32);
  globalThis.crypto.getRandomValues(bytes);
  // 256 % 62 bias is irrelevant for a nonce of this length.
  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `img-src ${cspSource} https:`,
    `font-src ${cspSource}`,
    "connect-src 'none'",
    "frame-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

export function renderPanelHtml(options: PanelHtmlOptions): string {
  const { cspSource, nonce, scriptUri, styleUri, codiconsUri } = options;
  if (!NONCE_PATTERN.test(nonce)) throw new Error('renderPanelHtml: the nonce must be 16+ base64/alphanumeric characters (use createNonce()).');
  if (!CSP_SOURCE_PATTERN.test(cspSource)) throw new Error(`renderPanelHtml: not a CSP source expression: ${JSON.stringify(cspSource)}`);
  const stylesheet = (href: string) => `<link rel="stylesheet" href="${escapeAttribute(href)}">`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(contentSecurityPolicy(cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${codiconsUri ? stylesheet(codiconsUri) + '\n' : ''}${stylesheet(styleUri)}
<title>Grok</title>
</head>
<body>
<div id="app" class="app"></div>
<script nonce="${escapeAttribute(nonce)}" src="${escapeAttribute(scriptUri)}"></script>
</body>
</html>
`;
}
