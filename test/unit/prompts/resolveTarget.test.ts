import { strict as assert } from 'node:assert';
import { resolveTarget } from '../../../src/core/prompts/resolveTarget';
import type { DocumentSnapshot, Range, ResolvedTarget } from '../../../src/core/prompts/types';

const doc = (text: string, languageId = 'typescript'): DocumentSnapshot => ({ text, languageId, relativePath: 'src/x' });
const at = (line: number, character = 0): Range => ({ start: { line, character }, end: { line, character } });
const range = (startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range => ({
  start: { line: startLine, character: startCharacter },
  end: { line: endLine, character: endCharacter },
});
/** The target's 1-based first and last line, as a person reads them. */
const lines = (target: ResolvedTarget): [number, number] => [target.range.start.line + 1, target.range.end.line + 1];

describe('resolveTarget', () => {
  describe('with a selection', () => {
    it('returns the selection as is', () => {
      const target = resolveTarget(doc('const a = 1;\nconst b = 2;\n'), range(0, 6, 1, 7));
      assert.deepEqual(target, { range: range(0, 6, 1, 7), kind: 'selection', isEmpty: false });
    });

    it('drops the next line when a whole-line selection ends at its column 0', () => {
      const target = resolveTarget(doc('one\ntwo\nthree\n'), range(0, 0, 2, 0));
      assert.deepEqual(target.range, range(0, 0, 1, 3));
    });

    it('orders a backwards selection and clamps positions past the end of the document', () => {
      const target = resolveTarget(doc('ab\ncd'), range(9, 99, 0, 1));
      assert.deepEqual(target.range, range(0, 1, 1, 2));
    });

    it('flags a whitespace-only selection as empty', () => {
      const target = resolveTarget(doc('a\n   \n\t\nb'), range(1, 0, 2, 1));
      assert.equal(target.kind, 'selection');
      assert.equal(target.isEmpty, true);
    });

    it('rejects a malformed range or a snapshot without text with a clear error', () => {
      assert.throws(() => resolveTarget({ languageId: 'x', relativePath: 'x' } as DocumentSnapshot, at(0)), /no text/);
      assert.throws(() => resolveTarget(doc('x'), { start: { line: Number.NaN, character: 0 }, end: { line: 0, character: 0 } }), /Invalid selection/);
    });
  });

  describe('without a selection: document symbols', () => {
    const text = ['class A {', '  m() {', '    return 1;', '  }', '}'].join('\n');

    it('takes the innermost symbol around the cursor, widened to whole lines', () => {
      const symbols = [range(0, 0, 4, 1), range(1, 2, 3, 3)];
      const target = resolveTarget(doc(text), at(2, 5), symbols);
      assert.equal(target.kind, 'enclosing-block');
      assert.deepEqual(target.range, range(1, 0, 3, 3));
    });

    it('counts a cursor in the indentation before a method as inside it', () => {
      const target = resolveTarget(doc(text), at(1, 0), [range(0, 0, 4, 1), range(1, 2, 3, 3)]);
      assert.deepEqual(lines(target), [2, 4]);
    });

    it('leaves out the next line when a symbol ends at its column 0', () => {
      const target = resolveTarget(doc(text), at(2, 2), [range(1, 2, 4, 0)]);
      assert.deepEqual(target.range, range(1, 0, 3, 3));
    });

    it('ignores symbols that do not contain the cursor and malformed ones', () => {
      const bogus = { start: { line: 'x' }, end: {} } as unknown as Range;
      const target = resolveTarget(doc(text), at(2, 2), [range(4, 0, 4, 1), bogus, range(0, 0, 4, 1)]);
      assert.deepEqual(lines(target), [1, 5]);
    });
  });

  describe('without a selection or symbols: brace blocks', () => {
    it('finds the innermost multi-line { } block, ignoring braces in strings and comments', () => {
      const text = [
        'function f(x) {', // 1
        '  const s = "}{";', // 2
        '  // } not a brace', // 3
        '  /* { */', // 4
        '  for (const c of s) {', // 5
        '    use(`${c} }`);', // 6
        '  }', // 7
        '}', // 8
      ].join('\n');
      assert.deepEqual(lines(resolveTarget(doc(text), at(5, 3))), [5, 7]);
      assert.deepEqual(lines(resolveTarget(doc(text), at(1, 3))), [1, 8]);
    });

    it('skips single-line blocks and takes the enclosing multi-line one', () => {
      const text = ['function f() {', '  const o = { a: 1 };', '  return o;', '}'].join('\n');
      const target = resolveTarget(doc(text), at(1, 14));
      assert.equal(target.kind, 'enclosing-block');
      assert.deepEqual(lines(target), [1, 4]);
    });

    it('includes a multi-line signature before `) {`', () => {
      const text = ['const x = 1;', 'function f(', '  a: number,', '  b: number,', '): number {', '  return a + b;', '}'].join('\n');
      assert.deepEqual(lines(resolveTarget(doc(text), at(5, 4))), [2, 7]);
    });

    it('includes the header line above an Allman-style brace', () => {
      const text = ['int x = 0;', 'void f()', '{', '    x++;', '}'].join('\n');
      assert.deepEqual(lines(resolveTarget(doc(text, 'cpp'), at(3, 4))), [2, 5]);
    });

    it('keeps if / else if / else together', () => {
      const text = ['if (a) {', '  one();', '} else if (b) {', '  two();', '} else {', '  three();', '}', 'after();'].join('\n');
      assert.deepEqual(lines(resolveTarget(doc(text, 'javascript'), at(3, 2))), [1, 7]);
      assert.deepEqual(lines(resolveTarget(doc(text, 'javascript'), at(1, 2))), [1, 7]);
    });

    it('treats Rust lifetimes as code, not as the start of a string', () => {
      const text = ["fn first<'a>(s: &'a str) -> &'a str {", "    let c = '{';", '    &s[..1]', '}'].join('\n');
      assert.deepEqual(lines(resolveTarget(doc(text, 'rust'), at(2, 4))), [1, 4]);
    });

    it('survives unbalanced brackets', () => {
      const text = ['function f() {', '  if (x {', '    y();', '  }', '}'].join('\n');
      const target = resolveTarget(doc(text), at(2, 4));
      assert.equal(target.kind, 'enclosing-block');
      assert.deepEqual(lines(target), [2, 4]);
    });

    it('takes the definition below when the cursor is in its doc comment', () => {
      const text = ['const a = 1;', '', '/**', ' * Adds.', ' */', 'export function add(x, y) {', '  return x + y;', '}'].join('\n');
      assert.deepEqual(lines(resolveTarget(doc(text), at(3, 3))), [3, 8]);
      const python = ['# Adds two numbers.', '# Carefully.', 'def add(x, y):', '    return x + y'].join('\n');
      assert.deepEqual(lines(resolveTarget(doc(python, 'python'), at(1, 3))), [1, 4]);
    });

    it('works on CRLF documents', () => {
      const text = ['function f() {', '  return 1;', '}', ''].join('\r\n');
      const target = resolveTarget({ ...doc(text), eol: '\r\n' }, at(1, 2));
      assert.deepEqual(target.range, range(0, 0, 2, 1));
    });
  });

  describe('without a selection or symbols: indentation blocks', () => {
    const python = [
      'import os', // 1
      '', // 2
      'class Greeter:', // 3
      '    @staticmethod', // 4
      '    def greet(', // 5
      '        name,', // 6
      '    ):', // 7
      '        """Say hi.', // 8
      'Docstring text at column 0.', // 9
      '        """', // 10
      '        if name:', // 11
      '            return f"hi {name}"', // 12
      '        else:', // 13
      '            return "hi"', // 14
      '', // 15
      '    def other(self):', // 16
      '        pass', // 17
      '', // 18
      'x = 1', // 19
    ].join('\n');

    it('takes the def around the cursor, with its decorator and multi-line signature', () => {
      assert.deepEqual(lines(resolveTarget(doc(python, 'python'), at(9, 8))), [4, 14]);
    });

    it('treats docstring lines at column 0 as part of the function', () => {
      assert.deepEqual(lines(resolveTarget(doc(python, 'python'), at(8, 3))), [4, 14]);
    });

    it('keeps if / else together, from either branch', () => {
      assert.deepEqual(lines(resolveTarget(doc(python, 'python'), at(11, 12))), [11, 14]);
      assert.deepEqual(lines(resolveTarget(doc(python, 'python'), at(13, 12))), [11, 14]);
    });

    it('takes the block a header line opens when the cursor is on the header', () => {
      assert.deepEqual(lines(resolveTarget(doc(python, 'python'), at(15, 6))), [16, 17]);
      assert.deepEqual(lines(resolveTarget(doc(python, 'python'), at(3, 6))), [4, 14]);
    });

    it('uses the enclosing class for a blank line between methods', () => {
      assert.deepEqual(lines(resolveTarget(doc(python, 'python'), at(14))), [3, 17]);
    });

    it('falls back to the current line for a top-level statement', () => {
      const target = resolveTarget(doc(python, 'python'), at(18, 2));
      assert.equal(target.kind, 'current-line');
      assert.deepEqual(target.range, range(18, 0, 18, 5));
    });

    it('includes the closing `end` in keyword-delimited languages', () => {
      const ruby = ['class A', '  def m', '    x = 1', '    x + 1', '  end', 'end'].join('\n');
      assert.deepEqual(lines(resolveTarget(doc(ruby, 'ruby'), at(2, 4))), [2, 5]);
      assert.deepEqual(lines(resolveTarget(doc(ruby, 'ruby'), at(4, 2))), [2, 5]);
    });

    it('includes `done` and `fi` in shell scripts', () => {
      const sh = ['for f in *.txt; do', '  echo "$f"', 'done', 'n=${#list[@]}', 'if [ "$n" -gt 0 ]; then', "  echo \"it's $n\"", 'fi'].join('\n');
      assert.deepEqual(lines(resolveTarget(doc(sh, 'shellscript'), at(1, 2))), [1, 3]);
      assert.deepEqual(lines(resolveTarget(doc(sh, 'shellscript'), at(5, 2))), [5, 7]);
    });

    it('does not pair brackets in prose', () => {
      const markdown = ['# Title', '', 'Some text with { a brace.', '', '- item', '  - nested', '- other'].join('\n');
      assert.equal(resolveTarget(doc(markdown, 'markdown'), at(2, 3)).kind, 'current-line');
      assert.deepEqual(lines(resolveTarget(doc(markdown, 'markdown'), at(5, 4))), [5, 6]);
    });

    it('takes a multi-line top-level statement as one unit', () => {
      const text = ['CONFIG = {', '    "a": 1,', '    "b": 2,', '}', 'print(CONFIG)'].join('\n');
      assert.deepEqual(lines(resolveTarget(doc(text, 'python'), at(2, 4))), [1, 4]);
    });

    it('works for YAML nesting', () => {
      const yaml = ['jobs:', '  build:', '    runs-on: ubuntu-latest', '    steps:', '      - run: make', 'other: 1'].join('\n');
      assert.deepEqual(lines(resolveTarget(doc(yaml, 'yaml'), at(4, 8))), [4, 5]);
    });

    it('falls back to indentation in a brace language when no brace block contains the cursor', () => {
      const text = ['const total = sum(', '  first,', '  second,', ');', 'next();'].join('\n');
      assert.deepEqual(lines(resolveTarget(doc(text), at(1, 2))), [1, 4]);
    });
  });

  describe('without a selection: the current line', () => {
    it('uses the current line at top level', () => {
      const target = resolveTarget(doc('const a = 1;\nconst b = 2;'), at(1, 3));
      assert.deepEqual(target, { range: range(1, 0, 1, 12), kind: 'current-line', isEmpty: false });
    });

    it('reports a blank line at top level as an empty target', () => {
      const target = resolveTarget(doc('function a() {}\n   \nfunction b() {}'), at(1, 1));
      assert.equal(target.kind, 'current-line');
      assert.equal(target.isEmpty, true);
    });

    it('reports an empty document as an empty target', () => {
      const target = resolveTarget(doc(''), at(0));
      assert.deepEqual(target, { range: range(0, 0, 0, 0), kind: 'current-line', isEmpty: true });
    });

    it('refuses a block larger than the bound and sends the line instead', () => {
      const body = Array.from({ length: 1_500 }, (_, i) => `  call${i}();`);
      const text = ['function huge() {', ...body, '}'].join('\n');
      const target = resolveTarget(doc(text), at(700, 2));
      assert.equal(target.kind, 'current-line');
      assert.deepEqual(lines(target), [701, 701]);
    });

    it('does not choke on a minified multi-megabyte line', () => {
      const text = `var a={${'b:1,'.repeat(400_000)}c:2};`;
      const target = resolveTarget(doc(text, 'javascript'), at(0, 10));
      assert.equal(target.kind, 'current-line');
    });
  });
});
