/**
 * Golden-file scenarios (Spectral style): real-world-shaped files that must produce no finding, and files
 * with known problems whose findings (rule, tool, severity, 1-based position) are recorded in expected.json.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { assertFixesWork, lint } from './lintHelpers';

const FIXTURES = path.join(__dirname, '../../fixtures/schemaLint');
const LANGUAGE_BY_EXTENSION: Record<string, string> = { json: 'json', yaml: 'yaml', yml: 'yaml', ts: 'typescript', js: 'javascript', py: 'python' };

function languageOf(file: string): string {
  const language = LANGUAGE_BY_EXTENSION[path.extname(file).slice(1)];
  assert.ok(language, `no language for ${file}`);
  return file === 'tsconfig.json' ? 'jsonc' : language;
}

const read = (dir: string, file: string): string => readFileSync(path.join(FIXTURES, dir, file), 'utf8');

describe('schema linter: fixture files', () => {
  describe('real-world tool definitions produce no finding', () => {
    for (const file of readdirSync(path.join(FIXTURES, 'valid'))) {
      it(file, async () => assert.deepEqual(await lint(read('valid', file), languageOf(file)), []));
    }
  });

  describe('files with known problems match expected.json, and every fix works', () => {
    const expected = JSON.parse(read('invalid', 'expected.json')) as Record<string, { tool: string; rule: string; severity: string; line: number; column: number }[]>;
    for (const file of readdirSync(path.join(FIXTURES, 'invalid')).filter((name) => name !== 'expected.json')) {
      it(file, async () => {
        const text = read('invalid', file);
        const findings = await lint(text, languageOf(file));
        const actual = findings.map((finding) => {
          const before = text.slice(0, finding.start).split('\n');
          return { tool: finding.toolName, rule: finding.rule, severity: finding.severity, line: before.length, column: before[before.length - 1].length + 1 };
        });
        assert.deepEqual(actual, expected[file]);
        const fixable = findings.filter((finding) => finding.fixes.length > 0);
        assert.equal(await assertFixesWork(text, languageOf(file), fixable), fixable.reduce((sum, finding) => sum + finding.fixes.length, 0));
      });
    }
  });
});
