/** Plain data shared by the inline-fix core and its VS Code adapter. */
import type { DiagnosticInfo, DocumentSnapshot, PromptBudget, Range } from '../prompts/types';
import type { GrokRequest } from '../responses/types';

/** "Fix with Grok" on one diagnostic, or "Rewrite with Grok…" on a selection with the user's instruction. */
export type InlineFixKind = 'fix' | 'rewrite';

/** The exact span an answer replaces, as it was when the request was built. */
export interface FixTarget {
  range: Range;
  /** The document's text in `range`, with the document's own line endings. */
  text: string;
  /** Offset of `text` in the document: re-location looks for `text` nearest to it. */
  offset: number;
  /** How the span was chosen. */
  kind: 'enclosing-block' | 'diagnostic-lines' | 'selection';
}

export interface InlineFixInput {
  kind: InlineFixKind;
  doc: DocumentSnapshot;
  /** `fix`: the diagnostic to fix. */
  diagnostic?: DiagnosticInfo;
  /** `rewrite`: the selection to rewrite. */
  selection?: Range;
  /** `rewrite`: what to change. */
  instruction?: string;
  /** All of the document's diagnostics (those on and near the target are sent). */
  diagnostics: readonly DiagnosticInfo[];
  budget?: Partial<PromptBudget>;
}

export interface InlineFixPlan {
  /** Messages and the JSON-schema text format; connection settings are added by the caller. */
  request: GrokRequest;
  target: FixTarget;
  /** Short, for the progress notification and the log: `Type 'string' is not assignable…` or the instruction. */
  title: string;
}

/** A planning failure the user can act on (nothing to fix, code too large, no instruction). */
export class InlineFixError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InlineFixError';
  }
}
