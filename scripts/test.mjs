// `npm test`: every suite, in order, offline. Prints each suite's own report, then one closing line
// "N passed, N failed, N skipped" summed over the mocha suites. Exits non-zero if anything failed.
import { spawn } from 'node:child_process';

const stages = [
  ['type-check', 'npx', ['tsc', '--noEmit', '-p', '.']],
  ['lint', 'npx', ['eslint', '--max-warnings=0', 'src', 'test', 'bench', 'scripts']],
  ['build', 'node', ['esbuild.mjs']],
  ['unit', 'npx', ['mocha', '--config', 'test/unit/.mocharc.json']],
  ['webview', 'npm', ['run', '--silent', 'test:webview']],
  ['integration', 'npm', ['run', '--silent', 'test:integration']],
  ['e2e', 'npm', ['run', '--silent', 'test:e2e']],
];

const only = process.argv.slice(2);

// A fresh machine gets its dependencies first (idempotent and quick when they are there).
if ((await run('bash', ['scripts/ensure-deps.sh'])).code !== 0) {
  console.log('\n0 passed, 1 failed, 0 skipped');
  process.exit(1);
}
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedStages = [];

for (const [name, command, args] of stages) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const { code, output } = await run(command, args);
  // mocha's spec reporter ends with "N passing", "N failing", "N pending".
  const count = (word) => [...output.matchAll(new RegExp(`^\\s*(\\d+) ${word}\\b`, 'gm'))].reduce((n, m) => n + Number(m[1]), 0);
  totals.passed += count('passing');
  totals.failed += count('failing');
  totals.skipped += count('pending');
  console.log(`=== ${name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
  if (code !== 0) failedStages.push(name);
}

if (failedStages.length) console.log(`\nFailed stages: ${failedStages.join(', ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed + (failedStages.length && !totals.failed ? 1 : 0)} failed, ${totals.skipped} skipped`);
process.exit(failedStages.length ? 1 : 0);

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let output = '';
    const onData = (stream) => (chunk) => {
      output += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', onData(process.stdout));
    child.stderr.on('data', onData(process.stderr));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}
