import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { rawRequest, streamBody } from './rawHttp';

const CLI = resolve(__dirname, '../../../src/fakeServer/cli.ts');

function startCli(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { child, stderr: () => stderr };
}

describe('fake server: CLI', function () {
  this.timeout(10_000);

  it('prints {url, apiKey} once listening, serves the chosen scenario, logs to stderr, exits 0 on SIGTERM', async () => {
    const { child, stderr } = startCli(['--port', '0', '--api-key', 'cli-key', '--scenario', 'citations']);
    try {
      const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
      const { url, apiKey } = JSON.parse(line) as { url: string; apiKey: string };
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/v1$/);
      assert.equal(apiKey, 'cli-key');
      const raw = await rawRequest(url, { headers: { authorization: 'Bearer cli-key' }, body: streamBody() });
      assert.equal(raw.status, 200);
      assert.match(raw.text, /web_search_call/);
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      assert.equal(code, 0);
      assert.match(stderr(), /POST \/v1\/responses -> 200 scenario=citations/);
      assert.ok(!stderr().includes('cli-key'), 'the key is never logged');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('exits 2 with usage on a bad argument', async () => {
    const { child, stderr } = startCli(['--scenario', 'nope']);
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 2);
    assert.match(stderr(), /Unknown scenario 'nope'[\s\S]*Usage:/);
  });

  it('--chunking frames every stream as asked, and a bad value exits 2 saying why', async () => {
    const { child } = startCli(['--port', '0', '--chunking', '{"lineEndings":"cr","dataSpace":false}']);
    try {
      const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
      const { url } = JSON.parse(line) as { url: string };
      const raw = await rawRequest(url, { body: streamBody() });
      assert.ok(!raw.text.includes('\n') && /\rdata:\{/.test(raw.text));
    } finally {
      child.kill('SIGTERM');
    }
    const bad = startCli(['--chunking', '{"lineEndings":"lf2"}']);
    const [code] = (await once(bad.child, 'exit')) as [number | null];
    assert.equal(code, 2);
    assert.match(bad.stderr(), /--chunking: "lineEndings" must be one of/);
  });
});
