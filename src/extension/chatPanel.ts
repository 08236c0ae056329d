import * as vscode from 'vscode';
import { CHAT_VIEW_TYPE } from '../core/config/ids';
import { DeltaCoalescer } from '../core/chat/deltaCoalescer';
import { Transcript } from '../core/chat/transcript';
import type { Logger } from '../core/logger';
import { createNonce, renderPanelHtml } from '../core/panelHtml';
import type { HostMessage, WebviewMessage } from '../core/panelProtocol';
import { parseWebviewMessage } from '../core/panelProtocol';
import { isSafeExternalUrl } from '../core/safeUrl';

const TRANSCRIPT_STATE_KEY = 'grok.chat.transcript.v1';

export interface ChatPanelConfig {
  model: string;
  demo: boolean;
  webSearch: boolean;
}

/** Opens an http(s) URL outside the editor; given the URL exactly as the panel posted it. */
export type ExternalOpener = (url: string) => Thenable<boolean>;

/**
 * `vscode.env.openExternal` with the URL as a string. Its extension-host side accepts a string and
 * opens it verbatim; a `vscode.Uri` is re-encoded on the way (`(` becomes `%28`, an already encoded
 * `%20` may be encoded again: microsoft/vscode#85930), so the page opened would not be the one cited.
 */
export const openExternalVerbatim: ExternalOpener = (url) => vscode.env.openExternal(url as unknown as vscode.Uri);

/**
 * Hosts the chat webview: creates or adopts (after reload) the panel, posts protocol messages
 * (deltas coalesced to about one per frame), replays the transcript when the webview (re)loads, and
 * turns the webview's validated messages into events for the controller.
 */
export class ChatPanelHost implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private ready = false;
  private readonly transcript = new Transcript();
  private readonly coalescer = new DeltaCoalescer((m) => this.deliver(m));
  private readonly received = new vscode.EventEmitter<WebviewMessage>();
  /** Validated messages from the webview (except `ready` and `openLink`, handled here). */
  readonly onMessage = this.received.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: Logger,
    private readonly config: () => ChatPanelConfig,
    private openExternal: ExternalOpener = openExternalVerbatim,
  ) {
    const saved = context.workspaceState.get<unknown>(TRANSCRIPT_STATE_KEY);
    if (Array.isArray(saved)) this.transcript.restore(saved as HostMessage[]);
  }

  /** Opens the panel beside the editor (or reveals it) without stealing focus from the editor. */
  show(preserveFocus = true): void {
    if (this.panel) {
      // Revealed in the editor's own group, the panel would cover the code it talks about: move it beside.
      const editorColumn = vscode.window.activeTextEditor?.viewColumn;
      const sharesEditorGroup = editorColumn !== undefined && this.panel.viewColumn === editorColumn;
      this.panel.reveal(sharesEditorGroup ? vscode.ViewColumn.Beside : undefined, preserveFocus);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      CHAT_VIEW_TYPE,
      'Grok',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus },
      this.webviewOptions(),
    );
    this.adopt(panel);
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /** The messages a freshly loaded panel would be given (tests read this). */
  transcriptSnapshot(): readonly HostMessage[] {
    return this.transcript.snapshot();
  }

  post(message: HostMessage): void {
    this.transcript.append(message);
    this.coalescer.post(message);
    if (message.type === 'turnEnded' || message.type === 'cleared') void this.persist();
  }

  /**
   * Routes the links the panel opens to `opener` until the returned disposable is disposed (tests
   * record them instead of opening a browser). Only what passed the http(s) check ever reaches it.
   */
  useExternalOpener(opener: ExternalOpener): vscode.Disposable {
    const previous = this.openExternal;
    this.openExternal = opener;
    return new vscode.Disposable(() => {
      if (this.openExternal === opener) this.openExternal = previous;
    });
  }

  /** Re-sends panel-wide settings (model, demo mode, web search). */
  refreshConfig(): void {
    if (this.ready) void this.panel?.webview.postMessage({ type: 'config', ...this.config() } satisfies HostMessage);
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableCommandUris: false,
      // The panel keeps its state in the host's transcript; no need to keep a hidden webview alive.
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'media')],
    };
  }

  /** Takes over a panel VS Code restored after a reload (or one we just created). */
  adopt(panel: vscode.WebviewPanel): void {
    this.disposePanel();
    this.panel = panel;
    this.ready = false;
    panel.webview.options = this.webviewOptions();
    panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'media', 'grok.svg');
    const webview = panel.webview;
    const media = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'media', ...path));
    webview.html = renderPanelHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: media('dist', 'panel.js').toString(),
      styleUri: media('panel.css').toString(),
      codiconsUri: media('dist', 'codicons', 'codicon.css').toString(),
    });
    this.panelDisposables.push(
      webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      // A hidden webview is torn down (no retained context); it says `ready` again when shown and is replayed.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
      panel.onDidDispose(() => {
        this.panel = undefined;
        this.ready = false;
        this.disposePanel();
      }),
    );
  }

  private receive(raw: unknown): void {
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      this.log.warn(`Dropped an invalid message from the chat panel: ${parsed.error}`);
      return;
    }
    const message = parsed.message;
    switch (message.type) {
      case 'ready':
        this.onReady();
        return;
      case 'openLink':
        void this.openLink(message.url);
        return;
      default:
        this.received.fire(message);
    }
  }

  /** A (re)loaded webview starts empty: give it the config and the whole transcript, in order. */
  private onReady(): void {
    const webview = this.panel?.webview;
    if (!webview) return;
    this.coalescer.flush();
    this.ready = true;
    void webview.postMessage({ type: 'config', ...this.config() } satisfies HostMessage);
    for (const message of this.transcript.snapshot()) void webview.postMessage(message);
  }

  private deliver(message: HostMessage): void {
    if (this.ready) void this.panel?.webview.postMessage(message);
  }

  /** Only http(s) links leave the editor, and only through openExternal; everything else is refused and logged. */
  private async openLink(url: string): Promise<void> {
    if (!isSafeExternalUrl(url)) {
      this.log.warn(`Refused to open a non-http(s) link from the chat panel: ${url.slice(0, 200)}`);
      return;
    }
    try {
      if (!(await this.openExternal(url))) this.log.info(`The link was not opened (declined or failed): ${url.slice(0, 200)}`);
    } catch (error) {
      this.log.warn(`Could not open ${url.slice(0, 200)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async persist(): Promise<void> {
    await this.context.workspaceState.update(TRANSCRIPT_STATE_KEY, this.transcript.snapshot());
  }

  private disposePanel(): void {
    for (const d of this.panelDisposables) d.dispose();
    this.panelDisposables = [];
  }

  dispose(): void {
    this.coalescer.dispose();
    this.disposePanel();
    this.panel?.dispose();
    this.received.dispose();
  }
}
