/**
 * Plain data the prompt builder works on. The extension adapts VS Code's documents, selections,
 * symbols and diagnostics to these shapes; nothing here knows about VS Code.
 */
import type { PromptSummary } from '../panelProtocol';
import type { InputMessage } from '../responses/types';

/**
 * What the user asked Grok to do with the code. `rewrite` is "Rewrite with instructions" (code actions);
 * `ask` and `rewrite` need the user's text in `question`.
 */
export type CodeAction = 'explain' | 'fix' | 'refactor' | 'tests' | 'document' | 'ask' | 'rewrite';

export const CODE_ACTIONS: readonly CodeAction[] = ['explain', 'fix', 'refactor', 'tests', 'document', 'ask', 'rewrite'];

/** 0-based line and UTF-16 character offset, as in VS Code. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface DocumentSnapshot {
  text: string;
  languageId: string;
  /** Workspace-relative path, shown to the model. */
  relativePath: string;
  /**
   * The document's line ending. Prompts always use `\n`; callers writing model code back into the
   * document convert to this.
   */
  eol?: '\n' | '\r\n';
}

export interface DiagnosticInfo {
  range: Range;
  message: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  source?: string;
  code?: string;
}

/** Limits on what one prompt sends. All counts are UTF-16 characters, like JavaScript strings. */
export interface PromptBudget {
  /** Longest target code sent; longer code is cut at a line boundary with a visible notice. */
  maxSelectionChars: number;
  /** Lines of surrounding code sent before and after the target (each side). */
  contextLines: number;
  /** Characters of surrounding code (before, after and the import header together). */
  maxContextChars: number;
}

/** Matches the `grok.contextLines` / `grok.maxSelectionChars` setting defaults. */
export const DEFAULT_PROMPT_BUDGET: Readonly<PromptBudget> = Object.freeze({
  maxSelectionChars: 60_000,
  contextLines: 30,
  maxContextChars: 16_000,
});

/** How the code to send was chosen. */
export type TargetKind = 'selection' | 'enclosing-block' | 'current-line';

export const TARGET_KINDS: readonly TargetKind[] = ['selection', 'enclosing-block', 'current-line'];

export interface ResolvedTarget {
  range: Range;
  kind: TargetKind;
  /** True when the target holds only whitespace: there is nothing to send (say so to the user). */
  isEmpty: boolean;
}

export interface ActionPromptInput {
  action: CodeAction;
  /** The user's question (`ask`), instructions (`rewrite`) or extra wishes (other actions). */
  question?: string;
  doc: DocumentSnapshot;
  target: Range;
  targetKind: TargetKind;
  /** All of the document's diagnostics; only those overlapping or touching the target are sent. */
  diagnostics: readonly DiagnosticInfo[];
  budget?: Partial<PromptBudget>;
}

export interface BuiltPrompt {
  /** A `system` message (never the `instructions` parameter) followed by one `user` message. */
  messages: InputMessage[];
  /** What the panel shows at the top of the turn. */
  summary: PromptSummary;
  /** True when the target code was cut to fit `maxSelectionChars`. */
  truncated: boolean;
}
