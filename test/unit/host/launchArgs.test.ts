import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseLaunchArgs } from '../../host/launchArgs';

describe('parseLaunchArgs (the fake VS Code executable command line)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'launch-args-'));
    mkdirSync(path.join(dir, 'ws'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the command line runTests() builds, desktop-only switches included', () => {
    // The order @vscode/test-electron 2.5 uses: launchArgs first, then its own flags, then profile dirs.
    const launch = parseLaunchArgs([
      path.join(dir, 'ws'), '--no-sandbox', '--disable-gpu-sandbox', '--disable-updates', '--skip-welcome',
      '--skip-release-notes', '--disable-workspace-trust', '--extensionTestsPath=/repo/out/integration/index.js',
      '--extensionDevelopmentPath=/repo', '--extensions-dir=/tmp/x/ext', '--user-data-dir=/tmp/x/ud',
    ]);
    assert.deepEqual(launch, {
      workspace: path.join(dir, 'ws'),
      extensionDevelopmentPaths: ['/repo'],
      extensionTestsPath: '/repo/out/integration/index.js',
      userDataDir: '/tmp/x/ud',
      extensionsDir: '/tmp/x/ext',
    });
  });

  it('resolves relative paths against the working directory and keeps every development path', () => {
    const launch = parseLaunchArgs(['ws', '--extensionDevelopmentPath=a', '--extensionDevelopmentPath=b'], dir);
    assert.equal(launch.workspace, path.join(dir, 'ws'));
    assert.deepEqual(launch.extensionDevelopmentPaths, [path.join(dir, 'a'), path.join(dir, 'b')]);
    assert.equal(launch.extensionTestsPath, undefined);
  });

  it('opens an empty window when no folder is given, and accepts a .code-workspace file', () => {
    assert.equal(parseLaunchArgs([]).workspace, undefined);
    const file = path.join(dir, 'multi.code-workspace');
    writeFileSync(file, '{"folders":[]}');
    assert.equal(parseLaunchArgs([file]).workspace, file);
  });

  it('rejects an unknown flag, naming it and what is understood', () => {
    assert.throws(() => parseLaunchArgs(['--disable-extensions']), /'--disable-extensions'.*understands --extensionDevelopmentPath=/s);
  });

  it('rejects more than one thing to open, a missing folder and a plain file', () => {
    assert.throws(() => parseLaunchArgs(['a', 'b'], dir), /at most one folder/);
    assert.throws(() => parseLaunchArgs([path.join(dir, 'nope')]), /does not exist: .*nope/);
    writeFileSync(path.join(dir, 'file.txt'), 'x');
    assert.throws(() => parseLaunchArgs([path.join(dir, 'file.txt')]), /Expected a folder or a \.code-workspace/);
  });
});
