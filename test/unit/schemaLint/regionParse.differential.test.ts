/**
 * Differential test of the region parse: for every TS/JS/TSX/Python input we can gather — the fixture files,
 * the real-world samples, the code in the other linter tests, the benchmark's generated files, hand-written
 * tricky cases, and damaged copies of all of them — the findings when only the chosen statements are parsed
 * must equal (ranges, messages and fixes included) the findings of a whole-file parse.
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
async function findings(input: Input, parseMode: 'regions' | 'whole-file'): Promise<{ json: string; report: ParseReport | undefined }> {
  let report: ParseReport | undefined;
  const errors: unknown[] = [];
  const options = { parseMode, reportUnresolved: true, onParse: (parsed: ParseReport) => (report = parsed), onInternalError: (error: unknown) => errors.push(error) };
  const result = await lintDocument(input.text, input.languageId, options);
  assert.deepEqual(errors.map(String), [], `${input.label} (${input.languageId}): internal error`);
  return { json: JSON.stringify(result), report };
}

/** Asserts equal findings; returns how the region side was parsed. */
async function assertSameFindings(input: Input): Promise<ParseReport | undefined> {
  const regions = await findings(input, 'regions');
  const whole = await findings(input, 'whole-file');
  assert.equal(regions.json, whole.json, `${input.label} as ${input.languageId}: region parse and whole-file parse disagree`);
  return regions.report;
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
      const report = await assertSameFindings({ label, text, languageId });
      assert.equal(report?.mode, 'regions', label);
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
