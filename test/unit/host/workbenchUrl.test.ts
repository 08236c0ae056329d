import assert from 'node:assert/strict';
import { remoteUri, workbenchUrl } from '../../host/workbenchUrl';

/** What the workbench will read back: the query parameters and the decoded payload. */
function readBack(url: string): { params: URLSearchParams; payload: [string, string][] } {
  const params = new URL(url).searchParams;
  return { params, payload: JSON.parse(params.get('payload') ?? 'null') as [string, string][] };
}

describe('workbenchUrl (code-server page with the test payload)', () => {
  it('opens a folder and loads the extension and the test runner as remote files', () => {
    const url = workbenchUrl('http://127.0.0.1:4321', {
      workspace: '/tmp/ws',
      extensionDevelopmentPaths: ['/repo'],
      extensionTestsPath: '/repo/out/integration/index.js',
    });
    const { params, payload } = readBack(url);
    assert.ok(url.startsWith('http://127.0.0.1:4321/?'));
    assert.equal(params.get('folder'), '/tmp/ws');
    assert.deepEqual(payload, [
      ['extensionDevelopmentPath', 'vscode-remote://remote/repo'],
      ['extensionTestsPath', 'vscode-remote://remote/repo/out/integration/index.js'],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ]);
  });

  it('opens a .code-workspace file as a workspace, and nothing at all when none is given', () => {
    assert.equal(readBack(workbenchUrl('http://127.0.0.1:1', { workspace: '/w/a.code-workspace' })).params.get('workspace'), '/w/a.code-workspace');
    const empty = readBack(workbenchUrl('http://127.0.0.1:1', {}));
    assert.equal(empty.params.get('folder'), null);
    assert.deepEqual(empty.payload, [['skipWelcome', 'true'], ['skipReleaseNotes', 'true']]);
  });

  it('percent-encodes path segments so spaces, # and % survive the URI round trip', () => {
    const uri = remoteUri('/tmp/my dir/#1 100%/ext');
    assert.equal(uri, 'vscode-remote://remote/tmp/my%20dir/%231%20100%25/ext');
    assert.equal(decodeURIComponent(new URL(uri).pathname), '/tmp/my dir/#1 100%/ext');
  });

  it('refuses relative paths, which the server would resolve against its own directory', () => {
    assert.throws(() => remoteUri('out/index.js'), /absolute path/);
    assert.throws(() => workbenchUrl('http://127.0.0.1:1', { workspace: 'ws' }), /absolute path/);
  });
});
