/**
 * VS Code language ids the linter understands. A module of its own, with no imports, so the activation
 * bundle can read it without pulling the parsers in.
 */
export const SUPPORTED_LANGUAGE_IDS: readonly string[] = Object.freeze([
  'json',
  'jsonc',
  'yaml',
  'typescript',
  'typescriptreact',
  'javascript',
  'javascriptreact',
  'python',
]);
