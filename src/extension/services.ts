import * as vscode from 'vscode';
import type { Logger } from '../core/logger';
import { ChatPanelHost } from './chatPanel';
import type { CredentialStore } from './credentials';
import { GrokController } from './grokController';
import { readSettings } from './settings';

/** The heavy half of the extension (openai SDK, zod protocol, prompt builder), loaded on first use. */
export interface GrokServices extends vscode.Disposable {
  readonly controller: GrokController;
  readonly panel: ChatPanelHost;
}

export function createServices(context: vscode.ExtensionContext, log: Logger, credentials: CredentialStore): GrokServices {
  let controller: GrokController | undefined;
  const panel = new ChatPanelHost(context, log, () => ({
    model: readSettings().model,
    demo: controller?.isDemo ?? false,
    webSearch: readSettings().webSearch,
  }));
  controller = new GrokController(log, credentials, panel);
  const configListener = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('grok')) panel.refreshConfig();
  });
  const owned = controller;
  return {
    controller: owned,
    panel,
    dispose: () => {
      configListener.dispose();
      owned.dispose();
      panel.dispose();
    },
  };
}
