/**
 * The tool-schema linter in the editor, loaded on first need (its own bundle, dist/schemaLint.js: the core's
 * parsers and tree-sitter stay out of activation). Owns the diagnostics, the as-you-type linting of open
 * documents, the quick fixes and the workspace command's work, and everything it registers.
 */
import * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import { setTreeSitterWasmDirectory } from '../../core/schemaLint/treeSitter/treeSitterHost';
import { describe, DocumentLinter } from './documentLinter';
import { ENABLED_SETTING, isEnabledValue, LINTED_LANGUAGE_IDS } from './lintTargets';
import { RuleLinks } from './ruleLinks';
import { SchemaDiagnostics } from './schemaDiagnostics';
import { SchemaFixProvider } from './schemaFixProvider';
import { WorkspaceLinter } from './workspaceLinter';
import type { WorkspaceLintSummary } from './workspaceSummary';

export interface SchemaLintRuntime extends vscode.Disposable {
  /** "Grok: Lint Tool Schemas in Workspace". */
  lintWorkspace(): Promise<WorkspaceLintSummary | undefined>;
}

export function startSchemaLint(extensionUri: vscode.Uri, log: Logger): SchemaLintRuntime {
  // The wasm runtime and grammars are copied next to the bundles by esbuild.mjs.
  if (extensionUri.scheme === 'file') setTreeSitterWasmDirectory(vscode.Uri.joinPath(extensionUri, 'dist').fsPath);
  const isEnabled = (uri: vscode.Uri) => isEnabledValue(vscode.workspace.getConfiguration(ENABLED_SETTING.section, uri).get<unknown>(ENABLED_SETTING.key));
  const ruleLinks = new RuleLinks(extensionUri);
  const diagnostics = new SchemaDiagnostics((rule) => ruleLinks.target(rule));
  const documents = new DocumentLinter(diagnostics, log, isEnabled);
  const workspace = new WorkspaceLinter(diagnostics, documents, log, isEnabled);

  /** Event handlers run inside VS Code's event loop: a failure is logged, never thrown into the host. */
  const guarded =
    <T>(what: string, handler: (event: T) => void) =>
    (event: T) => {
      try {
        handler(event);
      } catch (error) {
        log.error(`Tool-schema lint: ${what} failed: ${describe(error)}`);
      }
    };

  const closed = (uri: vscode.Uri) => {
    documents.cancel(uri);
    if (workspace.inScope(uri)) workspace.relintFromDisk(uri).catch((error: unknown) => log.error(`Tool-schema lint of ${uri.toString(true)} failed: ${describe(error)}`));
    else diagnostics.clear(uri);
  };
  const gone = (uri: vscode.Uri) => {
    documents.cancel(uri);
    workspace.forget(uri);
    diagnostics.clear(uri);
  };
  /** A deleted or renamed file or folder takes its problems with it. */
  const goneTree = (uri: vscode.Uri) => {
    const prefix = `${uri.toString()}/`;
    gone(uri);
    for (const document of vscode.workspace.textDocuments) if (document.uri.toString().startsWith(prefix)) gone(document.uri);
    for (const scoped of workspace.scopedUris()) if (scoped.toString().startsWith(prefix)) gone(scoped);
  };
  const enabledChanged = () => {
    for (const document of vscode.workspace.textDocuments) {
      if (isEnabled(document.uri)) documents.schedule(document, 0);
      else gone(document.uri);
    }
    // Closed files the workspace command reported on, in a folder just turned off, lose their problems too.
    for (const scoped of workspace.scopedUris()) if (!isEnabled(scoped)) gone(scoped);
  };

  const subscriptions: vscode.Disposable[] = [
    diagnostics,
    documents,
    vscode.languages.registerCodeActionsProvider(
      LINTED_LANGUAGE_IDS.map((language) => ({ language })),
      new SchemaFixProvider(diagnostics),
      SchemaFixProvider.metadata,
    ),
    vscode.workspace.onDidOpenTextDocument(guarded('open', (document: vscode.TextDocument) => documents.schedule(document, 0))),
    vscode.workspace.onDidChangeTextDocument(
      guarded('change', (event: vscode.TextDocumentChangeEvent) => {
        // Saving or dirty-state changes fire with no content change: nothing to lint again.
        if (event.contentChanges.length > 0) documents.schedule(event.document);
      }),
    ),
    vscode.workspace.onDidCloseTextDocument(guarded('close', (document: vscode.TextDocument) => closed(document.uri))),
    vscode.workspace.onDidDeleteFiles(guarded('delete', (event: vscode.FileDeleteEvent) => event.files.forEach(goneTree))),
    vscode.workspace.onDidRenameFiles(guarded('rename', (event: vscode.FileRenameEvent) => event.files.forEach(({ oldUri }) => goneTree(oldUri)))),
    vscode.workspace.onDidChangeConfiguration(
      guarded('configuration', (event: vscode.ConfigurationChangeEvent) => {
        if (event.affectsConfiguration(`${ENABLED_SETTING.section}.${ENABLED_SETTING.key}`)) enabledChanged();
      }),
    ),
  ];

  for (const document of vscode.workspace.textDocuments) documents.schedule(document, 0);
  log.info('Tool-schema linter loaded.');

  return {
    lintWorkspace: () => workspace.run(),
    dispose: () => {
      for (const subscription of subscriptions) subscription.dispose();
    },
  };
}
