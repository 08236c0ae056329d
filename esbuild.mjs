// Bundles the extension (Node, CommonJS, `vscode` external), the webview (browser IIFE) and the
// Node-side tools (the fake Responses server used by the offline demo, the linter CLI).
// Usage: node esbuild.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

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

const nodeTarget = { ...common, platform: 'node', format: 'cjs', target: 'node20' };

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

const targets = [
  { ...nodeTarget, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [...common.plugins, lazyServicesPlugin] },
  { ...nodeTarget, entryPoints: ['src/extension/services.ts'], outfile: 'dist/services.js', external: ['vscode'] },
  { ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['src/webview/main.ts'], outfile: 'media/dist/panel.js' },
  { ...nodeTarget, entryPoints: ['src/fakeServer/cli.ts'], outfile: 'dist/fake-xai-server.js' },
  ...(existsSync('src/lint/cli.ts')
    ? [{ ...nodeTarget, entryPoints: ['src/lint/cli.ts'], outfile: 'dist/grok-lint.js', banner: { js: '#!/usr/bin/env node' } }]
    : []),
];

if (watch) {
  const contexts = await Promise.all(targets.map((t) => esbuild.context(t)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[watch] watching for changes…');
} else {
  const results = await Promise.allSettled(targets.map((t) => esbuild.build(t)));
  const failed = results.filter((r) => r.status === 'rejected');
  if (failed.length) process.exit(1);
}
