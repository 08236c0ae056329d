/** The VS Code namespaces and classes our bundle touches at load/activation (for the stub in measureActivation.cjs). */
export const VSCODE_API_NAMES = [
  'window', 'workspace', 'commands', 'env', 'languages', 'extensions', 'l10n', 'Uri', 'EventEmitter', 'Range',
  'Position', 'Selection', 'Disposable', 'DiagnosticSeverity', 'Diagnostic', 'EndOfLine', 'ViewColumn',
  'CodeAction', 'CodeActionKind', 'WorkspaceEdit', 'TextEdit', 'ProgressLocation', 'ConfigurationTarget',
  'ThemeIcon', 'StatusBarAlignment', 'RelativePattern', 'FileType', 'CancellationTokenSource', 'MarkdownString',
];
