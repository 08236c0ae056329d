/**
 * The user message of an action prompt, in markdown: the file, its imports and the code before the
 * target (numbered, marked as context), the target itself (unnumbered, so it can be rewritten as is),
 * the code after it, the diagnostics, and last the request, where models attend to it best.
 */
import { ACTION_TASKS } from './actionInstructions';
import { fencedBlock, inlineCode } from './codeFence';
import { renderDiagnostics } from './diagnostics';
import { languageProfile } from './languageProfiles';
import type { NumberedExcerpt, SurroundingContext } from './surroundingContext';
import { lineRange } from './targetExcerpt';
import type { TargetExcerpt } from './targetExcerpt';
import type { CodeAction, DiagnosticInfo, Range, TargetKind } from './types';

export interface UserMessageParts {
  action: CodeAction;
  question?: string;
  path: string;
  languageId: string;
  languageTag: string;
  targetKind: TargetKind;
  target: Range;
  /** Length of the target's last line, to tell a selection that ends mid-line. */
  lastLineLength: number;
  excerpt: TargetExcerpt;
  context: SurroundingContext;
  diagnostics: readonly DiagnosticInfo[];
}

const TARGET_LABELS: Record<TargetKind, string> = {
  selection: 'Selected code',
  'enclosing-block': 'Code to work on (nothing was selected: the block around the cursor)',
  'current-line': 'Code to work on (nothing was selected: the line at the cursor)',
};

const QUESTION_LABELS: Record<CodeAction, string> = {
  explain: 'Also',
  fix: 'Also',
  refactor: 'Also',
  tests: 'Also',
  document: 'Also',
  ask: 'Question',
  rewrite: 'Instructions',
};

export function renderUserMessage(parts: UserMessageParts): string {
  const { context, excerpt } = parts;
  const path = parts.path.trim() === '' ? 'an untitled file' : inlineCode(parts.path);
  const sections = [`File: ${path} (${languageProfile(parts.languageId).name})`];
  if (context.imports) sections.push(contextSection('Imports', context.imports, parts.languageTag));
  if (context.before) sections.push(contextSection('Before the code', context.before, parts.languageTag));

  const target = `${TARGET_LABELS[parts.targetKind]}, ${lineRange(excerpt.startLine, excerpt.endLine)}${columnNote(parts)}:`;
  const code = fencedBlock(excerpt.code, parts.languageTag);
  sections.push(excerpt.truncation ? `${target}\n${code}\n${excerpt.truncation.promptNotice}` : `${target}\n${code}`);

  if (context.after) sections.push(contextSection('After the code', context.after, parts.languageTag));
  if (parts.diagnostics.length > 0) {
    sections.push(`Diagnostics on this code (line:column, 1-based):\n${renderDiagnostics(parts.diagnostics)}`);
  } else if (parts.action === 'fix') {
    sections.push('Diagnostics on this code: none reported by the editor.');
  }

  const request = [`Task: ${ACTION_TASKS[parts.action]}`];
  if (parts.question) request.push(`${QUESTION_LABELS[parts.action]}: ${parts.question}`);
  sections.push(request.join('\n'));
  return sections.join('\n\n');
}

function contextSection(title: string, excerpt: NumberedExcerpt, languageTag: string): string {
  const last = excerpt.startLine + excerpt.lines.length - 1;
  const width = String(last + 1).length;
  const numbered = excerpt.lines.map((text, i) => `${String(excerpt.startLine + i + 1).padStart(width)} |${text === '' ? '' : ` ${text}`}`);
  const heading = `${title} (context only, ${lineRange(excerpt.startLine, last)}):`;
  return `${heading}\n${fencedBlock(numbered.join('\n'), languageTag)}`;
}

/** A selection that starts or ends inside a line says where (1-based, inclusive): the code is partial. */
function columnNote({ target, lastLineLength }: UserMessageParts): string {
  const { start, end } = target;
  if (start.character === 0 && end.character >= lastLineLength) return '';
  if (start.line === end.line) return ` (columns ${start.character + 1}–${end.character} only)`;
  return ` (from column ${start.character + 1} of line ${start.line + 1} through column ${end.character} of line ${end.line + 1})`;
}
