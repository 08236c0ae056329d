import { strict as assert } from 'node:assert';
import { buildActionPrompt, EmptyTargetError } from '../../../src/core/prompts/buildPrompt';
import { extractFencedCode } from '../../../src/core/prompts/extractFencedCode';
import { resolveTarget } from '../../../src/core/prompts/resolveTarget';
import { linesInRange, splitLines } from '../../../src/core/prompts/textLines';
import { TARGET_KINDS } from '../../../src/core/prompts/types';

/** Deterministic PRNG (mulberry32) so a failure reproduces from its seed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKENS = ['{', '}', '(', ')', '[', ']', '"', "'", '`', '```', '/*', '*/', '//', '#', '"""', '\\', '\n', '\n', '\r\n', '\r', '    ', '\t', 'if x:', 'end', 'else:', '@d', 'fn', ' ', 'a', '😀', 'é'];
const LANGUAGES = ['typescript', 'python', 'rust', 'ruby', 'shellscript', 'markdown', 'yaml', 'cpp', 'lua', 'html', 'constructor', ''];

describe('prompts on hostile input', () => {
  it('always resolves a target inside the document around the cursor, and builds a prompt that keeps the code intact', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const next = random(seed);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
      const text = Array.from({ length: Math.floor(next() * 120) }, () => pick(TOKENS)).join('');
      const lines = splitLines(text);
      const doc = { text, languageId: pick(LANGUAGES), relativePath: 'f' };
      const line = Math.floor(next() * lines.length);
      const cursor = { line, character: Math.floor(next() * (lines[line].length + 1)) };
      const context = `seed ${seed}: ${JSON.stringify(doc)} at ${JSON.stringify(cursor)}`;

      const target = resolveTarget(doc, { start: cursor, end: cursor });
      const { start, end } = target.range;
      assert.ok(TARGET_KINDS.includes(target.kind), context);
      // A block drops its trailing blank lines, which may include the cursor's.
      const reachesCursor = line <= end.line || lines.slice(end.line + 1, line + 1).every((l) => l.trim() === '');
      assert.ok(start.line <= line && reachesCursor, `target misses the cursor line; ${context}`);
      assert.ok(end.line < lines.length && end.character <= lines[end.line].length && start.character === 0, context);
      assert.ok(end.character > 0 || end.line === start.line, `a multi-line target must not end at column 0; ${context}`);

      const build = () =>
        buildActionPrompt({ action: 'fix', doc, target: target.range, targetKind: target.kind, diagnostics: [], budget: { maxSelectionChars: 1 + Math.floor(next() * 200) } });
      if (target.isEmpty) {
        assert.throws(build, EmptyTargetError, context);
        continue;
      }
      const prompt = build();
      const sent = extractFencedCode(prompt.messages[1].content).map((block) => block.code);
      const whole = linesInRange(lines, target.range).join('\n');
      // The target block is the one that is a prefix of the target (it may be cut), with a notice iff cut.
      assert.ok(sent.some((code) => whole.startsWith(code) && (code === whole) !== prompt.truncated), context);
    }
  });

  it('finishes quickly on deeply nested and unbalanced brackets', () => {
    const text = `${'{('.repeat(50_000)}\n${'x\n'.repeat(1_000)}${')]'.repeat(50_000)}`;
    const started = Date.now();
    const target = resolveTarget({ text, languageId: 'typescript', relativePath: 'f' }, { start: { line: 500, character: 0 }, end: { line: 500, character: 0 } });
    assert.ok(Date.now() - started < 2_000);
    assert.ok(target.range.start.line <= 500 && 500 <= target.range.end.line);
  });
});
