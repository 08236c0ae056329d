import { strict as assert } from 'node:assert';
import { extractFencedCode } from '../../../src/core/prompts/extractFencedCode';

describe('extractFencedCode', () => {
  it('returns each fenced block with its language, in order', () => {
    const markdown = ['Fix:', '', '```ts', 'const a = 1;', '```', '', 'Test:', '```python', 'assert f() == 1', '```'].join('\n');
    assert.deepEqual(extractFencedCode(markdown), [
      { language: 'ts', code: 'const a = 1;' },
      { language: 'python', code: 'assert f() == 1' },
    ]);
  });

  it('leaves language out when the info string is empty, and takes its first word otherwise', () => {
    assert.deepEqual(extractFencedCode('```\nplain\n```\n\n```rust title="lib.rs"\nfn f() {}\n```'), [
      { code: 'plain' },
      { language: 'rust', code: 'fn f() {}' },
    ]);
  });

  it('handles tilde fences and longer fences wrapping shorter ones', () => {
    const markdown = ['~~~~md', '```js', 'x()', '```', '~~~', '~~~~', '', '````', '```', 'inner', '```', '````'].join('\n');
    assert.deepEqual(extractFencedCode(markdown), [
      { language: 'md', code: '```js\nx()\n```\n~~~' },
      { code: '```\ninner\n```' },
    ]);
  });

  it('runs an unterminated fence (a cut stream) to the end', () => {
    assert.deepEqual(extractFencedCode('Here:\n```go\nfunc main() {\n\tfmt.Println("hi")'), [
      { language: 'go', code: 'func main() {\n\tfmt.Println("hi")' },
    ]);
  });

  it('strips the container indentation of fences in list items and block quotes', () => {
    const markdown = ['1. Replace it:', '   ```js', '   if (a) {', '     b();', '   }', '   ```', '', '> ```sh', '> ls -la', '> ```'].join('\n');
    assert.deepEqual(extractFencedCode(markdown), [
      { language: 'js', code: 'if (a) {\n  b();\n}' },
      { language: 'sh', code: 'ls -la' },
    ]);
  });

  it('keeps blank lines and trailing spaces inside the code, and reads CRLF answers', () => {
    assert.deepEqual(extractFencedCode('```py\r\ndef f():\r\n\r\n    return 1  \r\n```\r\n'), [{ language: 'py', code: 'def f():\n\n    return 1  ' }]);
  });

  it('ignores inline code, indented code and fences that are not at a line start', () => {
    assert.deepEqual(extractFencedCode('Use `x` or ```y``` inline.\n\n    indented()\n\ntext ```js\nno\n'), []);
  });

  it('returns an empty list for empty input and an empty block for an empty fence', () => {
    assert.deepEqual(extractFencedCode(''), []);
    assert.deepEqual(extractFencedCode('```js\n```'), [{ language: 'js', code: '' }]);
  });
});
