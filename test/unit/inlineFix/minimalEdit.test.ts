import { strict as assert } from 'node:assert';
import { minimalEdit } from '../../../src/core/inlineFix/minimalEdit';
import { LineIndex, toLf } from '../../../src/core/inlineFix/textOffsets';

function apply(target: string, replacement: string): string {
  const edit = minimalEdit(target, replacement);
  return target.slice(0, edit.start) + edit.text + target.slice(edit.end);
}

describe('inline fix: minimal edit and offsets', () => {
  it('touches only the lines that change', () => {
    const target = 'a\nb\nc\nd';
    assert.deepEqual(minimalEdit(target, 'a\nB\nc\nd'), { start: 2, end: 4, text: 'B\n' });
    assert.deepEqual(minimalEdit(target, target), { start: 0, end: 0, text: '' });
  });

  it('always reproduces the replacement exactly', () => {
    const cases: [string, string][] = [
      ['a\nb', 'a\nb\nc'],
      ['a\nb\nc', 'a\nc'],
      ['x', 'x\ny'],
      ['x\n', ''],
      ['', 'new'],
      ['a\r\nb\r\nc', 'a\r\nB\r\nc'],
      ['same\nsame\nsame', 'same\nsame'],
      ['a\nb\na\nb', 'a\nb'],
      ['one line', 'one line changed'],
      ['😀\n😀', '😀\n😁'],
    ];
    for (const [target, replacement] of cases) assert.equal(apply(target, replacement), replacement, JSON.stringify([target, replacement]));
  });

  it('keeps CRLF pairs whole', () => {
    const edit = minimalEdit('a\r\nb\r\nc', 'a\r\nB\r\nc');
    assert.deepEqual(edit, { start: 3, end: 6, text: 'B\r\n' });
  });

  it('LineIndex counts lines and positions as VS Code does (\\r\\n, \\r and \\n)', () => {
    const text = 'ab\r\ncd\ref\ngh';
    const index = new LineIndex(text);
    assert.equal(index.lineCount, 4);
    assert.deepEqual([0, 1, 2, 3].map((line) => index.lineLength(line)), [2, 2, 2, 2]);
    assert.equal(index.offsetAt({ line: 1, character: 1 }), 5);
    assert.equal(index.offsetAt({ line: 3, character: 99 }), text.length);
    assert.equal(index.offsetAt({ line: 99, character: 0 }), text.indexOf('gh'));
    assert.deepEqual(index.positionAt(5), { line: 1, character: 1 });
    assert.deepEqual(index.positionAt(3), { line: 0, character: 2 }, 'between \\r and \\n is the end of the line');
    assert.deepEqual(index.positionAt(text.length + 10), { line: 3, character: 2 });
    assert.equal(new LineIndex('').lineCount, 1);
    assert.equal(new LineIndex('a\n').lineCount, 2);
    assert.equal(toLf('a\r\nb\rc\n'), 'a\nb\nc\n');
  });
});
