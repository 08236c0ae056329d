/**
 * Differential test of the region parse: for every TS/JS/TSX/Python input we can gather — the fixture files,
 * the real-world samples, the code in the other linter tests, the benchmark's generated files, hand-written
 * tricky cases, and damaged copies of all of them — the findings when only the chosen statements are parsed,
 * and when plain nested bodies are left out of the parse (`skipBodies`), must equal (ranges, messages and fixes
 * included) the findings of a whole-file parse.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import jsTokens from 'js-tokens';
import { seededRandom } from '../../../src/fakeServer/prng';
import { lintDocument } from '../../../src/core/schemaLint/lintDocument';
import type { ParseReport } from '../../../src/core/schemaLint/treeSitter/regionParse';
import { benchFileCases } from '../../../bench/lintBenchInputs';

interface Input {
  label: string;
  text: string;
  languageId: string;
}

const JS_LANGUAGES = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'];
const LANGUAGES_BY_EXTENSION: Record<string, string[]> = {
  '.ts': ['typescript', 'typescriptreact'],
  '.tsx': ['typescriptreact'],
  '.js': ['javascript', 'javascriptreact'],
  '.jsx': ['javascriptreact'],
  '.py': ['python'],
};

function filesIn(directory: string, label: string): Input[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory).flatMap((file) =>
    (LANGUAGES_BY_EXTENSION[path.extname(file)] ?? []).map((languageId) => ({ label: `${label}/${file}`, text: readFileSync(path.join(directory, file), 'utf8'), languageId })),
  );
}

/** The code snippets of another test file: its template literals without substitutions that mention a tool word. */
function snippetsOf(testFile: string, languageIds: string[]): Input[] {
  const file = path.join(__dirname, testFile);
  if (!existsSync(file)) return [];
  const source = readFileSync(file, 'utf8');
  const inputs: Input[] = [];
  let index = 0;
  for (const token of jsTokens(source)) {
    if (token.type !== 'NoSubstitutionTemplate' || !/parameters|inputSchema|input_schema|\btool\b/.test(token.value)) continue;
    const text = token.value.slice(1, -1).replace(/\\([`$\\])/g, '$1');
    index++;
    for (const languageId of languageIds) inputs.push({ label: `${testFile} snippet ${index}`, text, languageId });
  }
  return inputs;
}

const FAR = Array.from({ length: 40 }, (_, index) => `function helper${index}(value) {\n  return value * ${index};\n}\n`).join('');

/** Hand-written cases aimed at the splitters and at the name-following; each should take the region path. */
const TRICKY_JS: Record<string, string> = {
  'template literal with column-0 parameters:': `import { tool } from 'ai';
const doc = \`
parameters: { type: "string" }
export const fake = tool({ parameters: z.string() });
\${\`
parameters: 1
\`}
\`;
${FAR}
export const real = tool({ description: 'd', parameters: z.string() });
`,
  'regex literals with quotes, backticks and braces': `const re = /["'\`{(\\[]/g;
const re2 = /\\/\\*"/;
if (re.test('x')) /\`/.test('y');
${FAR}
export const tools = [{ type: 'function', name: 'regex', parameters: { type: 'array', items: {} } }];
const after = \`}\`;
`,
  'decorators around classes': `@Component({
  selector: 'x',
})
export class A {}
${FAR}
@Injectable()
class B {
  tools = [{ type: 'function', name: 'decorated', parameters: { type: 'string' } }];
}
`,
  'if/else at top level declaring and reassigning the schema': `if (process.env.X) {
  var schema = { type: 'object', properties: {} };
}
else {
  schema = { type: 'string' };
}
${FAR}
export const tools = [{ type: 'function', name: 'conditional', parameters: schema }];
`,
  'identifiers declared far away, through several names': `import { z } from 'zod';
const base = z.string();
${FAR}
const middle = base.describe('x');
${FAR}
const params = middle;
export const t = tool({ description: 'far', parameters: params });
const ok = { type: 'object', properties: {} };
export const u = tool({ parameters: ok });
`,
  'destructuring and array declarations': `const { schema } = loadSchemas();
const [first] = [{ type: 'string' }];
const { a: { b: nested } } = { a: { b: { type: 'number' } } };
${FAR}
export const t1 = tool({ parameters: schema });
export const t2 = tool({ parameters: first });
export const t3 = tool({ parameters: nested });
`,
  'mutation and reassignment in far-away functions': `const params = { type: 'object', properties: {} };
let other = { type: 'object' };
const kept = { type: 'string' };
${FAR}
function later() {
  params.type = 'string';
  other = 1;
}
function shadow() {
  const kept = 2;
  return kept;
}
export const tools = [
  { type: 'function', name: 'mutated', parameters: params },
  { type: 'function', name: 'reassigned', parameters: other },
  { type: 'function', name: 'shadowed', parameters: kept },
];
`,
  're-exports, renamed factories and require': `export { z } from 'zod';
export * from './other';
import { object as obj, string } from 'zod';
${FAR}
const { z: zed } = require('zod');
export const t1 = tool({ parameters: string() });
export const t2 = tool({ parameters: zed.number() });
export const t3 = tool({ parameters: obj({}) });
`,
  'code without semicolons and ASI hazards': `const a = { type: 'string' }
${FAR}
const tools = [{ type: 'function', name: 'asi', parameters: a }]
;[1, 2].forEach(() => {})
const b = { type: 'array' }
(function () {})()
export const more = [{ type: 'function', name: 'b', parameters: b }]
`,
  'a syntax error in an unrelated statement': `${FAR}
function broken( {
  return 1;
}
${FAR}
export const tools = [{ type: 'function', name: 'after-error', parameters: { type: 'string' } }];
`,
  'a syntax error in a skipped statement before the tools': `const x = ;
${FAR}
export const tools = [{ type: 'function', name: 'e', parameters: { type: 'string' } }];
`,
  'words only in comments and strings': `// parameters: { type: 'string' }
/* inputSchema: z.string() */
const s = "input_schema";
${FAR}
export const t = tool({ inputSchema: { type: 'string' } });
`,
  'hashbang, unicode names, labels, generators, getters and static blocks': `#!/usr/bin/env node
const схема = { type: 'string' };
outer: for (const a of [1]) { continue outer; }
function* gen() { yield 1; }
export default async function main() {}
class K {
  static { this.x = 1; }
  get parameters() { return 1; }
}
${FAR}
export const tools = [{ type: 'function', name: 'unicode', parameters: схема }];
`,
  'tool words only inside longer words (nothing to parse)': `const myparameters = { type: 'string' };
const inputSchemas = [];
${FAR}
`,
  'Chat Completions wrapper and tools map': `const weather = { type: 'object', properties: { city: { type: 'string' } } };
${FAR}
export default {
  tools: {
    lookup: { description: 'x', parameters: { type: 'array' } },
  },
};
export const chat = [{ type: 'function', function: { name: 'w', parameters: weather } }, { type: 'function', function: { name: 's', parameters: { type: 'string' } } }];
`,
};

const TRICKY_TSX = `import { z } from 'zod';
${FAR}
export function App(): JSX.Element {
  return <div>
parameters: {"{"} it's here
const not = code
  </div>;
}
const generic = useState<string>('');
export const tools = [{ type: 'function', name: 'jsx', parameters: { type: 'string' } }];
`;

const TRICKY_TS = `declare module 'x' {
  export const parameters: string;
}
enum Kind { A, B }
namespace Tools {
  export const schema = { type: 'number' };
}
type Schema = { parameters: unknown };
interface Tool
  extends Base {
  parameters: Schema;
}
function overload(a: string): void
function overload(a: unknown) {}
${FAR}
const typed = <const>{ type: 'string' };
const asserted = { type: 'boolean' } as const satisfies object;
export const tools = [
  { type: 'function', name: 'typed', parameters: typed },
  { type: 'function', name: 'asserted', parameters: asserted },
  { type: 'function', name: 'namespaced', parameters: Tools.schema },
];
`;

const PY_FAR = Array.from({ length: 40 }, (_, index) => `def helper_${index}(value):\n    return value * ${index}\n`).join('\n');

const TRICKY_PY: Record<string, string> = {
  'triple-quoted string with column-0 code': `DOC = """
parameters = {"type": "string"}
def fake():
    tool(name="fake", description="d", parameters={"type": "string"})
"""
from xai_sdk.chat import tool
${PY_FAR}
t = tool(name="real", description="d", parameters={"type": "string"})
`,
  'decorators, comments at column 0, if/else and try/except at top level': `@decorator
# a comment
def f():
    x = 1
# a comment inside the block
    return x

if FLAG:
    schema = {"type": "object", "properties": {}}
else:
    schema = {"type": "string"}
try:
    other = {"type": "integer"}
except ImportError:
    pass
finally:
    pass
${PY_FAR}
tools = [
    {"type": "function", "name": "conditional", "parameters": schema},
    {"type": "function", "name": "try", "parameters": other},
]
`,
  'f-strings with nested quotes and format specs': `width = 10
msg = f"{x['parameters']:>{width}} {'}'} {{parameters}}"
${PY_FAR}
tools = [{"type": "function", "name": "fs", "parameters": {"type": "array"}}]
`,
  'names declared, rebound and mutated far away': `BASE = {"type": "object", "properties": {}}
MUTATED = {"type": "object"}
REBOUND = {"type": "object"}
GLOBAL = {"type": "object"}
${PY_FAR}
def mutate():
    MUTATED.update({"type": "string"})

def rebind():
    global GLOBAL
    GLOBAL = 1

for REBOUND in range(3):
    pass
${PY_FAR}
tools = [
    {"type": "function", "name": "base", "parameters": BASE},
    {"type": "function", "name": "mutated", "parameters": MUTATED},
    {"type": "function", "name": "rebound", "parameters": REBOUND},
    {"type": "function", "name": "global", "parameters": GLOBAL},
]
`,
  'positional xai_sdk tool with its schema far away, and dict() rebound far away': `from xai_sdk.chat import tool
PARAMS = {"type": "string"}
${PY_FAR}
dict = lambda **kwargs: kwargs
${PY_FAR}
t = tool("positional", "d", PARAMS)
u = tool(name="kw", description="d", parameters=dict(type="string"))
`,
  'async definitions, nested decorators, CRLF inside strings and semicolons': `import asyncio
@app.route("/x",
    methods=["GET"])
@other
async def handler():
    return {"parameters": 1}
a = 1; b = 2
text = '''
@decorator
def not_code():
    pass
'''
${PY_FAR}
tools = [{"type": "function", "name": "async", "parameters": {"type": "string"}}]
`,
  'tool words only inside longer words (nothing to parse)': `myparameters = {"type": "string"}
toolbox = 1
${PY_FAR}
`,
  'backslash continuations and match statements': `schema = \\
    {"type": "string"}
match command:
    case "x":
        pass
${PY_FAR}
tools = [{"type": "function", "name": "cont", "parameters": schema}]
`,
  'a syntax error in an unrelated statement': `${PY_FAR}
def broken(:
    pass
${PY_FAR}
tools = [{"type": "function", "name": "e", "parameters": {"type": "string"}}]
`,
};

/**
 * Cases aimed at body skipping (regions/skippableBodies.ts), with what the skipping side must do: skip bodies
 * and keep them skipped (`skips`), or find out that it cannot (`read`: a rule read a skipped body's members;
 * `unverified`: no candidate was an object's body in the tree; `syntax-error`: the tree has one, and a body
 * that is not plain data is parsed, so the error is the whole parse's) and re-parse; `skips-confirmed`: skip
 * the candidates the tree confirms after dropping those it does not (in strings, comments, types).
 */
type BodyExpectation = 'skips' | 'skips-confirmed' | 'read' | 'unverified' | 'syntax-error';

const TRICKY_BODIES_JS: Record<string, { text: string; expect: BodyExpectation }> = {
  '`parameters` as a property name inside properties, and a tool nested in a property body': {
    expect: 'skips',
    text: `export const tools = [
  {
    type: 'function',
    name: 'outer',
    parameters: {
      type: 'object',
      properties: {
        parameters: { type: 'string', description: 'a property named like the schema key' },
        nested: { name: 'inner', parameters: { type: 'array', items: { type: 'string' } } },
        plain: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'number', enum: [1, 2, 3] } } },
      },
    },
  },
  { type: 'function', name: 'sibling', parameters: { properties: { city: { type: 'string', description: 'City, e.g. Paris' } } } },
];
`,
  },
  'template literals, regexes, comments and odd tokens inside bodies': {
    expect: 'skips',
    text: `const pattern = /["'{]/;
export const tools = [
  { type: 'function', name: 'templates', parameters: { type: 'string', properties: { a: { description: \`multi
line \\\` } with a brace\` }, /* } */ b: { pattern: '\\\\d+\\'}' }, // } comment
  } } },
  { type: 'function', name: 'substitution', parameters: { properties: { a: { description: \`\${pattern}\` } } } },
  { type: 'function', name: 'regex', parameters: { properties: { a: { pattern: /}/ } } } },
  { type: 'function', name: 'arrow', parameters: { properties: { a: { default: () => ({}) } } } },
  { type: 'function', name: 'unicode', parameters: { properties: { ä: { type: 'string' }, b: { title: 'Grüße – ✓' } } } },
  { type: 'function', name: 'numbers', parameters: { type: ['object', 'null'], properties: { a: { minimum: -1.5e3, maximum: 0x1F, multipleOf: .5, x: 1_000, y: 10n, z: 017 } } } },
];
`,
  },
  'fixes on roots whose bodies are skipped (wrap and add-type)': {
    expect: 'skips',
    text: `import { tool } from 'ai';
import { z } from 'zod';
export const tools = {
  noType: { type: 'function', name: 'noType', parameters: { properties: { city: { type: 'string', description: 'City' }, days: { type: 'integer', minimum: 1 } }, required: ['city'] } },
  arrayRoot: { type: 'function', name: 'arrayRoot', parameters: { type: 'array', items: { type: 'object', properties: { a: { type: 'string' } } } } },
  union: { type: 'function', name: 'union', parameters: { anyOf: [{ type: 'object', properties: { a: { type: 'string' } } }, { properties: { b: { type: 'string' } } }, { type: 'string' }] } },
  zodUnion: tool({ description: 'z', inputSchema: z.union([z.object({ a: z.string().describe('A, with {braces}') }), z.string()]) }),
  zodNullable: tool({ description: 'z', inputSchema: z.object({ a: z.string(), b: z.number().optional() }).nullable() }),
  zodExtended: tool({ description: 'z', inputSchema: z.object({ a: z.string() }).extend({ b: z.string() }).or(z.number()) }),
  objectWithUnion: { type: 'function', name: 'objectWithUnion', parameters: { type: 'object', properties: { a: { type: 'string' } }, oneOf: [{ properties: { a: { const: 'x' } } }] } },
};
`,
  },
  'names in bodies: shorthand, spreads, calls, and a mutation through Object.assign': {
    expect: 'skips',
    text: `const base = { type: 'object', properties: {} };
const mutated = { type: 'object' };
const city = { type: 'string' };
export const tools = [
  { type: 'function', name: 'shorthand', parameters: { type: 'object', properties: { city, ...extra, other: make(city).describe('x') } } },
  { type: 'function', name: 'assigned', parameters: { type: 'object', properties: { a: Object.assign(mutated, { type: 'string' }) } } },
  { type: 'function', name: 'base', parameters: base },
  { type: 'function', name: 'mutated', parameters: mutated },
];
`,
  },
  'a root $ref into properties reads a skipped body': {
    expect: 'read',
    text: `export const tools = [
  { type: 'function', name: 'refInto', parameters: { $ref: '#/properties/inner', properties: { inner: { type: 'string' } } } },
];
`,
  },
  'a tool whose parameters are a skipped body reached by a member': {
    expect: 'read',
    text: `const schemas = { properties: { type: 'string', description: 'really the root' } };
export const tools = [{ type: 'function', name: 'member', parameters: schemas.properties }];
`,
  },
  'candidates in strings and comments': {
    expect: 'unverified',
    text: `export const tools = [
  { type: 'function', name: 'strings', description: "properties: { a: 1, b: 'x' }", parameters: { type: 'string' } },
];
// properties: { a: 1 }
`,
  },
  'candidates in strings and comments beside real bodies': {
    expect: 'skips-confirmed',
    text: `const prompt = \`Answer with JSON like { "properties": { "x": 1, "y": [2] } }\`;
export const tools = [
  { type: 'function', name: 'string', description: "properties: { a: 1, b: 'x' }", parameters: { type: 'object', properties: { q: { type: 'string' } } } },
  // properties: { a: 1 }
  { type: 'function', name: 'plain', parameters: { type: 'array', items: { type: 'object', properties: { r: { type: 'number' } } } } },
];
`,
  },
  'a syntax error inside a body': {
    expect: 'syntax-error',
    text: `export const tools = [
  { type: 'function', name: 'broken', parameters: { type: 'string', properties: { a: , b: { type: 'string' } } } },
  { type: 'function', name: 'fine', parameters: { type: 'number', properties: { c: { type: 'string' } } } },
];
`,
  },
};

const TRICKY_BODIES_PY: Record<string, { text: string; expect: BodyExpectation }> = {
  'Python: "parameters" inside properties, f-strings, comments and a nested tool': {
    expect: 'skips',
    text: `from xai_sdk.chat import tool
X = 1
tools = [
    tool(
        name="outer",
        description="d",
        parameters={
            "type": "object",
            "properties": {
                "parameters": {"type": "string"},  # a property named like the schema key
                "nested": {"name": "inner", "parameters": {"type": "array"}},
                "plain": {"type": "object", "properties": {"a": {"type": "string", "enum": [1, -2.5, True, None]}}},
                "fstring": {"description": f"{X}"},
                "triple": {"description": """multi
line } with a brace""" "and more"},
            },
        },
    ),
    {"type": "function", "name": "noType", "parameters": {"properties": {"a": {"type": "string"}}, "required": ["a"]}},
    {"type": "function", "name": "union", "parameters": {"anyOf": [{"properties": {"b": {"type": "string"}}}, {"type": "string"}]}},
]
`,
  },
  'Python: candidates in a docstring and a comment beside real bodies': {
    expect: 'skips-confirmed',
    text: `PROMPT = '''Answer with JSON like {"properties": {"x": 1}}'''
# "properties": {"a": 1}
tools = [{"type": "function", "name": "s", "parameters": {"type": "object", "properties": {"a": {"type": "string"}}}}]
`,
  },
  'Python: a root $ref into properties': {
    expect: 'read',
    text: `tools = [{"type": "function", "name": "ref", "parameters": {"$ref": "#/properties/a", "properties": {"a": {"type": "string"}}}}]
`,
  },
  'Python: candidates in strings and comments': {
    expect: 'unverified',
    text: `tools = [{"type": "function", "name": "s", "description": '"properties": {"a": 1}', "parameters": {"type": "string"}}]
# "properties": {"a": 1}
`,
  },
};

/** TypeScript only: a type literal shaped like a schema, next to real bodies. */
const TYPE_LITERAL_BESIDE_BODIES = `type Shape = { properties: { a: Date, b: Map } };
export const tools = [{ type: 'function', name: 'typed', parameters: { type: 'object', properties: { q: { type: 'string' } } } }];
`;

function bodyInputs(): (Input & { expect: BodyExpectation })[] {
  return [
    ...Object.entries(TRICKY_BODIES_JS).flatMap(([label, { text, expect }]) => JS_LANGUAGES.map((languageId) => ({ label: `bodies: ${label}`, text, languageId, expect }))),
    ...['typescript', 'typescriptreact'].map((languageId) => ({ label: 'bodies: a type literal beside real bodies', text: TYPE_LITERAL_BESIDE_BODIES, languageId, expect: 'skips-confirmed' as const })),
    ...Object.entries(TRICKY_BODIES_PY).map(([label, { text, expect }]) => ({ label: `bodies: ${label}`, text, languageId: 'python', expect })),
  ];
}

function trickyInputs(): Input[] {
  const inputs = [
    ...Object.entries(TRICKY_JS).flatMap(([label, text]) => JS_LANGUAGES.map((languageId) => ({ label: `tricky: ${label}`, text, languageId }))),
    { label: 'tricky: TSX with JSX text and generics', text: TRICKY_TSX, languageId: 'typescriptreact' },
    { label: 'tricky: TypeScript declarations', text: TRICKY_TS, languageId: 'typescript' },
    ...Object.entries(TRICKY_PY).map(([label, text]) => ({ label: `tricky: ${label}`, text, languageId: 'python' })),
  ];
  // Windows line endings and tab indentation must split the same way.
  return [...inputs, ...inputs.map((input) => ({ ...input, label: `${input.label} (CRLF, tabs)`, text: input.text.replace(/\n/g, '\r\n').replace(/^ {4}/gm, '\t') }))];
}

function gatheredInputs(): Input[] {
  const fixtures = path.join(__dirname, '../../fixtures/schemaLint');
  return [
    ...filesIn(path.join(fixtures, 'valid'), 'valid'),
    ...filesIn(path.join(fixtures, 'invalid'), 'invalid'),
    ...filesIn(path.join(__dirname, 'realWorld'), 'realWorld'),
    ...snippetsOf('typescript.test.ts', JS_LANGUAGES),
    ...snippetsOf('python.test.ts', ['python']),
    ...snippetsOf('toolRecognition.test.ts', JS_LANGUAGES),
  ];
}

/**
 * The findings as JSON, with the `info` notes on unresolved schemas too: their messages say why a name could
 * not be resolved, which depends on every occurrence of the name in the file.
 */
async function findings(input: Input, parseMode: 'regions' | 'whole-file', skipBodies?: boolean): Promise<{ json: string; report: ParseReport | undefined }> {
  let report: ParseReport | undefined;
  const errors: unknown[] = [];
  const options = { parseMode, skipBodies, reportUnresolved: true, onParse: (parsed: ParseReport) => (report = parsed), onInternalError: (error: unknown) => errors.push(error) };
  const result = await lintDocument(input.text, input.languageId, options);
  assert.deepEqual(errors.map(String), [], `${input.label} (${input.languageId}): internal error`);
  return { json: JSON.stringify(result), report };
}

/**
 * Asserts equal findings of a whole-file parse and of the narrower parses: regions (as the linter plans them),
 * regions without every skippable body, and the whole file without every skippable body. Returns how the
 * region side was parsed, and how the body-skipping whole-file side was.
 */
async function assertSameFindings(input: Input): Promise<ParseReport | undefined> {
  return (await assertSameFindingsEveryWay(input)).regions;
}

async function assertSameFindingsEveryWay(input: Input): Promise<{ regions?: ParseReport; skipping?: ParseReport }> {
  const whole = await findings(input, 'whole-file');
  const regions = await findings(input, 'regions');
  assert.equal(regions.json, whole.json, `${input.label} as ${input.languageId}: region parse and whole-file parse disagree`);
  const regionsSkipping = await findings(input, 'regions', true);
  assert.equal(regionsSkipping.json, whole.json, `${input.label} as ${input.languageId}: region parse without nested bodies and whole-file parse disagree`);
  const skipping = await findings(input, 'whole-file', true);
  assert.equal(skipping.json, whole.json, `${input.label} as ${input.languageId}: whole-file parse without nested bodies and whole-file parse disagree`);
  return { regions: regions.report, skipping: skipping.report };
}

/** Damaged copies: truncated at several places, and with lines dropped or duplicated. */
function damaged(input: Input, next: () => number): Input[] {
  const copies: Input[] = [];
  for (const fraction of [0.3, 0.6, 0.9]) copies.push({ ...input, label: `${input.label} cut at ${fraction}`, text: input.text.slice(0, Math.floor(input.text.length * fraction)) });
  const lines = input.text.split('\n');
  for (let round = 0; round < 3; round++) {
    const copy = [...lines];
    const at = Math.floor(next() * copy.length);
    if (next() < 0.5) copy.splice(at, 1 + Math.floor(next() * 3));
    else copy.splice(at, 0, copy[Math.floor(next() * copy.length)] ?? '');
    copies.push({ ...input, label: `${input.label} damaged ${round}`, text: copy.join('\n') });
  }
  return copies;
}

describe('region parse: findings equal a whole-file parse (differential)', function () {
  this.timeout(120_000);

  it('on hand-written tricky inputs, which really take the region path and skip text', async () => {
    let skipped = 0;
    for (const input of trickyInputs()) {
      const report = await assertSameFindings(input);
      const expectFallback = /syntax error/.test(input.label);
      if (!expectFallback) assert.equal(report?.mode, 'regions', `${input.label} as ${input.languageId} fell back to a whole-file parse (${report?.fallback})`);
      if (report?.mode === 'regions' && report.parsedChars < input.text.length / 2) skipped++;
    }
    assert.ok(skipped >= 20, `only ${skipped} tricky inputs skipped most of their text`);
  });

  it('on hand-written body-skipping cases, which skip bodies or find out that they cannot', async () => {
    for (const input of bodyInputs()) {
      const { skipping } = await assertSameFindingsEveryWay(input);
      const what = `${input.label} as ${input.languageId}`;
      if (input.expect === 'skips' || input.expect === 'skips-confirmed') {
        assert.equal(skipping?.bodyFallback, undefined, `${what}: skipping abandoned`);
        assert.ok((skipping?.skippedBodies?.length ?? 0) > 0, `${what}: nothing skipped`);
        assert.equal((skipping?.droppedBodies ?? 0) > 0, input.expect === 'skips-confirmed', `${what}: ${skipping?.droppedBodies ?? 0} bodies dropped`);
      } else {
        assert.equal(skipping?.bodyFallback, input.expect, what);
        assert.equal(skipping?.skippedBodies, undefined, what);
      }
    }
  });

  it('on damaged copies of the body-skipping cases', async () => {
    const next = seededRandom(0xb0d1);
    for (const input of bodyInputs()) for (const copy of damaged(input, next)) await assertSameFindings(copy);
  });

  it('on the fixtures, real-world samples and the other tests’ code', async () => {
    const inputs = gatheredInputs();
    assert.ok(inputs.length >= 100, `gathered only ${inputs.length} inputs`);
    let viaRegions = 0;
    for (const input of inputs) if ((await assertSameFindings(input))?.mode === 'regions') viaRegions++;
    assert.ok(viaRegions >= inputs.length / 2, `only ${viaRegions} of ${inputs.length} inputs took the region path`);
  });

  it('on the benchmark’s generated 5,000-line files', async () => {
    for (const { label, text, languageId } of benchFileCases()) {
      if (languageId === 'json' || languageId === 'yaml') continue;
      const { regions, skipping } = await assertSameFindingsEveryWay({ label, text, languageId });
      assert.equal(regions?.mode, 'regions', label);
      if (label.includes('tools,')) assert.ok(skipping !== undefined && skipping.bodyFallback === undefined && skipping.parsedChars < text.length / 2, `${label}: bodies not skipped`);
    }
  });

  it('on damaged copies of every input (truncated, lines dropped or repeated)', async () => {
    const next = seededRandom(0x7e91);
    let runs = 0;
    for (const input of [...trickyInputs(), ...gatheredInputs()]) {
      for (const copy of damaged(input, next)) {
        await assertSameFindings(copy);
        runs++;
      }
    }
    assert.ok(runs > 500, `ran ${runs} damaged copies`);
  });
});
