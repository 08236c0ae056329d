/**
 * The linter's results as plain data (ESLint/Spectral style): rule code, severity, message, UTF-16 offsets
 * and fixes as text edits. Adapters (VS Code diagnostics, the CLI, request pre-flight) convert at the edge.
 */
import type { ParseMode } from './regions/regionPlanner';
import type { RuleCode } from './ruleCatalog';
import type { ParseReport } from './treeSitter/regionParse';

export type LintSeverity = 'error' | 'warning' | 'info';

/** One replacement over UTF-16 offsets into the linted text; `start === end` inserts. */
export interface LintTextEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * A quick fix. Its edits never overlap and are listed in document order; applying all of them yields text
 * that still parses in its language and that the linter accepts for this finding.
 */
export interface LintFix {
  title: string;
  edits: LintTextEdit[];
}

export interface LintFinding {
  /** Stable code, e.g. `root-not-object`; see `RULES` in ruleCatalog.ts. */
  rule: RuleCode;
  severity: LintSeverity;
  /** Names the tool and says what xAI will do with it. */
  message: string;
  toolName?: string;
  /** UTF-16 offsets into the text: the offending `parameters` value or union branch. 0/0 without a text. */
  start: number;
  end: number;
  fixes: LintFix[];
}

/** Options for {@link import('./lintDocument').lintDocument}. */
export interface LintDocumentOptions {
  /** The document's path, for adapters' bookkeeping; the language id alone decides how the text is read. */
  fileName?: string;
  /** Also report tools whose `parameters` cannot be resolved statically, as `info`. Off by default. */
  reportUnresolved?: boolean;
  /** Receives a parser or linter bug; the document then gets no findings instead of an exception. */
  onInternalError?: (error: unknown) => void;
  /**
   * Internal (the region-parse differential test and the benchmark), not a user setting: how TS/JS/Python
   * text is parsed. Default `auto`: only the statements that can matter, when that pays off.
   */
  parseMode?: ParseMode;
  /**
   * Internal, like `parseMode`: whether to leave plain nested schema bodies (`properties: {…}`, zod shapes) out
   * of the parse. Default: when it pays, except in `whole-file` mode; `true`: every such body, however small.
   */
  skipBodies?: boolean;
  /** Internal: told how a TS/JS/Python document was parsed. */
  onParse?: (report: ParseReport) => void;
  /**
   * For editors: the document's identity (its URI). The syntax tree of a TS/JS/Python document is then kept
   * and the next lint of the same document re-parses only what changed. Call `releaseDocument(key)` when the
   * document closes; at most a few trees are kept in any case.
   */
  documentKey?: string;
}

/** The parse options the tree-sitter front-ends take. */
export type CodeParseOptions = Pick<LintDocumentOptions, 'parseMode' | 'skipBodies' | 'onParse' | 'documentKey'>;
