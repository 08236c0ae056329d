// Starts and stops code-server (the real VS Code server: workbench + Node extension host) on
// 127.0.0.1 with every piece of state in a temp folder, so runs never touch ~ or each other.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { assertHostInstalled, codeServerEntryPath, hostNodePath } from './hostPaths';
import { writeUserSettings } from './userSettings';

/** How to start a {@link CodeServer}. Every folder left out is a fresh one under a temp dir. */
export interface CodeServerOptions {
  /** VS Code's user data (settings in `User/settings.json`, state, logs). Kept after stop when given. */
  userDataDir?: string;
  /** Where extensions are installed (`--install-extension` writes here). Kept after stop when given. */
  extensionsDir?: string;
  /** User settings merged into `<userDataDir>/User/settings.json` before the server starts. */
  settings?: Readonly<Record<string, unknown>>;
  /**
   * Environment of the server. The server spawns the extension host, which inherits it, so this is
   * how `extensionTestsEnv` reaches extension code. Defaults to `process.env`. HOME and XDG_* are
   * always replaced by temp folders, and code-server's own variables (PORT, PASSWORD, CODE_SERVER_*,
   * VSCODE_IPC_HOOK_CLI, …) are removed so an outer environment cannot reconfigure the server.
   */
  env?: Readonly<Record<string, string | undefined>>;
  /** Receives each line code-server prints (stdout and stderr). */
  onOutput?: (line: string) => void;
  /** Bound on start-up (spawn → `/healthz` answers). Default 30 s. */
  startTimeoutMs?: number;
}

/** A running code-server. */
export interface CodeServer {
  /** Base URL without trailing slash, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /** Resolves with a description ("code 1", "SIGKILL") when the server process exits, also after stop(). */
  readonly exited: Promise<string>;
  /** The last lines the server printed, for error messages. */
  recentOutput(): string;
  /** Kills the server's whole process group and removes the temp folders. Safe to call twice. */
  stop(): Promise<void>;
}

/** Variables code-server reads as configuration; an outer shell must not change our server. */
const serverConfigVariables = [
  'PORT', 'PASSWORD', 'HASHED_PASSWORD', 'GITHUB_TOKEN', 'EXTENSIONS_GALLERY',
  'VSCODE_IPC_HOOK_CLI', 'VSCODE_PROXY_URI', 'VSCODE_OPTIONS',
];
const isServerConfigVariable = (name: string): boolean =>
  serverConfigVariables.includes(name) || name.startsWith('CODE_SERVER_') || name.startsWith('CS_');

const listeningLine = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/;
const recentLineLimit = 200;

/** Starts code-server and resolves once `/healthz` answers; rejects with the server's output otherwise. */
export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  assertHostInstalled();
  const tempRoot = mkdtempSync(path.join(os.tmpdir(), 'grok-vscode-host-'));
  const userDataDir = path.resolve(options.userDataDir ?? path.join(tempRoot, 'user-data'));
  const extensionsDir = path.resolve(options.extensionsDir ?? path.join(tempRoot, 'extensions'));
  const home = path.join(tempRoot, 'home');
  for (const dir of [userDataDir, extensionsDir, home]) mkdirSync(dir, { recursive: true });
  if (options.settings) writeUserSettings(userDataDir, options.settings);
  // An existing --config file keeps code-server from writing a default one (with a password) to ~/.config.
  const configPath = path.join(tempRoot, 'config.yaml');
  writeFileSync(configPath, 'auth: none\n');

  const child = spawn(hostNodePath, [codeServerEntryPath, ...serverArguments(userDataDir, extensionsDir, configPath)], {
    // Own process group: stop() kills the server and the watcher/extension-host children it leaves.
    detached: true,
    env: isolatedEnvironment(options.env ?? process.env, home),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ?? `code ${code}`));
    child.once('error', (error) => resolve(error.message));
  });
  const recent: string[] = [];
  const lineListeners = new Set<(line: string) => void>();
  const onLine = (line: string): void => {
    recent.push(line);
    if (recent.length > recentLineLimit) recent.shift();
    options.onOutput?.(line);
    for (const listener of lineListeners) listener(line);
  };
  for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream }).on('line', onLine);

  const killOnExit = (): void => {
    killGroup(child, 'SIGKILL');
  };
  process.on('exit', killOnExit);
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopped ??= (async () => {
      process.off('exit', killOnExit);
      await terminateGroup(child, exited);
      rmSync(tempRoot, { recursive: true, force: true, maxRetries: 3 });
    })());

  try {
    const url = await waitUntilHealthy(child, lineListeners, recent, options.startTimeoutMs ?? 30_000);
    return { url, userDataDir, extensionsDir, exited, recentOutput: () => recent.join('\n'), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function serverArguments(userDataDir: string, extensionsDir: string, configPath: string): string[] {
  return [
    '--auth', 'none',
    '--bind-addr', '127.0.0.1:0', // the OS picks a free port; we read it from the log line
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    // Without the smoke-test driver the page ignores the `payload` parameter (extension under test).
    '--vscode-option', 'enable-smoke-test-driver',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--config', configPath,
  ];
}

function isolatedEnvironment(base: Readonly<Record<string, string | undefined>>, home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(base)) {
    if (value !== undefined && !isServerConfigVariable(name)) env[name] = value;
  }
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_STATE_HOME: path.join(home, '.local', 'state'),
  };
}

/** Resolves with the base URL once the server printed its address and `/healthz` answered 200. */
function waitUntilHealthy(
  child: ChildProcess,
  lineListeners: Set<(line: string) => void>,
  recent: readonly string[],
  timeoutMs: number,
): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const abort = new AbortController();
    const settle = (): void => {
      abort.abort();
      clearTimeout(timer);
      lineListeners.delete(onLine);
      child.off('error', onError).off('exit', onExit);
    };
    const fail = (reason: string): void => {
      if (abort.signal.aborted) return;
      settle();
      reject(new Error(`code-server did not start: ${reason}\n--- code-server output ---\n${recent.join('\n')}`));
    };
    const onError = (error: Error): void => fail(error.message);
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void =>
      fail(`it exited early (${signal ?? `code ${code}`})`);
    const onLine = (line: string): void => {
      const url = listeningLine.exec(line)?.[1];
      if (url === undefined) return;
      lineListeners.delete(onLine);
      fetch(`${url}/healthz`, { signal: abort.signal })
        .then((response) => {
          if (!response.ok) throw new Error(`/healthz answered ${response.status}`);
          if (abort.signal.aborted) return;
          settle();
          resolve(url);
        })
        .catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
    };
    const timer = setTimeout(() => fail(`/healthz did not answer within ${timeoutMs} ms`), timeoutMs);
    lineListeners.add(onLine);
    child.on('error', onError).on('exit', onExit);
  });
}

/** Signals the server's process group; `0` only tests whether any member is alive. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals | 0): boolean {
  if (child.pid === undefined) return false;
  try {
    process.kill(-child.pid, signal);
    return true;
  } catch {
    return false; // ESRCH: the group is already gone
  }
}

/** SIGTERM to the group, SIGKILL after a grace period, then wait (bounded) until no member is left. */
async function terminateGroup(child: ChildProcess, exited: Promise<string>): Promise<void> {
  killGroup(child, 'SIGTERM');
  await withTimeout(exited, 5_000);
  // File watchers can outlive the leader for a few seconds; they have nothing left to do.
  killGroup(child, 'SIGKILL');
  for (let waited = 0; waited < 3_000 && killGroup(child, 0); waited += 50) await delay(50);
}

async function withTimeout(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
