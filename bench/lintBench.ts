/**
 * Tool-schema linter benchmark: `npx tsx bench/lintBench.ts` (or `npm run bench:lint`).
 *
 * 1. A 5,000-line file per format (JSON, YAML, TypeScript with zod and JSON Schema literals, Python with
 *    the xAI SDK), all tools, once with every tool valid and once with one tool in ten invalid; and 5,000-line
 *    TypeScript and Python files of ordinary code with six tools (the usual case). Median of many runs of
 *    `lintDocument`, beside the parser it uses alone and `JSON.parse` of the same bytes (JSON files as they
 *    are, other files as a JSON array of their lines). Target: ≤ 20 ms per 5,000-line file.
 * 2. A generated 2,000-file workspace (mostly code without tools, as real repositories are) linted the way
 *    the CLI does it (read, lint, positions), beside `JSON.parse` of the same bytes (JSON files as they are,
 *    other files as a JSON array of their lines).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseEvents } from 'js-yaml';
import { parseTree } from 'jsonc-parser';
import { lintDocument } from '../src/core/schemaLint/lintDocument';
import { getParser } from '../src/core/schemaLint/treeSitter/treeSitterHost';
import { lintFile } from '../src/lint/lintFiles';
import { formatBytes, formatMs, median, printTable } from './stats';

const TARGET_LINES = 5_000;
const FILE_RUNS = 40;
const WORKSPACE_FILES = 2_000;
const WORKSPACE_RUNS = 5;

interface ToolData {
  name: string;
  parameters: Record<string, unknown>;
}

function toolData(index: number, invalidEvery: number): ToolData {
  const invalid = invalidEvery > 0 && index % invalidEvery === invalidEvery - 1;
  return {
    name: `tool_${index}`,
    parameters: invalid
      ? { type: 'string', description: `Free-form input for tool ${index}` }
      : {
          type: 'object',
          properties: {
            city: { type: 'string', description: 'The city and country, e.g. Paris, France' },
            unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
            days: { type: 'integer', minimum: 1, maximum: 14 },
          },
          required: ['city'],
          additionalProperties: false,
        },
  };
}

/** Adds tools until the rendered text reaches the target line count; returns the text and its tools. */
function grow(render: (tools: ToolData[]) => string, invalidEvery: number): { text: string; tools: ToolData[] } {
  const tools: ToolData[] = [];
  let text = render(tools);
  while (text.split('\n').length < TARGET_LINES) {
    tools.push(toolData(tools.length, invalidEvery));
    text = render(tools);
  }
  return { text, tools };
}

const asJson = (tools: ToolData[]): string =>
  JSON.stringify(tools.map((tool) => ({ type: 'function', name: tool.name, description: `Runs ${tool.name}`, parameters: tool.parameters, strict: true })), null, 2);

function asYaml(tools: ToolData[]): string {
  const lines = ['tools:'];
  for (const tool of tools) {
    lines.push('  - type: function', `    name: ${tool.name}`, `    description: Runs ${tool.name}`, '    parameters:');
    const emit = (value: unknown, indent: string): void => {
      for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
        if (child !== null && typeof child === 'object' && !Array.isArray(child)) {
          lines.push(`${indent}${key}:`);
          emit(child, `${indent}  `);
        } else {
          lines.push(`${indent}${key}: ${JSON.stringify(child)}`);
        }
      }
    };
    emit(tool.parameters, '      ');
  }
  return `${lines.join('\n')}\n`;
}

/** Half the tools as zod (Vercel AI SDK), half as JSON Schema literals (Responses API). */
function asTypeScript(tools: ToolData[]): string {
  const lines = ["import { tool } from 'ai';", "import { z } from 'zod';", '', 'export const tools = {'];
  tools.forEach((tool, index) => {
    const scalar = tool.parameters.type === 'string';
    if (index % 2 === 0) {
      lines.push(`  ${tool.name}: tool({`, `    description: 'Runs ${tool.name}',`);
      if (scalar) lines.push("    inputSchema: z.string().describe('free-form input'),");
      else {
        lines.push('    inputSchema: z.object({', "      city: z.string().describe('The city and country'),", "      unit: z.enum(['celsius', 'fahrenheit']).optional(),", '      days: z.number().int().min(1).max(14).optional(),', '    }),');
      }
      lines.push('    execute: async (input) => ({ ok: true, input }),', '  }),');
    } else {
      lines.push(`  ${tool.name}: {`, "    type: 'function',", `    name: '${tool.name}',`, `    parameters: ${JSON.stringify(tool.parameters, null, 2).replace(/\n/g, '\n    ')},`, '  },');
    }
  });
  lines.push('};', '');
  return lines.join('\n');
}

function asPython(tools: ToolData[]): string {
  const lines = ['from xai_sdk.chat import tool', '', 'tools = ['];
  for (const tool of tools) {
    const schema = JSON.stringify(tool.parameters, null, 4).replace(/\bfalse\b/g, 'False').replace(/\btrue\b/g, 'True').replace(/\n/g, '\n        ');
    lines.push('    tool(', `        name="${tool.name}",`, `        description="Runs ${tool.name}",`, `        parameters=${schema},`, '    ),');
  }
  lines.push(']', '');
  return lines.join('\n');
}

/** The parser the linter uses for a language, alone: the floor under the linter's time. */
async function parserAlone(languageId: string): Promise<(text: string) => void> {
  if (languageId === 'json') return (text) => void parseTree(text);
  if (languageId === 'yaml') return (text) => void parseEvents(text, {});
  const parser = await getParser(languageId === 'python' ? 'python' : 'typescript');
  return (text) => parser.parse(text)?.delete();
}

/** What JSON.parse is measured on: JSON files as they are, other files as a JSON array of their lines. */
function sameBytesAsJson(text: string, languageId: string): string {
  return languageId === 'json' ? text : JSON.stringify(text.split('\n'));
}

/** Ordinary code (no tools) in the file's language, `lines` long. */
function filler(languageId: string, lines: number): string {
  const out: string[] = [];
  for (let index = 0; out.length < lines; index++) {
    if (languageId === 'python') out.push(`def helper_${index}(value: int) -> int:`, `    total = value * ${index} + len(str(value))`, '    return total', '');
    else out.push(`export function helper${index}(value: number): number {`, `  const total = value * ${index} + String(value).length;`, '  return total;', '}');
  }
  return `${out.join('\n')}\n`;
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
  const formats: [string, string, (tools: ToolData[]) => string][] = [
    ['JSON', 'json', asJson],
    ['YAML', 'yaml', asYaml],
    ['TypeScript', 'typescript', asTypeScript],
    ['Python', 'python', asPython],
  ];
  const cases: { label: string; languageId: string; text: string }[] = [];
  for (const [label, languageId, render] of formats) {
    cases.push({ label: `${label}, tools, all valid`, languageId, text: grow(render, 0).text });
    cases.push({ label: `${label}, tools, 1 in 10 invalid`, languageId, text: grow(render, 10).text });
  }
  // The usual source file: a few tools among thousands of lines of ordinary code.
  for (const [label, languageId, render] of [['TypeScript', 'typescript', asTypeScript], ['Python', 'python', asPython]] as const) {
    const toolText = render(Array.from({ length: 6 }, (_, index) => toolData(index, 3)));
    cases.push({ label: `${label}, code with 6 tools`, languageId, text: filler(languageId, TARGET_LINES - toolText.split('\n').length) + toolText });
  }

  const rows: string[][] = [['file', 'lines', 'size', 'findings', 'lint (median)', 'lint CPU', 'parser alone', 'JSON.parse', 'ratio', '≤ 20 ms']];
  for (const { label, languageId, text } of cases) {
    const findings = await lintDocument(text, languageId);
    for (let warm = 0; warm < 5; warm++) await lintDocument(text, languageId);
    const lint = await timeMedianAsync(FILE_RUNS, () => lintDocument(text, languageId));
    const parseAlone = await parserAlone(languageId);
    const parser = await timeMedianAsync(FILE_RUNS, async () => parseAlone(text));
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
      formatMs(parse),
      `${(lint.wall / parse).toFixed(1)}×`,
      lint.wall <= 20 ? 'yes' : 'NO',
    ]);
  }
  console.log(`\n5,000-line files (medians of ${FILE_RUNS} runs; "parser alone" is the parser the linter uses, with nothing else;`);
  console.log('JSON.parse is of the same bytes: JSON files as they are, other files as a JSON array of their lines):');
  printTable(rows);
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
