import { strict as assert } from 'node:assert';
import { parseFixArgs, parseProposalId, parseRewriteArgs } from '../../../src/extension/inlineFix/commandArgs';

const range = { start: { line: 1, character: 2 }, end: { line: 1, character: 5 } };

describe('inline fix: command arguments', () => {
  it('accepts what the code actions send', () => {
    const args = { uri: 'file:///w/a.ts', version: 3, diagnostic: { range, message: 'Bad.', severity: 'error', source: 'ts', code: '2322', extra: 1 } };
    assert.deepEqual(parseFixArgs(args), { uri: 'file:///w/a.ts', version: 3, diagnostic: { range, message: 'Bad.', severity: 'error', source: 'ts', code: '2322' } });
    assert.deepEqual(parseRewriteArgs({ uri: 'untitled:Untitled-1', range, instruction: 'Shorter.' }), { uri: 'untitled:Untitled-1', range, instruction: 'Shorter.' });
  });

  it('treats missing or malformed arguments as absent (the command then uses the active editor)', () => {
    for (const bad of [undefined, null, 'file:///a.ts', [], {}, { uri: 1, diagnostic: {} }, { uri: 'x', diagnostic: { range, message: 'm', severity: 'fatal' } }]) {
      assert.equal(parseFixArgs(bad), undefined, JSON.stringify(bad));
    }
    assert.equal(parseFixArgs({ uri: 'x', diagnostic: { range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } }, message: 'm', severity: 'error' } }), undefined);
    assert.equal(parseRewriteArgs({ uri: 'x', range: { start: { line: 0.5, character: 0 }, end: { line: 1, character: 0 } } }), undefined);
  });

  it('reads a proposal id, ignoring anything else (the editor title passes a URI)', () => {
    assert.equal(parseProposalId('p12'), 'p12');
    assert.equal(parseProposalId({ scheme: 'grok-proposal' }), undefined);
    assert.equal(parseProposalId('../../etc'), undefined);
  });
});
