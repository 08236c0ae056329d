/**
 * The pieces of body skipping (regions/skippableBodies.ts): which object bodies count as plain data in
 * JavaScript/TypeScript and Python, which candidates are found, and the included ranges left for the parser.
 * Whether skipping keeps findings exact is the differential test's job (regionParse.differential.test.ts).
 */
import * as assert from 'node:assert/strict';
import { plainObjectLiteralEnd } from '../../../src/core/schemaLint/regions/jsLiteralBody';
import { plainDictLiteralEnd } from '../../../src/core/schemaLint/regions/pyLiteralBody';
import { findSkippableBodies, withoutBodies } from '../../../src/core/schemaLint/regions/skippableBodies';
import { getParser } from '../../../src/core/schemaLint/treeSitter/treeSitterHost';

/** The end found for the literal at the start of `text` (after `prefix`), as the text it covers. */
function jsBody(text: string): string | undefined {
  const end = plainObjectLiteralEnd(text, 0);
  return end < 0 ? undefined : text.slice(0, end + 1);
}

function pyBody(text: string): string | undefined {
  const end = plainDictLiteralEnd(text, 0);
  return end < 0 ? undefined : text.slice(0, end + 1);
}

const JS_PLAIN = [
  '{}',
  "{ a: 1, 'b': -2.5e3, \"c\": [true, false, null, undefined], 4: .5, d: 0x1F, }",
  "{ city: z.string().describe('The city, e.g. Paris'), unit: z.enum(['c', 'f']).optional(), }",
  '{ a: { b: { c: [{}, [], [1, 2,]] } }, ...rest, shorthand, default: 1, enum: [1], if: 2, get: 3 }',
  '{ // a comment with } and {\n  a: `template with } and \\` and $ alone`, /* } */ b: "\\u0041\\x41\\n\\\\" }',
  '{ a: f()(1,)(2).b, c: -\n 1 }',
];
const JS_REFUSED = [
  '{ a: `${x}` }',
  '{ a: /}/ }',
  '{ a: () => ({}) }',
  '{ a: 1 + 2 }',
  '{ a: Object.assign(x, {}) }',
  '{ Object }',
  '{ ä: 1 }',
  '{ a: b?.c }',
  '{ [key]: 1 }',
  '{ a = 1 }',
  '{ this }',
  '{ a: new Date() }',
  '{ a() {} }',
  '{ get a() { return 1 } }',
  "{ a: 'unterminated }",
  "{ a: 'line\nbreak' }",
  '{ a: 1_000 }',
  '{ a: 10n }',
  '{ a: 017 }',
  '{ a: "\\u{41}" }',
  '{ a: 1 /* unterminated }',
  '{ a: 1',
  '{ a: [, 1] }',
  '{ a: x! }',
  '{ a: f(...args) }',
  '{ a: 1; }',
];

const PY_PLAIN = [
  '{}',
  '{"a": 1, \'b\': -2.5e3, "c": [True, False, None], 4: 0x1F, }',
  '{  # a comment with } and {\n    "a": """multi\nline } " quote""", "b": "x" \'y\', "c": {"d": [{}, []]}\n}',
  '{"a": "\\N{BULLET} \\\\ \\"", "b": r"not a prefix here"}'.replace(' r"', ' "'),
];
const PY_REFUSED = ['{"a": f"{x}"}', '{"a": x}', '{**base}', '{"a": (1, 2)}', '{"a": 1 + 2}', '{"a": \\\n 1}', '{"a": 1', '{"a": "line\nbreak"}', '{"a": r"raw"}', '{"a": Truely}', '{"a": 1j}', '{a: 1}'];

describe('body skipping: plain data literals and the bodies to leave out', () => {
  it('accepts plain JavaScript/TypeScript data literals, up to their own closing brace', () => {
    for (const literal of JS_PLAIN) assert.equal(jsBody(`${literal} + rest }`), literal, literal);
  });

  it('refuses JavaScript/TypeScript text outside the plain-data subset', () => {
    for (const literal of JS_REFUSED) assert.equal(jsBody(literal), undefined, literal);
  });

  it('accepts plain Python dict literals and refuses everything else', () => {
    for (const literal of PY_PLAIN) assert.equal(pyBody(`${literal}, rest}`), literal, literal);
    for (const literal of PY_REFUSED) assert.equal(pyBody(literal), undefined, literal);
  });

  it('refuses nesting deeper than it will follow, without exhausting the stack', () => {
    assert.equal(jsBody(`${'{ a: '.repeat(5_000)}1${' }'.repeat(5_000)}`), undefined);
    assert.equal(pyBody(`${'{"a": '.repeat(5_000)}1${'}'.repeat(5_000)}`), undefined);
    assert.equal(jsBody(`${'{ a: '.repeat(30)}1${' }'.repeat(30)}`), `${'{ a: '.repeat(30)}1${' }'.repeat(30)}`);
  });

  it('accepts only text every grammar parses without an error', async () => {
    for (const grammar of ['typescript', 'tsx', 'javascript'] as const) {
      const parser = await getParser(grammar);
      for (const literal of JS_PLAIN) {
        const tree = parser.parse(`const x = { properties: ${literal} };`);
        assert.equal(tree?.rootNode.hasError, false, `${grammar}: ${literal}`);
        tree?.delete();
      }
    }
    const python = await getParser('python');
    for (const literal of PY_PLAIN) {
      const tree = python.parse(`x = {"properties": ${literal}}\n`);
      assert.equal(tree?.rootNode.hasError, false, literal);
      tree?.delete();
    }
  });

  it('finds property, item and zod shape bodies, never one holding an anchor word, and looks inside those', () => {
    const text = [
      "const a = { properties: { city: { type: 'string' } }, items: { type: 'number' } };",
      "const b = z.object({ city: z.string() }).extend({ days: z.number() });",
      "const c = { properties: { parameters: { type: 'string' }, inner: { properties: { deep: { type: 'string' } } } } };",
      "const d = { properties: { tiny: 1 } };",
    ].join('\n');
    const anchors = [text.indexOf('parameters')];
    const bodies = findSkippableBodies(text, 'javascript', anchors, undefined, 14).map((body) => text.slice(body.start, body.end));
    assert.deepEqual(bodies, [" city: { type: 'string' } ", " type: 'number' ", ' city: z.string() ', ' days: z.number() ', " deep: { type: 'string' } ", ' tiny: 1 '].filter((body) => body.length >= 14));
    // Only inside the ranges to parse, and wholly inside one.
    const second = text.indexOf('\n') + 1;
    const within = findSkippableBodies(text, 'javascript', anchors, [{ start: second, end: text.indexOf('\n', second) }], 1).map((body) => text.slice(body.start, body.end));
    assert.deepEqual(within, [' city: z.string() ', ' days: z.number() ']);
  });

  it('finds Python property bodies', () => {
    const text = 'x = {"type": "object", "properties": {"a": {"type": "string"}}, "items": {"b": 1}}\ny = {"properties": {"c": f"{z}"}}\n';
    const bodies = findSkippableBodies(text, 'python', [], undefined, 1).map((body) => text.slice(body.start, body.end));
    assert.deepEqual(bodies, ['"a": {"type": "string"}', '"b": 1']);
  });

  it('leaves the parser the ranges without the bodies', () => {
    assert.deepEqual(withoutBodies(100, undefined, [{ start: 10, end: 20 }, { start: 30, end: 40 }]), [
      { start: 0, end: 10 },
      { start: 20, end: 30 },
      { start: 40, end: 100 },
    ]);
    assert.deepEqual(withoutBodies(100, [{ start: 0, end: 25 }, { start: 50, end: 60 }], [{ start: 10, end: 20 }, { start: 52, end: 60 }]), [
      { start: 0, end: 10 },
      { start: 20, end: 25 },
      { start: 50, end: 52 },
    ]);
  });
});
