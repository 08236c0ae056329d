/**
 * Which workspace files "Lint Tool Schemas in Workspace" leaves out: `files.exclude` and `search.exclude`
 * (VS Code's glob → true | false | {when} settings) and `.gitignore` files (git's rules, through the `ignore`
 * package, the implementation ESLint and globby use). Pure: paths are workspace-folder-relative, `/`-separated.
 */
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';

/** One `.gitignore`: the folder it sits in (relative to the workspace folder, '' for the root) and its text. */
export interface GitignoreFile {
  directory: string;
  text: string;
}

export interface ExcludeRules {
  /**
   * A glob for `workspace.findFiles` built from the simple patterns, so that large excluded folders
   * (`**∕node_modules`) are not even walked; `null` when there is none. `isExcluded` stays the authority.
   */
  readonly findFilesExclude: string | null;
  /** Whether `relativePath` is excluded; `exists` answers the sibling checks of `{ "when": … }` entries. */
  isExcluded(relativePath: string, exists: (relativePath: string) => boolean): boolean;
}

interface GlobRule {
  matches: (path: string) => boolean;
  /** `when` clause: the file is excluded only if this sibling (with `$(basename)`) exists. */
  when?: string;
}

/**
 * Builds the rules from the values of `files.exclude`, `search.exclude` (each an object as VS Code returns it;
 * anything else is ignored) and the `.gitignore` files to honour.
 */
export function buildExcludeRules(excludeSettings: readonly unknown[], gitignores: readonly GitignoreFile[]): ExcludeRules {
  const globs: GlobRule[] = [];
  const simplePatterns: string[] = [];
  for (const setting of excludeSettings) {
    if (typeof setting !== 'object' || setting === null || Array.isArray(setting)) continue;
    for (const [rawPattern, value] of Object.entries(setting as Record<string, unknown>)) {
      const pattern = rawPattern.trim().replace(/^\.\//, '');
      const when = whenClause(value);
      if (pattern === '' || (value !== true && when === undefined)) continue;
      let matches: (path: string) => boolean;
      try {
        matches = picomatch(pattern, { dot: true });
      } catch {
        continue; // A malformed glob in someone's settings excludes nothing rather than breaking the command.
      }
      globs.push(when === undefined ? { matches } : { matches, when });
      // VS Code's glob splits `{a,b}` on every comma and reads `[` up to the next `]`: only patterns free of
      // those can be combined safely (the rest are still applied, after the search).
      if (when === undefined && !/[{},[\]]/.test(pattern)) simplePatterns.push(pattern);
    }
  }
  const ignoreFiles: { directory: string; rules: Ignore }[] = [];
  const byDepth = gitignores.map((file) => ({ ...file, directory: trimSlashes(file.directory) })).sort((a, b) => depth(a.directory) - depth(b.directory));
  for (const { directory, text } of byDepth) {
    // Git never reads a .gitignore inside an ignored folder, so its `!pattern`s cannot re-include anything.
    if (directory !== '' && ignoredByGit(ignoreFiles, `${directory}/`)) continue;
    ignoreFiles.push({ directory, rules: parseGitignore(text) });
  }

  return {
    findFilesExclude: simplePatterns.length === 0 ? null : simplePatterns.length === 1 ? simplePatterns[0] : `{${simplePatterns.join(',')}}`,
    isExcluded: (relativePath, exists) => excludedByGlobs(globs, relativePath, exists) || ignoredByGit(ignoreFiles, relativePath),
  };
}

function whenClause(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const when = (value as { when?: unknown }).when;
  return typeof when === 'string' && when.trim() !== '' ? when.trim() : undefined;
}

/** VS Code excludes a folder's whole subtree when the folder matches, so every ancestor path is tested too. */
function excludedByGlobs(globs: readonly GlobRule[], relativePath: string, exists: (relativePath: string) => boolean): boolean {
  if (globs.length === 0) return false;
  const segments = relativePath.split('/');
  for (let count = 1; count <= segments.length; count++) {
    const prefix = segments.slice(0, count).join('/');
    const isFile = count === segments.length;
    for (const glob of globs) {
      if (!glob.matches(prefix)) continue;
      if (glob.when === undefined) return true;
      if (isFile && exists(siblingFor(prefix, glob.when))) return true;
    }
  }
  return false;
}

/** `a/b/foo.js` with `$(basename).ts` → `a/b/foo.ts` (VS Code: basename without its last extension). */
function siblingFor(relativePath: string, when: string): string {
  const slash = relativePath.lastIndexOf('/');
  const directory = slash < 0 ? '' : relativePath.slice(0, slash + 1);
  const name = relativePath.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  const basename = dot > 0 ? name.slice(0, dot) : name;
  return directory + when.replace(/\$\(basename\)/g, basename);
}

function parseGitignore(text: string): Ignore {
  // Git matches case-insensitively where the file system is (core.ignorecase on macOS and Windows).
  return ignore({ allowRelativePaths: true, ignorecase: process.platform === 'darwin' || process.platform === 'win32' }).add(text);
}

/** Applies the `.gitignore` files from the root down, so a deeper `!pattern` can re-include (git's order). */
function ignoredByGit(files: readonly { directory: string; rules: Ignore }[], relativePath: string): boolean {
  let ignored = false;
  for (const { directory, rules } of files) {
    if (directory !== '' && !relativePath.startsWith(`${directory}/`)) continue;
    const inner = directory === '' ? relativePath : relativePath.slice(directory.length + 1);
    try {
      const result = rules.test(inner);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    } catch {
      // `ignore` rejects paths it considers invalid (e.g. `..`); such a path is simply not ignored by this file.
    }
  }
  return ignored;
}

function trimSlashes(directory: string): string {
  return directory.replace(/^\/+|\/+$/g, '');
}

function depth(directory: string): number {
  return directory === '' ? 0 : directory.split('/').length;
}
