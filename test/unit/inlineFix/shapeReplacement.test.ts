import { strict as assert } from 'node:assert';
import { detectIndentStyle } from '../../../src/core/inlineFix/indentation';
import { shapeReplacement } from '../../../src/core/inlineFix/shapeReplacement';
import type { ShapeContext } from '../../../src/core/inlineFix/shapeReplacement';

const shape = (replacement: string, targetText: string, extra: Partial<ShapeContext> = {}) =>
  shapeReplacement(replacement, { targetText, linePrefix: '', eol: '\n', ...extra });

describe('inline fix: shaping the replacement for the document', () => {
  const method = '    if (x) {\n        run();\n    }';

  it('keeps a replacement that already has the indentation', () => {
    const replacement = '    if (x) {\n        run(1);\n    }';
    assert.equal(shape(replacement, method), replacement);
  });

  it('restores the base indentation the model dropped, keeping relative indentation', () => {
    assert.equal(shape('if (x) {\n    run(1);\n}', method), '    if (x) {\n        run(1);\n    }');
  });

  it('restores only the first line when only it lost its indentation (copied from after a fence)', () => {
    assert.equal(shape('if (x) {\n        run(1);\n    }', method), '    if (x) {\n        run(1);\n    }');
  });

  it('uses the file\'s tabs when the model answers with spaces (each of its steps is one tab)', () => {
    const tabbed = '\tif (x) {\n\t\trun();\n\t}';
    assert.equal(shape('if (x) {\n  run(1);\n}', tabbed), '\tif (x) {\n\t\trun(1);\n\t}');
    assert.equal(shape('if (x) {\n    run(1);\n}', tabbed, { indentation: { tabSize: 4 } }), '\tif (x) {\n\t\trun(1);\n\t}');
  });

  it('uses the file\'s spaces when the model answers with tabs', () => {
    assert.equal(shape('if (x) {\n\trun(1);\n}', method), '    if (x) {\n        run(1);\n    }');
  });

  it('converts to the document\'s line ending (CRLF), whatever the model sent', () => {
    assert.equal(shape('if (x) {\r\n    run(1);\n}', method.replace(/\n/g, '\r\n'), { eol: '\r\n' }), '    if (x) {\r\n        run(1);\r\n    }');
  });

  it('matches the target\'s leading and trailing line breaks (the span stays the same)', () => {
    assert.equal(shape('\n\nconst a = 1;\n\n', 'const a = "1";'), 'const a = 1;');
    assert.equal(shape('const a = 1;', 'const a = "1";\n'), 'const a = 1;\n');
    assert.equal(shape('const a = 1;\n', '\nconst a = "1";\n'), '\nconst a = 1;\n');
    // A selection ending inside the next line's indentation keeps that indentation.
    assert.equal(shape('a = 2;\n', 'a = 1;\n    '), 'a = 2;\n    ');
  });

  it('leaves an empty replacement empty (a deletion) and blank lines blank', () => {
    assert.equal(shape('', method), '');
    assert.equal(shape('if (x) {\n\n    run();\n}', method), '    if (x) {\n\n        run();\n    }');
  });

  it('continues a line when the target starts mid-line: the first line is not indented', () => {
    const target = 'compute(a,\n      b)';
    assert.equal(shape('compute(a,\nb, c)', target, { linePrefix: '  const x = ' }), 'compute(a,\n      b, c)');
    assert.equal(shape('compute(a,\n  b)', 'compute(a, b)', { linePrefix: '    return ' }), 'compute(a,\n      b)');
  });

  it('a target that starts after the line\'s indentation keeps that indentation for its first line and continues under it', () => {
    // The chat's "Apply" previews a code block over a selection that starts at the first non-blank character.
    assert.equal(shape('if (x) {\n  run(1);\n}', 'if (x) {\n        run();\n    }', { linePrefix: '    ' }), 'if (x) {\n      run(1);\n    }');
    assert.equal(shape('a();\nb();', 'a();', { linePrefix: '    ' }), 'a();\n    b();');
  });

  it('indents from the editor\'s settings when the target shows no indentation style', () => {
    assert.equal(shape('function f() {\n  return 1;\n}', 'function f() { return 2; }', { indentation: { useTabs: true, tabSize: 2 } }), 'function f() {\n\treturn 1;\n}');
    assert.equal(shape('function f() {\n  return 1;\n}', 'function f() { return 2; }'), 'function f() {\n  return 1;\n}');
  });

  it('judges the indentation style from the code', () => {
    assert.deepEqual(detectIndentStyle(['a', '  b', '    c']), { useTabs: false, tabSize: 2 });
    assert.deepEqual(detectIndentStyle(['a', '\tb', '\t\tc']), { useTabs: true, tabSize: 4 });
    assert.deepEqual(detectIndentStyle(['a', 'b'], { useTabs: true, tabSize: 8 }), { useTabs: true, tabSize: 8 });
    assert.deepEqual(detectIndentStyle(['a', '   b'], { tabSize: 99 }), { useTabs: false, tabSize: 3 });
  });
});
