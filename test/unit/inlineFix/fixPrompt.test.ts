import { strict as assert } from 'node:assert';
import { buildInlineFixPlan, NEARBY_LINES } from '../../../src/core/inlineFix/fixPrompt';
import { MAX_FIX_BLOCK_LINES } from '../../../src/core/inlineFix/fixTarget';
import type { InlineFixInput } from '../../../src/core/inlineFix/types';
import { InlineFixError } from '../../../src/core/inlineFix/types';
import type { DiagnosticInfo, DocumentSnapshot, Range } from '../../../src/core/prompts/types';

const range = (sl: number, sc: number, el: number, ec: number): Range => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

const SOURCE = [
  "import { readFile } from 'node:fs/promises';", // 0
  "import type { Config } from './config';", // 1
  '', // 2
  'export async function load(path: string): Promise<Config> {', // 3
  "  const text = await readFile(path, 'utf8');", // 4
  '  const size: number = text;', // 5
  '  return JSON.parse(text) as Config;', // 6
  '}', // 7
  '', // 8
  'export const answer: number = "42";', // 9
].join('\n');

const doc = (text = SOURCE, eol: '\n' | '\r\n' = '\n'): DocumentSnapshot => ({ text, languageId: 'typescript', relativePath: 'src/load.ts', eol });

const tsError = (r: Range, message: string, code = '2322'): DiagnosticInfo => ({ range: r, message, severity: 'error', source: 'ts', code });
const sizeError = tsError(range(5, 8, 5, 12), "Type 'string' is not assignable to type 'number'.");

function plan(overrides: Partial<InlineFixInput> = {}) {
  return buildInlineFixPlan({ kind: 'fix', doc: doc(), diagnostic: sizeError, diagnostics: [sizeError], ...overrides });
}

const system = (p: ReturnType<typeof plan>) => p.request.input[0].content;
const user = (p: ReturnType<typeof plan>) => p.request.input[1].content;

describe('inline fix: prompt assembly', () => {
  it('widens a diagnostic to its enclosing function and records the exact target text and offset', () => {
    const p = plan();
    assert.equal(p.target.kind, 'enclosing-block');
    assert.deepEqual(p.target.range, range(3, 0, 7, 1));
    assert.equal(p.target.text, SOURCE.split('\n').slice(3, 8).join('\n'));
    assert.equal(SOURCE.slice(p.target.offset, p.target.offset + p.target.text.length), p.target.text);
  });

  it('sends a system message with JSON answer rules, then the user message with path, language, imports, code and the diagnostic', () => {
    const p = plan();
    assert.deepEqual(p.request.input.map((m) => m.role), ['system', 'user']);
    assert.match(system(p), /Answer with one JSON object and nothing else/);
    assert.match(system(p), /"replacement"/);
    assert.match(system(p), /"explanation"/);
    assert.match(system(p), /idiomatic TypeScript/);
    assert.match(user(p), /File: `src\/load\.ts` \(TypeScript\)/);
    assert.match(user(p), /import \{ readFile \} from 'node:fs\/promises';/);
    assert.match(user(p), /lines 4–8:\n```typescript\nexport async function load[\s\S]*const size: number = text;[\s\S]*\n\}\n```/);
    assert.match(user(p), /Fix this diagnostic: error at 6:9–6:13 ts\(2322\): Type 'string' is not assignable to type 'number'\./);
    assert.equal(p.title, "Type 'string' is not assignable to type 'number'.");
  });

  it('sends the file\'s imports region even when the code is far below it', () => {
    const filler = Array.from({ length: 80 }, (_, i) => `const c${i} = ${i};`);
    const text = [...SOURCE.split('\n').slice(0, 3), ...filler, ...SOURCE.split('\n').slice(3)].join('\n');
    const diagnostic = tsError(range(5 + 80, 8, 5 + 80, 12), "Type 'string' is not assignable to type 'number'.");
    const p = plan({ doc: doc(text), diagnostic, diagnostics: [diagnostic], budget: { contextLines: 5 } });
    assert.match(user(p), /Imports \(context only, lines 1–2\):\n```typescript\n1 \| import \{ readFile \} from 'node:fs\/promises';/);
    assert.equal(p.target.text.split('\n')[0], 'export async function load(path: string): Promise<Config> {');
  });

  it('asks for the structured answer format', () => {
    const format = plan().request.jsonSchema;
    assert.ok(format);
    assert.equal(format.strict, true);
    assert.deepEqual(Object.keys(format.schema.properties as object).sort(), ['explanation', 'replacement']);
  });

  it('lists the other diagnostics near the code, apart from those on it', () => {
    const onIt = tsError(range(4, 2, 4, 7), "'text' is declared but never read.", '6133');
    const near = tsError(range(9, 13, 9, 19), "Type 'string' is not assignable to type 'number'.");
    const far: DiagnosticInfo = { ...near, range: range(9 + NEARBY_LINES + 20, 0, 9 + NEARBY_LINES + 20, 1), message: 'far away' };
    const p = plan({ diagnostics: [sizeError, onIt, near, far] });
    assert.match(user(p), /Diagnostics on this code[\s\S]*declared but never read/);
    assert.match(user(p), /Other diagnostics near the code \(context; outside the code to work on\):\n- error at 10:14–10:20 ts\(2322\)/);
    assert.doesNotMatch(user(p), /far away/);
  });

  it('uses only the diagnostic\'s own lines at the top level, where there is no enclosing block', () => {
    const diagnostic = tsError(range(9, 13, 9, 19), "Type 'string' is not assignable to type 'number'.");
    const p = plan({ diagnostic, diagnostics: [diagnostic] });
    assert.equal(p.target.kind, 'diagnostic-lines');
    assert.equal(p.target.text, 'export const answer: number = "42";');
  });

  it('bounds the widening: a huge enclosing block falls back to the diagnostic\'s lines', () => {
    const body = Array.from({ length: MAX_FIX_BLOCK_LINES + 10 }, (_, i) => `  step${i}();`);
    const text = ['function huge() {', ...body, '}'].join('\n');
    const diagnostic = tsError(range(50, 2, 50, 8), 'Cannot find name.');
    const p = plan({ doc: doc(text), diagnostic, diagnostics: [diagnostic] });
    assert.equal(p.target.kind, 'diagnostic-lines');
    assert.equal(p.target.text, '  step49();');
  });

  it('falls back to the diagnostic\'s lines when the block is over the character budget, and refuses a line over it', () => {
    const p = plan({ budget: { maxSelectionChars: 40 } });
    assert.equal(p.target.kind, 'diagnostic-lines');
    assert.equal(p.target.text, '  const size: number = text;');
    assert.throws(() => plan({ budget: { maxSelectionChars: 10 } }), (e: unknown) => e instanceof InlineFixError && /too large to fix in place/.test(e.message));
  });

  it('keeps CRLF in the target text and offset, while the prompt uses \\n', () => {
    const crlf = SOURCE.replace(/\n/g, '\r\n');
    const p = plan({ doc: doc(crlf, '\r\n') });
    assert.equal(crlf.slice(p.target.offset, p.target.offset + p.target.text.length), p.target.text);
    assert.match(p.target.text, /\r\n/);
    assert.doesNotMatch(user(p), /\r/);
  });

  it('moves a diagnostic on a blank last line (a missing brace) up to the code above it', () => {
    const text = 'function f() {\n  return 1;\n\n';
    const diagnostic = tsError(range(3, 0, 3, 0), "'}' expected.", '1005');
    const p = plan({ doc: doc(text), diagnostic, diagnostics: [diagnostic] });
    assert.ok(p.target.text.includes('return 1;'));
  });

  it('refuses what it cannot fix with an InlineFixError the user can read', () => {
    const isFixError = (pattern: RegExp) => (e: unknown) => e instanceof InlineFixError && pattern.test(e.message);
    assert.throws(() => plan({ diagnostic: undefined }), isFixError(/no diagnostic/));
    assert.throws(() => plan({ diagnostic: { ...sizeError, message: '  ' } }), isFixError(/no diagnostic/));
    assert.throws(() => plan({ doc: doc('\n\n\n'), diagnostic: tsError(range(1, 0, 1, 0), 'x') }), isFixError(/no code/));
  });

  describe('Rewrite with Grok…', () => {
    const rewrite = (selection: Range, instruction = 'Use a for…of loop.') => buildInlineFixPlan({ kind: 'rewrite', doc: doc(), selection, instruction, diagnostics: [sizeError] });

    it('sends the selection with the user\'s instruction', () => {
      const p = rewrite(range(4, 0, 6, 36));
      assert.equal(p.target.kind, 'selection');
      assert.match(user(p), /Selected code, lines 5–7:/);
      assert.match(user(p), /Instructions: Use a for…of loop\./);
      assert.match(system(p), /following the developer's instructions/);
      assert.equal(p.title, 'Use a for…of loop.');
    });

    it('snaps a selection starting in the indentation to column 0, and drops a trailing line break', () => {
      const p = rewrite(range(5, 1, 7, 0));
      assert.deepEqual(p.target.range, range(5, 0, 6, 36));
      assert.equal(p.target.text, '  const size: number = text;\n  return JSON.parse(text) as Config;');
    });

    it('keeps a selection that starts mid-line as it is', () => {
      const p = rewrite(range(5, 23, 5, 27));
      assert.equal(p.target.text, 'text');
      assert.match(user(p), /columns 24–27 only/);
    });

    it('needs an instruction and a non-blank selection', () => {
      assert.throws(() => rewrite(range(4, 0, 5, 0), '   '), InlineFixError);
      assert.throws(() => rewrite(range(2, 0, 2, 0)), /empty or blank/);
    });
  });
});
