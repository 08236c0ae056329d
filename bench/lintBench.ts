/**
 * Tool-schema linter benchmark: `npx tsx bench/lintBench.ts` (or `npm run bench:lint`).
 *
 * 1. A 5,000-line file per format (JSON, YAML, TypeScript with zod and JSON Schema literals, Python with
 *    the xAI SDK), all tools, once with every tool valid and once with one tool in ten invalid; and 5,000-line
 *    TypeScript, Python and JSX files of ordinary code with six tools (the usual case). Median of many runs of
 *    `lintDocument`, beside its parser alone on the whole file, the same parser on only what the linter
 *    parses (TS/JS/Python parse only the statements that can matter, without the plain nested bodies of their
 *    schemas: `properties: {…}`, zod shapes), and `JSON.parse` of the same bytes
 *    (JSON files as they are, other files as a JSON array of their lines). Target: ≤ 20 ms per 5,000-line file.
 * 2. A generated 2,000-file workspace (mostly code without tools, as real repositories are) linted the way
 *    the CLI does it (read, lint, positions), beside `JSON.parse` of the same bytes (JSON files as they are,
 *    other files as a JSON array of their lines).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseEvents } from 'js-yaml';
import { parseTree } from 'jsonc-parser';
import { lintDocument, releaseDocument } from '../src/core/schemaLint/lintDocument';
import { withoutBodies } from '../src/core/schemaLint/regions/skippableBodies';
import { toTreeSitterRanges, type ParseReport } from '../src/core/schemaLint/treeSitter/regionParse';
import { getParser, type GrammarName } from '../src/core/schemaLint/treeSitter/treeSitterHost';
import { lintFile } from '../src/lint/lintFiles';
import { asJson, asPython, asTypeScript, asYaml, benchFileCases, toolData } from './lintBenchInputs';
import { formatBytes, formatMs, median, printTable } from './stats';

const FILE_RUNS = 40;
const WORKSPACE_FILES = 2_000;
const WORKSPACE_RUNS = 5;

const GRAMMARS: Record<string, GrammarName> = { typescript: 'typescript', typescriptreact: 'tsx', javascript: 'javascript', javascriptreact: 'javascript', python: 'python' };

/**
 * The parser the linter uses for a language, alone, on the whole file (`ranges` undefined) or on the ranges
 * the linter chose: the floor under the linter's time.
 */
async function parserAlone(languageId: string): Promise<(text: string, ranges?: ParseReport['ranges']) => void> {
  if (languageId === 'json') return (text) => void parseTree(text);
  if (languageId === 'yaml') return (text) => void parseEvents(text, {});
  const parser = await getParser(GRAMMARS[languageId]);
  return (text, ranges) => parser.parse(text, null, ranges === undefined ? undefined : { includedRanges: toTreeSitterRanges(text, ranges) })?.delete();
}

/** What JSON.parse is measured on: JSON files as they are, other files as a JSON array of their lines. */
function sameBytesAsJson(text: string, languageId: string): string {
  return languageId === 'json' ? text : JSON.stringify(text.split('\n'));
}

function timeMedian(runs: number, action: () => unknown): number {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint();
    action();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(samples);
}

/**
 * Median wall time, and median CPU time of this process: on a machine shared with other work the CPU time
 * shows the linter's own cost, the wall time what a user waits.
 */
async function timeMedianAsync(runs: number, action: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < runs; run++) {
    const cpuBefore = process.cpuUsage();
    const started = process.hrtime.bigint();
    await action();
    wall.push(Number(process.hrtime.bigint() - started) / 1e6);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

async function benchFiles(): Promise<void> {
  const cases = benchFileCases();

  const rows: string[][] = [
    ['file', 'lines', 'size', 'findings', 'lint (median)', 'lint CPU', 'parser alone, whole file', 'linter parses', 'parser alone, that', 'JSON.parse', 'ratio', '≤ 20 ms', 'editor re-lint after an edit'],
  ];
  for (const { label, languageId, text } of cases) {
    let report: ParseReport | undefined;
    const findings = await lintDocument(text, languageId, { onParse: (parsed) => (report = parsed) });
    for (let warm = 0; warm < 5; warm++) await lintDocument(text, languageId);
    const lint = await timeMedianAsync(FILE_RUNS, () => lintDocument(text, languageId));
    const parseAlone = await parserAlone(languageId);
    const parser = await timeMedianAsync(FILE_RUNS, async () => parseAlone(text));
    // What the linter parses now: its chosen statements (or the whole file when a split would not pay), without
    // the nested bodies it skips.
    const ranges = report?.skippedBodies === undefined ? report?.ranges : withoutBodies(text.length, report.ranges, report.skippedBodies);
    const parsedShare = report === undefined ? 'all (own parser)' : describeParse(report, text.length);
    const parserOnThat = ranges === undefined ? parser : await timeMedianAsync(FILE_RUNS, async () => parseAlone(text, ranges));
    const json = sameBytesAsJson(text, languageId);
    const parse = timeMedian(FILE_RUNS * 5, () => JSON.parse(json));
    rows.push([
      label,
      String(text.split('\n').length),
      formatBytes(text.length),
      String(findings.length),
      formatMs(lint.wall),
      formatMs(lint.cpu),
      formatMs(parser.wall),
      parsedShare,
      formatMs(parserOnThat.wall),
      formatMs(parse),
      `${(lint.wall / parse).toFixed(1)}×`,
      lint.wall <= 20 ? 'yes' : 'NO',
      await editorRelint(text, languageId),
    ]);
  }
  console.log(`\n5,000-line files (medians of ${FILE_RUNS} runs; "parser alone, whole file" is the parser the linter uses, with nothing`);
  console.log('else, on the whole file; "linter parses" is the share of the file the linter hands that parser (TS/JS/Python parse only');
  console.log('the statements that can matter, when that pays, and leave out plain nested schema bodies such as `properties: {…}` and');
  console.log('zod shapes, which no rule reads), "parser alone, that" the time of parsing just that; JSON.parse is of');
  console.log('the same bytes: JSON files as they are, other files as a JSON array of their lines; "editor re-lint after an edit" is');
  console.log('the median lint of the file with one character inserted or removed in its middle, as an editor lints it: with the');
  console.log('tree kept from the previous version, which tree-sitter re-parses incrementally; not part of the ≤ 20 ms verdict):');
  printTable(rows);
}

/** `41.2% (whole file without 264 bodies)`, `1.5% (3 ranges)`, `whole file`. */
function describeParse(report: ParseReport, textLength: number): string {
  const statements = report.ranges === undefined ? 'whole file' : `${report.ranges.length} range${report.ranges.length === 1 ? '' : 's'}`;
  const bodies = report.skippedBodies === undefined ? '' : ` without ${report.skippedBodies.length} bodies`;
  const fallback = report.bodyFallback === undefined ? '' : `, body skipping abandoned: ${report.bodyFallback}`;
  if (report.ranges === undefined && report.skippedBodies === undefined) return `whole file${fallback}`;
  return `${((100 * report.parsedChars) / textLength).toFixed(1)}% (${statements}${bodies}${fallback})`;
}

/** Lints alternately the file and the file with one space in its middle, keeping trees as the editor does. */
async function editorRelint(text: string, languageId: string): Promise<string> {
  if (languageId === 'json' || languageId === 'yaml') return '(no tree kept)';
  const middle = text.indexOf('\n', Math.floor(text.length / 2)) + 1;
  const versions = [text, `${text.slice(0, middle)} ${text.slice(middle)}`];
  const key = 'bench document';
  let version = 0;
  const relint = (): Promise<unknown> => lintDocument(versions[version++ % 2], languageId, { documentKey: key });
  for (let warm = 0; warm < 5; warm++) await relint();
  const timing = await timeMedianAsync(FILE_RUNS, relint);
  releaseDocument(key);
  return formatMs(timing.wall);
}

/** A workspace shaped like a real repository: mostly code without tools, some tool files of each format. */
function generateWorkspace(root: string): { files: string[]; jsonTwins: string[] } {
  const files: string[] = [];
  const jsonTwins: string[] = [];
  const code = (index: number): string =>
    Array.from({ length: 60 }, (_, line) => `export function helper${index}_${line}(value: number): number {\n  return value * ${line} + ${index};\n}\n`).join('');
  for (let index = 0; index < WORKSPACE_FILES; index++) {
    const bucket = index % 20;
    let name: string;
    let text: string;
    if (bucket < 12) {
      name = `src/module${index % 50}/file${index}.ts`;
      text = code(index);
    } else if (bucket < 15) {
      name = `src/tools/tools${index}.ts`;
      text = asTypeScript(Array.from({ length: 6 }, (_, tool) => toolData(index * 10 + tool, 10)));
    } else if (bucket < 17) {
      name = `config/tools${index}.json`;
      text = asJson(Array.from({ length: 4 }, (_, tool) => toolData(index * 10 + tool, 7)));
    } else if (bucket < 19) {
      name = `py/agent${index}.py`;
      text = asPython(Array.from({ length: 4 }, (_, tool) => toolData(index * 10 + tool, 9)));
    } else {
      name = `.github/tools${index}.yaml`;
      text = asYaml(Array.from({ length: 3 }, (_, tool) => toolData(index * 10 + tool, 5)));
    }
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    files.push(file);
    jsonTwins.push(sameBytesAsJson(text, name.endsWith('.json') ? 'json' : 'other'));
  }
  return { files, jsonTwins };
}

async function benchWorkspace(): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'grok-lint-bench-'));
  try {
    const { files, jsonTwins } = generateWorkspace(root);
    const bytes = files.reduce((sum, file) => sum + readFileSync(file).length, 0);
    let findings = 0;
    const lintAll = async (): Promise<void> => {
      findings = 0;
      for (const file of files) {
        const result = await lintFile(file);
        if (result.kind === 'linted') findings += result.findings.length;
      }
    };
    await lintAll();
    const lint = await timeMedianAsync(WORKSPACE_RUNS, lintAll);
    const parse = timeMedian(WORKSPACE_RUNS, () => jsonTwins.forEach((twin) => JSON.parse(twin)));
    console.log(`\n${WORKSPACE_FILES}-file workspace (${formatBytes(bytes)}; read + lint + positions, as the CLI does; median of ${WORKSPACE_RUNS} runs):`);
    printTable([
      ['files', 'findings', 'total (median)', 'total CPU (median)', 'per file', 'JSON.parse of the same bytes', 'ratio'],
      [String(files.length), String(findings), formatMs(lint.wall), formatMs(lint.cpu), formatMs(lint.wall / files.length), formatMs(parse), `${(lint.wall / parse).toFixed(1)}×`],
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(`Node ${process.version}, ${cpus().length} CPU(s), load average ${loadavg().map((load) => load.toFixed(2)).join(' ')}`);
  await benchFiles();
  await benchWorkspace();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
