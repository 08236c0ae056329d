// Proves the e2e utilities against built-in features and a tiny fixture extension (loaded both as
// under development and as an installed .vsix), so Grok's own e2e tests can build on them.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../host/hostPaths';
import { screenshotOnFailure } from './failureScreenshots';
import { Workbench } from './workbench';

const fixtureWorkspace = path.join(repoRoot, 'test', 'fixtures', 'workspace');
const probeExtension = path.join(repoRoot, 'test', 'fixtures', 'probeExtension');
const probeGreeting = /Hello from the harness probe in code-server 1\.\d+\.\d+/;

describe('e2e workbench utilities', () => {
  let workbench: Workbench | undefined;
  const wb = (): Workbench => workbench ?? assert.fail('the workbench did not launch');
  before(async () => {
    workbench = await Workbench.launch({ workspace: fixtureWorkspace, extensionDevelopmentPaths: [probeExtension] });
  });
  after(async () => workbench?.close());
  screenshotOnFailure(() => workbench);

  it('opens a file, selects lines and runs a built-in command on them', async () => {
    await wb().openFile('sample.ts');
    await wb().selectLines(7, 9);
    await wb().runCommand('Transform to Uppercase');
    const lines = await wb().visibleEditorLines();
    assert.deepEqual(lines.slice(5, 10), [
      '',
      'EXPORT FUNCTION ORDERTOTAL(ORDER: ORDER): NUMBER {',
      '  LET TOTAL = 0;',
      '  FOR (CONST ITEM OF ORDER.ITEMS) {',
      '    total += item.quantity * item.unitPrice;',
    ]);
  });

  it('runs a command of the extension under development and reads its notifications', async () => {
    await wb().runCommand('Harness Probe: Say Hello');
    assert.match(await wb().waitForNotification(probeGreeting), /^Info: /);
    // The same message again is only seen as new when counted from the history's length.
    const before = (await wb().notificationHistory()).length;
    await wb().runCommand('Harness Probe: Say Hello');
    await wb().waitForNotification(probeGreeting, { after: before });
    assert.equal((await wb().notificationHistory()).filter((text) => probeGreeting.test(text)).length, 2);
    assert.ok((await wb().notifications()).some((message) => probeGreeting.test(message)));
  });

  it('reads and dismisses a modal dialog', async () => {
    await wb().openFile('sample.py');
    await wb().runCommand('Format Document');
    assert.equal(await wb().dialogMessage(), "There is no formatter for 'python' files installed.");
    await wb().pressDialogButton('Cancel');
  });

  it('reaches the DOM inside a webview', async () => {
    await wb().openFile('notes.md');
    await wb().runCommand('Markdown: Open Preview to the Side');
    const preview = wb().webview('vscode.markdown-language-features');
    await preview.locator('h1').filter({ hasText: 'Notes' }).waitFor();
    assert.equal(await preview.locator('strong').innerText(), 'small');
    assert.deepEqual(await preview.locator('li').allInnerTexts(), ['one', 'two']);
  });
});

describe('e2e workbench with a packaged extension', () => {
  let workbench: Workbench | undefined;
  let scratch: string | undefined;
  before(async () => {
    scratch = mkdtempSync(path.join(os.tmpdir(), 'grok-e2e-vsix-'));
    const vsix = path.join(scratch, 'probe.vsix');
    await promisify(execFile)(
      path.join(repoRoot, 'node_modules', '.bin', 'vsce'),
      ['package', '--allow-missing-repository', '--skip-license', '--out', vsix],
      { cwd: probeExtension },
    );
    workbench = await Workbench.launch({ workspace: fixtureWorkspace, vsixPaths: [vsix] });
  });
  after(async () => {
    await workbench?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });
  screenshotOnFailure(() => workbench);

  it('installs the .vsix and runs its command', async () => {
    const wb = workbench ?? assert.fail('the workbench did not launch');
    await wb.runCommand('Harness Probe: Say Hello');
    assert.match(await wb.waitForNotification(probeGreeting), /^Info: /);
  });
});
