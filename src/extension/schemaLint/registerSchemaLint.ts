/**
 * Activation-time wiring of the tool-schema linter, kept cheap: the command is registered at once, and the
 * linter itself (dist/schemaLint.js: parsers, tree-sitter) loads on the first document of a linted language
 * while the setting is on, or on the first run of the command. Nothing here imports the linter at run time.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../../core/config/ids';
import type { Logger } from '../../core/logger';
import { ENABLED_SETTING, isEnabledValue, isLintedDocument } from './lintTargets';
import type { SchemaLintRuntime } from './schemaLintRuntime';

export function registerSchemaLint(extensionUri: vscode.Uri, log: Logger): vscode.Disposable[] {
  let runtime: Promise<SchemaLintRuntime> | undefined;
  let disposed = false;

  const load = (): Promise<SchemaLintRuntime> =>
    (runtime ??= import('./schemaLintRuntime').then(({ startSchemaLint }) => {
      watchForFirstDocument.dispose(); // the runtime watches documents itself from now on
      const started = startSchemaLint(extensionUri, log);
      if (disposed) started.dispose();
      return started;
    }));

  const loadFor = (document: vscode.TextDocument) => {
    if (runtime !== undefined || !isLintedDocument(document.languageId, document.uri.scheme)) return;
    if (!isEnabledValue(vscode.workspace.getConfiguration(ENABLED_SETTING.section, document.uri).get<unknown>(ENABLED_SETTING.key))) return;
    load().catch((error: unknown) => log.error(`The tool-schema linter failed to load: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
  };

  const watchForFirstDocument = vscode.Disposable.from(
    vscode.workspace.onDidOpenTextDocument(loadFor),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${ENABLED_SETTING.section}.${ENABLED_SETTING.key}`)) vscode.workspace.textDocuments.forEach(loadFor);
    }),
  );
  // Activation by `onLanguage` comes after the document opened: look at what is open already.
  vscode.workspace.textDocuments.forEach(loadFor);

  return [
    vscode.commands.registerCommand(COMMANDS.lintWorkspace, async () => {
      let linter: SchemaLintRuntime;
      try {
        linter = await load();
      } catch (error) {
        void vscode.window.showErrorMessage(`Grok: the tool-schema linter failed to load: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
      return linter.lintWorkspace();
    }),
    watchForFirstDocument,
    {
      dispose: () => {
        disposed = true;
        void runtime?.then((started) => started.dispose(), () => undefined);
      },
    },
  ];
}
