/** The VS Code language id the linter uses for a file, by extension; `undefined` when it does not lint it. */
import * as path from 'node:path';

const BY_EXTENSION: Readonly<Record<string, string>> = {
  '.json': 'json',
  '.jsonc': 'jsonc',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'typescriptreact',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.jsx': 'javascriptreact',
  '.py': 'python',
  '.pyi': 'python',
};

export const LINTED_EXTENSIONS: readonly string[] = Object.keys(BY_EXTENSION);

export function languageForFile(file: string): string | undefined {
  return BY_EXTENSION[path.extname(file).toLowerCase()];
}
