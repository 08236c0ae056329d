// A person's path through the real UI, with the packaged extension (.vsix) installed and no API key:
// the offline demo. Open a file, select code, run "Grok: Explain Selection" from the palette, read
// the streamed answer in the panel; ask a question and stop it part-way. Screenshots go to test-results/.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { startFakeServer } from '../../src/fakeServer/server';
import type { FakeServer } from '../../src/fakeServer/server';
import { repoRoot } from '../host/hostPaths';
import { screenshotOnFailure } from './failureScreenshots';
import { Workbench } from './workbench';

const run = promisify(execFile);
const DEMO_KEY = 'offline-demo-key-for-e2e';

describe('e2e: a person uses Grok from the command palette (packaged .vsix, offline demo)', () => {
  let workbench: Workbench | undefined;
  let fake: FakeServer | undefined;
  const wb = (): Workbench => workbench ?? assert.fail('the workbench did not launch');
  const panel = () => wb().webview('grok-vscode.grok-vscode');

  before(async () => {
    // Exactly what `npm run package` ships: production build, allowlisted files.
    await run('npm', ['run', '--silent', 'package'], { cwd: repoRoot });
    const vsix = path.join(repoRoot, 'grok-vscode.vsix');
    fake = await startFakeServer({ demo: true, apiKey: DEMO_KEY });
    workbench = await Workbench.launch({
      workspace: path.join(repoRoot, 'test', 'fixtures', 'workspace'),
      vsixPaths: [vsix],
      env: { GROK_OFFLINE_DEMO_URL: fake.url, GROK_OFFLINE_DEMO_KEY: DEMO_KEY, XAI_API_KEY: '' },
    });
  });

  after(async () => {
    await workbench?.close();
    await fake?.close();
    // The production build replaced the development one; leave dist/ as `npm run build` makes it.
    await run(process.execPath, ['esbuild.mjs'], { cwd: repoRoot });
  });
  screenshotOnFailure(() => workbench);

  it('explains the selection: the answer streams into the panel beside the editor', async () => {
    await wb().openFile('sample.ts');
    await wb().selectLines(7, 13);
    await wb().runCommand('Grok: Explain Selection');

    const turn = panel().locator('article.turn').last();
    await panel().locator('.demo-banner').waitFor({ timeout: 30_000 });
    assert.match(await panel().locator('.demo-banner').innerText(), /offline demo/i);
    await turn.locator('.answer').filter({ hasText: /\S/ }).waitFor({ timeout: 30_000 });
    await panel().locator('article.turn[data-status="completed"]').waitFor({ timeout: 30_000 });

    const answer = await turn.locator('.answer').innerText();
    assert.match(answer, /offline demo/i);
    assert.match(answer, /sample\.ts/);
    assert.match(await turn.innerText(), /sample\.ts/);
    const shot = await wb().screenshot('grok-explain-selection');
    console.log(`      screenshot: ${path.relative(repoRoot, shot)}`);

    assert.ok(fake);
    assert.equal(fake.requests.length, 1);
    const body = fake.requests[0].body as { model: string; input: unknown };
    assert.equal(body.model, 'grok-build-0.1');
    assert.match(JSON.stringify(body.input), /export function orderTotal/);
  });

  it('asks a question, then stops the answer part-way from the palette', async () => {
    await wb().openFile('sample.ts');
    await wb().selectLines(7, 13);
    await wb().runCommandWithInput('Grok: Ask About Selection…', '[[fake:slow]] Why round to cents here?');

    const turn = panel().locator('article.turn').last();
    await panel().locator('article.turn[data-status="streaming"]').waitFor({ timeout: 30_000 });
    await turn.locator('.answer').filter({ hasText: /\S/ }).waitFor({ timeout: 30_000 });
    await wb().runCommand('Grok: Stop Response');
    await panel().locator('article.turn[data-status="cancelled"]').waitFor({ timeout: 10_000 });
    const partial = await turn.locator('.answer').innerText();
    assert.ok(partial.trim().length > 0, 'the partial answer stays on screen');
    await wb().screenshot('grok-stopped-answer');
  });
});
