import * as vscode from 'vscode';
import { CHAT_VIEW_TYPE } from '../core/config/ids';
import { registerCommands } from './commands';
import { CredentialStore } from './credentials';
import { registerInlineFix } from './inlineFix/registerInlineFix';
import { registerSchemaLint } from './schemaLint/registerSchemaLint';
import type { GrokServices } from './services';

/** What activate() returns; integration tests reach the extension's parts through it. */
export interface GrokExtensionApi {
  /** The controller and panel host, created on first use (so activation stays cheap). */
  services(): Promise<GrokServices>;
  /** How long activate() took, in ms (the bench and integration tests report it). */
  readonly activationMs: number;
}

/**
 * Builds one context that owns everything registered (rust-analyzer's habit): every disposable goes
 * into `context.subscriptions`. Activation only registers commands and the panel serializer; the
 * openai SDK, the zod protocol and the prompt builder load on first use. Activation errors are shown
 * to the user, then rethrown.
 */
export function activate(context: vscode.ExtensionContext): GrokExtensionApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Grok', { log: true });
  context.subscriptions.push(log);
  try {
    const credentials = new CredentialStore(context.secrets, log);
    let loading: Promise<GrokServices> | undefined;
    const services = (): Promise<GrokServices> =>
      (loading ??= import('./services').then(({ createServices }) => {
        const created = createServices(context, log, credentials);
        context.subscriptions.push(created);
        return created;
      }));
    context.subscriptions.push(
      credentials,
      ...registerCommands(services, credentials),
      ...registerInlineFix(services),
      ...registerSchemaLint(context.extensionUri, log),
      vscode.window.registerWebviewPanelSerializer(CHAT_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel) => (await services()).panel.adopt(panel),
      }),
    );
    const activationMs = performance.now() - started;
    log.info(`Grok activated in ${activationMs.toFixed(1)} ms (VS Code ${vscode.version}, ${vscode.env.appName}).`);
    return { services, activationMs };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.error(`Activation failed: ${message}`);
    void vscode.window.showErrorMessage(`Grok failed to start: ${message}`);
    throw error;
  }
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
