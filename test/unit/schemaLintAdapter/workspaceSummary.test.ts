import assert from 'node:assert/strict';
import { emptySummary, summaryMessage } from '../../../src/extension/schemaLint/workspaceSummary';

const MIB = 1024 * 1024;

describe('schema lint in the editor: the workspace summary', () => {
  it('counts findings by severity and the files they are in', () => {
    const summary = { ...emptySummary(), found: 42, linted: 42, errors: 3, warnings: 1, filesWithFindings: ['a', 'b'] };
    assert.equal(summaryMessage(summary, MIB, 20_000), 'Grok linted 42 files: 3 errors and 1 warning in 2 files.');
  });

  it('says when all is well, what was skipped and why, and where the search stopped', () => {
    const summary = {
      ...emptySummary(),
      found: 1201,
      linted: 1198,
      excluded: 7,
      limitReached: true,
      skipped: { tooLarge: 2, binary: 0, unreadable: 1 },
    };
    assert.equal(
      summaryMessage(summary, MIB, 20_000),
      'Grok linted 1,198 files: no tool-schema problems. Skipped 3 files (2 larger than 1 MiB, 1 unreadable). Only the first 20,000 files were searched.',
    );
  });

  it('reports a cancelled run as partial, and an empty workspace plainly', () => {
    const cancelled = { ...emptySummary(), found: 10, linted: 4, errors: 1, filesWithFindings: ['a'], cancelled: true };
    assert.equal(summaryMessage(cancelled, MIB, 20_000), 'Grok stopped after 4 of 10 files: 1 error in 1 file.');
    assert.equal(summaryMessage(emptySummary(), MIB, 20_000), 'Grok found no JSON, YAML, TypeScript/JavaScript or Python files to lint.');
  });
});
