// Pre-seeds VS Code user settings. code-server keeps the browser workbench's user settings on the
// server in <user-data-dir>/User/settings.json (verified: a key written there is what
// `workspace.getConfiguration()` returns in the extension host).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { applyEdits, modify, parse, type ParseError } from 'jsonc-parser';

/** Path of the user settings file code-server reads for a given `--user-data-dir`. */
export function userSettingsPath(userDataDir: string): string {
  return path.join(userDataDir, 'User', 'settings.json');
}

/**
 * Merges `settings` (top-level keys such as `"editor.wordWrap"`) into the user settings file,
 * keeping the existing keys and comments. Refuses to touch a file it cannot parse rather than
 * overwrite what a person wrote.
 */
export function writeUserSettings(userDataDir: string, settings: Readonly<Record<string, unknown>>): void {
  const file = userSettingsPath(userDataDir);
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '{}';
  const errors: ParseError[] = [];
  const current: unknown = parse(text, errors, { allowTrailingComma: true });
  if (errors.length > 0 || typeof current !== 'object' || current === null || Array.isArray(current)) {
    throw new Error(`${file} is not a JSONC object; not changing it`);
  }
  for (const [key, value] of Object.entries(settings)) {
    text = applyEdits(text, modify(text, [key], value, { formattingOptions: { insertSpaces: true, tabSize: 2 } }));
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}
