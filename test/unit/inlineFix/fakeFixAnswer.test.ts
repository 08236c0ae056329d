import { strict as assert } from 'node:assert';
import { fakeFixFor } from '../../../src/fakeServer/answers/fixAnswer';

const user = (text: string) => [{ role: 'system', text: 'rules' }, { role: 'user', text }];

describe('fake server: the inline-fix answer', () => {
  it('takes the code block, not the numbered context, applies fake-fix directives and drops the indentation', () => {
    const message = [
      'Before the code (context only, lines 1–2):',
      '```ts',
      '1 | class A {',
      '2 |',
      '```',
      'Code to work on, lines 3–4:',
      '```ts',
      '    f() {',
      '        return "1"; // fake-fix: "1" => 1',
      '    }',
      '```',
    ].join('\n');
    const fix = fakeFixFor(user(message));
    assert.ok(fix);
    assert.equal(fix.replacement, 'f() {\n    return 1;\n}');
    assert.equal(fix.directivesApplied, 1);
    assert.match(fix.explanation, /applied 1 fake-fix directive\./);
  });

  it('supports # and -- comments, leaves lines whose directive does not match, and says when nothing applied', () => {
    assert.equal(fakeFixFor(user('```py\nx = "a"  # fake-fix: "a" => "b"\n```'))?.replacement, 'x = "b"');
    assert.equal(fakeFixFor(user('```sql\nselect 1 -- fake-fix: 1 => 2\n```'))?.replacement, 'select 2');
    const unchanged = fakeFixFor(user('```\nkeep // fake-fix: absent => x\n```'));
    assert.equal(unchanged?.replacement, 'keep // fake-fix: absent => x');
    assert.match(unchanged?.explanation ?? '', /no fake-fix directive/);
  });

  it('finds nothing to fix without a code block', () => {
    assert.equal(fakeFixFor(user('Just words.')), undefined);
    assert.equal(fakeFixFor([]), undefined);
  });
});
