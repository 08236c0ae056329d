import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'jsonc-parser';
import { userSettingsPath, writeUserSettings } from '../../host/userSettings';

describe('writeUserSettings (pre-seeded VS Code user settings)', () => {
  let userDataDir: string;
  beforeEach(() => (userDataDir = mkdtempSync(path.join(os.tmpdir(), 'user-settings-'))));
  afterEach(() => rmSync(userDataDir, { recursive: true, force: true }));

  it('creates User/settings.json with the given keys', () => {
    writeUserSettings(userDataDir, { 'grok.baseUrl': 'http://127.0.0.1:9/v1', 'editor.tabSize': 3 });
    assert.equal(userSettingsPath(userDataDir), path.join(userDataDir, 'User', 'settings.json'));
    assert.deepEqual(JSON.parse(readFileSync(userSettingsPath(userDataDir), 'utf8')), {
      'grok.baseUrl': 'http://127.0.0.1:9/v1',
      'editor.tabSize': 3,
    });
  });

  it('merges into an existing file, keeping its other keys and comments', () => {
    mkdirSync(path.join(userDataDir, 'User'));
    writeFileSync(userSettingsPath(userDataDir), '{\n  // chosen by a person\n  "editor.fontSize": 15,\n  "editor.tabSize": 8,\n}\n');
    writeUserSettings(userDataDir, { 'editor.tabSize': 2 });
    const text = readFileSync(userSettingsPath(userDataDir), 'utf8');
    assert.match(text, /\/\/ chosen by a person/);
    assert.deepEqual(parse(text), { 'editor.fontSize': 15, 'editor.tabSize': 2 });
  });

  it('refuses to rewrite a file it cannot parse, and leaves it as it was', () => {
    mkdirSync(path.join(userDataDir, 'User'));
    for (const broken of ['{ "a": ', '[1, 2]']) {
      writeFileSync(userSettingsPath(userDataDir), broken);
      assert.throws(() => writeUserSettings(userDataDir, { b: 1 }), /not a JSONC object/);
      assert.equal(readFileSync(userSettingsPath(userDataDir), 'utf8'), broken);
    }
  });
});
