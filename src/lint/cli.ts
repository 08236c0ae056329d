/**
 * `grok-lint`: the tool-schema linter for CI. Exit 0 when no error-level finding, 1 when any, 2 on a usage
 * error or unreadable input. `main` takes its I/O as a parameter so tests run it in-process.
 */
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { version } from '../../package.json';
import { parseCliArgs, USAGE } from './cliArgs';
import { collectFiles } from './collectFiles';
import { displayPath, formatJson, formatSarif, formatText, type ReportedFile } from './formatters';
import { lintFile } from './lintFiles';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
}

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const options = parseCliArgs(argv);
  if ('error' in options) {
    io.stderr(`grok-lint: ${options.error}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (options.help) {
    io.stdout(USAGE);
    return EXIT_CLEAN;
  }
  if (options.version) {
    io.stdout(`${version}\n`);
    return EXIT_CLEAN;
  }

  const { files, problems } = await collectFiles(options.operands, io.cwd, options.ignore);
  let exitCode = problems.length > 0 ? EXIT_USAGE : EXIT_CLEAN;
  for (const problem of problems) io.stderr(`grok-lint: ${problem}\n`);

  const reported: ReportedFile[] = [];
  for (const file of files) {
    const result = await lintFile(file, { maxBytes: options.maxFileBytes, reportUnresolved: options.reportUnresolved });
    if (result.kind === 'unreadable') {
      io.stderr(`grok-lint: cannot read ${displayPath(file, io.cwd)}: ${result.reason}\n`);
      exitCode = EXIT_USAGE;
    } else if (result.kind === 'skipped') {
      io.stderr(`grok-lint: skipped ${displayPath(file, io.cwd)} (${result.reason})\n`);
    } else {
      if (result.syntaxError) {
        const { line, column, message } = result.syntaxError;
        io.stderr(`grok-lint: ${displayPath(file, io.cwd)}:${line}:${column}: ${message}; tools there and after it may not have been checked\n`);
        exitCode = EXIT_USAGE;
      }
      const findings = options.quiet ? result.findings.filter((finding) => finding.severity === 'error') : result.findings;
      reported.push({ file, findings });
      if (exitCode === EXIT_CLEAN && findings.some((finding) => finding.severity === 'error')) exitCode = EXIT_FINDINGS;
    }
  }

  const context = { cwd: io.cwd, version, checkedFiles: reported.length };
  const report = options.format === 'json' ? formatJson(reported, context) : options.format === 'sarif' ? formatSarif(reported, context) : formatText(reported, context);
  if (options.output === undefined) {
    io.stdout(report);
  } else {
    try {
      await writeFile(path.resolve(io.cwd, options.output), report, 'utf8');
    } catch (error) {
      io.stderr(`grok-lint: cannot write ${options.output}: ${error instanceof Error ? error.message : String(error)}\n`);
      return EXIT_USAGE;
    }
  }
  return exitCode;
}

if (require.main === module) {
  main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`grok-lint: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}
