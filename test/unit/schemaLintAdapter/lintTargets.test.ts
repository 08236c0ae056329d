import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUPPORTED_LANGUAGE_IDS } from '../../../src/core/schemaLint/lintDocument';
import { isEnabledValue, isLintedDocument, LINTED_LANGUAGE_IDS } from '../../../src/extension/schemaLint/lintTargets';

describe('schema lint in the editor: which documents', () => {
  it('lints exactly the languages the core supports (the activation bundle keeps its own copy)', () => {
    assert.deepEqual([...LINTED_LANGUAGE_IDS].sort(), [...SUPPORTED_LANGUAGE_IDS].sort());
  });

  it('lints files a person edits, not the copies diff and git views show', () => {
    assert.equal(isLintedDocument('json', 'file'), true);
    assert.equal(isLintedDocument('typescript', 'untitled'), true);
    assert.equal(isLintedDocument('python', 'vscode-notebook-cell'), true);
    assert.equal(isLintedDocument('json', 'git'), false);
    assert.equal(isLintedDocument('yaml', 'output'), false);
    assert.equal(isLintedDocument('markdown', 'file'), false);
    assert.equal(isLintedDocument('plaintext', 'file'), false);
  });

  it('treats only an explicit false as "off" (settings are untrusted input)', () => {
    assert.equal(isEnabledValue(false), false);
    for (const value of [true, undefined, null, 'false', 0, {}]) assert.equal(isEnabledValue(value), true, String(value));
  });
});

describe('schema lint in the editor: activation', () => {
  it('activates on every linted language (a broad onLanguage covers them all)', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as { activationEvents: string[] };
    for (const language of LINTED_LANGUAGE_IDS) {
      assert.ok(pkg.activationEvents.includes('onLanguage') || pkg.activationEvents.includes(`onLanguage:${language}`), `no activation event for ${language}`);
    }
  });
});
