// The chat panel in the real workbench (issue 3's host-level promises), driven as a person drives it:
// web search toggled from the panel reaches the setting and the request; a cited answer shows chips
// and a Sources list, and a click reaches openExternal with the exact URL; the code block buttons
// copy, insert, apply (through the diff and Accept) and open in a new file; Stop in the panel keeps
// the partial answer; Regenerate replaces the latest answer; a window reload restores the
// conversation, which a follow-up then continues.
//
// The extension runs from the build output (extensionDevelopmentPath; the workbench honours one such
// path) next to a test-only companion, installed as a .vsix (test/fixtures/grokRecorderExtension),
// that, through the API Grok's activate() returns, records the links Grok opens instead of opening a
// browser, and on command records the clipboard, the visible editors and the web search setting, one
// JSON line each in a log file this test reads.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { createMarkdownRenderer } from '../../src/core/markdown/markdownRenderer';
import { CITATION_SOURCES, CITATIONS_QUERY, CODE_ANSWER, SLOW_ANSWER } from '../../src/fakeServer/answers/fixedAnswers';
import { startFakeServer } from '../../src/fakeServer/server';
import type { FakeServer } from '../../src/fakeServer/server';
import { repoRoot } from '../host/hostPaths';
import { screenshotOnFailure } from './failureScreenshots';
import { Workbench } from './workbench';

const run = promisify(execFile);
const DEMO_KEY = 'offline-demo-key-for-e2e';
const recorderExtension = path.join(repoRoot, 'test', 'fixtures', 'grokRecorderExtension');
const fixtureWorkspace = path.join(repoRoot, 'test', 'fixtures', 'workspace');

type Record =
  | { kind: 'ready' }
  | { kind: 'openExternal'; url: string }
  | { kind: 'clipboard'; text: string }
  | { kind: 'editors'; editors: Array<{ uri: string; scheme: string; languageId: string; text: string }> }
  | { kind: 'setting'; inspect: { globalValue?: unknown; workspaceValue?: unknown } };

/** The code blocks of the fake server's `code` answer, as markdown-it reads them. */
const codeBlocks = createMarkdownRenderer()
  .parse(CODE_ANSWER, {})
  .filter((token) => token.type === 'fence')
  .map((token) => token.content);

describe('e2e: the chat panel in the workbench (web search, citations, code blocks, stop, regenerate, reload)', function () {
  this.timeout(120_000);
  let workbench: Workbench | undefined;
  let fake: FakeServer | undefined;
  let scratch = '';
  let recordLog = '';
  const wb = (): Workbench => workbench ?? assert.fail('the workbench did not launch');
  const panel = () => wb().webview('grok-vscode.grok-vscode');

  function records(): Record[] {
    const text = readFileSync(recordLog, 'utf8');
    return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record);
  }

  /** Waits (bounded) for the `count`-th record matching `match`. */
  async function waitForRecord<K extends Record['kind']>(kind: K, count = 1, timeoutMs = 20_000): Promise<Extract<Record, { kind: K }>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = records().filter((r): r is Extract<Record, { kind: K }> => r.kind === kind);
      if (found.length >= count) return found[count - 1];
      if (Date.now() > deadline) throw new Error(`no ${kind} record #${count} within ${timeoutMs} ms; log: ${readFileSync(recordLog, 'utf8').slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const countOf = (kind: Record['kind']) => records().filter((r) => r.kind === kind).length;

  /**
   * Runs a recorder command and returns the record it wrote. An editor Grok opens a moment later
   * (after Accept, New File) can close the palette under the click: then the command runs again.
   */
  async function recordVia<K extends 'clipboard' | 'editors' | 'setting'>(kind: K, title: string): Promise<Extract<Record, { kind: K }>> {
    const before = countOf(kind);
    for (let attempt = 1; ; attempt++) {
      try {
        await wb().runCommand(title, 5_000);
        break;
      } catch (error) {
        if (attempt === 3 || countOf(kind) > before) throw error;
        await wb().page.keyboard.press('Escape');
      }
    }
    return waitForRecord(kind, before + 1);
  }

  /** Asks about sample.ts's orderTotal and returns the new turn in the panel (streaming or done). */
  async function ask(question: string) {
    const turnsBefore = await panel().locator('article.turn').count();
    await openInEditor('sample.ts');
    await wb().selectLines(7, 13);
    await wb().runCommandWithInput('Grok: Ask About Selection…', question);
    const turn = panel().locator('article.turn').nth(turnsBefore);
    await turn.waitFor({ timeout: 30_000 });
    return turn;
  }

  /** Opens a file in the first editor group, where a person works while the panel sits beside. */
  async function openInEditor(file: string): Promise<void> {
    await wb().runCommand('View: Focus First Editor Group');
    await wb().openFile(file);
  }

  /** Puts the cursor at a 1-based line and column with Go to Line. */
  async function goTo(line: number, column: number): Promise<void> {
    const page = wb().page;
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input.input').fill(`:${line}:${column}`);
    await page.keyboard.press('Enter');
    await page.locator('[id="status.editor.selection"]').filter({ hasText: new RegExp(`^Ln ${line}, Col ${column}$`) }).waitFor({ timeout: 20_000 });
  }

  before(async () => {
    scratch = mkdtempSync(path.join(os.tmpdir(), 'grok-e2e-panel-'));
    recordLog = path.join(scratch, 'records.jsonl');
    writeFileSync(recordLog, '');
    const recorderVsix = path.join(scratch, 'grok-test-recorder.vsix');
    await run(process.execPath, ['esbuild.mjs'], { cwd: repoRoot });
    await run(path.join(repoRoot, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', recorderVsix], {
      cwd: recorderExtension,
    });
    fake = await startFakeServer({ demo: true, apiKey: DEMO_KEY });
    workbench = await Workbench.launch({
      workspace: fixtureWorkspace,
      extensionDevelopmentPaths: [repoRoot],
      vsixPaths: [recorderVsix],
      env: { GROK_OFFLINE_DEMO_URL: fake.url, GROK_OFFLINE_DEMO_KEY: DEMO_KEY, XAI_API_KEY: '', GROK_E2E_RECORD_LOG: recordLog },
    });
    // VS Code's clipboard in the browser is the page's: let it read and write without a prompt.
    await wb().page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(wb().page.url()).origin });
    await waitForRecord('ready');
  });

  after(async () => {
    await workbench?.close();
    await fake?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });
  screenshotOnFailure(() => workbench);

  it('turns web search on from the panel: the user setting changes and requests carry the web_search tool', async () => {
    await wb().runCommand('Grok: Open Chat');
    const toggle = panel().locator('.web-search-toggle');
    await panel().locator('.web-search-toggle[aria-pressed="false"]:not([disabled])').waitFor({ timeout: 30_000 });
    await toggle.click();
    await panel().locator('.web-search-toggle[aria-pressed="true"]').waitFor({ timeout: 10_000 });
    const setting = await recordVia('setting', 'Grok Test: Record Web Search Setting');
    assert.equal(setting.inspect.globalValue, true, 'written to the user settings');
    assert.equal(setting.inspect.workspaceValue, undefined);
  });

  it('shows a cited answer with chips and Sources; clicking opens the exact URL through openExternal', async () => {
    const requestsBefore = fake!.requests.length;
    const turn = await ask('[[fake:citations]] Who makes Grok?');
    await turn.and(panel().locator('[data-status="completed"]')).waitFor({ timeout: 30_000 });

    const body = fake!.requests[requestsBefore].body as { tools?: Array<{ type: string }> };
    assert.ok(body.tools?.some((tool) => tool.type === 'web_search'), `web_search in ${JSON.stringify(body.tools)}`);
    assert.equal(await turn.locator('.turn-activity').innerText(), `Searched the web for “${CITATIONS_QUERY}”`);

    const chips = await turn.locator('.answer a.citation').evaluateAll((links) => links.map((a) => `${a.textContent} ${a.getAttribute('href')}`));
    assert.deepEqual(chips, [
      `1 ${CITATION_SOURCES[0]}`,
      `2 ${CITATION_SOURCES[1]}`,
      `3 ${CITATION_SOURCES[2]}`,
      `1 ${CITATION_SOURCES[0]}`,
      `4 ${CITATION_SOURCES[3]}`,
      `2 ${CITATION_SOURCES[1]}`,
      `3 ${CITATION_SOURCES[2]}`,
    ]);
    const sources = await turn.locator('.sources li.source').evaluateAll((items) =>
      items.map((li) => `${li.getAttribute('value')} ${li.querySelector('a')?.getAttribute('href')} ${li.querySelector('a')?.getAttribute('title')}`),
    );
    assert.deepEqual(sources, CITATION_SOURCES.map((url, i) => `${i + 1} ${url} ${url}`));
    await wb().screenshot('grok-panel-citations');

    // A URL with parentheses, then one with a query string: each reaches openExternal byte for byte.
    await turn.locator(`.answer a.citation[href="${CITATION_SOURCES[2]}"]`).first().click();
    assert.equal((await waitForRecord('openExternal', 1)).url, CITATION_SOURCES[2]);
    await turn.locator('.sources a.source-link').nth(3).click();
    assert.equal((await waitForRecord('openExternal', 2)).url, CITATION_SOURCES[3]);
  });

  it("code blocks: Copy, Insert at Cursor, Apply to Selection (diff, Accept) and Open in New File do what they say", async () => {
    const [tsCode, pythonCode, shellCode] = codeBlocks;
    const turn = await ask('[[fake:code]] Show me a clamp.');
    await turn.and(panel().locator('[data-status="completed"]')).waitFor({ timeout: 30_000 });
    const toolbar = (index: number) => turn.locator('.code-toolbar').nth(index);
    await toolbar(0).locator('[data-code-action="copy"]').waitFor();

    // Copy goes through the host's clipboard.
    await toolbar(2).locator('[data-code-action="copy"]').click();
    await panel().locator('.code-toolbar [data-code-action="copy"]', { hasText: 'Copied' }).waitFor();
    assert.equal((await recordVia('clipboard', 'Grok Test: Record Clipboard')).text, shellCode);

    // Insert at the cursor of the editor used last (the panel has the focus when the button is pressed).
    await openInEditor('sample.py');
    // Line 4 starts `def word_counts`: the block goes above it, which keeps its own line.
    await goTo(4, 1);
    const originalPython = readFileSync(path.join(fixtureWorkspace, 'sample.py'), 'utf8');
    await toolbar(1).locator('[data-code-action="insert"]').click();
    const afterInsert = await waitForEditorText('sample.py', (text) => text !== originalPython);
    const lines = originalPython.split('\n');
    lines.splice(3, 0, ...pythonCode.replace(/\n$/, '').split('\n'));
    assert.equal(afterInsert, lines.join('\n'));

    // Apply replaces the selection, but only after the diff is accepted.
    await openInEditor('sample.ts');
    await wb().selectLines(7, 13);
    const originalTs = readFileSync(path.join(fixtureWorkspace, 'sample.ts'), 'utf8');
    await toolbar(0).locator('[data-code-action="apply"]').click();
    await wb().page.locator('.monaco-diff-editor').first().waitFor({ timeout: 20_000 });
    assert.equal(await editorText('sample.ts'), originalTs, 'nothing changes before Accept');
    await wb().runCommand("Grok: Accept Grok's Proposal");
    // Accept closes the diff, then shows the file and edits it: let that happen before the palette opens.
    await wb().page.locator('.editor-group-container.active .tab.active', { hasText: 'sample.ts' }).waitFor({ timeout: 20_000 });
    await wb().page.locator('.monaco-diff-editor').first().waitFor({ state: 'hidden', timeout: 20_000 });
    const afterApply = await waitForEditorText('sample.ts', (text) => text !== originalTs);
    const tsLines = originalTs.split('\n');
    tsLines.splice(6, 7, ...tsCode.replace(/\n$/, '').split('\n'));
    assert.equal(afterApply, tsLines.join('\n'));

    // Open in New File: an untitled document in the block's language, with exactly its code.
    await toolbar(1).locator('[data-code-action="newFile"]').click();
    await wb().page.locator('.tabs-container .tab', { hasText: 'Untitled-' }).first().waitFor({ timeout: 20_000 });
    const untitled = await waitForEditor((editor) => editor.scheme === 'untitled');
    assert.equal(untitled.languageId, 'python');
    assert.equal(untitled.text, pythonCode);
  });

  it('Stop in the panel ends the answer and keeps what arrived', async () => {
    const turn = await ask('[[fake:slow]] Walk me through it.');
    await turn.locator('.answer').filter({ hasText: /\S/ }).waitFor({ timeout: 30_000 });
    await panel().locator('.stop-button').click();
    await turn.and(panel().locator('[data-status="cancelled"]')).waitFor({ timeout: 10_000 });
    const partial = (await turn.locator('.answer').innerText()).trim();
    assert.ok(partial.length > 0, 'the partial answer stays');
    assert.ok(partial.length < SLOW_ANSWER.length, 'the answer was cut short');
    assert.match(await turn.locator('.turn-status').innerText(), /Stopped/);
    await panel().locator('.composer-input:not([disabled])').waitFor();
  });

  it('Regenerate re-runs the latest question and replaces its answer in place', async () => {
    const turns = panel().locator('article.turn');
    const count = await turns.count();
    const turn = turns.nth(count - 1);
    const requestsBefore = fake!.requests.length;
    await turn.locator('.regenerate-button').click();
    await turn.and(panel().locator('[data-status="completed"]')).waitFor({ timeout: 30_000 });
    assert.equal(await turns.count(), count, 'the answer is replaced, not added');
    assert.match(await turn.locator('.answer').innerText(), /Nearly done… and finished\.\s*$/, 'the whole new answer');
    assert.equal(await turn.locator('.turn-status').isVisible(), false, 'no longer marked stopped');
    assert.equal(fake!.requests.length, requestsBefore + 1);
    const [original, again] = [fake!.requests[requestsBefore - 1].body, fake!.requests[requestsBefore].body] as Array<{ input: unknown; previous_response_id?: unknown }>;
    assert.deepEqual(again.input, original.input, 'the same question, sent once');
    assert.equal(again.previous_response_id, original.previous_response_id);
  });

  it('restores the conversation after the window reloads', async () => {
    const turns = panel().locator('article.turn');
    const before = await turns.evaluateAll((articles) =>
      articles.map((a) => ({ id: a.getAttribute('data-turn-id'), status: a.getAttribute('data-status'), answer: a.querySelector('.answer')?.textContent, chips: a.querySelectorAll('a.citation').length })),
    );
    assert.equal(before.length, 3);
    const readyBefore = countOf('ready');
    await wb().runCommand('Developer: Reload Window');
    await wb().page.locator('.monaco-workbench').waitFor({ timeout: 30_000 });
    await wb().page.waitForFunction(() => 'driver' in window, undefined, { timeout: 30_000 });
    await wb().page.evaluate(() => (window as unknown as { driver: { whenWorkbenchRestored(): Promise<void> } }).driver.whenWorkbenchRestored());
    await waitForRecord('ready', readyBefore + 1, 30_000);
    await panel().locator('article.turn').nth(2).waitFor({ timeout: 30_000 });
    const after = await panel()
      .locator('article.turn')
      .evaluateAll((articles) =>
        articles.map((a) => ({ id: a.getAttribute('data-turn-id'), status: a.getAttribute('data-status'), answer: a.querySelector('.answer')?.textContent, chips: a.querySelectorAll('a.citation').length })),
      );
    assert.deepEqual(after, before);
    await wb().screenshot('grok-panel-after-reload');
    // Still live after the reload: a chip opens its link.
    await panel().locator('article.turn').first().locator('a.citation').first().click();
    assert.equal((await waitForRecord('openExternal', 3)).url, CITATION_SOURCES[0]);

    // And the conversation goes on where it was: a follow-up continues the stored response.
    const requestsBefore = fake!.requests.length;
    await panel().locator('.composer-input').fill('[[fake:plain]] And after that?');
    await panel().locator('.composer-input').press('Enter');
    const followUp = panel().locator('article.turn').nth(3);
    await followUp.and(panel().locator('[data-status="completed"]')).waitFor({ timeout: 30_000 });
    const body = fake!.requests[requestsBefore].body as { previous_response_id?: unknown; input: unknown };
    assert.equal(typeof body.previous_response_id, 'string', 'continued with previous_response_id');
    assert.match(JSON.stringify(body.input), /And after that\?/);
    assert.doesNotMatch(JSON.stringify(body.input), /Walk me through it/, 'the history stays on the server');
  });

  async function editorText(fileName: string): Promise<string | undefined> {
    const { editors } = await recordVia('editors', 'Grok Test: Record Editors');
    return editors.find((editor) => editor.uri.endsWith(`/${fileName}`))?.text;
  }

  /** Records the visible editors until `fileName` satisfies `done` (edits land asynchronously). */
  async function waitForEditorText(fileName: string, done: (text: string) => boolean): Promise<string> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const text = await editorText(fileName);
      if (text !== undefined && done(text)) return text;
      if (Date.now() > deadline) throw new Error(`${fileName} did not change as expected; it reads: ${text}`);
    }
  }

  async function waitForEditor(match: (editor: Extract<Record, { kind: 'editors' }>['editors'][number]) => boolean) {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const { editors } = await recordVia('editors', 'Grok Test: Record Editors');
      const found = editors.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no such editor among ${JSON.stringify(editors.map((e) => e.uri))}`);
    }
  }
});
