// Drives the real VS Code workbench the way a person does (keyboard, command palette, what is on
// screen) for end-to-end tests: code-server + headless Chromium, see test/host/ and shared
// docs/vscode-host.md.
//
// The extension under test is loaded like `--extensionDevelopmentPath` (the workbench `payload`),
// not by installing a .vsix: it needs no packaging step, runs the current `npm run build` output
// (dist/, media/dist/) and takes no extra second per launch. `vsixPaths` covers the packaged
// route (code-server's --install-extension) when a test is about the package itself.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { launchChromium } from '../host/chromium';
import { startCodeServer, type CodeServer } from '../host/codeServer';
import { testResultsDir } from '../host/hostPaths';
import { installVsix } from '../host/installVsix';
import { workbenchUrl } from '../host/workbenchUrl';

/** How to launch a {@link Workbench}. */
export interface WorkbenchOptions {
  /** Folder to open. It is copied to a temp folder first (tests may edit files) unless `copyWorkspace` is false. */
  workspace: string;
  copyWorkspace?: boolean;
  /** Extension folders to load as under development (each needs its package.json and built `main`). */
  extensionDevelopmentPaths?: readonly string[];
  /** Packaged extensions to install before start, to test what `vsce package` ships. */
  vsixPaths?: readonly string[];
  /** User settings written before start, e.g. a fake server's base URL. */
  settings?: Readonly<Record<string, unknown>>;
  /** Extra environment for code-server, and so for the extension host. */
  env?: Readonly<Record<string, string>>;
}

/** Default bound for one UI step; a cold workbench needs a few seconds for its first file search. */
const stepTimeoutMs = 20_000;

/** A running server, browser and workbench page, with the steps tests take. */
export class Workbench {
  private constructor(
    readonly page: Page,
    readonly server: CodeServer,
    /** The folder the workbench has open (the temp copy when the workspace was copied). */
    readonly workspace: string,
    private readonly browser: Browser,
    private readonly tempDir: string,
  ) {}

  /** Starts code-server and Chromium and resolves once the workbench has restored. */
  static async launch(options: WorkbenchOptions): Promise<Workbench> {
    const tempDir = mkdtempSync(path.join(os.tmpdir(), 'grok-e2e-'));
    let workspace = path.resolve(options.workspace);
    if (options.copyWorkspace ?? true) {
      const copy = path.join(tempDir, path.basename(workspace));
      cpSync(workspace, copy, { recursive: true });
      workspace = copy;
    }
    const extensionsDir = path.join(tempDir, 'extensions');
    let server: CodeServer | undefined;
    let browser: Browser | undefined;
    try {
      for (const vsix of options.vsixPaths ?? []) await installVsix(vsix, extensionsDir);
      server = await startCodeServer({
        extensionsDir,
        settings: options.settings,
        env: { ...process.env, ...options.env },
      });
      browser = await launchChromium();
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(workbenchUrl(server.url, { workspace, extensionDevelopmentPaths: options.extensionDevelopmentPaths }));
      const workbench = new Workbench(page, server, workspace, browser, tempDir);
      await workbench.waitUntilRestored();
      return workbench;
    } catch (error) {
      await browser?.close();
      await server?.stop();
      rmSync(tempDir, { recursive: true, force: true });
      throw error;
    }
  }

  /** The smoke-test driver's own signal that the workbench and its contributions are up. */
  private async waitUntilRestored(): Promise<void> {
    await this.page.locator('.monaco-workbench').waitFor({ timeout: stepTimeoutMs });
    await this.page.waitForFunction(() => 'driver' in window, undefined, { timeout: stepTimeoutMs });
    await this.page.evaluate(() =>
      (window as unknown as { driver: { whenWorkbenchRestored(): Promise<void> } }).driver.whenWorkbenchRestored(),
    );
    await this.page.evaluate(recordNotificationAnnouncements);
  }

  /** Opens a workspace file through Quick Open (Ctrl+P) and waits until its tab is the active one. */
  async openFile(relativePath: string): Promise<void> {
    const name = path.basename(relativePath);
    const row = this.quickInput.getByRole('option', { name: new RegExp(`^${escapeRegExp(name)},`) });
    await this.retryInQuickInput('Control+P', relativePath, row, `no Quick Open result for "${relativePath}"`);
    await row.first().click();
    await this.page.locator('.editor-group-container.active .tab.active').filter({ hasText: name }).waitFor({ timeout: stepTimeoutMs });
    await this.activeEditor.locator('.view-lines').waitFor({ timeout: stepTimeoutMs });
  }

  /**
   * Selects whole lines `first`..`last` (1-based, inclusive) in the active editor with the keyboard,
   * as a person does: Go to Line, then Ctrl+L (Expand Line Selection) once per line, which counts
   * document lines even when they wrap. The selection ends at the start of line `last + 1` (the
   * last line's newline included), or at the end of the file. Resolves once the status bar shows
   * that final position.
   */
  async selectLines(first: number, last: number): Promise<void> {
    if (!Number.isInteger(first) || !Number.isInteger(last) || first < 1 || last < first) {
      throw new Error(`Expected whole line numbers 1 <= first <= last, got ${first}..${last}`);
    }
    await this.page.keyboard.press('Control+G');
    await this.quickInputBox.fill(`:${first}:1`);
    await this.page.keyboard.press('Enter');
    await this.quickInput.waitFor({ state: 'hidden', timeout: stepTimeoutMs });
    for (let line = first; line <= last; line++) await this.page.keyboard.press('Control+L');
    // Every intermediate state reads "Ln k, Col 1"; only the final one matches this.
    const done = new RegExp(`^Ln (${last + 1}, Col 1|${last}, Col (?!1\\b)\\d+) \\(\\d+ selected\\)`);
    await this.page.locator('[id="status.editor.selection"]').filter({ hasText: done }).waitFor({ timeout: stepTimeoutMs });
  }

  /**
   * Runs a command from the palette by its title as shown there, e.g. `Grok: Explain Selection`.
   * Re-opens the palette until the row appears: a command contributed by an extension that is still
   * activating is missing from a palette opened too early.
   */
  async runCommand(title: string, timeoutMs = stepTimeoutMs): Promise<void> {
    await this.clickCommandRow(title, timeoutMs);
    await this.quickInput.waitFor({ state: 'hidden', timeout: stepTimeoutMs });
  }

  /**
   * Runs a command that asks for text in an input box (e.g. `Grok: Ask About Selection…`), types
   * `answer` and presses Enter.
   */
  async runCommandWithInput(title: string, answer: string, timeoutMs = stepTimeoutMs): Promise<void> {
    await this.clickCommandRow(title, timeoutMs);
    // The palette closes and the command's input box opens in the same widget: wait for the empty box.
    await this.quickInput.locator('.quick-input-list').waitFor({ state: 'hidden', timeout: stepTimeoutMs });
    await this.quickInputBox.fill(answer);
    await this.quickInputBox.press('Enter');
    await this.quickInput.waitFor({ state: 'hidden', timeout: stepTimeoutMs });
  }

  private async clickCommandRow(title: string, timeoutMs: number): Promise<void> {
    const row = this.quickInput.getByRole('option', { name: new RegExp(`^${escapeRegExp(title)}(,|$)`) });
    await this.retryInQuickInput('F1', `>${title}`, row, `no command titled "${title}" in the palette`, timeoutMs);
    await row.first().click();
  }

  /** Notification messages currently listed in the notification centre (opened and closed to read them). */
  async notifications(): Promise<string[]> {
    const center = this.page.locator('.notifications-center');
    await this.runCommand('Notifications: Show Notifications');
    await center.waitFor({ timeout: stepTimeoutMs });
    const messages = await center.locator('.notification-list-item-message').allInnerTexts();
    await this.runCommand('Notifications: Hide Notifications');
    return messages;
  }

  /**
   * Every notification announced since the workbench restored, oldest first, as VS Code announces
   * them to screen readers: "Info: …", "Warning: …" or "Error: …" followed by the message.
   */
  async notificationHistory(): Promise<string[]> {
    return this.page.evaluate(() => [...(window as unknown as NotificationLog).__notificationLog]);
  }

  /**
   * Waits for a notification whose announcement ("Info: <message>") matches and returns it.
   * Headless Chromium shows no toasts, so announcements are what is read (see
   * {@link recordNotificationAnnouncements}). `after` skips the first entries of
   * {@link notificationHistory}: take its length before the action so an earlier, identical
   * notification does not count.
   */
  async waitForNotification(message: string | RegExp, options: { after?: number; timeoutMs?: number } = {}): Promise<string> {
    const pattern = typeof message === 'string' ? new RegExp(escapeRegExp(message)) : message;
    const found = await this.page.waitForFunction(
      ({ source, flags, after }) =>
        (window as unknown as NotificationLog).__notificationLog.slice(after).find((text) => new RegExp(source, flags).test(text)),
      { source: pattern.source, flags: pattern.flags, after: options.after ?? 0 },
      { timeout: options.timeoutMs ?? stepTimeoutMs },
    );
    return (await found.jsonValue()) as string;
  }

  /**
   * The text of the modal dialog on screen (e.g. "There is no formatter…"), once one is shown:
   * its message, and its detail on a new line when it has one.
   */
  async dialogMessage(timeoutMs = stepTimeoutMs): Promise<string> {
    const message = this.page.locator('.monaco-dialog-box .dialog-message-container');
    await message.waitFor({ timeout: timeoutMs });
    return (await message.innerText()).trim();
  }

  /** Presses a modal dialog's button by its label. */
  async pressDialogButton(label: string): Promise<void> {
    await this.page.locator('.monaco-dialog-box').getByRole('button', { name: label, exact: true }).click();
    await this.page.locator('.monaco-dialog-box').waitFor({ state: 'hidden', timeout: stepTimeoutMs });
  }

  /**
   * The DOM inside a webview (panel or editor). VS Code nests the content in two iframes: the host
   * `iframe.webview` and the document in `iframe#active-frame`. `extensionId` (e.g.
   * `grok-vscode.grok-vscode`) picks the webviews of one extension; `index` picks among several.
   */
  webview(extensionId?: string, index = 0): FrameLocator {
    const hosts = extensionId === undefined
      ? this.page.locator('iframe.webview')
      : this.page.locator(`iframe.webview[src*="&extensionId=${encodeURIComponent(extensionId)}&"]`);
    return hosts.nth(index).contentFrame().frameLocator('iframe#active-frame');
  }

  /**
   * Text of the rows the active editor renders, top to bottom: only those on screen (the editor
   * virtualises), one per wrapped piece when word wrap is on, with the editor's non-breaking spaces
   * turned back into spaces.
   */
  async visibleEditorLines(): Promise<string[]> {
    return this.activeEditor.locator('.view-lines .view-line').evaluateAll((lines) =>
      lines
        .map((line) => ({ top: parseFloat((line as HTMLElement).style.top) || 0, text: line.textContent ?? '' }))
        .sort((a, b) => a.top - b.top)
        .map(({ text }) => text.replace(/\u00a0/g, ' ')),
    );
  }

  /** Saves a full-page screenshot as test-results/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(testResultsDir, { recursive: true });
    const file = path.join(testResultsDir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Closes the browser, stops the server and removes the temp folders (workspace copy, extensions). */
  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.server.stop();
    rmSync(this.tempDir, { recursive: true, force: true, maxRetries: 3 });
  }

  private get quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  private get quickInputBox(): Locator {
    return this.quickInput.locator('input.input');
  }

  private get activeEditor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /** Opens a quick input with `key`, types `text` and waits for `row`, re-opening until `timeoutMs`. */
  private async retryInQuickInput(key: string, text: string, row: Locator, failure: string, timeoutMs = stepTimeoutMs): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.page.keyboard.press(key);
      await this.quickInputBox.fill(text);
      try {
        await row.first().waitFor({ timeout: Math.max(1, Math.min(2_000, deadline - Date.now())) });
        return;
      } catch (error) {
        if (Date.now() >= deadline) throw new Error(`${failure} within ${timeoutMs} ms`, { cause: error });
        await this.page.keyboard.press('Escape');
        await this.quickInput.waitFor({ state: 'hidden', timeout: stepTimeoutMs });
      }
    }
  }
}

/** What {@link recordNotificationAnnouncements} adds to `window`. */
interface NotificationLog {
  __notificationLog: string[];
}

/**
 * Runs in the page: records every notification the workbench announces. VS Code writes each
 * announcement into one of two `.monaco-alert` live regions, alternating, so reading the regions
 * later would miss all but the last two; a MutationObserver keeps them all.
 */
function recordNotificationAnnouncements(): void {
  const log: string[] = ((window as unknown as NotificationLog).__notificationLog = []);
  const container = document.querySelector('.monaco-aria-container');
  if (!container) throw new Error('The workbench has no .monaco-aria-container to read notifications from');
  new MutationObserver((records) => {
    for (const record of records) {
      const target = record.target instanceof Element ? record.target : record.target.parentElement;
      const text = target?.closest('.monaco-alert')?.textContent ?? '';
      if (/^(Info|Warning|Error): /.test(text)) log.push(text);
    }
  }).observe(container, { childList: true, characterData: true, subtree: true });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
