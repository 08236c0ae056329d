import * as vscode from 'vscode';
import { ChatSession } from '../core/chat/chatSession';
import { fromSavedConversation, toSavedConversation } from '../core/chat/savedConversation';
import type { TurnResult } from '../core/chat/chatSession';
import type { Logger } from '../core/logger';
import type { WebviewMessage } from '../core/panelProtocol';
import { buildActionPrompt, buildFollowUpPrompt, resolveTarget } from '../core/prompts/buildPrompt';
import type { CodeAction } from '../core/prompts/types';
import { streamResponse } from '../core/responses/client';
import type { GrokRequest, GrokStreamEvent } from '../core/responses/types';
import type { ChatPanelHost } from './chatPanel';
import { CodeBlockActions, type ReplacementPreview } from './codeBlockActions';
import type { CredentialStore } from './credentials';
import { enclosingSymbolRanges, snapshotDocument, toDiagnosticInfo, toPlainRange } from './editorContext';
import { clientOptionsFor, readSettings } from './settings';

const RESPONDING_CONTEXT_KEY = 'grok.responding';
/** Workspace state: the conversation the API continues (the panel's transcript is saved beside it). */
const CONVERSATION_STATE_KEY = 'grok.chat.conversation.v1';

/**
 * Turns user intents (commands, panel messages) into chat turns: gathers the editor context, checks
 * for a key, builds the prompt, shows the panel and runs the turn through one ChatSession.
 */
export class GrokController implements vscode.Disposable {
  private readonly session: ChatSession;
  private readonly disposables: vscode.Disposable[] = [];
  private demo = false;
  /** Copy / Insert / Apply / Open in New File for the panel's code blocks. */
  readonly codeBlocks: CodeBlockActions;

  constructor(
    private readonly log: Logger,
    private readonly credentials: CredentialStore,
    private readonly panel: ChatPanelHost,
    previewReplacement: ReplacementPreview,
    /** Where the conversation is kept per workspace (`context.workspaceState`), to continue it after a reload. */
    private readonly conversationStore?: vscode.Memento,
  ) {
    this.codeBlocks = new CodeBlockActions(log, previewReplacement);
    this.session = new ChatSession({
      stream: (request, signal) => this.stream(request, signal),
      post: (message) => panel.post(message),
      model: () => readSettings().model,
      webSearch: () => readSettings().webSearch,
    });
    const saved = fromSavedConversation(conversationStore?.get<unknown>(CONVERSATION_STATE_KEY));
    if (saved) this.session.restore(saved);
    this.disposables.push(
      this.codeBlocks,
      panel.onMessage((message) => void this.onPanelMessage(message)),
      credentials.onDidChange(() => void this.refreshDemoFlag()),
    );
    void this.refreshDemoFlag();
  }

  /** Whether answers come from the bundled offline fake server (the panel shows a banner). */
  get isDemo(): boolean {
    return this.demo;
  }

  /** Explain / Fix / Refactor / Write Tests / Document / Ask: the selection (or enclosing block) to Grok. */
  async runAction(action: CodeAction, question?: string): Promise<TurnResult | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showWarningMessage('Grok: open a file and select some code first.');
      return undefined;
    }
    if (!(await this.ensureKey())) return undefined;

    const { document, selection } = editor;
    const symbols = selection.isEmpty ? await enclosingSymbolRanges(document, selection.active) : [];
    const snapshot = snapshotDocument(document);
    const target = resolveTarget(snapshot, toPlainRange(selection), symbols);
    if (target.isEmpty) {
      void vscode.window.showWarningMessage('Grok: there is no code at the cursor to send. Select some code first.');
      return undefined;
    }
    const settings = readSettings();
    const diagnostics = vscode.languages.getDiagnostics(document.uri).map(toDiagnosticInfo);
    const built = buildActionPrompt({
      action,
      question,
      doc: snapshot,
      target: target.range,
      targetKind: target.kind,
      diagnostics,
      budget: { contextLines: settings.contextLines, maxSelectionChars: settings.maxSelectionChars },
    });
    if (built.truncated) this.log.info(`Selection cut to fit the context budget: ${built.summary.truncationNotice ?? ''}`);
    this.panel.show();
    return this.track(this.session.startConversation(built.messages, built.summary));
  }

  async openChat(): Promise<void> {
    this.panel.show(false);
  }

  stop(): boolean {
    return this.session.stop();
  }

  newChat(): void {
    this.session.clear();
    void this.saveConversation();
  }

  /**
   * True when a key is configured. Otherwise explains what to do and offers to set one; the command
   * ends at once rather than waiting on the notification.
   */
  private async ensureKey(): Promise<boolean> {
    if (await this.credentials.get()) return true;
    this.log.warn('A Grok command ran without an API key.');
    void vscode.window
      .showWarningMessage(
        'Grok needs an xAI API key. Set one now (kept in VS Code secret storage), or set the XAI_API_KEY environment variable and restart VS Code.',
        'Set API Key',
        'Get a Key',
      )
      .then(async (choice) => {
        if (choice === 'Set API Key') await vscode.commands.executeCommand('grok.setApiKey');
        if (choice === 'Get a Key') await vscode.env.openExternal(vscode.Uri.parse('https://console.x.ai/'));
      });
    return false;
  }

  private async *stream(request: GrokRequest, signal: AbortSignal): AsyncGenerator<GrokStreamEvent> {
    const credentials = await this.credentials.get();
    if (!credentials) {
      yield {
        kind: 'end',
        text: '',
        outcome: {
          status: 'error',
          error: { kind: 'missing-api-key', message: 'No xAI API key is set. Run "Grok: Set API Key".', actions: ['set-api-key'] },
        },
      };
      return;
    }
    yield* streamResponse(clientOptionsFor(credentials), request, signal, this.log);
  }

  private async track<T extends TurnResult | undefined>(turn: Promise<T>): Promise<T> {
    await vscode.commands.executeCommand('setContext', RESPONDING_CONTEXT_KEY, true);
    try {
      const result = await turn;
      if (result) this.log.info(`Turn ${result.turnId} ended: ${result.status}${result.error ? ` (${result.error.kind}: ${result.error.message})` : ''}`);
      return result;
    } finally {
      await vscode.commands.executeCommand('setContext', RESPONDING_CONTEXT_KEY, this.session.busy);
      await this.saveConversation();
    }
  }

  private async saveConversation(): Promise<void> {
    if (!this.conversationStore || this.session.busy) return;
    await this.conversationStore.update(CONVERSATION_STATE_KEY, toSavedConversation(this.session.snapshot()));
  }

  private async onPanelMessage(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'stop':
        this.session.stop();
        return;
      case 'newChat':
        this.newChat();
        return;
      case 'followUp': {
        const built = buildFollowUpPrompt(message.text);
        await this.track(this.session.followUp(built.messages, built.summary));
        return;
      }
      case 'errorAction':
        await this.onErrorAction(message.action, message.turnId);
        return;
      case 'regenerate':
        await this.rerunLatest(message.turnId);
        return;
      case 'setWebSearch':
        await this.setWebSearch(message.enabled);
        return;
      case 'codeBlockAction':
        await this.codeBlocks.run(message.action, message.code, message.language);
        return;
      default:
        return;
    }
  }

  /**
   * Retry / Regenerate: runs the latest user turn again, replacing its answer. Only the latest turn
   * can be re-run (the conversation continues from it); a turn restored from an earlier session
   * cannot, since its request is gone.
   */
  private async rerunLatest(turnId: string | undefined): Promise<void> {
    if (this.session.busy) return; // the panel offers these only when nothing runs; a late click is moot
    if (!this.session.canRetry() || (turnId !== undefined && turnId !== this.session.lastTurnId)) {
      void vscode.window.showInformationMessage('Grok: only the latest answer of this session can be run again. Ask it as a follow-up instead.');
      return;
    }
    await this.track(this.session.retry());
  }

  /** Grok: Toggle Web Search — the same switch as the panel's toggle. */
  async toggleWebSearch(): Promise<void> {
    await this.setWebSearch(!readSettings().webSearch);
  }

  /**
   * The panel's web search toggle writes `grok.webSearch` where it is in effect: the workspace when
   * the workspace sets it, else the user settings. The panel then gets the effective value back.
   */
  async setWebSearch(enabled: boolean): Promise<void> {
    const config = vscode.workspace.getConfiguration('grok');
    const target = config.inspect<unknown>('webSearch')?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    try {
      await config.update('webSearch', enabled, target);
    } catch (error) {
      void vscode.window.showErrorMessage(`Grok: could not change grok.webSearch: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.panel.refreshConfig();
    if (readSettings().webSearch !== enabled) {
      void vscode.window.showWarningMessage(`Grok: web search stays ${enabled ? 'off' : 'on'}: a more specific grok.webSearch setting (folder or language) overrides it.`);
    }
    this.log.info(`Web search ${readSettings().webSearch ? 'on' : 'off'} (asked from the panel: ${enabled ? 'on' : 'off'}).`);
  }

  private async onErrorAction(action: Extract<WebviewMessage, { type: 'errorAction' }>['action'], turnId: string | undefined): Promise<void> {
    switch (action) {
      case 'set-api-key':
        await vscode.commands.executeCommand('grok.setApiKey');
        return;
      case 'retry':
        await this.rerunLatest(turnId);
        return;
      case 'open-settings':
        await vscode.commands.executeCommand('workbench.action.openSettings', 'grok.');
        return;
      case 'open-billing':
        await vscode.env.openExternal(vscode.Uri.parse('https://console.x.ai/'));
        return;
      case 'check-network':
        await vscode.commands.executeCommand('workbench.action.openSettings', 'http.proxy');
        return;
    }
  }

  private async refreshDemoFlag(): Promise<void> {
    const credentials = await this.credentials.get();
    const demo = credentials?.source === 'offline-demo';
    if (demo !== this.demo) {
      this.demo = demo;
      this.panel.refreshConfig();
    }
  }

  dispose(): void {
    this.session.stop();
    for (const d of this.disposables) d.dispose();
  }
}
