import * as vscode from 'vscode';
import { COMMANDS } from '../core/config/ids';
import type { CodeAction } from '../core/prompts/types';
import type { CredentialStore } from './credentials';
import { validateApiKeyInput } from './credentials';
import type { GrokServices } from './services';


const ACTION_COMMANDS: [string, CodeAction][] = [
  [COMMANDS.explain, 'explain'],
  [COMMANDS.fix, 'fix'],
  [COMMANDS.refactor, 'refactor'],
  [COMMANDS.tests, 'tests'],
  [COMMANDS.document, 'document'],
];

/** Registers every command at activation; handlers load the heavy services on first use. */
export function registerCommands(services: () => Promise<GrokServices>, credentials: CredentialStore): vscode.Disposable[] {
  const controller = async () => (await services()).controller;
  return [
    ...ACTION_COMMANDS.map(([id, action]) => vscode.commands.registerCommand(id, async () => (await controller()).runAction(action))),
    vscode.commands.registerCommand(COMMANDS.ask, async (question?: unknown) => {
      // Tests and keybindings may pass the question; otherwise ask for it.
      const text =
        typeof question === 'string' && question.trim() !== ''
          ? question
          : await vscode.window.showInputBox({
              title: 'Ask Grok about the selection',
              prompt: 'Your question about the selected code',
              placeHolder: 'e.g. Why does this loop never terminate?',
              ignoreFocusOut: true,
              validateInput: (value) => (value.trim() === '' ? 'Type a question.' : undefined),
            });
      if (text === undefined) return undefined;
      return (await controller()).runAction('ask', text.trim());
    }),
    vscode.commands.registerCommand(COMMANDS.openChat, async () => (await controller()).openChat()),
    vscode.commands.registerCommand(COMMANDS.stop, async () => {
      if (!(await controller()).stop()) vscode.window.setStatusBarMessage('Grok: no response is running.', 3000);
    }),
    vscode.commands.registerCommand(COMMANDS.newChat, async () => (await controller()).newChat()),
    vscode.commands.registerCommand(COMMANDS.toggleWebSearch, async () => (await controller()).toggleWebSearch()),
    vscode.commands.registerCommand(COMMANDS.setApiKey, async (value?: unknown) => {
      const key =
        typeof value === 'string'
          ? value
          : await vscode.window.showInputBox({
              title: 'xAI API key',
              prompt: 'Stored in VS Code secret storage. Create one at https://console.x.ai/',
              password: true,
              ignoreFocusOut: true,
              validateInput: validateApiKeyInput,
            });
      if (key === undefined) return;
      const problem = validateApiKeyInput(key);
      if (problem) {
        void vscode.window.showErrorMessage(`Grok: ${problem}`);
        return;
      }
      await credentials.set(key);
      void vscode.window.showInformationMessage('Grok: API key saved in secret storage.');
    }),
    vscode.commands.registerCommand(COMMANDS.clearApiKey, async () => {
      await credentials.clear();
      void vscode.window.showInformationMessage('Grok: API key removed from secret storage.');
    }),
  ];
}
