// Bundles the extension (Node, CommonJS, `vscode` external), the webview (browser IIFE) and the
// Node-side tools (the fake Responses server used by the offline demo, the linter CLI).
// Usage: node esbuild.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints one line per finished build so `--watch` users see errors without a problem matcher. */
const reportPlugin = {
  name: 'report',
  setup(build) {
    build.onEnd((result) => {
      const name = build.initialOptions.outfile;
      for (const { text, location } of result.errors) {
        console.error(`✘ ${name}: ${text}` + (location ? ` (${location.file}:${location.line}:${location.column})` : ''));
      }
      if (watch) console.log(`[watch] ${name}: ${result.errors.length ? 'failed' : 'built'}`);
    });
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: 'none',
  plugins: [reportPlugin],
};

// jsonc-parser's UMD build (its `main`) hides its requires from the bundler, which then fails at run time
// ("Cannot find module './impl/format'"): bundle its ES module build instead.
const nodeTarget = {
  ...common,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
};

/**
 * Activation loads only dist/extension.js (commands, serializer, key store). The heavy half (openai
 * SDK, zod protocol, prompt builder, panel host) is its own bundle, dist/services.js, required on first use.
 */
const lazyServicesPlugin = {
  name: 'lazy-services',
  setup(build) {
    build.onResolve({ filter: /^\.\/services$/ }, () => ({ path: './services.js', external: true }));
  },
};

/** The tool-schema linter in the editor (parsers, tree-sitter) is a third bundle, dist/schemaLint.js, loaded on first need. */
const lazySchemaLintPlugin = {
  name: 'lazy-schema-lint',
  setup(build) {
    build.onResolve({ filter: /^\.\/schemaLintRuntime$/ }, () => ({ path: './schemaLint.js', external: true }));
  },
};

const targets = [
  { ...nodeTarget, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [...common.plugins, lazyServicesPlugin, lazySchemaLintPlugin] },
  { ...nodeTarget, entryPoints: ['src/extension/services.ts'], outfile: 'dist/services.js', external: ['vscode'] },
  { ...nodeTarget, entryPoints: ['src/extension/schemaLint/schemaLintRuntime.ts'], outfile: 'dist/schemaLint.js', external: ['vscode'] },
  { ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['src/webview/main.ts'], outfile: 'media/dist/panel.js' },
  { ...nodeTarget, entryPoints: ['src/fakeServer/cli.ts'], outfile: 'dist/fake-xai-server.js' },
  ...(existsSync('src/lint/cli.ts')
    ? [{ ...nodeTarget, entryPoints: ['src/lint/cli.ts'], outfile: 'dist/grok-lint.js', banner: { js: '#!/usr/bin/env node' } }]
    : []),
];

/** The schema linter loads tree-sitter's wasm runtime and grammars at run time from dist/ (next to the bundles). */
function copyTreeSitterWasm() {
  const { runtime, grammars } = JSON.parse(readFileSync('src/core/schemaLint/treeSitter/wasmFiles.json', 'utf8'));
  mkdirSync('dist', { recursive: true });
  for (const file of [runtime, ...Object.values(grammars)]) copyFileSync(`node_modules/@vscode/tree-sitter-wasm/wasm/${file}`, `dist/${file}`);
}
copyTreeSitterWasm();

/** The chat panel's icons: VS Code's codicon font and its stylesheet, served from media/ like the panel's own assets. */
function copyCodicons() {
  mkdirSync('media/dist/codicons', { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) copyFileSync(`node_modules/@vscode/codicons/dist/${file}`, `media/dist/codicons/${file}`);
}
copyCodicons();

if (watch) {
  const contexts = await Promise.all(targets.map((t) => esbuild.context(t)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[watch] watching for changes…');
} else {
  const results = await Promise.allSettled(targets.map((t) => esbuild.build(t)));
  const failed = results.filter((r) => r.status === 'rejected');
  if (failed.length) process.exit(1);
}
