import { strict as assert } from 'node:assert';
import { applyToText, createProposal, locateProposal } from '../../../src/core/inlineFix/proposal';
import type { FixProposal } from '../../../src/core/inlineFix/proposal';
import { relocateTarget } from '../../../src/core/inlineFix/relocate';
import type { FixTarget } from '../../../src/core/inlineFix/types';

describe('inline fix: re-locating the target in a changed document', () => {
  const target = 'if (a) {\n  b();\n}';
  const original = `x;\n${target}\ny;\n`;
  const offset = original.indexOf(target);

  it('finds it where it was when nothing before it changed', () => {
    assert.deepEqual(relocateTarget(original, target, offset), { found: true, offset });
  });

  it('follows it when lines were added or removed above it', () => {
    const moved = `// a new comment\n// and another\n${original}`;
    assert.deepEqual(relocateTarget(moved, target, offset), { found: true, offset: moved.indexOf(target) });
    const shrunk = original.slice(3);
    assert.deepEqual(relocateTarget(shrunk, target, offset), { found: true, offset: 0 });
  });

  it('refuses when the target itself was edited, even by one character or only its whitespace', () => {
    assert.deepEqual(relocateTarget(original.replace('b();', 'c();'), target, offset), { found: false, reason: 'missing' });
    assert.deepEqual(relocateTarget(original.replace('  b();', '    b();'), target, offset), { found: false, reason: 'missing' });
    assert.deepEqual(relocateTarget(original.replace(/\n/g, '\r\n'), target, offset), { found: false, reason: 'missing' });
    assert.deepEqual(relocateTarget('', target, offset), { found: false, reason: 'missing' });
  });

  it('picks the copy nearest to the original position when the code now appears several times', () => {
    const copies = `${target}\n\n\n\n\n\n\n\n${original}${target}\n`;
    const middle = copies.indexOf(target, 1);
    assert.equal(middle, target.length + 8 + offset);
    // Not exactly where it was (lines above changed too): the nearest of the three copies wins.
    assert.deepEqual(relocateTarget(copies, target, middle + 5), { found: true, offset: middle });
    assert.deepEqual(relocateTarget(copies, target, 2), { found: true, offset: 0 });
    assert.deepEqual(relocateTarget(copies, target, copies.length), { found: true, offset: copies.lastIndexOf(target) });
  });

  it('refuses when two copies are equally near (it cannot know which one was meant)', () => {
    const text = `${target}--${target}`;
    assert.deepEqual(relocateTarget(text, target, target.length / 2 + 1), { found: false, reason: 'ambiguous' });
    assert.deepEqual(relocateTarget('aXa', 'a', 1), { found: false, reason: 'ambiguous' });
  });

  it('never matches an empty target', () => {
    assert.deepEqual(relocateTarget('abc', '', 0), { found: false, reason: 'missing' });
  });

  describe('locateProposal: the edit applied to the document as it is now', () => {
    const fixTarget: FixTarget = { range: { start: { line: 1, character: 0 }, end: { line: 3, character: 1 } }, text: target, offset, kind: 'enclosing-block' };
    const proposal: FixProposal = createProposal({
      target: fixTarget,
      requestText: original,
      eol: '\n',
      answer: { replacement: 'if (a) {\n  c();\n}', explanation: 'call c', usedFallback: false },
    });

    it('applies only the changed line, at the moved position, keeping the newer edit above it', () => {
      const edited = `// user typed this while Grok worked\n${original}`;
      const located = locateProposal(edited, proposal);
      assert.ok(located.ok);
      assert.equal(located.targetOffset, edited.indexOf(target));
      assert.equal(edited.slice(located.edit.start, located.edit.end), '  b();\n');
      assert.equal(applyToText(edited, located.edit), `// user typed this while Grok worked\nx;\nif (a) {\n  c();\n}\ny;\n`);
      assert.equal(located.isNoOp, false);
    });

    it('refuses with a clear message when the target was edited; the text is left as it is', () => {
      const located = locateProposal(original.replace('b()', 'bb()'), proposal);
      assert.equal(located.ok, false);
      assert.match(located.ok ? '' : located.message, /was edited since the request.*not applied.*your edits are kept/);
    });

    it('says when the proposal changes nothing', () => {
      const same = createProposal({ target: fixTarget, requestText: original, eol: '\n', answer: { replacement: target, explanation: '', usedFallback: false } });
      const located = locateProposal(original, same);
      assert.ok(located.ok && located.isNoOp);
      assert.equal(applyToText(original, located.ok ? located.edit : { start: 0, end: 0, text: '' }), original);
    });
  });
});
