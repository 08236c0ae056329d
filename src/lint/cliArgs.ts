/** Parses the CLI's arguments with node:util's parseArgs; anything malformed is a usage error. */
import { parseArgs } from 'node:util';
import { DEFAULT_MAX_FILE_BYTES } from './lintFiles';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CliOptions {
  operands: string[];
  format: OutputFormat;
  output?: string;
  maxFileBytes: number;
  ignore: string[];
  quiet: boolean;
  reportUnresolved: boolean;
  help: boolean;
  version: boolean;
}

export const USAGE = `Usage: grok-lint [options] [paths|globs...]

Finds function tools (OpenAI Responses / Chat Completions, xAI SDK, Vercel AI SDK, MCP, Anthropic) whose
parameters schema xAI rejects, in JSON, JSONC, YAML, TypeScript/JavaScript and Python files.
Directories are searched recursively (node_modules and .git are skipped). With no path, the current
directory is linted.

Options:
  -f, --format <text|json|sarif>  report format (default: text)
  -o, --output <file>             write the report to a file instead of stdout
      --max-file-size <bytes>     skip larger files (default: ${DEFAULT_MAX_FILE_BYTES})
      --ignore <glob>             also skip files matching this glob (repeatable)
      --quiet                     report errors only
      --report-unresolved         also note tools whose schema is an import, a call or a computed value
                                  (info level: they cannot be checked statically)
  -h, --help                      show this help
  -v, --version                   show the version

Exit status: 0 no error-level finding, 1 at least one, 2 usage error or unreadable input (including a
JSON or YAML tools file that does not parse: its findings are still reported).
`;

export function parseCliArgs(argv: readonly string[]): CliOptions | { error: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        'max-file-size': { type: 'string' },
        ignore: { type: 'string', multiple: true },
        quiet: { type: 'boolean' },
        'report-unresolved': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  const { values, positionals } = parsed;
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif') return { error: `--format must be text, json or sarif (got "${format}")` };
  let maxFileBytes = DEFAULT_MAX_FILE_BYTES;
  if (values['max-file-size'] !== undefined) {
    maxFileBytes = Number(values['max-file-size']);
    if (!Number.isInteger(maxFileBytes) || maxFileBytes <= 0) return { error: `--max-file-size must be a positive whole number of bytes (got "${values['max-file-size']}")` };
  }
  return {
    operands: positionals.length > 0 ? positionals : ['.'],
    format,
    ...(values.output === undefined ? {} : { output: values.output }),
    maxFileBytes,
    ignore: values.ignore ?? [],
    quiet: values.quiet === true,
    reportUnresolved: values['report-unresolved'] === true,
    help: values.help === true,
    version: values.version === true,
  };
}
