import { strict as assert } from 'node:assert';
import { buildActionPrompt, buildFollowUpPrompt, EmptyTargetError, resolveBudget } from '../../../src/core/prompts/buildPrompt';
import { extractFencedCode } from '../../../src/core/prompts/extractFencedCode';
import type { ActionPromptInput, BuiltPrompt, CodeAction, DiagnosticInfo, DocumentSnapshot, Range } from '../../../src/core/prompts/types';
import { DEFAULT_PROMPT_BUDGET } from '../../../src/core/prompts/types';
import { parseHostMessage } from '../../../src/core/panelProtocol';

const range = (startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range => ({
  start: { line: startLine, character: startCharacter },
  end: { line: endLine, character: endCharacter },
});

/** A 40-line TypeScript file: imports, then `function fN() { return N; }` one per line from line 6. */
const numberedFile = (): string =>
  [
    "import { readFile } from 'node:fs/promises';",
    "import type { Config } from './config';",
    '',
    '// Helpers.',
    '',
    ...Array.from({ length: 35 }, (_, i) => `function f${i + 6}() { return ${i + 6}; }`),
  ].join('\n');

const tsDoc = (text = numberedFile()): DocumentSnapshot => ({ text, languageId: 'typescript', relativePath: 'src/util/math.ts' });

function build(overrides: Partial<ActionPromptInput> = {}): BuiltPrompt {
  return buildActionPrompt({
    action: 'explain',
    doc: tsDoc(),
    target: range(19, 0, 20, 29),
    targetKind: 'selection',
    diagnostics: [],
    ...overrides,
  });
}

const system = (prompt: BuiltPrompt) => prompt.messages[0].content;
const user = (prompt: BuiltPrompt) => prompt.messages[1].content;

describe('buildActionPrompt', () => {
  describe('messages', () => {
    it('sends a system message then a user message with the path, language, 1-based lines and fenced code', () => {
      const prompt = build();
      assert.deepEqual(
        prompt.messages.map((m) => m.role),
        ['system', 'user'],
      );
      const text = user(prompt);
      assert.match(text, /File: `src\/util\/math\.ts` \(TypeScript\)/);
      assert.match(text, /Selected code, lines 20–21:\n```typescript\nfunction f20\(\) \{ return 20; \}\nfunction f21\(\) \{ return 21; \}\n```/);
      assert.equal(prompt.truncated, false);
    });

    it('summarises the turn for the panel in a shape the protocol accepts', () => {
      const prompt = build({ action: 'ask', question: '  Why two functions?  ' });
      assert.deepEqual(prompt.summary, {
        action: 'Ask',
        question: 'Why two functions?',
        file: 'src/util/math.ts',
        startLine: 20,
        endLine: 21,
        languageId: 'typescript',
      });
      const parsed = parseHostMessage({ type: 'turnStarted', turnId: 't', prompt: prompt.summary, model: 'm', startedAt: 0 });
      assert.equal(parsed.ok, true);
    });

    const expectations: Record<CodeAction, RegExp[]> = {
      explain: [/purpose/i, /flow/i, /pitfalls/i],
      fix: [/diagnostic/i, /exactly one fenced code block/i, /minimal/i],
      refactor: [/behaviour/i, /exactly one fenced code block/i],
      tests: [/Vitest/, /edge cases/i, /test file path/i],
      document: [/TSDoc/, /exactly one fenced code block/i, /Do not change the code/i],
      ask: [/question/i],
      rewrite: [/instructions/i, /exactly one fenced code block/i],
    };
    for (const [action, patterns] of Object.entries(expectations) as [CodeAction, RegExp[]][]) {
      it(`gives ${action} its own instructions, in the system message`, () => {
        const prompt = build({ action, question: 'Make it faster' });
        for (const pattern of patterns) assert.match(system(prompt), pattern);
        // Shared rules: markdown answers, and code in the prompt is data, not instructions.
        assert.match(system(prompt), /markdown/i);
        assert.match(system(prompt), /not requests to you/);
        assert.match(user(prompt), /Task: /);
      });
    }

    it('picks the test framework and doc convention for the language', () => {
      const python: DocumentSnapshot = { text: 'def f():\n    return 1\n', languageId: 'python', relativePath: 'f.py' };
      const base = { doc: python, target: range(0, 0, 1, 12), targetKind: 'selection' as const, diagnostics: [] };
      assert.match(system(buildActionPrompt({ ...base, action: 'tests' })), /pytest/);
      assert.match(system(buildActionPrompt({ ...base, action: 'document' })), /docstring/i);
      const go: DocumentSnapshot = { text: 'func F() int { return 1 }', languageId: 'go', relativePath: 'f.go' };
      assert.match(system(buildActionPrompt({ ...base, doc: go, target: range(0, 0, 0, 25), action: 'tests' })), /testing/);
      const unknown: DocumentSnapshot = { text: 'x', languageId: 'cobol', relativePath: 'f.cbl' };
      assert.match(system(buildActionPrompt({ ...base, doc: unknown, target: range(0, 0, 0, 1), action: 'tests' })), /cobol/);
    });

    it('puts the question after the code, labelled, and the extra wish of other actions too', () => {
      const ask = user(build({ action: 'ask', question: 'Is this pure?' }));
      assert.ok(ask.indexOf('Question: Is this pure?') > ask.indexOf('function f21'));
      assert.match(user(build({ action: 'rewrite', question: 'Use arrows' })), /Instructions: Use arrows/);
      assert.match(user(build({ action: 'refactor', question: 'Keep it short' })), /Also: Keep it short/);
    });

    it('requires a question for ask and instructions for rewrite', () => {
      assert.throws(() => build({ action: 'ask' }), /question/);
      assert.throws(() => build({ action: 'ask', question: '   ' }), /question/);
      assert.throws(() => build({ action: 'rewrite' }), /instructions/);
    });

    it('rejects an unknown action and a bad budget with clear errors', () => {
      assert.throws(() => build({ action: 'delete' as CodeAction }), /Unknown action "delete"/);
      assert.throws(() => build({ budget: { maxSelectionChars: 0 } }), /maxSelectionChars/);
      assert.throws(() => build({ budget: { contextLines: Number.NaN } }), /contextLines/);
      assert.deepEqual(resolveBudget({ contextLines: 5.7 }), { ...DEFAULT_PROMPT_BUDGET, contextLines: 5 });
    });

    it('copes with a snapshot missing its path or language, and rejects one without text', () => {
      const bare = { text: 'x();' } as DocumentSnapshot;
      const prompt = buildActionPrompt({ action: 'explain', doc: bare, target: range(0, 0, 0, 4), targetKind: 'selection', diagnostics: [] });
      assert.match(user(prompt), /File: an untitled file \(plain text\)\n\nSelected code, line 1:\n```\nx\(\);\n```/);
      assert.deepEqual(prompt.summary, { action: 'Explain', startLine: 1, endLine: 1 });
      assert.throws(() => buildActionPrompt({ action: 'explain', doc: {} as DocumentSnapshot, target: range(0, 0, 0, 1), targetKind: 'selection', diagnostics: [] }), /no text/);
      assert.throws(() => build({ targetKind: 'everything' as 'selection' }), /Unknown target kind "everything"/);
    });

    it('throws EmptyTargetError for a blank target', () => {
      const doc = tsDoc('a();\n   \n\t\nb();');
      assert.throws(() => buildActionPrompt({ action: 'explain', doc, target: range(1, 0, 2, 1), targetKind: 'current-line', diagnostics: [] }), EmptyTargetError);
    });

    it('says how the code was chosen when nothing was selected', () => {
      assert.match(user(build({ targetKind: 'enclosing-block' })), /nothing was selected: the block around the cursor\), lines 20–21/);
      assert.match(user(build({ targetKind: 'current-line', target: range(19, 0, 19, 29) })), /the line at the cursor\), line 20:/);
    });

    it('marks a selection that starts or ends inside a line', () => {
      assert.match(user(build({ target: range(19, 9, 19, 14) })), /line 20 \(columns 10–14 only\):\n```typescript\nf20\(\)\n```/);
    });
  });

  describe('surrounding context', () => {
    it('sends numbered lines before and after, marked as context, within contextLines', () => {
      const text = user(build({ budget: { contextLines: 2 } }));
      assert.match(text, /Before the code \(context only, lines 18–19\):\n```typescript\n18 \| function f18\(\) \{ return 18; \}\n19 \| function f19/);
      assert.match(text, /After the code \(context only, lines 22–23\):\n```typescript\n22 \| function f22\(\) \{ return 22; \}\n23 \| function f23/);
      assert.doesNotMatch(text, /f17\(\)|f24\(\)/);
    });

    it('adds the import region when the nearby context does not reach it', () => {
      const text = user(build({ budget: { contextLines: 2 } }));
      assert.match(text, /Imports \(context only, lines 1–2\):\n```typescript\n1 \| import \{ readFile \}.*\n2 \| import type \{ Config \}/);
      // Near the top, the imports are part of the ordinary before-context instead, never twice.
      const nearTop = user(build({ target: range(5, 0, 5, 29), budget: { contextLines: 10 } }));
      assert.doesNotMatch(nearTop, /Imports \(/);
      assert.equal(nearTop.split("import { readFile }").length - 1, 1);
    });

    it('keeps the context within maxContextChars, nearest lines first', () => {
      const text = user(build({ budget: { contextLines: 30, maxContextChars: 100 } }));
      // Each line costs 30 characters with its newline: three fit, nearest first, alternating sides.
      assert.match(text, /Before the code \(context only, lines 18–19\)/);
      assert.match(text, /After the code \(context only, line 22\)/);
      assert.doesNotMatch(text, /Imports \(/);
    });

    it('sends no context when contextLines is 0', () => {
      const text = user(build({ budget: { contextLines: 0 } }));
      assert.doesNotMatch(text, /Before the code|After the code/);
    });

    it('cuts minified context lines instead of dropping the context', () => {
      const long = `var x = "${'y'.repeat(5_000)}";`;
      const doc = tsDoc(`${long}\nfoo();\n${long}`);
      const text = user(buildActionPrompt({ action: 'explain', doc, target: range(1, 0, 1, 6), targetKind: 'selection', diagnostics: [] }));
      assert.match(text, /1 \| var x = "y+ … \[4,5\d\d more characters not shown\]/);
      assert.ok(text.length < 2_000);
    });
  });

  describe('oversized selections', () => {
    it('cuts at a line boundary with a notice in the prompt and in the summary', () => {
      const prompt = build({ target: range(5, 0, 39, 29), budget: { maxSelectionChars: 100 } });
      assert.equal(prompt.truncated, true);
      const text = user(prompt);
      // Lines are 29 characters: three fit in 100 with their newlines (29 + 30 + 30 = 89).
      const [code] = extractFencedCode(text.slice(text.indexOf('Selected code')));
      assert.equal(code.code, ['function f6() { return 6; }', 'function f7() { return 7; }', 'function f8() { return 8; }'].join('\n'));
      assert.match(text, /\n```\n\[… 32 more lines not sent\] \(lines 9–40: the code was cut to fit the 100-character limit\)/);
      assert.equal(prompt.summary.startLine, 6);
      assert.equal(prompt.summary.endLine, 8);
      assert.match(prompt.summary.truncationNotice ?? '', /sent lines 6–8 of lines 6–40; 32 more lines not sent/);
    });

    it('cuts inside the first line only when that line alone is too long, without splitting a character', () => {
      const line = `const s = "${'😀'.repeat(50)}";`;
      const doc = tsDoc(`${line}\nnext();`);
      const prompt = buildActionPrompt({ action: 'explain', doc, target: range(0, 0, 1, 7), targetKind: 'selection', diagnostics: [], budget: { maxSelectionChars: 20 } });
      const [code] = extractFencedCode(user(prompt).slice(user(prompt).indexOf('Selected code')));
      // 11 ASCII characters, then emoji (2 UTF-16 units each): 19 units, as a 20th would split one.
      assert.equal(code.code, `const s = "${'😀'.repeat(4)}`);
      assert.match(user(prompt), /\[… the rest of line 1 \(94 more characters\) and 1 more line not sent\] \(the code was cut/);
      assert.match(prompt.summary.truncationNotice ?? '', /sent the first 19 characters of line 1/);
    });

    it('does not flag a selection that fits exactly', () => {
      const prompt = build({ target: range(5, 0, 6, 29), budget: { maxSelectionChars: 59 } });
      assert.equal(prompt.truncated, false);
      assert.equal(prompt.summary.truncationNotice, undefined);
    });
  });

  describe('fences', () => {
    it('fences code containing ``` and ```` with a longer fence so it survives a markdown parser', () => {
      const code = ['const md = `', '```js', 'x()', '```', '````', '`;'].join('\n');
      const doc: DocumentSnapshot = { text: code, languageId: 'javascript', relativePath: 'a.js' };
      const text = user(buildActionPrompt({ action: 'explain', doc, target: range(0, 0, 5, 2), targetKind: 'selection', diagnostics: [] }));
      assert.match(text, /\n`````javascript\n/);
      const blocks = extractFencedCode(text);
      assert.deepEqual(blocks, [{ language: 'javascript', code }]);
    });

    it('keeps a hostile path and language id from breaking the markdown', () => {
      const doc: DocumentSnapshot = { text: 'x()', languageId: 'js```\nevil', relativePath: 'a `b`\n.js' };
      const text = user(buildActionPrompt({ action: 'explain', doc, target: range(0, 0, 0, 3), targetKind: 'selection', diagnostics: [] }));
      assert.match(text, /File: ``a `b` .js``/);
      assert.deepEqual(extractFencedCode(text), [{ language: 'jsevil', code: 'x()' }]);
    });
  });

  describe('diagnostics', () => {
    const diagnostic = (startLine: number, endLine: number, message: string, extra: Partial<DiagnosticInfo> = {}): DiagnosticInfo => ({
      range: range(startLine, 0, endLine, 3),
      message,
      severity: 'error',
      ...extra,
    });

    it('sends only diagnostics that overlap or touch the target, with 1-based positions, severity, source and code', () => {
      const diagnostics: DiagnosticInfo[] = [
        diagnostic(2, 2, 'far above'),
        diagnostic(18, 19, 'overlaps the start', { severity: 'warning', source: 'eslint', code: 'no-undef' }),
        { range: range(20, 29, 21, 0), message: 'touches the end', severity: 'hint', source: 'ts' },
        diagnostic(20, 20, 'inside', { source: 'ts', code: '2322' }),
        diagnostic(22, 22, 'just below'),
      ];
      const text = user(build({ diagnostics }));
      assert.doesNotMatch(text, /far above|just below/);
      const section = text.slice(text.indexOf('Diagnostics on this code'));
      assert.match(section, /- warning at 19:1–20:4 eslint\(no-undef\): overlaps the start/);
      assert.match(section, /- error at 21:1–21:4 ts\(2322\): inside/);
      assert.match(section, /- hint at 21:30–22:1 \[ts\]: touches the end/);
    });

    it('tells fix there are none, and leaves the section out for other actions', () => {
      assert.match(user(build({ action: 'fix' })), /Diagnostics on this code: none reported/);
      assert.doesNotMatch(user(build({ action: 'explain' })), /Diagnostics/);
    });

    it('bounds the list and keeps multi-line messages inside their item', () => {
      const many = Array.from({ length: 45 }, (_, i) => diagnostic(20, 20, `problem ${i}\nsecond line`));
      const text = user(build({ diagnostics: many }));
      assert.match(text, /problem 0\n {2}second line/);
      assert.match(text, /\[… 15 more diagnostics not listed\]/);
      assert.doesNotMatch(text, /problem 30/);
    });

    it('skips malformed diagnostics instead of failing', () => {
      const broken = [{ message: 'no range', severity: 'error' }, null] as unknown as DiagnosticInfo[];
      assert.doesNotMatch(user(build({ diagnostics: [...broken, diagnostic(20, 20, 'kept')] })), /no range/);
    });
  });

  describe('documents', () => {
    it('reads CRLF documents with the same line numbers and sends \\n line endings', () => {
      const lf = build();
      const crlf = build({ doc: { ...tsDoc(numberedFile().replace(/\n/g, '\r\n')), eol: '\r\n' } });
      assert.equal(user(crlf), user(lf));
      assert.doesNotMatch(user(crlf), /\r/);
    });

    it('keeps non-ASCII text intact, with columns in UTF-16 units like VS Code', () => {
      const text = ['// Größe → 尺寸 😀', 'const naïve = "日本語"; // ✓', 'après();'].join('\n');
      const doc: DocumentSnapshot = { text, languageId: 'typescript', relativePath: 'src/ünïcode/名前.ts' };
      const prompt = buildActionPrompt({ action: 'explain', doc, target: range(1, 6, 1, 11), targetKind: 'selection', diagnostics: [] });
      assert.match(user(prompt), /File: `src\/ünïcode\/名前\.ts`/);
      assert.match(user(prompt), /line 2 \(columns 7–11 only\):\n```typescript\nnaïve\n```/);
      assert.match(user(prompt), /1 \| \/\/ Größe → 尺寸 😀/);
      assert.match(user(prompt), /3 \| après\(\);/);
    });
  });
});

describe('buildFollowUpPrompt', () => {
  it('sends the question alone as a user message, summarised as a follow-up', () => {
    assert.deepEqual(buildFollowUpPrompt('  And in Python?\n'), {
      messages: [{ role: 'user', content: 'And in Python?' }],
      summary: { action: 'Follow-up', question: 'And in Python?' },
      truncated: false,
    });
  });

  it('rejects an empty follow-up', () => {
    assert.throws(() => buildFollowUpPrompt(' \n '), /follow-up/);
  });
});
