import assert from 'node:assert/strict';
import { diagnosticKey, FindingIndex } from '../../../src/extension/schemaLint/findingIndex';
import type { LintFinding } from '../../../src/core/schemaLint/types';

const URI = 'file:///w/tools.json';

function finding(rule: LintFinding['rule'], title: string): LintFinding {
  return { rule, severity: 'error', message: `Tool "t": ${rule}`, toolName: 't', start: 10, end: 20, fixes: [{ title, edits: [{ start: 10, end: 20, newText: '{}' }] }] };
}

function key(line: number, f: LintFinding): string {
  return diagnosticKey({ startLine: line, startCharacter: 2, endLine: line, endCharacter: 9, rule: f.rule, message: f.message });
}

describe('schema lint in the editor: fixes keyed by document version', () => {
  it('offers a finding\'s fixes only while the document is at the version they were computed for', () => {
    const index = new FindingIndex();
    const wrap = finding('root-not-object', 'Wrap');
    index.set(URI, 4, [[key(1, wrap), wrap]]);
    assert.deepEqual(
      index.fixesFor(URI, 4, key(1, wrap)).map((fix) => fix.title),
      ['Wrap'],
    );
    assert.deepEqual(index.fixesFor(URI, 5, key(1, wrap)), [], 'the document moved on: the fix would edit the wrong text');
    assert.deepEqual(index.fixesFor(URI, 3, key(1, wrap)), []);
    assert.deepEqual(index.fixesFor('file:///w/other.json', 4, key(1, wrap)), []);
  });

  it('tells findings apart by range, rule and message; never fixes from a file read from disk', () => {
    const index = new FindingIndex();
    const a = finding('root-not-object', 'A');
    const b = finding('root-missing-type', 'B');
    index.set(URI, 1, [
      [key(1, a), a],
      [key(2, b), b],
    ]);
    assert.equal(index.fixesFor(URI, 1, key(2, b))[0].title, 'B');
    assert.deepEqual(index.fixesFor(URI, 1, key(3, b)), [], 'another range');
    assert.equal(index.findingFor(URI, key(1, a)), a);

    index.set(URI, undefined, [[key(1, a), a]]);
    assert.equal(index.findingFor(URI, key(1, a)), a, 'shown');
    assert.deepEqual(index.fixesFor(URI, 1, key(1, a)), [], 'not fixable until the open document is linted');

    index.delete(URI);
    assert.equal(index.has(URI), false);
  });
});
