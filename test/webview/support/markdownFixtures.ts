/**
 * Markdown that stresses block boundaries while streaming: every construct whose meaning depends on
 * the lines after it, plus the citation shapes xAI sends. Shared by the Node and browser tests.
 */
export const MARKDOWN_FIXTURES: Record<string, string> = {
  xaiDocExample:
    '**xAI is an artificial intelligence company founded by Elon Musk in March 2023.** Its stated mission is to "understand the universe".[[1]](https://x.ai/company)\n\n### Key Details\n- **Flagship product**: Grok, a family of frontier AI models.[[2]](https://x.ai/)\n- **Current status (as of mid-2026)**: xAI operates as a subsidiary of SpaceX.[[3]](https://en.wikipedia.org/wiki/XAI_(company))\n- **Headquarters and team**: Based in Palo Alto.\n\nNote that there is an unrelated project called Xai (xai.games).[[4]](https://xai.games/) Again: [[1]](https://x.ai/company)\n\nFor the latest updates, check x.ai or @xai on X.',
  setextAndRules: 'Title\n=====\n\nSub\n---\n\npara\n***\n___\n- - -\nafter\n',
  fences:
    'Intro:\n```ts\nconst a = "[[1]](https://x.ai)";\n```\n~~~\ntilde ``` inside\n~~~\n\n````md\n```\nnested\n```\n````\ntext\n```x``` not a fence\n',
  unclosedFence: 'Before\n\n```python\ndef f():\n    return [[1]](https://x.ai)\n',
  listsLooseAndTight: '- a\n- b\n\n- c loose now\n\n  continued in item\n\n1. one\n2. two\n\n7) seven\n8) eight\n\n- outer\n  - inner\n    - deeper\n\nend\n',
  blockquotes: '> quote line\nlazy continuation\n\n> second\n> > nested\n\nplain\n',
  tables:
    '| Left | Center | Right |\n|:-----|:------:|------:|\n| a | b | c |\n| [[1]](https://x.ai/t) | `|` | **x** |\n\nparagraph\n| not | table |\n|---|---|\n| x | y |\n',
  headingsAndBreaks: '# H1\n## H2 ##\n###### H6\nline one  \nline two\\\nline three\n\n    indented code\n    more\n\npara\n    lazy not code\n',
  referencesStayText: 'Uses [ref] here.\n\n[ref]: https://x.ai/ref\n\nAnd [[2]](https://x.ai/two).\n',
  htmlIsText: '<script>alert(1)</script>\n\n<div onclick="x()">hi</div> <img src=x onerror=alert(1)>\n\n<!-- comment -->\n',
  emojiAndCrlf: 'Emoji 😀 first.[[1]](https://example.com/a)\r\n\r\nSecond 👍🏽 line[[2]](https://example.com/b(c))\r\n- item\r\n- item 2\r\n',
  linksAndImages:
    'See [docs](https://code.visualstudio.com/api) and <https://x.ai/auto>.\n\n![chart](https://example.com/c.png "Chart") ![plain](http://example.com/p.png) ![bad](javascript:alert(1))\n\n[bad](javascript:alert(1)) [cmd](command:workbench.action.quit) [file](file:///etc/passwd) [data](data:text/html,hi) [vs](vscode://x) [rel](/relative)\n',
  citationEdgeCases:
    'Odd numbers [[5]](https://a.example/x) then [[5]](https://b.example/y) then [[1]](https://a.example/x).\nAngle [[2]](<https://a.example/with space>) escaped [[3]](https://a.example/p\\)q) deep [[4]](https://a.example/((a)(b))).\nNot [[x]](https://a.example) nor [[1]] (https://a.example) nor [[1]](javascript:alert(1)).\n`[[9]](https://code.example)` in code.\n',
};
