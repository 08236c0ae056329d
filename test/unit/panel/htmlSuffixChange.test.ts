import * as assert from 'node:assert/strict';
import { findHtmlSuffixChange } from '../../../src/core/markdown/htmlSuffixChange';
import { createMarkdownRenderer } from '../../../src/core/markdown/markdownRenderer';
import { CitationNumbering } from '../../../src/core/markdown/citationSources';

const md = createMarkdownRenderer();
const render = (text: string): string => md.render(text, { citations: new CitationNumbering() });

describe('findHtmlSuffixChange', () => {
  it('finds a table row added: the rows of tbody from the changed one on', () => {
    const head = '| a | b |\n|---|---|\n| 1 | x |\n';
    const previous = render(head + '| 2 | y');
    const next = render(head + '| 2 | **y** |\n| 3 | z');
    const change = findHtmlSuffixChange(previous, next)!;
    assert.deepEqual(change.path, [{ tag: 'table', index: 0 }, { tag: 'tbody', index: 3 }]);
    // tbody's children: "\n", <tr>1</tr>, "\n", <tr>2</tr>, "\n" — the second row on changes.
    assert.equal(change.from, 3);
    assert.equal(change.previousCount, 2);
    assert.equal(change.html, '<tr>\n<td>2</td>\n<td><strong>y</strong></td>\n</tr>\n<tr>\n<td>3</td>\n<td>z</td>\n</tr>\n');
  });

  it('finds an inline element added at the end of a paragraph, text before it included', () => {
    const previous = render('Some words and');
    const next = render('Some words and **bold**');
    const change = findHtmlSuffixChange(previous, next)!;
    assert.deepEqual(change.path, [{ tag: 'p', index: 0 }]);
    assert.equal(change.from, 0);
    assert.equal(change.previousCount, 1);
    assert.equal(change.html, 'Some words and <strong>bold</strong>');
  });

  it('finds a list item added, keeping the items before it', () => {
    const previous = render('- one\n- two');
    const next = render('- one\n- two\n- three');
    const change = findHtmlSuffixChange(previous, next)!;
    assert.deepEqual(change.path, [{ tag: 'ul', index: 0 }]);
    // ul's children: "\n", <li>one</li>, "\n", <li>two</li>, "\n": the items stay, the last line feed goes on.
    assert.equal(change.from, 4);
    assert.equal(change.previousCount, 1);
    assert.equal(change.html, '\n<li>three</li>\n');
  });

  it('goes up a level when what follows the element differs too', () => {
    // The list turned loose: every item changes, and so does what follows each.
    const previous = render('- one\n- two');
    const next = render('- one\n\n- two');
    const change = findHtmlSuffixChange(previous, next);
    assert.ok(change === undefined || change.path.length >= 1);
    if (change) {
      // Whatever it found, applying it to the previous HTML gives the next.
      assert.equal(applied(previous, change), next);
    }
  });

  it('leaves changes among the top-level blocks to the caller', () => {
    assert.equal(findHtmlSuffixChange(render('Para'), render('Para\n\n# Head')), undefined);
    assert.equal(findHtmlSuffixChange(render('x'), render('x')), undefined);
  });

  it('is exact on every prefix of real answers: applying the change to the previous HTML gives the next', () => {
    const texts = [
      '| a | b |\n|:--|--:|\n' + Array.from({ length: 12 }, (_, i) => `| ${i} | **${i}** \`c\` [l](https://x.example/${i}) |`).join('\n'),
      Array.from({ length: 15 }, (_, i) => `${i % 3 === 0 ? '1.' : '-'} item *${i}*\n  - nested ${i} \`code\``).join('\n'),
      '> quote with **bold** and [[1]](https://a.example/x) and more\n> > nested ' + 'words '.repeat(20),
      'Paragraph with *em*, `code`, [link](https://x.example) and [[2]](https://b.example/y) ' + 'text '.repeat(30),
      '```ts\nconst a = 1;\nconst b = "<tag>";\n```\n\nAfter <b> & "quotes"',
    ];
    let checked = 0;
    for (const text of texts) {
      let previous = '';
      for (let end = 1; end <= text.length; end++) {
        const next = render(text.slice(0, end));
        const change = findHtmlSuffixChange(previous, next);
        if (change) {
          assert.equal(applied(previous, change), next, `at ${end} of ${JSON.stringify(text.slice(0, 30))}`);
          checked++;
        }
        previous = next;
      }
    }
    assert.ok(checked > 200, `changes found and checked: ${checked}`);
  });
});

/**
 * Applies a change to HTML as the view applies it to the DOM: in the element at `path`, the child
 * nodes from `from` on are replaced by `html`. Works on the serialised form: finds those children by
 * walking tags the same way.
 */
function applied(previous: string, change: NonNullable<ReturnType<typeof findHtmlSuffixChange>>): string {
  const TOKEN = /<(\/?)([a-z][a-z0-9]*)[^>]*>|[^<]+/y;
  const VOID = new Set(['br', 'hr', 'img', 'input', 'wbr']);
  let position = 0;
  // Descend: at each level, skip `index` child nodes, then enter the element.
  const skipChildren = (count: number): void => {
    for (let skipped = 0; skipped < count; skipped++) {
      let depth = 0;
      do {
        TOKEN.lastIndex = position;
        const match = TOKEN.exec(previous)!;
        position += match[0].length;
        if (match[2] !== undefined && !VOID.has(match[2])) depth += match[1] ? -1 : 1;
      } while (depth > 0);
    }
  };
  for (const step of change.path) {
    skipChildren(step.index);
    TOKEN.lastIndex = position;
    const open = TOKEN.exec(previous)!;
    assert.equal(open[2], step.tag);
    position += open[0].length;
  }
  skipChildren(change.from);
  const start = position;
  skipChildren(change.previousCount);
  return previous.slice(0, start) + change.html + previous.slice(position);
}
