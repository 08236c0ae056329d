/**
 * Assembles an inline-fix request: the target span (`fixTarget.ts`), then the prompt builder's user
 * message for it (file, language, imports region, numbered context, the code, the diagnostics on it)
 * with this feature's own system message and JSON-schema answer format. The diagnostic being fixed and
 * the diagnostics near (but outside) the span go in the request line.
 */
import { buildActionPrompt, EmptyTargetError, resolveBudget } from '../prompts/buildPrompt';
import { diagnosticsTouching, renderDiagnostics } from '../prompts/diagnostics';
import { documentLines, isBlank, isValidRange, sliceCodePointSafe } from '../prompts/textLines';
import type { DiagnosticInfo, Range } from '../prompts/types';
import { fixAnswerFormat } from './answerSchema';
import { fixSystemMessage } from './fixInstructions';
import { diagnosticTarget, selectionTarget } from './fixTarget';
import type { FixTarget, InlineFixInput, InlineFixPlan } from './types';
import { InlineFixError } from './types';

/** Diagnostics this many lines above or below the span are "nearby". */
export const NEARBY_LINES = 5;
const MAX_TITLE_CHARS = 80;

export function buildInlineFixPlan(input: InlineFixInput): InlineFixPlan {
  const budget = resolveBudget(input.budget);
  const diagnostics = (Array.isArray(input.diagnostics) ? input.diagnostics : []).filter(isUsableDiagnostic);
  let target: FixTarget;
  let question: string;
  let title: string;
  if (input.kind === 'fix') {
    const diagnostic = input.diagnostic;
    if (!diagnostic || !isUsableDiagnostic(diagnostic)) throw new InlineFixError('There is no diagnostic to fix here.');
    target = diagnosticTarget(input.doc, diagnostic.range, budget.maxSelectionChars);
    question = fixRequestText(diagnostic, nearbyDiagnostics(diagnostics, target.range, documentLines(input.doc).length));
    title = oneLine(diagnostic.message);
  } else if (input.kind === 'rewrite') {
    const instruction = typeof input.instruction === 'string' ? input.instruction.trim() : '';
    if (!instruction) throw new InlineFixError('Type what to change in the selected code.');
    if (!input.selection || !isValidRange(input.selection)) throw new InlineFixError('Select the code to rewrite first.');
    target = selectionTarget(input.doc, input.selection, budget.maxSelectionChars);
    question = instruction;
    title = oneLine(instruction);
  } else {
    throw new TypeError(`Unknown inline fix kind ${JSON.stringify(input.kind)}.`);
  }

  let built;
  try {
    built = buildActionPrompt({
      action: input.kind,
      question,
      doc: input.doc,
      target: target.range,
      targetKind: input.kind === 'fix' ? 'enclosing-block' : 'selection',
      diagnostics,
      budget,
    });
  } catch (error) {
    if (error instanceof EmptyTargetError) throw new InlineFixError('There is no code here to change.');
    throw error;
  }
  // The answer replaces the whole span: a span cut to fit would lose its unsent part.
  if (built.truncated) throw new InlineFixError('The code is too large to change in place; select a smaller part.');
  const user = built.messages.find((message) => message.role === 'user');
  if (!user) throw new Error('The prompt builder returned no user message.');
  return {
    request: {
      input: [{ role: 'system', content: fixSystemMessage(input.kind, input.doc.languageId) }, user],
      jsonSchema: fixAnswerFormat(),
    },
    target,
    title,
  };
}

function fixRequestText(diagnostic: DiagnosticInfo, nearby: DiagnosticInfo[]): string {
  const parts = [`Fix this diagnostic: ${renderDiagnostics([diagnostic]).replace(/^- /, '')}`];
  if (nearby.length > 0) parts.push(`Other diagnostics near the code (context; outside the code to work on):\n${renderDiagnostics(nearby)}`);
  return parts.join('\n');
}

/** Diagnostics within `NEARBY_LINES` of the span that do not touch it (those are listed with the code). */
function nearbyDiagnostics(diagnostics: readonly DiagnosticInfo[], span: Range, lineCount: number): DiagnosticInfo[] {
  const touching = new Set(diagnosticsTouching(diagnostics, span));
  const around: Range = {
    start: { line: Math.max(0, span.start.line - NEARBY_LINES), character: 0 },
    end: { line: Math.min(lineCount - 1, span.end.line + NEARBY_LINES), character: Number.MAX_SAFE_INTEGER },
  };
  return diagnosticsTouching(diagnostics, around).filter((d) => !touching.has(d));
}

function isUsableDiagnostic(diagnostic: DiagnosticInfo | undefined): diagnostic is DiagnosticInfo {
  return !!diagnostic && isValidRange(diagnostic.range) && typeof diagnostic.message === 'string' && !isBlank(diagnostic.message);
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= MAX_TITLE_CHARS ? line : `${sliceCodePointSafe(line, MAX_TITLE_CHARS - 1).trimEnd()}…`;
}
