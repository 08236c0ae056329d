/**
 * Malformed input of every language: every fixture cut at many offsets, spliced, and sprinkled with random
 * characters, plus random text. Nothing may throw, no internal error may be swallowed either (that would be
 * a bug hidden by lintDocument's safety net), and every range and edit must stay inside the text.
 */
import * as assert from 'node:assert/strict';
import { seededRandom } from '../../../src/fakeServer/prng';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { lintDocument } from '../../../src/core/schemaLint/lintDocument';
import { applyTextEdits } from '../../../src/core/schemaLint/textEdits';

const FIXTURES = path.join(__dirname, '../../fixtures/schemaLint');
const LANGUAGES: Record<string, string[]> = {
  '.json': ['json', 'jsonc'],
  '.yaml': ['yaml'],
  '.yml': ['yaml'],
  '.ts': ['typescript', 'typescriptreact'],
  '.js': ['javascript', 'javascriptreact'],
  '.py': ['python'],
};
const NOISE = ['{', '}', '[', ']', '"', "'", '`', ':', ',', '\n', '\t', '\\', '#', '&', '*', '!', '|', '>', '-', '(', ')', '😀', '\u0000', '\r', 'parameters'];

/** Seeded, so failures reproduce. */
const random = seededRandom;

function fixtureFiles(): { file: string; text: string; languages: string[] }[] {
  return ['valid', 'invalid'].flatMap((dir) =>
    readdirSync(path.join(FIXTURES, dir))
      .filter((file) => file !== 'expected.json' && LANGUAGES[path.extname(file)] !== undefined)
      .map((file) => ({ file: `${dir}/${file}`, text: readFileSync(path.join(FIXTURES, dir, file), 'utf8'), languages: LANGUAGES[path.extname(file)] })),
  );
}

async function assertSurvives(text: string, languageId: string, label: string): Promise<void> {
  const errors: unknown[] = [];
  const findings = await lintDocument(text, languageId, { onInternalError: (error) => errors.push(error) });
  assert.deepEqual(errors.map(String), [], `${label}: internal error`);
  for (const finding of findings) {
    assert.ok(finding.start >= 0 && finding.start <= finding.end && finding.end <= text.length, `${label}: range out of the text`);
    for (const fix of finding.fixes) {
      for (const edit of fix.edits) assert.ok(edit.start >= 0 && edit.start <= edit.end && edit.end <= text.length, `${label}: edit out of the text`);
      assert.equal(typeof applyTextEdits(text, fix.edits), 'string');
    }
  }
}

describe('schema linter: malformed input (fuzz)', function () {
  this.timeout(120_000);
  const files = fixtureFiles();

  it('survives every fixture truncated at many offsets', async () => {
    let runs = 0;
    for (const { file, text, languages } of files) {
      const step = Math.max(1, Math.floor(text.length / 40));
      for (let cut = 0; cut <= text.length; cut += step) {
        for (const languageId of languages) {
          await assertSurvives(text.slice(0, cut), languageId, `${file} cut at ${cut} as ${languageId}`);
          runs++;
        }
      }
    }
    assert.ok(runs > 500, `ran ${runs} truncations`);
  });

  it('survives fixtures with random splices and noise', async () => {
    const next = random(0x5eed);
    let runs = 0;
    for (const { file, text, languages } of files) {
      for (let round = 0; round < 12; round++) {
        let mutated = text;
        for (let edits = 1 + Math.floor(next() * 6); edits > 0; edits--) {
          const at = Math.floor(next() * (mutated.length + 1));
          const choice = next();
          if (choice < 0.4) mutated = mutated.slice(0, at) + NOISE[Math.floor(next() * NOISE.length)] + mutated.slice(at);
          else if (choice < 0.7) mutated = mutated.slice(0, at) + mutated.slice(at + 1 + Math.floor(next() * 20));
          else {
            const from = Math.floor(next() * mutated.length);
            mutated = mutated.slice(0, at) + mutated.slice(from, from + Math.floor(next() * 80)) + mutated.slice(at);
          }
        }
        for (const languageId of languages) {
          await assertSurvives(mutated, languageId, `${file} mutation ${round} as ${languageId}`);
          runs++;
        }
      }
    }
    assert.ok(runs > 200, `ran ${runs} mutations`);
  });

  it('survives random text, every language id, and pathological nesting', async () => {
    const next = random(42);
    const languages = ['json', 'jsonc', 'yaml', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'python', 'markdown'];
    for (let round = 0; round < 30; round++) {
      let text = '';
      const length = Math.floor(next() * 400);
      for (let i = 0; i < length; i++) text += next() < 0.5 ? NOISE[Math.floor(next() * NOISE.length)] : String.fromCharCode(Math.floor(next() * 0xffff));
      for (const languageId of languages) await assertSurvives(text, languageId, `random ${round} as ${languageId}`);
    }
    const deep = `{"type": "function", "name": "deep", "parameters": ${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    for (const languageId of languages) await assertSurvives(deep, languageId, `deep nesting as ${languageId}`);
  });
});
