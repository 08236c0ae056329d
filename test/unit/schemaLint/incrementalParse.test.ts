/**
 * Incremental re-parsing for editors (`documentKey`): a typing session of edits, each linted from the tree
 * kept for the previous version, must give exactly the findings of a fresh whole-file parse; and the edit
 * between two versions is computed right, positions included.
 */
import * as assert from 'node:assert/strict';
import { seededRandom } from '../../../src/fakeServer/prng';
import { lintDocument, releaseDocument } from '../../../src/core/schemaLint/lintDocument';
import { textEdit } from '../../../src/core/schemaLint/treeSitter/keptTrees';
import type { ParseReport } from '../../../src/core/schemaLint/treeSitter/regionParse';
import { benchFileCases } from '../../../bench/lintBenchInputs';

const TS_TOOLS = `import { tool } from 'ai';
import { z } from 'zod';

const shared = { type: 'object', properties: { q: { type: 'string' } } };
export const tools = {
  search: tool({ description: 'Search', inputSchema: z.string() }),
  lookup: { type: 'function', name: 'lookup', parameters: shared },
  broken: { type: 'function', name: 'broken', parameters: { type: 'array' } },
};
`;

const PY_TOOLS = `from xai_sdk.chat import tool

SHARED = {"type": "object", "properties": {"q": {"type": "string"}}}
tools = [
    tool(name="lookup", description="d", parameters=SHARED),
    tool(name="broken", description="d", parameters={"type": "array"}),
]
`;

const SNIPPETS = ['{', '}', ')', ',', "'", '"', '\n', 'parameters', "type: 'string'", '"type": "string"', 'z.number()', '# c\n', '// c\n', '/*', '*/', '`', '${x}'];

/** One random edit: insert a snippet, delete a run, or paste a copy of another part of the text. */
function edit(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const choice = next();
  if (choice < 0.45) return text.slice(0, at) + SNIPPETS[Math.floor(next() * SNIPPETS.length)] + text.slice(at);
  if (choice < 0.8) return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 12));
  const from = Math.floor(next() * text.length);
  return text.slice(0, at) + text.slice(from, from + Math.floor(next() * 60)) + text.slice(at);
}

async function findingsJson(text: string, languageId: string, options: Parameters<typeof lintDocument>[2]): Promise<string> {
  const errors: unknown[] = [];
  const findings = await lintDocument(text, languageId, { ...options, reportUnresolved: true, onInternalError: (error) => errors.push(error) });
  assert.deepEqual(errors.map(String), [], 'internal error');
  return JSON.stringify(findings);
}

describe('incremental re-parsing of a document being edited (documentKey)', function () {
  this.timeout(120_000);
  afterEach(() => releaseDocument());

  it('computes the replaced span and its rows and columns', () => {
    assert.equal(textEdit('same', 'same'), undefined);
    assert.deepEqual(textEdit('ab\ncd\nef', 'ab\ncXYd\nef'), {
      startIndex: 4,
      oldEndIndex: 4,
      newEndIndex: 6,
      startPosition: { row: 1, column: 1 },
      oldEndPosition: { row: 1, column: 1 },
      newEndPosition: { row: 1, column: 3 },
    });
    assert.deepEqual(textEdit('a\nbc\nd', 'a\nd'), {
      startIndex: 2,
      oldEndIndex: 5,
      newEndIndex: 2,
      startPosition: { row: 1, column: 0 },
      oldEndPosition: { row: 2, column: 0 },
      newEndPosition: { row: 1, column: 0 },
    });
    // Repeated characters: the common prefix wins, the suffix never overlaps it.
    assert.deepEqual(textEdit('aaa', 'aaaa'), { startIndex: 3, oldEndIndex: 3, newEndIndex: 4, startPosition: { row: 0, column: 3 }, oldEndPosition: { row: 0, column: 3 }, newEndPosition: { row: 0, column: 4 } });
  });

  for (const [label, start, languageId] of [
    ['TypeScript', TS_TOOLS, 'typescript'],
    ['TSX', TS_TOOLS, 'typescriptreact'],
    ['JavaScript', TS_TOOLS.replace(/^import .*$/gm, ''), 'javascript'],
    ['Python', PY_TOOLS, 'python'],
  ] as const) {
    it(`gives the findings of a fresh whole-file parse after every edit of a ${label} session`, async () => {
      const next = seededRandom(label.length * 7919);
      // `skipBodies`: nested bodies left out of every parse, the kept trees included.
      for (const [parseMode, skipBodies] of [['auto', undefined], ['regions', undefined], ['regions', true]] as const) {
        let text = start;
        for (let step = 0; step < 120; step++) {
          text = edit(text, next);
          const incremental = await findingsJson(text, languageId, { documentKey: `session-${label}-${String(skipBodies)}`, parseMode, skipBodies });
          assert.equal(incremental, await findingsJson(text, languageId, { parseMode: 'whole-file' }), `${label} (${parseMode}, skipBodies ${String(skipBodies)}) after edit ${step}:\n${text}`);
        }
      }
    });
  }

  it('re-parses the benchmark files incrementally after small edits, region parse included', async () => {
    for (const { label, text, languageId } of benchFileCases().filter((file) => file.languageId !== 'json' && file.languageId !== 'yaml')) {
      const key = `bench ${label}`;
      await findingsJson(text, languageId, { documentKey: key });
      const middle = text.indexOf('\n', Math.floor(text.length / 2)) + 1;
      for (const changed of [text.slice(0, middle) + '\n' + text.slice(middle), text.slice(0, middle) + text.slice(middle).replace("'string'", "'number'"), text]) {
        let report: ParseReport | undefined;
        const incremental = await findingsJson(changed, languageId, { documentKey: key, onParse: (parsed) => (report = parsed) });
        assert.equal(incremental, await findingsJson(changed, languageId, { parseMode: 'whole-file' }), label);
        assert.ok(report !== undefined, label);
      }
      releaseDocument(key);
    }
  });

  it('keeps only a few documents, and a kept tree never serves another grammar', async () => {
    for (let index = 0; index < 20; index++) assert.equal(await findingsJson(TS_TOOLS, 'typescript', { documentKey: `doc ${index}` }), await findingsJson(TS_TOOLS, 'typescript', {}));
    // The same key relinted as another language: the kept TypeScript tree must not be reused for Python.
    assert.equal(await findingsJson(PY_TOOLS, 'python', { documentKey: 'doc 19' }), await findingsJson(PY_TOOLS, 'python', {}));
    assert.equal(await findingsJson(TS_TOOLS, 'javascript', { documentKey: 'doc 19' }), await findingsJson(TS_TOOLS, 'javascript', {}));
  });
});
