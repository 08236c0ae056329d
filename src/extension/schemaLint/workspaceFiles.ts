/**
 * Finds the files "Lint Tool Schemas in Workspace" looks at: every file with a linted extension in each
 * workspace folder, less `files.exclude`, `search.exclude` and `.gitignore`d paths (when
 * `search.useIgnoreFiles` is on, as VS Code's own search does). `workspace.findFiles` alone applies
 * `files.exclude` only, so the excludes are combined and re-checked here.
 */
import * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import { LINTED_EXTENSIONS } from '../../lint/languageForFile';
import { buildExcludeRules, type GitignoreFile } from './workspaceExcludes';

/** Bounds the search in a huge workspace; the summary says when it was reached. */
export const SEARCH_LIMIT = 20_000;
const GITIGNORE_LIMIT = 500;
const INCLUDE = `**/*.{${LINTED_EXTENSIONS.map((extension) => extension.slice(1)).join(',')}}`;

export interface FoundFiles {
  files: vscode.Uri[];
  /** Files with a linted extension that the excludes left out. */
  excluded: number;
  limitReached: boolean;
}

export async function findLintableFiles(folders: readonly vscode.WorkspaceFolder[], token: vscode.CancellationToken, log: Logger): Promise<FoundFiles> {
  const seen = new Set<string>();
  const found: FoundFiles = { files: [], excluded: 0, limitReached: false };
  for (const folder of folders) {
    const remaining = SEARCH_LIMIT - seen.size;
    if (remaining <= 0 || token.isCancellationRequested) break;
    const settings = [
      vscode.workspace.getConfiguration('files', folder.uri).get<unknown>('exclude'),
      vscode.workspace.getConfiguration('search', folder.uri).get<unknown>('exclude'),
    ];
    const useIgnoreFiles = vscode.workspace.getConfiguration('search', folder.uri).get<unknown>('useIgnoreFiles') !== false;
    const gitignores = useIgnoreFiles ? await readGitignores(folder, buildExcludeRules(settings, []).findFilesExclude, token, log) : [];
    const rules = buildExcludeRules(settings, gitignores);

    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, INCLUDE), rules.findFilesExclude, remaining, token);
    if (uris.length >= remaining) found.limitReached = true;
    const relativePaths = new Map(uris.map((uri) => [uri, relativePath(folder, uri)] as const));
    const present = new Set(relativePaths.values());
    for (const [uri, path] of relativePaths) {
      if (seen.has(uri.toString())) continue; // nested workspace folders
      if (rules.isExcluded(path, (sibling) => present.has(sibling))) {
        found.excluded++;
        continue;
      }
      seen.add(uri.toString());
      found.files.push(uri);
    }
  }
  found.files.sort((a, b) => a.toString().localeCompare(b.toString()));
  return found;
}

async function readGitignores(folder: vscode.WorkspaceFolder, exclude: string | null, token: vscode.CancellationToken, log: Logger): Promise<GitignoreFile[]> {
  const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/.gitignore'), exclude, GITIGNORE_LIMIT, token);
  const files: GitignoreFile[] = [];
  for (const uri of uris) {
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      const path = relativePath(folder, uri);
      files.push({ directory: path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '', text });
    } catch (error) {
      log.warn(`Tool-schema lint could not read ${uri.toString(true)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return files;
}

/** `uri`'s path below `folder`, `/`-separated (URI paths always are). */
function relativePath(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string {
  const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : vscode.workspace.asRelativePath(uri, false);
}
