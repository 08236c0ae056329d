import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULE_CODES } from '../../../src/core/schemaLint/ruleCatalog';
import { ruleRows } from '../../../src/core/schemaLint/ruleDocs';

describe('rule documentation links', () => {
  it('finds table rows by their code cell only', () => {
    const rows = ruleRows(['# Rules', '', '| code | severity |', '| --- | --- |', '| `root-not-object` | error |', 'see `root-type-list` |', '| `root-type-list` | error |', '| `root-not-object` | again |'].join('\r\n'));
    assert.deepEqual([...rows], [
      ['root-not-object', 5],
      ['root-type-list', 7],
    ]);
  });

  it('the README has a row for every rule the linter reports, so every diagnostic link lands on its rule', () => {
    const readme = readFileSync(path.join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    const rows = ruleRows(readme);
    const lines = readme.split('\n');
    for (const rule of RULE_CODES) {
      const line = rows.get(rule);
      assert.ok(line !== undefined, `README.md has no rules-table row for ${rule}`);
      assert.ok(lines[line - 1].startsWith(`| \`${rule}\` |`));
    }
  });
});
