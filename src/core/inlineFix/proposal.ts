/**
 * A fix proposal from answer to edit: the parsed answer shaped for the document (`shapeReplacement.ts`),
 * then, whenever it is shown or applied, its target found again in the document as it is now
 * (`relocate.ts`) and turned into the smallest edit (`minimalEdit.ts`). Pure: the adapter only converts
 * offsets to positions and applies the edit.
 */
import type { IndentStyle } from './indentation';
import { minimalEdit } from './minimalEdit';
import { relocateTarget } from './relocate';
import { shapeReplacement } from './shapeReplacement';
import type { FixTarget } from './types';

export interface FixProposal {
  target: FixTarget;
  /** The replacement as it will be written: re-indented, with the document's line endings. */
  replacement: string;
  explanation: string;
  usedFallback: boolean;
  fallbackReason?: string;
}

export interface ProposalInput {
  target: FixTarget;
  /** The document's text when the request was built (for the target's line prefix). */
  requestText: string;
  eol: '\n' | '\r\n';
  indentation?: Partial<IndentStyle>;
  answer: { replacement: string; explanation: string; usedFallback: boolean; fallbackReason?: string };
}

export function createProposal(input: ProposalInput): FixProposal {
  const { target } = input;
  const lineStart = Math.max(input.requestText.lastIndexOf('\n', target.offset - 1), input.requestText.lastIndexOf('\r', target.offset - 1)) + 1;
  const replacement = shapeReplacement(input.answer.replacement, {
    targetText: target.text,
    linePrefix: input.requestText.slice(lineStart, target.offset),
    eol: input.eol,
    ...(input.indentation ? { indentation: input.indentation } : {}),
  });
  return {
    target,
    replacement,
    explanation: input.answer.explanation,
    usedFallback: input.answer.usedFallback,
    ...(input.answer.fallbackReason ? { fallbackReason: input.answer.fallbackReason } : {}),
  };
}

/** An edit in absolute offsets of the current text. */
export interface AbsoluteEdit {
  start: number;
  end: number;
  text: string;
}

export type LocatedProposal =
  | { ok: true; /** Where the target now starts. */ targetOffset: number; edit: AbsoluteEdit; /** True when the proposal changes nothing. */ isNoOp: boolean }
  | { ok: false; reason: 'missing' | 'ambiguous'; message: string };

/** Finds the proposal's target in `currentText` (nearest to `lastKnownOffset`) and the edit that applies it there. */
export function locateProposal(currentText: string, proposal: FixProposal, lastKnownOffset = proposal.target.offset): LocatedProposal {
  const found = relocateTarget(currentText, proposal.target.text, lastKnownOffset);
  if (!found.found) {
    return {
      ok: false,
      reason: found.reason,
      message:
        found.reason === 'missing'
          ? 'The code Grok changed was edited since the request, so the proposal no longer fits it and was not applied (your edits are kept).'
          : 'The code Grok changed now appears twice at the same distance from where it was, so where to apply the proposal is unclear; it was not applied.',
    };
  }
  const relative = minimalEdit(proposal.target.text, proposal.replacement);
  const edit = { start: found.offset + relative.start, end: found.offset + relative.end, text: relative.text };
  return { ok: true, targetOffset: found.offset, edit, isNoOp: proposal.target.text === proposal.replacement };
}

/** The whole document as it would read with the proposal applied (the right side of the preview diff). */
export function applyToText(currentText: string, edit: AbsoluteEdit): string {
  return currentText.slice(0, edit.start) + edit.text + currentText.slice(edit.end);
}
