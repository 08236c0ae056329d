// The program behind test/host/fakeVscodeExecutable. `@vscode/test-electron`'s runTests() launches
// it as if it were VS Code; it starts code-server (Node 24), opens the workbench in headless
// Chromium with the extension under development and the test runner, prints the extension host's
// console, and exits with the test runner's exit code. See shared docs/vscode-host.md.
//
// Environment: VSCODE_HOST_TIMEOUT_MS (hard limit from opening the page to the test runner's exit
// code, default 180000; code-server's start-up has its own 30 s bound),
// VSCODE_HOST_VERBOSE=1 (also print code-server's output and the workbench's start-up chatter).
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { startCodeServer, type CodeServer } from './codeServer';
import { testResultsDir } from './hostPaths';
import { parseLaunchArgs, type HostLaunch } from './launchArgs';
import { toConsoleLine } from './workbenchConsole';
import { workbenchUrl } from './workbenchUrl';

/** A log file the workbench hands to `codeAutomationExit` (its own logs, for post-mortems). */
interface WorkbenchLogFile {
  relativePath: string;
  contents: string;
}

type Outcome =
  | { kind: 'finished'; code: number; logs: readonly WorkbenchLogFile[] }
  | { kind: 'broken'; reason: string };

const defaultTimeoutMs = 180_000;
/** Set when SIGINT/SIGTERM asked us to stop; wins over any test result. */
let signalExitCode: number | undefined;

async function main(): Promise<number> {
  const launch = parseLaunchArgs(process.argv.slice(2));
  if (launch.extensionTestsPath === undefined) {
    throw new Error('This stand-in for VS Code only runs extension tests: pass --extensionTestsPath=<runner>.');
  }
  const timeoutMs = readTimeout(process.env.VSCODE_HOST_TIMEOUT_MS);
  const verbose = process.env.VSCODE_HOST_VERBOSE === '1';
  const started = Date.now();
  const mark = (what: string): void => {
    if (verbose) process.stderr.write(`[host] ${what} at ${Date.now() - started} ms\n`);
  };
  // Registered first: code-server runs in its own process group, so a terminal's Ctrl+C does not
  // reach it; exiting runs startCodeServer's exit hook, which kills a server still starting up.
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  const stopOnSignal = (signal: NodeJS.Signals): void => {
    signalExitCode = signal === 'SIGINT' ? 130 : 143;
    process.stderr.write(`Received ${signal}; closing the browser and code-server.\n`);
    void Promise.allSettled([browser?.close(), server?.stop()]).then(() => process.exit(signalExitCode));
  };
  process.once('SIGINT', stopOnSignal).once('SIGTERM', stopOnSignal);
  server = await startCodeServer({
    userDataDir: launch.userDataDir,
    extensionsDir: launch.extensionsDir,
    // The extension host inherits the server's environment: this carries extensionTestsEnv.
    env: process.env,
    onOutput: verbose ? (line) => process.stderr.write(`[code-server] ${line}\n`) : undefined,
  });
  mark('code-server healthy');
  try {
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    mark('Chromium up');
    const outcome = await runTestsInPage(page, server, launch, timeoutMs, verbose);
    mark('tests finished');
    if (signalExitCode !== undefined) return signalExitCode; // not a test result: nothing to report
    if (outcome.kind === 'broken') {
      process.stderr.write(`\n✘ Extension tests did not finish: ${outcome.reason}\n`);
      await saveArtifacts(page, server, []);
      return 1;
    }
    if (outcome.code !== 0) await saveArtifacts(page, server, outcome.logs);
    return outcome.code;
  } finally {
    await browser?.close().catch(() => undefined);
    mark('Chromium closed');
    await server.stop();
    mark('code-server stopped');
  }
}

/** Opens the workbench with the test payload and waits for the first of: exit code, breakage, timeout. */
async function runTestsInPage(
  page: Page,
  server: CodeServer,
  launch: HostLaunch,
  timeoutMs: number,
  verbose: boolean,
): Promise<Outcome> {
  let settled = false;
  let resolveOutcome: (outcome: Outcome) => void = () => undefined;
  const outcome = new Promise<Outcome>((resolve) => (resolveOutcome = resolve));
  const settle = (result: Outcome): void => {
    settled = true;
    resolveOutcome(result);
  };
  const timer = setTimeout(
    () => settle({ kind: 'broken', reason: `no exit code within ${timeoutMs} ms (raise VSCODE_HOST_TIMEOUT_MS if the suite is that slow)` }),
    timeoutMs,
  );
  // Both must exist before the workbench's first script runs; it looks them up on `window`.
  await page.exposeFunction('codeAutomationLog', (level: string, args: unknown) => {
    // After the exit code only the workbench's teardown ("Canceled") is left to say.
    if (settled) return;
    const line = toConsoleLine(level, args, verbose);
    if (line) process[line.stream].write(`${line.text}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (code: number, logs?: WorkbenchLogFile[]) => {
    settle({ kind: 'finished', code: Number.isInteger(code) ? code : 1, logs: logs ?? [] });
  });
  page.on('crash', () => settle({ kind: 'broken', reason: 'the browser page crashed' }));
  void server.exited.then((how) => settle({ kind: 'broken', reason: `code-server exited (${how})` }));
  page
    .goto(workbenchUrl(server.url, launch))
    .catch((error: unknown) => settle({ kind: 'broken', reason: `could not open the workbench: ${String(error)}` }));
  try {
    return await outcome;
  } finally {
    clearTimeout(timer);
  }
}

/** Screenshot, workbench logs and code-server's output under test-results/, for a person to read. */
async function saveArtifacts(page: Page, server: CodeServer, logs: readonly WorkbenchLogFile[]): Promise<void> {
  const dir = path.join(testResultsDir, `host-run-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, 'workbench.png'), timeout: 10_000 }).catch((error: unknown) => {
    process.stderr.write(`(no screenshot: ${String(error).split('\n')[0]})\n`);
  });
  writeFileSync(path.join(dir, 'code-server.log'), server.recentOutput());
  for (const log of logs) {
    const file = path.join(dir, 'workbench-logs', path.normalize(log.relativePath).replace(/^(\.\.[/\\])+/, ''));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, log.contents);
  }
  process.stderr.write(`Screenshot and logs saved in ${path.relative(process.cwd(), dir) || dir}\n`);
}

function readTimeout(value: string | undefined): number {
  if (value === undefined || value === '') return defaultTimeoutMs;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms <= 0) throw new Error(`VSCODE_HOST_TIMEOUT_MS must be a positive integer, got "${value}"`);
  return ms;
}

main().then(
  (code) => process.stdout.write('', () => process.exit(signalExitCode ?? code)),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
