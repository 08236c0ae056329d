/**
 * Activation-time wiring of inline fixes: the code-action provider (cheap: it only builds menu entries)
 * and the four commands, whose handlers load the services bundle (openai, zod, the prompt builder) on
 * first use. Nothing here imports those at run time.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../../core/config/ids';
import type { GrokServices } from '../services';
import { GrokCodeActionProvider } from './codeActions';

/** Every file language, saved or untitled. */
const SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];

export function registerInlineFix(services: () => Promise<GrokServices>): vscode.Disposable[] {
  const inlineFix = async () => (await services()).inlineFix;
  return [
    vscode.languages.registerCodeActionsProvider(SELECTOR, new GrokCodeActionProvider(), GrokCodeActionProvider.metadata),
    vscode.commands.registerCommand(COMMANDS.inlineFix, async (args?: unknown) => (await inlineFix()).fix(args)),
    vscode.commands.registerCommand(COMMANDS.inlineRewrite, async (args?: unknown) => (await inlineFix()).rewrite(args)),
    vscode.commands.registerCommand(COMMANDS.acceptInlineFix, async (id?: unknown) => (await inlineFix()).accept(id)),
    vscode.commands.registerCommand(COMMANDS.rejectInlineFix, async (id?: unknown) => (await inlineFix()).reject(id)),
  ];
}
