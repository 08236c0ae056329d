import { strict as assert } from 'node:assert';
import { MAX_ANSWER_CHARS, MAX_REPLACEMENT_CHARS, parseFixAnswer } from '../../../src/core/inlineFix/parseAnswer';
import type { ParsedFixAnswer } from '../../../src/core/inlineFix/parseAnswer';

const json = (value: unknown) => JSON.stringify(value);

function ok(result: ParsedFixAnswer): Extract<ParsedFixAnswer, { ok: true }> {
  assert.equal(result.ok, true, result.ok ? '' : result.error);
  return result as Extract<ParsedFixAnswer, { ok: true }>;
}

function failure(result: ParsedFixAnswer): string {
  assert.equal(result.ok, false, 'expected the answer to be refused');
  return (result as Extract<ParsedFixAnswer, { ok: false }>).error;
}

describe('inline fix: parsing the answer', () => {
  describe('structured (JSON) answers', () => {
    it('reads replacement and explanation', () => {
      const result = ok(parseFixAnswer(json({ replacement: 'const x = 1;', explanation: 'Use a number.' })));
      assert.equal(result.replacement, 'const x = 1;');
      assert.equal(result.explanation, 'Use a number.');
      assert.equal(result.usedFallback, false);
      assert.deepEqual(result.notes, []);
    });

    it('ignores extra fields and surrounding whitespace or a BOM', () => {
      const result = ok(parseFixAnswer(`\uFEFF \n${json({ replacement: 'a', explanation: 'b', confidence: 0.9, replacementPlan: ['x'] })}\n `));
      assert.equal(result.replacement, 'a');
      assert.equal(result.usedFallback, false);
    });

    it('reads JSON inside a ```json fence, and JSON the model wrapped in a sentence', () => {
      assert.equal(ok(parseFixAnswer('```json\n' + json({ replacement: 'fenced', explanation: 'e' }) + '\n```')).replacement, 'fenced');
      assert.equal(ok(parseFixAnswer(`Here is the fix: ${json({ replacement: 'inline {}', explanation: 'e' })} Hope it helps.`)).replacement, 'inline {}');
    });

    it('normalises CRLF and lone CR in the replacement to \\n', () => {
      assert.equal(ok(parseFixAnswer(json({ replacement: 'a\r\nb\rc\n', explanation: '' }))).replacement, 'a\nb\nc\n');
    });

    it('accepts an empty replacement (a deletion) as data; the caller decides how to show it', () => {
      const result = ok(parseFixAnswer(json({ replacement: '', explanation: 'Remove the unused import.' })));
      assert.equal(result.replacement, '');
    });

    it('strips a markdown fence the model put around the replacement, and notes it', () => {
      const result = ok(parseFixAnswer(json({ replacement: '```ts\nconst a = 1;\n```', explanation: 'x' }), { targetText: 'const a = "1";' }));
      assert.equal(result.replacement, 'const a = 1;');
      assert.deepEqual(result.notes, ['removed a markdown fence around the replacement']);
    });

    it('keeps fences that are part of the code: markdown targets, several blocks, fences inside code', () => {
      const markdown = '```js\nx\n```';
      assert.equal(ok(parseFixAnswer(json({ replacement: markdown, explanation: '' }), { targetText: '```js\ny\n```' })).replacement, markdown);
      const twoBlocks = '```\na\n```\ntext\n```\nb\n```';
      assert.equal(ok(parseFixAnswer(json({ replacement: twoBlocks, explanation: '' }), { targetText: 'x' })).replacement, twoBlocks);
      const inCode = 'const md = `\n```\ncode\n```\n`;';
      assert.equal(ok(parseFixAnswer(json({ replacement: inCode, explanation: '' }), { targetText: 'const md = "";' })).replacement, inCode);
    });

    it('makes the explanation one line, and clips a long one', () => {
      assert.equal(ok(parseFixAnswer(json({ replacement: 'a', explanation: 'Line one.\n\n  Line two.' }))).explanation, 'Line one. Line two.');
      const long = ok(parseFixAnswer(json({ replacement: 'a', explanation: 'word '.repeat(200) }))).explanation;
      assert.ok(long.length <= 300 && long.endsWith('…'));
    });

    it('refuses JSON of the wrong shape with the reason', () => {
      assert.match(failure(parseFixAnswer(json({ code: 'x', explanation: 'y' }))), /expected shape: it has no "replacement"/);
      assert.match(failure(parseFixAnswer(json({ replacement: 42, explanation: 'y' }))), /"replacement" is not text/);
      assert.match(failure(parseFixAnswer(json({ replacement: 'x' }))), /no "explanation"/);
      assert.match(failure(parseFixAnswer('```json\n[1, 2]\n```')), /not valid JSON|expected shape/);
    });

    it('refuses broken and cut-off JSON, saying which', () => {
      assert.match(failure(parseFixAnswer('{"replacement": "const a = ')), /not valid JSON/);
      assert.match(failure(parseFixAnswer('{"replacement": "const a = ', { incomplete: true })), /cut off/);
      assert.match(failure(parseFixAnswer('{ replacement: \'single quotes\' }')), /not valid JSON/);
    });
  });

  describe('prose answers (fallback)', () => {
    it('uses the single fenced code block and says so', () => {
      const result = ok(parseFixAnswer('The variable was a string.\n\n```ts\nconst x: number = 1;\n```\n'));
      assert.equal(result.replacement, 'const x: number = 1;');
      assert.equal(result.usedFallback, true);
      assert.match(result.fallbackReason ?? '', /prose instead of the structured format/);
      assert.equal(result.explanation, 'The variable was a string.');
    });

    it('handles nested fences (a longer fence around code containing ```)', () => {
      const result = ok(parseFixAnswer('Fixed:\n\n````md\nSee:\n```sh\nnpm test\n```\n````\n'));
      assert.equal(result.replacement, 'See:\n```sh\nnpm test\n```');
      assert.equal(result.explanation, 'Fixed:');
    });

    it('uses a prose answer whose code happens to be a JSON object (a fix in a .json file)', () => {
      const result = ok(parseFixAnswer('Add the missing comma:\n\n```json\n{"a": 1, "b": 2}\n```'));
      assert.equal(result.replacement, '{"a": 1, "b": 2}');
      assert.equal(result.usedFallback, true);
    });

    it('refuses prose without code, quoting the model (e.g. "nothing is wrong")', () => {
      assert.match(failure(parseFixAnswer('The code is correct; the diagnostic is a false positive.')), /without a fix: "The code is correct; the diagnostic is a false positive\."/);
    });

    it('refuses several code blocks (ambiguous) and a prose answer that was cut off', () => {
      assert.match(failure(parseFixAnswer('Before:\n```ts\na\n```\nAfter:\n```ts\nb\n```')), /2 code blocks/);
      assert.match(failure(parseFixAnswer('Fixed:\n```ts\nconst a = 1;\n', { incomplete: true })), /cut off/);
    });
  });

  describe('hostile sizes and garbage', () => {
    it('refuses empty and whitespace answers', () => {
      assert.match(failure(parseFixAnswer('')), /empty/);
      assert.match(failure(parseFixAnswer(' \n\t ')), /empty/);
      assert.match(failure(parseFixAnswer(undefined as unknown as string)), /empty/);
    });

    it('refuses a huge answer and a huge replacement without trying to apply them', () => {
      assert.match(failure(parseFixAnswer('x'.repeat(MAX_ANSWER_CHARS + 1))), /too large to use/);
      assert.match(failure(parseFixAnswer(json({ replacement: 'y'.repeat(MAX_REPLACEMENT_CHARS + 1), explanation: '' }))), /too large to apply/);
    });

    it('parses a large valid answer quickly', () => {
      const code = 'const value = 1; // ü 🚀\n'.repeat(20_000);
      const started = performance.now();
      assert.equal(ok(parseFixAnswer(json({ replacement: code, explanation: 'big' }))).replacement, code);
      assert.ok(performance.now() - started < 1_000);
    });

    it('refuses binary-looking garbage and lone braces clearly', () => {
      assert.equal(parseFixAnswer('\u0000\u0001{{{}}}').ok, false);
      assert.equal(parseFixAnswer('}{').ok, false);
      assert.equal(parseFixAnswer('{'.repeat(10_000)).ok, false);
    });
  });
});
