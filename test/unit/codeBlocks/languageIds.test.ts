import assert from 'node:assert/strict';
import { languageIdForFence } from '../../../src/core/codeBlocks/languageIds';

/** A few of the ids a stock VS Code knows. */
const KNOWN = new Set(['plaintext', 'typescript', 'typescriptreact', 'javascript', 'python', 'shellscript', 'cpp', 'csharp', 'yaml', 'markdown', 'json', 'rust', 'go', 'powershell', 'dockerfile']);

describe('languageIdForFence', () => {
  it("maps markdown's short names to VS Code language ids", () => {
    const cases: Array<[string, string]> = [
      ['ts', 'typescript'],
      ['TSX', 'typescriptreact'],
      ['js', 'javascript'],
      ['py', 'python'],
      ['sh', 'shellscript'],
      ['bash', 'shellscript'],
      ['c++', 'cpp'],
      ['C#', 'csharp'],
      ['yml', 'yaml'],
      ['md', 'markdown'],
      ['rs', 'rust'],
      ['golang', 'go'],
      ['ps1', 'powershell'],
      ['Dockerfile', 'dockerfile'],
    ];
    for (const [word, id] of cases) assert.equal(languageIdForFence(word, KNOWN), id, word);
  });

  it('keeps ids VS Code already knows, and falls back to plain text for anything else', () => {
    assert.equal(languageIdForFence('json', KNOWN), 'json');
    assert.equal(languageIdForFence('python', KNOWN), 'python');
    assert.equal(languageIdForFence(undefined, KNOWN), 'plaintext');
    assert.equal(languageIdForFence('', KNOWN), 'plaintext');
    assert.equal(languageIdForFence('brainfuck', KNOWN), 'plaintext');
    assert.equal(languageIdForFence('kt', KNOWN), 'plaintext', 'an alias whose language is not installed');
    assert.equal(languageIdForFence('__proto__', KNOWN), 'plaintext');
    assert.equal(languageIdForFence('constructor', KNOWN), 'plaintext');
  });
});
