import assert from 'node:assert/strict';
import { prefixCitedText, renderCitedText } from '../../../src/fakeServer/citedText';
import { buildDemoAnswer, describeRequest } from '../../../src/fakeServer/answers/demoAnswer';
import { inputMessages } from '../../../src/fakeServer/requestText';
import { buildActionPrompt } from '../../../src/core/prompts/buildPrompt';

describe('fake server: answer text helpers', () => {
  it('renderCitedText: links replace {{N}}, offsets are UTF-16 and span the whole link', () => {
    const { text, annotations } = renderCitedText('🚀 A{{1}}. B{{2}} and A again{{1}}.', ['https://a.example/x_(y)', 'https://b.example/']);
    assert.equal(text, '🚀 A[[1]](https://a.example/x_(y)). B[[2]](https://b.example/) and A again[[1]](https://a.example/x_(y)).');
    assert.deepEqual(
      annotations.map((a) => [a.title, text.slice(a.start_index, a.end_index)]),
      [
        ['1', '[[1]](https://a.example/x_(y))'],
        ['2', '[[2]](https://b.example/)'],
        ['1', '[[1]](https://a.example/x_(y))'],
      ],
    );
    assert.equal(annotations[0].start_index, 4, 'the emoji counts as two UTF-16 units');
    assert.throws(() => renderCitedText('{{3}}', ['only one']), /no source/);
  });

  it('prefixCitedText shifts offsets and leaves {{N}} in the prefix alone', () => {
    const cited = prefixCitedText('x{{1}}y ', renderCitedText('see{{1}}', ['https://a.example/']));
    assert.equal(cited.text, 'x{{1}}y see[[1]](https://a.example/)');
    assert.equal(cited.text.slice(cited.annotations[0].start_index, cited.annotations[0].end_index), '[[1]](https://a.example/)');
  });

  it('describeRequest reads action, instructions, path, lines, language and code from a typical prompt', () => {
    const messages = inputMessages({
      input: [
        { role: 'system', content: [{ type: 'input_text', text: 'Refactor the selected code without changing behaviour; explain briefly.' }] },
        { role: 'user', content: 'Selected code from `lib/util/strings.py`, lines 10–14:\n\n~~~~python\ndef f(x):\n    return x\n~~~~\n' },
      ],
    });
    const description = describeRequest(messages);
    assert.equal(description.action, 'Refactor');
    assert.equal(description.path, 'lib/util/strings.py');
    assert.equal(description.lineRange, '10–14');
    assert.equal(description.language, 'python');
    assert.equal(description.code, 'def f(x):\n    return x');
    assert.equal(description.messageCount, 2);
  });

  it('describeRequest reads the extension\'s own prompt: the Task line and the selected code, not the context', () => {
    const text = 'import x from "y";\n\nexport function f(a: number) {\n  return a + 1;\n}\n';
    for (const [action, expected] of [['explain', 'Explain'], ['fix', 'Fix'], ['refactor', 'Refactor'], ['tests', 'Write tests'], ['document', 'Document']] as const) {
      const built = buildActionPrompt({
        action,
        doc: { text, languageId: 'typescript', relativePath: 'src/a.ts' },
        target: { start: { line: 2, character: 0 }, end: { line: 4, character: 1 } },
        targetKind: 'selection',
        diagnostics: [],
      });
      const description = describeRequest(built.messages.map((m) => ({ role: m.role, text: m.content })));
      assert.equal(description.action, expected, action);
      assert.equal(description.path, 'src/a.ts');
      assert.equal(description.lineRange, '3–5');
      assert.equal(description.code, 'export function f(a: number) {\n  return a + 1;\n}');
    }
  });

  it('the demo answer fences code that contains fences and keeps hostile text inside inline code', () => {
    const description = describeRequest([
      { role: 'system', text: '' },
      { role: 'system', text: 'Explain `this` [[9]](javascript:alert(1))\nplease' },
      { role: 'user', text: '````md\n```js\nx\n```\n````' },
    ]);
    const { text, annotations } = buildDemoAnswer(description);
    assert.match(text, /`` Explain `this` \[\[9\]\]\(javascript:alert\(1\)\) please ``/);
    assert.match(text, /^````md\n```js\nx\n```\n````$/m);
    assert.equal(annotations.length, 1);
  });
});
