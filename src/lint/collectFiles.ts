/**
 * Expands the CLI's operands (files, directories, globs) into the files to lint. Directories are searched
 * recursively for linted extensions, dot-directories included (`.github/`); `node_modules` and `.git` never,
 * and symbolic links are not followed (no cycles). Globs are matched with picomatch below their static base.
 */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { languageForFile } from './languageForFile';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

export interface CollectedFiles {
  /** Absolute paths, sorted, without duplicates. */
  files: string[];
  /** Operands that name nothing lintable: usage errors. */
  problems: string[];
}

export async function collectFiles(operands: readonly string[], cwd: string, ignore: readonly string[] = []): Promise<CollectedFiles> {
  const files = new Set<string>();
  const problems: string[] = [];
  const ignored = ignore.length === 0 ? () => false : picomatch([...ignore], { dot: true });
  const keep = (file: string): boolean => languageForFile(file) !== undefined && !ignored(toPosix(path.relative(cwd, file)));

  for (const operand of operands) {
    const absolute = path.resolve(cwd, operand);
    const info = await stat(absolute).catch(() => undefined);
    if (info?.isDirectory()) {
      for (const file of await walk(absolute)) if (keep(file)) files.add(file);
    } else if (info?.isFile()) {
      if (languageForFile(absolute) === undefined) problems.push(`${operand}: not a JSON, YAML, TypeScript/JavaScript or Python file`);
      else files.add(absolute);
    } else if (picomatch.scan(operand).isGlob) {
      const matches = await matchGlob(operand, cwd);
      const kept = matches.filter(keep);
      if (kept.length === 0) problems.push(`${operand}: no files match`);
      for (const file of kept) files.add(file);
    } else {
      problems.push(`${operand}: no such file or directory`);
    }
  }
  return { files: [...files].sort(), problems };
}

async function matchGlob(pattern: string, cwd: string): Promise<string[]> {
  const { base } = picomatch.scan(pattern);
  const root = path.resolve(cwd, base === '' ? '.' : base);
  const isMatch = picomatch(toPosix(pattern), { dot: true });
  const absolutePattern = path.isAbsolute(pattern);
  const candidates = await walk(root).catch(() => []);
  return candidates.filter((file) => isMatch(toPosix(absolutePattern ? file : path.relative(cwd, file))));
}

/** Every regular file below `directory`. */
async function walk(directory: string): Promise<string[]> {
  const found: string[] = [];
  const pending = [directory];
  while (pending.length > 0) {
    const current = pending.pop() as string;
    let entries: Dirent[];
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch {
      continue; // An unreadable directory is skipped like an excluded one.
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) pending.push(full);
      } else if (entry.isFile()) {
        found.push(full);
      }
    }
  }
  return found;
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
