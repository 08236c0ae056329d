/**
 * Just enough lexical syntax per language family to find blocks without a real parser: where comments
 * and strings are (so a `{` in a string is not a block), which brackets make blocks, and whether blocks
 * are shown by indentation (Python) or closed by keywords (Ruby `end`, shell `fi`).
 */

export interface LexicalSyntax {
  lineComments: readonly string[];
  blockComments: readonly (readonly [open: string, close: string])[];
  /** Quotes whose strings end at the line's end when left open. */
  quotes: string;
  /** Python `"""` / `'''` strings, which span lines. */
  tripleQuotes: boolean;
  /** Quotes whose strings may span lines (JavaScript template literals, Go raw strings, Rust strings). */
  multilineQuotes: string;
  /** Rust: `'x'` is a character but `'a` is a lifetime, not the start of a string. */
  quoteIsCharLiteral: boolean;
  /** Brackets that are paired at all; prose and markup have none (a `{` in text opens nothing). */
  brackets: string;
  /** Brackets whose multi-line pairs count as blocks. */
  blockOpeners: string;
  /** Try the indentation block first (Python, YAML, and keyword-delimited languages). */
  indentationFirst: boolean;
  /** A line like `end`, `fi` or `done` at the header's indentation closes the block. */
  keywordClosers: boolean;
}

const C_LIKE: LexicalSyntax = {
  lineComments: ['//'],
  blockComments: [['/*', '*/']],
  quotes: `"'`,
  tripleQuotes: false,
  multilineQuotes: '',
  quoteIsCharLiteral: false,
  brackets: '([{',
  blockOpeners: '{',
  indentationFirst: false,
  keywordClosers: false,
};

const FAMILIES: Record<string, Partial<LexicalSyntax>> = {
  javascriptLike: { multilineQuotes: '`' },
  rust: { quotes: '', multilineQuotes: '"', quoteIsCharLiteral: true },
  data: { blockOpeners: '{[' },
  css: {},
  python: { lineComments: ['#'], blockComments: [], tripleQuotes: true, indentationFirst: true },
  hashBraces: { lineComments: ['#'], blockComments: [], keywordClosers: true },
  hashKeywords: { lineComments: ['#'], blockComments: [], indentationFirst: true, keywordClosers: true },
  hashIndented: { lineComments: ['#'], blockComments: [], indentationFirst: true },
  lua: { lineComments: ['--'], blockComments: [['--[[', ']]']], indentationFirst: true, keywordClosers: true },
  sql: { lineComments: ['--'], quotes: `'"`, blockOpeners: '(' },
  haskell: { lineComments: ['--'], blockComments: [['{-', '-}']], quotes: '"', indentationFirst: true },
  lisp: { lineComments: [';'], blockComments: [], quotes: '"', blockOpeners: '(' },
  markup: { lineComments: [], blockComments: [['<!--', '-->']], quotes: '', brackets: '', blockOpeners: '', indentationFirst: true },
  prose: { lineComments: [], blockComments: [], quotes: '', brackets: '', blockOpeners: '', indentationFirst: true },
  basic: { lineComments: ["'"], blockComments: [], quotes: '"', blockOpeners: '', indentationFirst: true, keywordClosers: true },
};

const FAMILY_OF: Record<string, keyof typeof FAMILIES> = {
  javascript: 'javascriptLike',
  javascriptreact: 'javascriptLike',
  typescript: 'javascriptLike',
  typescriptreact: 'javascriptLike',
  vue: 'javascriptLike',
  svelte: 'javascriptLike',
  go: 'javascriptLike',
  rust: 'rust',
  json: 'data',
  jsonc: 'data',
  json5: 'data',
  jsonl: 'data',
  css: 'css',
  scss: 'css',
  less: 'css',
  python: 'python',
  cython: 'python',
  mojo: 'python',
  starlark: 'python',
  gdscript: 'python',
  shellscript: 'hashBraces',
  perl: 'hashBraces',
  r: 'hashBraces',
  powershell: 'hashBraces',
  ruby: 'hashKeywords',
  elixir: 'hashKeywords',
  julia: 'hashKeywords',
  crystal: 'hashKeywords',
  coffeescript: 'hashIndented',
  nim: 'hashIndented',
  yaml: 'hashIndented',
  toml: 'hashIndented',
  makefile: 'hashIndented',
  dockerfile: 'hashIndented',
  cmake: 'hashIndented',
  lua: 'lua',
  sql: 'sql',
  haskell: 'haskell',
  elm: 'haskell',
  clojure: 'lisp',
  lisp: 'lisp',
  scheme: 'lisp',
  racket: 'lisp',
  html: 'markup',
  xml: 'markup',
  xsl: 'markup',
  svg: 'markup',
  markdown: 'prose',
  plaintext: 'prose',
  restructuredtext: 'prose',
  asciidoc: 'prose',
  vb: 'basic',
};

/** Unknown languages get C-like rules: most code in the wild is C-like, and the brace search is safe. */
export function lexicalSyntaxFor(languageId: string): LexicalSyntax {
  return Object.hasOwn(FAMILY_OF, languageId) ? { ...C_LIKE, ...FAMILIES[FAMILY_OF[languageId]] } : C_LIKE;
}
