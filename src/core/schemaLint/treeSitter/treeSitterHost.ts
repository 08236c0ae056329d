/**
 * Loads tree-sitter (the `@vscode/tree-sitter-wasm` runtime and grammars) once, lazily; parsing is
 * synchronous afterwards. The wasm directory is injectable because it differs between the bundled extension
 * and CLI (`dist/`, where esbuild.mjs copies them) and tests (the package in node_modules).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { Language, Parser, type Tree } from '@vscode/tree-sitter-wasm';
import wasmFiles from './wasmFiles.json';

export type GrammarName = keyof typeof wasmFiles.grammars;

let configuredDirectory: string | undefined;
let runtime: Promise<void> | undefined;
const parsers = new Map<GrammarName, Promise<Parser>>();

/**
 * Where `tree-sitter.wasm` and the grammars live. Call before the first lint of a TS/JS/Python document;
 * grammars already loaded keep working.
 */
export function setTreeSitterWasmDirectory(directory: string): void {
  configuredDirectory = directory;
}

/** The bundle's own directory (`dist/`) when the wasm files are there, else the `@vscode/tree-sitter-wasm` package. */
export function defaultWasmDirectory(): string {
  const bundled = __dirname;
  if (existsSync(path.join(bundled, wasmFiles.runtime))) return bundled;
  try {
    return path.dirname(require.resolve('@vscode/tree-sitter-wasm'));
  } catch {
    return bundled;
  }
}

function wasmDirectory(): string {
  return configuredDirectory ?? defaultWasmDirectory();
}

/** A parser for `grammar`, created on first use. Rejects when the wasm files cannot be loaded. */
export function getParser(grammar: GrammarName): Promise<Parser> {
  let parser = parsers.get(grammar);
  if (parser === undefined) {
    parser = createParser(grammar);
    parsers.set(grammar, parser);
    // A failed load (wrong directory) must not stick: a later call may come after the directory is fixed.
    parser.catch(() => parsers.delete(grammar));
  }
  return parser;
}

async function createParser(grammar: GrammarName): Promise<Parser> {
  const directory = wasmDirectory();
  runtime ??= Parser.init({ locateFile: (file: string) => path.join(directory, file) }).catch((error: unknown) => {
    runtime = undefined;
    throw error;
  });
  await runtime;
  const bytes = await readFile(path.join(wasmDirectory(), wasmFiles.grammars[grammar]));
  const language = await Language.load(bytes);
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}

/** Parses `text`, hands the tree to `use`, and frees the tree's wasm memory whatever happens. */
export function withTree<T>(parser: Parser, text: string, use: (tree: Tree) => T): T | undefined {
  const tree = parser.parse(text);
  if (tree === null) return undefined;
  try {
    return use(tree);
  } finally {
    tree.delete();
  }
}
