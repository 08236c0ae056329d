import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { main } from '../../../src/lint/cli';
import type { JsonFinding } from '../../../src/lint/formatters';
import wasmFiles from '../../../src/core/schemaLint/treeSitter/wasmFiles.json';

const ROOT = path.join(__dirname, '../../..');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], cwd: string): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd });
  return { code, stdout, stderr };
}

function writeTree(root: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
}

const BAD_JSON = '[\n  {"type": "function", "name": "bad", "parameters": {"type": "string"}}\n]\n';
const WARN_YAML = 'tools:\n  - type: function\n    name: loose\n    parameters:\n      properties: {}\n';
const GOOD_TS = "export const tools = [{ type: 'function', name: 'ok', parameters: { type: 'object', properties: {} } }];\n";
const BAD_PY = 'tools = [{"type": "function", "name": "py_bad", "parameters": {"type": "array"}}]\n';

describe('grok-lint CLI', function () {
  this.timeout(60_000);
  let workspace: string;

  beforeEach(() => {
    workspace = mkdtempSync(path.join(tmpdir(), 'grok-lint-'));
  });
  afterEach(() => rmSync(workspace, { recursive: true, force: true }));

  it('exits 0 on a clean tree and says how many files it checked', async () => {
    writeTree(workspace, { 'src/tools.ts': GOOD_TS, 'package.json': '{"name": "x"}' });
    const result = await run([], workspace);
    assert.equal(result.code, 0);
    assert.equal(result.stdout, '✔ 2 files checked, no problems\n');
  });

  it('reports a JSON or YAML tools file that does not parse as unreadable input, with the findings it could make', async () => {
    writeTree(workspace, {
      'tools.json': '[\n  {"type": "function", "name": "bad", "parameters": {"type": "string"}},\n  {"type": "function", "name": "cut", "parameters": {"type": "obj',
      'tools.yaml': 'tools:\n  - type: function\n    name: x\n    parameters: [1,\n  broken: : :\n',
      // Comments and trailing commas are fine; a broken file that names no tool schema is not a tools file.
      'tsconfig.json': '{\n  // comment\n  "compilerOptions": { "strict": true, },\n}\n',
      'fixtures/broken.json': '{ "a": ',
    });
    const result = await run(['--format', 'json', '.'], workspace);
    assert.equal(result.code, 2);
    assert.deepEqual(result.stderr.trimEnd().split('\n'), [
      'grok-lint: tools.json:3:62: not valid JSON (unexpected end of string); tools there and after it may not have been checked',
      'grok-lint: tools.yaml:5:3: not valid YAML (Flow sequence in block collection must be sufficiently indented and end with a ]); tools there and after it may not have been checked',
    ]);
    const findings = JSON.parse(result.stdout) as JsonFinding[];
    assert.deepEqual(
      findings.map(({ file, line, tool, rule }) => ({ file, line, tool, rule })),
      [{ file: 'tools.json', line: 2, tool: 'bad', rule: 'root-not-object' }],
      'what could be judged is still reported',
    );
  });

  it('notes tools whose schema cannot be checked only with --report-unresolved, without failing', async () => {
    writeTree(workspace, {
      'tools.ts': "import { weatherSchema } from './schemas';\nexport const tools = [{ type: 'function', name: 'weather', parameters: weatherSchema }];\n",
    });
    const quietByDefault = await run(['.'], workspace);
    assert.equal(quietByDefault.code, 0);
    assert.equal(quietByDefault.stdout, '✔ 1 file checked, no problems\n');

    const noted = await run(['--report-unresolved', '--format', 'json', '.'], workspace);
    assert.equal(noted.code, 0, 'an info note is not a failure');
    const findings = JSON.parse(noted.stdout) as JsonFinding[];
    assert.deepEqual(
      findings.map(({ file, line, column, tool, rule, severity }) => ({ file, line, column, tool, rule, severity })),
      [{ file: 'tools.ts', line: 2, column: 72, tool: 'weather', rule: 'parameters-unresolved', severity: 'info' }],
    );
  });

  it('exits 1 on an error, reports warnings without failing, and skips node_modules and .git', async () => {
    writeTree(workspace, {
      'tools.json': BAD_JSON,
      '.github/tools.yml': WARN_YAML,
      'node_modules/dep/tools.json': BAD_JSON,
      '.git/hooks/tools.json': BAD_JSON,
      'README.md': 'parameters',
    });
    const result = await run(['.'], workspace);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^\.github\/tools\.yml\n {2}5:7 +warning +Tool "loose".*root-properties-without-type$/m);
    assert.match(result.stdout, /^tools\.json\n {2}2:53 +error +Tool "bad".*root-not-object$/m);
    assert.doesNotMatch(result.stdout, /node_modules|\.git\//);
    assert.match(result.stdout, /✖ 2 problems \(1 error, 1 warning\) in 2 files checked/);

    const warningsOnly = await run(['.github'], workspace);
    assert.equal(warningsOnly.code, 0);
    const quiet = await run(['--quiet', '.github'], workspace);
    assert.equal(quiet.stdout, '✔ 1 file checked, no problems\n');
  });

  it('prints the JSON format with 1-based positions', async () => {
    writeTree(workspace, { 'a/tools.json': BAD_JSON, 'b/tools.py': BAD_PY });
    const result = await run(['--format', 'json', 'a', 'b/tools.py'], workspace);
    assert.equal(result.code, 1);
    const findings = JSON.parse(result.stdout) as JsonFinding[];
    assert.deepEqual(findings, [
      {
        file: 'a/tools.json',
        line: 2,
        column: 53,
        endLine: 2,
        endColumn: 71,
        tool: 'bad',
        rule: 'root-not-object',
        severity: 'error',
        message: findings[0].message,
      },
      { file: 'b/tools.py', line: 1, column: 63, endLine: 1, endColumn: 80, tool: 'py_bad', rule: 'root-not-object', severity: 'error', message: findings[1].message },
    ]);
    assert.match(findings[0].message, /^Tool "bad": .*HTTP 400/);
  });

  it('writes SARIF 2.1.0 with rule metadata, relative URIs and UTF-16 columns', async () => {
    writeTree(workspace, { 'dir with space/tools.json': BAD_JSON, 'w.yaml': WARN_YAML });
    const result = await run(['-f', 'sarif', '-o', 'out.sarif', '.'], workspace);
    assert.equal(result.code, 1);
    assert.equal(result.stdout, '');
    const log = JSON.parse(readFileSync(path.join(workspace, 'out.sarif'), 'utf8'));
    assert.equal(log.version, '2.1.0');
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    const [sarifRun] = log.runs;
    assert.equal(sarifRun.tool.driver.name, 'grok-lint');
    assert.equal(sarifRun.columnKind, 'utf16CodeUnits');
    assert.ok(sarifRun.originalUriBaseIds['%SRCROOT%'].uri.startsWith('file://'));
    const ruleIds = sarifRun.tool.driver.rules.map((rule: { id: string }) => rule.id);
    assert.ok(ruleIds.includes('root-not-object') && ruleIds.includes('union-branch-not-object'));
    for (const rule of sarifRun.tool.driver.rules) {
      assert.ok(rule.shortDescription.text && rule.fullDescription.text);
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
    }
    assert.deepEqual(
      sarifRun.results.map((result: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: unknown } }[] }) => [
        result.ruleId,
        ruleIds[result.ruleIndex],
        result.level,
        result.locations[0].physicalLocation.artifactLocation.uri,
        result.locations[0].physicalLocation.artifactLocation.uriBaseId,
        result.locations[0].physicalLocation.region,
      ]),
      [
        ['root-not-object', 'root-not-object', 'error', 'dir%20with%20space/tools.json', '%SRCROOT%', { startLine: 2, startColumn: 53, endLine: 2, endColumn: 71 }],
        ['root-properties-without-type', 'root-properties-without-type', 'warning', 'w.yaml', '%SRCROOT%', { startLine: 5, startColumn: 7, endLine: 5, endColumn: 21 }],
      ],
    );
  });

  it('expands globs, honours --ignore, and strips a byte-order mark before counting columns', async () => {
    writeTree(workspace, { 'src/a.json': `\uFEFF${BAD_JSON}`, 'src/gen/b.json': BAD_JSON, 'src/c.ts': GOOD_TS });
    const result = await run(['--format', 'json', '--ignore', 'src/gen/**', 'src/**/*.json'], workspace);
    const findings = JSON.parse(result.stdout) as JsonFinding[];
    assert.deepEqual(findings.map((finding) => [finding.file, finding.column]), [['src/a.json', 53]]);
  });

  it('skips files over the size limit and binary files with a notice', async () => {
    writeTree(workspace, { 'big.json': `${BAD_JSON}${' '.repeat(2000)}`, 'bin.json': `${BAD_JSON}\u0000` });
    const result = await run(['--max-file-size', '1000', '.'], workspace);
    assert.equal(result.code, 0);
    assert.match(result.stderr, /skipped .*big\.json \(larger than 1000 bytes\)/);
    assert.match(result.stderr, /skipped .*bin\.json \(binary content\)/);
  });

  it('exits 2 on usage errors and unreadable input', async () => {
    writeTree(workspace, { 'notes.txt': 'x', 'tools.json': BAD_JSON });
    for (const argv of [['--format', 'xml'], ['--bogus'], ['--max-file-size', 'lots'], ['missing.json'], ['notes.txt'], ['nothing/**/*.json'], ['tools.json', 'missing.json']]) {
      const result = await run(argv, workspace);
      assert.equal(result.code, 2, `exit code for ${argv.join(' ')}`);
      assert.match(result.stderr, /^grok-lint: /);
    }
    if (process.getuid?.() !== 0) {
      const locked = path.join(workspace, 'locked.json');
      writeFileSync(locked, BAD_JSON);
      chmodSync(locked, 0o000);
      assert.equal((await run(['locked.json'], workspace)).code, 2);
    }
    const help = await run(['--help'], workspace);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: grok-lint/);
  });

  it('runs as a bundled executable (esbuild, wasm next to the bundle) with the documented exit codes', async () => {
    const dist = path.join(workspace, 'dist');
    mkdirSync(dist, { recursive: true });
    await build({
      entryPoints: [path.join(ROOT, 'src/lint/cli.ts')],
      outfile: path.join(dist, 'grok-lint.js'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'silent',
      banner: { js: '#!/usr/bin/env node' },
      // The same alias esbuild.mjs uses for jsonc-parser's bundler-unfriendly UMD build.
      alias: { 'jsonc-parser': path.join(ROOT, 'node_modules/jsonc-parser/lib/esm/main.js') },
    });
    for (const file of [wasmFiles.runtime, ...Object.values(wasmFiles.grammars)]) {
      copyFileSync(path.join(ROOT, 'node_modules/@vscode/tree-sitter-wasm/wasm', file), path.join(dist, file));
    }
    const project = path.join(workspace, 'project');
    writeTree(project, { 'tools.ts': "export const t = tool({ parameters: z.string() });\n", 'tools.py': BAD_PY, 'ok.ts': GOOD_TS });
    const spawnLint = (...argv: string[]) => spawnSync(process.execPath, [path.join(dist, 'grok-lint.js'), ...argv], { cwd: project, encoding: 'utf8', timeout: 30_000 });

    const failing = spawnLint('--format', 'json', '.');
    assert.equal(failing.status, 1, failing.stderr);
    assert.deepEqual((JSON.parse(failing.stdout) as JsonFinding[]).map((finding) => [finding.file, finding.rule]), [
      ['tools.py', 'root-not-object'],
      ['tools.ts', 'root-not-object'],
    ]);
    assert.equal(spawnLint('ok.ts').status, 0);
    assert.equal(spawnLint('--format').status, 2);
  });
});
