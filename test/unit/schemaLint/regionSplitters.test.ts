/**
 * The statement splitters behind the region parse: where chunks start on tricky input, which names a chunk
 * reads, which chunks are imports, and when the text cannot be split at all.
 */
import * as assert from 'node:assert/strict';
import type { ChunkedSource } from '../../../src/core/schemaLint/regions/chunkedSource';
import { chunkJavaScript } from '../../../src/core/schemaLint/regions/jsChunks';
import { chunkPython } from '../../../src/core/schemaLint/regions/pythonChunks';
import { regionParseMayPay, selectRegions } from '../../../src/core/schemaLint/regions/regionSelection';
import { toTreeSitterRanges } from '../../../src/core/schemaLint/treeSitter/regionParse';

/** The first line of every chunk, trimmed to 24 characters: readable and exact about the boundaries. */
function chunkHeads(text: string, source: ChunkedSource | undefined): string[] {
  assert.ok(source, 'the text should be splittable');
  return source.starts.map((start) => text.slice(start, start + 24).split('\n')[0]);
}

const js = (text: string, jsx = false): string[] => chunkHeads(text, chunkJavaScript(text, jsx));
const py = (text: string): string[] => chunkHeads(text, chunkPython(text));

describe('region parse: JavaScript/TypeScript statement splitter', () => {
  it('starts a chunk at each top-level statement, and none inside brackets', () => {
    const text = `import { z } from 'zod';
const a = {
  b: 1,
};
function f() {
return 1;
}
export const t = 2;
`;
    assert.deepEqual(js(text), ["import { z } from 'zod';", 'const a = {', 'function f() {', 'export const t = 2;']);
  });

  it('never splits inside template literals, even with column-0 code and nested substitutions', () => {
    const text = "const doc = `\nparameters: { type: 'string' }\nconst x = ${`\nconst y = ${1}\n`}\n`;\nconst after = 1;\n";
    assert.deepEqual(js(text), ['const doc = `', 'const after = 1;']);
  });

  it('reads regex literals with quotes, backticks and braces as regexes', () => {
    const text = "const re = /[\"'`{(]/g;\nconst other = 1;\nif (x) /`/.test(s)\nconst last = 2;\n";
    assert.deepEqual(js(text), ['const re = /["\'`{(]/g;', 'const other = 1;', 'if (x) /`/.test(s)', 'const last = 2;']);
  });

  it('keeps JSX text with column-0 words inside its statement', () => {
    const text = 'export function App() {\n  return <div>\nparameters: {"{"} it\'s\n</div>;\n}\nconst el = <p>\nconst not = code\n</p>;\nconst tools = [];\n';
    assert.deepEqual(js(text, true), ['export function App() {', 'const el = <p>', 'const tools = [];']);
  });

  it('keeps continuations with their statement: else, decorators, operators, ASI hazards', () => {
    const text = `if (a) {
}
else {
}
@Component({
  selector: 'x',
})
export class A {}
const b = 1
;[1].forEach(go)
const c = 2
(function () {})()
const d = e
  + f
export default
{}
if (x)
run()
`;
    assert.deepEqual(js(text), ['if (a) {', '@Component({', 'const b = 1', 'const c = 2', 'const d = e', 'export default', 'if (x)']);
  });

  it('needs column 0: an indented line never starts a chunk', () => {
    assert.deepEqual(js('const a = 1;\n  const b = 2;\nconst c = 3;\n'), ['const a = 1;', 'const c = 3;']);
  });

  it('marks imports, re-exports and require(), and records reads apart from keys and members', () => {
    const text = "import { z } from 'zod';\nexport * from './x';\nconst s = schema.type;\nconst o = { key: value, other };\nconst { z: zz } = require('zod');\n";
    const source = chunkJavaScript(text, false);
    assert.ok(source);
    assert.deepEqual([...source.imports].sort(), [0, 1, 4]);
    assert.deepEqual([...source.references[2]].sort(), ['s', 'schema']);
    assert.deepEqual([...source.references[3]].sort(), ['o', 'other', 'value']);
    assert.deepEqual(source.mentions.get('type'), [2]);
    assert.deepEqual(source.mentions.get('key'), [3]);
  });

  it('gives up on text it cannot tokenize or balance', () => {
    assert.equal(chunkJavaScript('const a = "unclosed\nconst b = 1;\n', false), undefined);
    assert.equal(chunkJavaScript('const a = `unclosed\n', false), undefined);
    assert.equal(chunkJavaScript('const a = 1;\n}\nconst b = 2;\n', false), undefined);
    assert.equal(chunkJavaScript('const a = (1];\n', false), undefined);
    assert.equal(chunkJavaScript('/* unclosed\nconst a = 1;\n', false), undefined);
    assert.equal(chunkJavaScript('const f = <T,>(x: T) => x;\n', true), undefined);
  });
});

describe('region parse: Python statement splitter', () => {
  it('starts a chunk at each column-0 statement; blocks, blank lines and indented code stay together', () => {
    const text = 'import os\n\ndef f(x):\n    y = 1\n\n    return y\n\nclass A:\n    pass\nz = 1\n';
    assert.deepEqual(py(text), ['import os', 'def f(x):', 'class A:', 'z = 1']);
  });

  it('keeps else/elif/except/finally and decorated definitions with their statement', () => {
    const text = `if a:
    pass
elif b:
    pass
else:
    pass
try:
    pass
except* ValueError:
    pass
finally:
    pass
@decorator(
    1,
)
# a comment between
@other
def f():
    pass
for x in y:
    pass
else:
    pass
`;
    assert.deepEqual(py(text), ['if a:', 'try:', '@decorator(', 'for x in y:']);
  });

  it('never starts a chunk at a column-0 comment (it may sit inside a block)', () => {
    const text = 'def f():\n    x = 1\n# inside the block\n    return x\ny = 2\n';
    assert.deepEqual(py(text), ['def f():', 'y = 2']);
  });

  it('reads strings of every prefix and quote, triple-quoted strings with column-0 code inside', () => {
    const text = `DOC = """
parameters = {"type": "string"}
def fake():
"""
RAW = rb'\\'' + Rb"x" + u'y' + BR'''
z = 1
'''
after = 1
`;
    assert.deepEqual(py(text), ['DOC = """', "RAW = rb'\\'' + Rb\"x\" + u", 'after = 1']);
  });

  it('reads f-strings with nested quotes, nested fields and format specs', () => {
    const text = `a = f"{x['k']:>{width}} {'}'} {{literal}} {y!r:'^10}"
b = f'''{
    value
}'''
c = f"{d["same quotes, 3.12"]}"
e = 1
`;
    assert.deepEqual(py(text), ['a = f"{x[\'k\']:>{width}} ', "b = f'''{", 'c = f"{d["same quotes, 3', 'e = 1']);
  });

  it('joins backslash continuations and bracketed lines', () => {
    const text = 'schema = \\\n{"type": "string"}\ntools = [\n{"name": "a"},\n]\nlast = 1\n';
    assert.deepEqual(py(text), ['schema = \\', 'tools = [', 'last = 1']);
  });

  it('marks imports and records reads apart from attributes and keywords; f-string names are mentions only', () => {
    const text = 'from xai_sdk.chat import tool\nimport json\nt = tool(name=NAME, parameters=schema.copy())\nmsg = f"{(hidden := 1)}"\n';
    const source = chunkPython(text);
    assert.ok(source);
    assert.deepEqual([...source.imports].sort(), [0, 1]);
    assert.deepEqual([...source.references[2]].sort(), ['NAME', 'name', 'parameters', 'schema', 't', 'tool']);
    assert.deepEqual(source.mentions.get('copy'), [2]);
    assert.deepEqual(source.mentions.get('hidden'), [3]);
    assert.equal(source.references[3].has('hidden'), false);
  });

  it('gives up on unterminated strings and unbalanced brackets', () => {
    assert.equal(chunkPython('a = "unclosed\nb = 1\n'), undefined);
    assert.equal(chunkPython('a = """never closed\n'), undefined);
    assert.equal(chunkPython('a = f"{x"\n'), undefined);
    assert.equal(chunkPython('a = 1)\n'), undefined);
  });
});

describe('region parse: statement selection', () => {
  it('includes anchored statements, imports, and to a fixpoint every statement mentioning a name they read', () => {
    const text = `import { z } from 'zod';
const unrelated = 1;
const base = z.string();
function helper() { return 2; }
const schema = base.describe('x');
function mutate() { other.type = 1; }
const other = 3;
export const t = tool({ parameters: schema });
`;
    const source = chunkJavaScript(text, false);
    assert.ok(source);
    const ranges = selectRegions(source, text.length, [text.indexOf('parameters')]);
    const parsed = ranges.map((range) => text.slice(range.start, range.end).split('\n')[0]);
    assert.deepEqual(parsed, ["import { z } from 'zod';", 'const base = z.string();', 'const schema = base.describe(\'x\');', 'export const t = tool({ parameters: schema });']);
  });
});

describe('region parse: when it is tried, and the ranges handed to tree-sitter', () => {
  it('is tried only on large files whose tool words leave long stretches of other text', () => {
    assert.equal(regionParseMayPay(10_000, [5_000]), false, 'small file');
    assert.equal(regionParseMayPay(150_000, [148_000, 149_000]), true, 'a few tools at the end');
    assert.equal(regionParseMayPay(150_000, Array.from({ length: 300 }, (_, index) => index * 500)), false, 'tools all along');
    assert.equal(regionParseMayPay(150_000, []), true, 'no tool word at all');
  });

  it('gives tree-sitter rows and UTF-16 columns that match the offsets', () => {
    const text = 'a\nbé😀\r\ncc\ndd';
    const ranges = toTreeSitterRanges(text, [
      { start: 2, end: 8 },
      { start: 11, end: text.length },
    ]);
    assert.deepEqual(ranges, [
      { startIndex: 2, endIndex: 8, startPosition: { row: 1, column: 0 }, endPosition: { row: 2, column: 0 } },
      { startIndex: 11, endIndex: 13, startPosition: { row: 3, column: 0 }, endPosition: { row: 3, column: 2 } },
    ]);
  });
});
