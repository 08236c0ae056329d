// Opens a real VS Code with the extension loaded: desktop `code` when it is on PATH, otherwise
// code-server on 127.0.0.1 (its URL is printed). With no XAI_API_KEY in the environment it also starts
// the project's fake Responses server and points the extension at it: an offline demo, and the panel
// says so. `npm start -- <folder>` opens that folder (default: a small sample workspace).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { parseChunkingOptions } from '../src/fakeServer/chunkingOptions';
import { startFakeServer } from '../src/fakeServer/server';
import type { ChunkingOptions } from '../src/fakeServer/types';
import { startCodeServer } from '../test/host/codeServer';
import { repoRoot } from '../test/host/hostPaths';
import { workbenchUrl } from '../test/host/workbenchUrl';

/**
 * `GROK_FAKE_CHUNKING='{"lineEndings":"cr","splitWrites":"bytewise"}'`: how the demo server frames its
 * streams (src/fakeServer/types.ts, ChunkingOptions), to watch the panel cope with other framings.
 */
function demoChunking(): ChunkingOptions | undefined {
  const text = process.env.GROK_FAKE_CHUNKING;
  if (!text) return undefined;
  const options = parseChunkingOptions(text);
  if (typeof options === 'string') throw new Error(`GROK_FAKE_CHUNKING: ${options}`);
  return options;
}

async function main(): Promise<void> {
  const folder = process.argv[2] ? path.resolve(process.argv[2]) : demoWorkspace();
  if (!existsSync(folder)) throw new Error(`No such folder: ${folder}`);
  const env: Record<string, string | undefined> = { ...process.env };
  const cleanups: (() => Promise<void>)[] = [];

  if (!process.env.XAI_API_KEY) {
    const fake = await startFakeServer({ demo: true, apiKey: 'offline-demo-key', chunking: demoChunking() });
    cleanups.push(() => fake.close());
    env.GROK_OFFLINE_DEMO_URL = fake.url;
    env.GROK_OFFLINE_DEMO_KEY = 'offline-demo-key';
    console.log(`No XAI_API_KEY: offline demo. The fake Responses API answers at ${fake.url}`);
    console.log('(A key set with "Grok: Set API Key" in VS Code takes precedence and talks to the real API.)');
  }

  const shutdown = async (code: number): Promise<never> => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  if (hasDesktopCode()) {
    console.log(`Opening desktop VS Code on ${folder} with the extension from ${repoRoot}`);
    const code = spawn('code', ['--new-window', `--extensionDevelopmentPath=${repoRoot}`, folder], { env, stdio: 'inherit' });
    code.on('exit', () => console.log('VS Code was started. Press Ctrl+C here to stop the offline demo server.'));
    return;
  }

  // Persistent profile, so a key set in the UI and the window layout survive restarts.
  const profile = path.join(repoRoot, '.vscode-host', 'profile');
  mkdirSync(profile, { recursive: true });
  const server = await startCodeServer({
    env,
    userDataDir: path.join(profile, 'user-data'),
    extensionsDir: path.join(profile, 'extensions'),
    settings: { 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false },
  });
  cleanups.push(() => server.stop());
  const url = workbenchUrl(server.url, { workspace: folder, extensionDevelopmentPaths: [repoRoot] });
  console.log('\nVS Code (code-server) is running with Grok loaded. Open this URL in a browser:\n');
  console.log(`  ${url}\n`);
  console.log('Select some code, then run "Grok: Explain Selection" from the command palette (F1). Ctrl+C stops.');
}

/** A scratch copy of the sample workspace (git-ignored), so trying fixes never edits the test fixtures. */
function demoWorkspace(): string {
  const folder = path.join(repoRoot, '.vscode-host', 'demo-workspace');
  if (!existsSync(folder)) cpSync(path.join(repoRoot, 'test', 'fixtures', 'workspace'), folder, { recursive: true });
  return folder;
}

function hasDesktopCode(): boolean {
  if (process.env.GROK_USE_CODE_SERVER === '1') return false;
  return spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
