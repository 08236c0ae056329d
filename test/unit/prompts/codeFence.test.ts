import { strict as assert } from 'node:assert';
import MarkdownIt from 'markdown-it';
import { fenceFor, fencedBlock, fenceLanguageTag, inlineCode } from '../../../src/core/prompts/codeFence';
import { extractFencedCode } from '../../../src/core/prompts/extractFencedCode';

describe('code fences', () => {
  it('uses ``` unless the code has a backtick run of 3 or more, then one longer', () => {
    assert.equal(fenceFor('a `b` ``c``'), '```');
    assert.equal(fenceFor('```js\nx\n```'), '````');
    assert.equal(fenceFor('x ````````` y'), '``````````');
  });

  const awkward = ['plain', '```', '````\n```\n``', '~~~\ncode\n~~~', '  indented\n\n\ttabs', 'ends with backticks ```', '```js', '', '\n\n'];
  for (const code of awkward) {
    it(`round-trips ${JSON.stringify(code)} through a markdown parser`, () => {
      assert.deepEqual(extractFencedCode(`Text before.\n\n${fencedBlock(code, 'ts')}\n\nText after.`), [{ language: 'ts', code }]);
    });
  }

  it('round-trips generated code made of fence-like pieces', () => {
    const pieces = ['`', '``', '```', '````', '~~~', '\n', '  ', '\t', '> ', '- ', '1. ', 'x', '<div>', '&amp;', '\\', '😀'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 300; i++) {
      const code = Array.from({ length: Math.floor(next() * 40) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      assert.deepEqual(extractFencedCode(fencedBlock(code, 'js')), [{ language: 'js', code }], JSON.stringify(code));
    }
  });

  it('drops characters that could break a fence from the language tag', () => {
    assert.equal(fenceLanguageTag('typescriptreact'), 'typescriptreact');
    assert.equal(fenceLanguageTag('c++'), 'c++');
    assert.equal(fenceLanguageTag('objective-c'), 'objective-c');
    assert.equal(fenceLanguageTag('a b`c\nd'), 'abcd');
  });

  it('makes inline code spans that render their text verbatim', () => {
    const md = new MarkdownIt();
    for (const text of ['src/a.ts', 'a `b` c', '`edge`', '``', 'x ` y `` z']) {
      const html = md.renderInline(inlineCode(text));
      const shown = html.replace(/^<code>|<\/code>$/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
      assert.equal(shown, text, `${inlineCode(text)} rendered as ${html}`);
    }
  });
});
