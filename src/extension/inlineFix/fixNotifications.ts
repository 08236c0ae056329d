/**
 * What the user sees when an inline fix cannot go ahead: each failure as a notification with the
 * buttons that resolve it (set a key, retry, open settings or the xAI console, copy the proposal).
 * Notifications are not awaited: commands finish at once, and a button's action runs when chosen.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../../core/config/ids';
import type { Logger } from '../../core/logger';
import type { GrokError, GrokErrorAction } from '../../core/responses/types';

const ACTION_LABELS: Record<GrokErrorAction, string> = {
  'set-api-key': 'Set API Key',
  retry: 'Retry',
  'open-settings': 'Open Settings',
  'open-billing': 'Open xAI Console',
  'check-network': 'Proxy Settings',
};

/** The longest raw answer opened by "Show Answer" (a huge answer is cut, and says so). */
const MAX_SHOWN_ANSWER_CHARS = 200_000;

export function notifyGrokError(verb: string, error: GrokError, retry: () => unknown, log: Logger): void {
  log.warn(`Inline ${verb.toLowerCase()} failed: ${error.kind}${error.status ? ` (${error.status})` : ''}: ${error.message}${error.detail ? ` | ${error.detail}` : ''}`);
  const buttons = error.actions.map((action) => ACTION_LABELS[action]);
  const message = `Grok could not ${verb.toLowerCase()} this: ${error.message}`;
  const shown = error.kind === 'rate-limited' ? vscode.window.showWarningMessage(message, ...buttons) : vscode.window.showErrorMessage(message, ...buttons);
  void shown.then(async (choice) => {
    const action = (Object.keys(ACTION_LABELS) as GrokErrorAction[]).find((key) => ACTION_LABELS[key] === choice);
    switch (action) {
      case 'set-api-key':
        return vscode.commands.executeCommand(COMMANDS.setApiKey);
      case 'retry':
        return retry();
      case 'open-settings':
        return vscode.commands.executeCommand('workbench.action.openSettings', 'grok.');
      case 'open-billing':
        return vscode.env.openExternal(vscode.Uri.parse('https://console.x.ai/'));
      case 'check-network':
        return vscode.commands.executeCommand('workbench.action.openSettings', 'http.proxy');
      default:
        return undefined;
    }
  });
}

/** Grok answered, but not with something that can be applied. */
export function notifyUnusableAnswer(verb: string, reason: string, answer: string, retry: () => unknown, log: Logger): void {
  log.warn(`Inline ${verb.toLowerCase()}: unusable answer (${answer.length} chars): ${reason}`);
  void vscode.window.showErrorMessage(`${reason} Nothing was changed.`, 'Retry', 'Show Answer').then(async (choice) => {
    if (choice === 'Retry') return retry();
    if (choice === 'Show Answer') {
      const shown = answer.length > MAX_SHOWN_ANSWER_CHARS ? `${answer.slice(0, MAX_SHOWN_ANSWER_CHARS)}\n\n[… answer cut at ${MAX_SHOWN_ANSWER_CHARS} characters]` : answer;
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: shown });
      await vscode.window.showTextDocument(document, { preview: true });
    }
    return undefined;
  });
}

/** The proposal could not be applied without overwriting newer edits: it stays available to copy. */
export function notifyRefused(message: string, replacement: string, log: Logger): void {
  log.info(`Inline fix refused: ${message}`);
  void vscode.window.showWarningMessage(message, 'Copy Proposal').then(async (choice) => {
    if (choice === 'Copy Proposal') {
      await vscode.env.clipboard.writeText(replacement);
      vscode.window.setStatusBarMessage("Grok's proposal is on the clipboard.", 4000);
    }
  });
}
