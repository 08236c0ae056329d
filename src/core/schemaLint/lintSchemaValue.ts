/**
 * The rule engine on plain JavaScript values: for schemas that exist as data rather than text (a request
 * about to be sent, a parsed configuration). Ranges come from an optional locator; fixes need source text
 * and are therefore empty here.
 */
import { findingsForCandidates } from './findings';
import { plainToStatic, type ValueLocator } from './plainValue';
import type { LintFinding } from './types';

export interface LintSchemaValueOptions {
  /** Named in messages. */
  toolName?: string;
  /** Maps a JSON path inside the schema to a text range; without it every finding is at 0/0. */
  locate?: ValueLocator;
}

/** Judges `parameters`, the value of one function tool's `parameters`, as xAI would. */
export function lintSchemaValue(parameters: unknown, options: LintSchemaValueOptions = {}): LintFinding[] {
  const span = options.locate?.([]) ?? { start: 0, end: 0 };
  return findingsForCandidates([
    { ...(options.toolName === undefined ? {} : { toolName: options.toolName }), parameters: plainToStatic(parameters, options.locate), span, strength: 'strong' },
  ]);
}

/**
 * Lints the function tools of a request before it is sent. Every finding's message names its tool; callers
 * stop the request on any `error` (xAI would answer HTTP 400) and may surface warnings.
 * A tool without `parameters` (or with `null`) takes no arguments and is fine.
 */
export function preflightTools(tools: readonly { name: string; parameters: unknown }[]): LintFinding[] {
  return tools.flatMap((tool) => (tool.parameters === undefined ? [] : lintSchemaValue(tool.parameters, { toolName: tool.name })));
}
