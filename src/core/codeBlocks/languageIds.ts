/**
 * Which VS Code language a code block's fence word names, for "Open in New File". Models write
 * Markdown's short names (`ts`, `py`, `sh`, `c++`); VS Code wants its language ids (`typescript`,
 * `python`, `shellscript`, `cpp`). A word that is neither becomes plain text.
 */

/** Fence words that differ from the VS Code language id they mean. */
const ALIASES: Readonly<Record<string, string>> = {
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  node: 'javascript',
  jsx: 'javascriptreact',
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'typescriptreact',
  py: 'python',
  python3: 'python',
  py3: 'python',
  rb: 'ruby',
  rs: 'rust',
  go: 'go',
  golang: 'go',
  kt: 'kotlin',
  kts: 'kotlin',
  cs: 'csharp',
  'c#': 'csharp',
  fs: 'fsharp',
  'f#': 'fsharp',
  'c++': 'cpp',
  cc: 'cpp',
  cxx: 'cpp',
  hpp: 'cpp',
  h: 'c',
  objc: 'objective-c',
  'objective-c': 'objective-c',
  'objective-cpp': 'objective-cpp',
  sh: 'shellscript',
  bash: 'shellscript',
  zsh: 'shellscript',
  shell: 'shellscript',
  console: 'shellscript',
  ps: 'powershell',
  ps1: 'powershell',
  pwsh: 'powershell',
  bat: 'bat',
  cmd: 'bat',
  yml: 'yaml',
  md: 'markdown',
  htm: 'html',
  xhtml: 'html',
  svg: 'xml',
  jsonc: 'jsonc',
  json5: 'jsonc',
  dockerfile: 'dockerfile',
  docker: 'dockerfile',
  make: 'makefile',
  mk: 'makefile',
  tex: 'latex',
  text: 'plaintext',
  txt: 'plaintext',
  plain: 'plaintext',
  proto: 'proto3',
  tf: 'terraform',
  hcl: 'terraform',
  vb: 'vb',
  pl: 'perl',
  ex: 'elixir',
  exs: 'elixir',
  erl: 'erlang',
  hs: 'haskell',
  ml: 'ocaml',
  rkt: 'racket',
  clj: 'clojure',
  scm: 'scheme',
  gql: 'graphql',
  sol: 'solidity',
  'c-sharp': 'csharp',
};

export const PLAIN_TEXT_LANGUAGE = 'plaintext';

/**
 * The VS Code language id for a fence word. `known` is the set of ids this VS Code has
 * (`vscode.languages.getLanguages()`); a word it does not know becomes `plaintext`.
 */
export function languageIdForFence(word: string | undefined, known: ReadonlySet<string>): string {
  const name = word?.trim().toLowerCase();
  if (!name) return PLAIN_TEXT_LANGUAGE;
  const aliased = Object.hasOwn(ALIASES, name) ? ALIASES[name] : undefined;
  if (aliased && known.has(aliased)) return aliased;
  if (known.has(name)) return name;
  return PLAIN_TEXT_LANGUAGE;
}
