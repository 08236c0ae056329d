/** The CLI's report formats: human text, a JSON array, and SARIF 2.1.0 for code-scanning uploads. */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { RULES, RULE_CODES } from '../core/schemaLint/ruleCatalog';
import type { PositionedFinding } from './lintFiles';

export interface ReportedFile {
  /** Absolute path. */
  file: string;
  findings: PositionedFinding[];
}

export interface ReportContext {
  cwd: string;
  version: string;
  /** Files checked, clean ones included (for the text summary). */
  checkedFiles: number;
}

/** Relative to the working directory with forward slashes when inside it, else absolute. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}

export function formatText(files: readonly ReportedFile[], context: ReportContext): string {
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const { file, findings } of files) {
    if (findings.length === 0) continue;
    lines.push(displayPath(file, context.cwd));
    for (const finding of findings) {
      counts[finding.severity]++;
      lines.push(`  ${`${finding.line}:${finding.column}`.padEnd(8)} ${finding.severity.padEnd(7)}  ${finding.message}  ${finding.rule}`);
    }
    lines.push('');
  }
  const total = counts.error + counts.warning + counts.info;
  const checked = `${context.checkedFiles} file${context.checkedFiles === 1 ? '' : 's'} checked`;
  if (total === 0) {
    lines.push(`✔ ${checked}, no problems`);
  } else {
    const parts = [`${counts.error} error${counts.error === 1 ? '' : 's'}`, `${counts.warning} warning${counts.warning === 1 ? '' : 's'}`];
    if (counts.info > 0) parts.push(`${counts.info} info`);
    lines.push(`✖ ${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')}) in ${checked}`);
  }
  return `${lines.join('\n')}\n`;
}

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  tool: string | null;
  rule: string;
  severity: string;
  message: string;
}

export function formatJson(files: readonly ReportedFile[], context: ReportContext): string {
  const findings: JsonFinding[] = files.flatMap(({ file, findings: fileFindings }) =>
    fileFindings.map((finding) => ({
      file: displayPath(file, context.cwd),
      line: finding.line,
      column: finding.column,
      endLine: finding.endLine,
      endColumn: finding.endColumn,
      tool: finding.toolName ?? null,
      rule: finding.rule,
      severity: finding.severity,
      message: finding.message,
    })),
  );
  return `${JSON.stringify(findings, null, 2)}\n`;
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;
const SOURCE_ROOT = '%SRCROOT%';

export function formatSarif(files: readonly ReportedFile[], context: ReportContext): string {
  const rules: Sarif.ReportingDescriptor[] = RULE_CODES.map((code) => ({
    id: code,
    name: code.replace(/-(\w)/g, (_match, letter: string) => letter.toUpperCase()).replace(/^\w/, (letter) => letter.toUpperCase()),
    shortDescription: { text: RULES[code].title },
    fullDescription: { text: RULES[code].description },
    defaultConfiguration: { level: SARIF_LEVEL[RULES[code].severity] },
    properties: { tags: ['xai', 'json-schema', 'function-calling'] },
  }));
  const results: Sarif.Result[] = files.flatMap(({ file, findings }) => {
    const relative = displayPath(file, context.cwd);
    const artifactLocation: Sarif.ArtifactLocation = path.isAbsolute(relative)
      ? { uri: pathToFileURL(file).href }
      : { uri: relative.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
    return findings.map(
      (finding): Sarif.Result => ({
        ruleId: finding.rule,
        ruleIndex: RULE_CODES.indexOf(finding.rule),
        level: SARIF_LEVEL[finding.severity],
        message: { text: finding.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation,
              region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
            },
          },
        ],
        ...(finding.toolName === undefined ? {} : { properties: { tool: finding.toolName } }),
      }),
    );
  });
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'grok-lint', version: context.version, semanticVersion: context.version, rules } },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: `${pathToFileURL(context.cwd).href.replace(/\/?$/, '/')}` } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
