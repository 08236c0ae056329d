import assert from 'node:assert/strict';
import { textToInsert } from '../../../src/core/codeBlocks/insertion';

describe('textToInsert (Insert at Cursor)', () => {
  const block = 'if (x) {\n  run();\n}\n';

  it('inserts a block at an empty line as it is, without the trailing line break', () => {
    assert.equal(textToInsert(block, { linePrefix: '', lineSuffix: '', eol: '\n' }), 'if (x) {\n  run();\n}');
  });

  it("indents continuation lines to the cursor line's indentation", () => {
    assert.equal(textToInsert(block, { linePrefix: '    ', lineSuffix: '', eol: '\n' }), 'if (x) {\n      run();\n    }');
  });

  it('puts code that follows the cursor in the indentation on its own line below the block', () => {
    assert.equal(textToInsert(block, { linePrefix: '  ', lineSuffix: 'return y;', eol: '\n' }), 'if (x) {\n    run();\n  }\n  ');
    assert.equal(textToInsert('a();\n', { linePrefix: '', lineSuffix: 'b();', eol: '\n' }), 'a();\n');
  });

  it("uses the document's line endings and its tabs", () => {
    assert.equal(textToInsert(block, { linePrefix: '\t', lineSuffix: '', eol: '\r\n', indentation: { useTabs: true, tabSize: 4 } }), 'if (x) {\r\n\t\trun();\r\n\t}');
  });

  it('continues the line mid-way through it', () => {
    assert.equal(textToInsert('value', { linePrefix: 'const a = ', lineSuffix: ';', eol: '\n' }), 'value');
  });

  it('drops blank lines around the block and keeps its inner blank lines', () => {
    assert.equal(textToInsert('\n\na();\n\nb();\n\n\n', { linePrefix: '', lineSuffix: '', eol: '\n' }), 'a();\n\nb();');
  });
});
