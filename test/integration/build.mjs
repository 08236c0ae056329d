// Bundles the integration test runner and every test/integration/**/*.test.ts into out/integration/
// as CommonJS for the extension host. `vscode` is provided by the host; mocha is required from
// node_modules (its reporters are loaded dynamically, which a bundle would break).
// Usage: node test/integration/build.mjs
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const outdir = path.resolve(here, '../../out/integration');
const tests = readdirSync(here, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.test.ts'))
  .map((file) => path.join(here, file));

// A deleted test must not keep running from a stale bundle.
rmSync(outdir, { recursive: true, force: true });
await esbuild.build({
  entryPoints: [path.join(here, 'index.ts'), ...tests],
  outbase: here,
  outdir,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode', 'mocha'],
  // For debuggers only: the extension host overrides Error.prepareStackTrace, so Node's
  // --enable-source-maps cannot rewrite stack traces there. The bundles stay unminified instead.
  sourcemap: 'linked',
  sourcesContent: false,
  logLevel: 'warning',
});
