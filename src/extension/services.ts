import * as vscode from 'vscode';
import type { Logger } from '../core/logger';
import { ChatPanelHost } from './chatPanel';
import type { CredentialStore } from './credentials';
import { GrokController } from './grokController';
import { InlineFixService } from './inlineFix/inlineFixService';
import { readSettings } from './settings';

/** The heavy half of the extension (openai SDK, zod protocol, prompt builder), loaded on first use. */
export interface GrokServices extends vscode.Disposable {
  readonly controller: GrokController;
  readonly panel: ChatPanelHost;
  /** Fix with Grok / Rewrite with Grok…: proposals previewed as diffs (src/extension/inlineFix/). */
  readonly inlineFix: InlineFixService;
}

export function createServices(context: vscode.ExtensionContext, log: Logger, credentials: CredentialStore): GrokServices {
  let controller: GrokController | undefined;
  const panel = new ChatPanelHost(context, log, () => ({
    model: readSettings().model,
    demo: controller?.isDemo ?? false,
    webSearch: readSettings().webSearch,
  }));
  const inlineFix = new InlineFixService(log, credentials);
  // The panel's "Apply" on a code block goes through the inline fixes' diff, Accept and Reject.
  controller = new GrokController(
    log,
    credentials,
    panel,
    (document, range, code, title) => inlineFix.previewReplacement(document, range, code, title),
    context.workspaceState,
  );
  const configListener = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('grok')) panel.refreshConfig();
  });
  const owned = controller;
  return {
    controller: owned,
    panel,
    inlineFix,
    dispose: () => {
      configListener.dispose();
      inlineFix.dispose();
      owned.dispose();
      panel.dispose();
    },
  };
}
