/**
 * YAML: js-yaml's event stream when it accepts the text (fast), the `yaml` package's error-tolerant AST when
 * it does not (a file mid-edit). Both produce the same {@link StaticValue}s; tools touching a syntax error
 * are left alone.
 */
import { findToolsInData } from '../dataTools';
import { SyntaxErrorIndex } from '../syntaxErrorIndex';
import type { ToolCandidate } from '../toolShapes';
import { yamlDocumentsFromAst } from './yamlAst';
import { yamlDocumentsFromEvents } from './yamlEvents';

export function findYamlTools(text: string): ToolCandidate[] {
  return findYamlToolsFromEvents(text) ?? findYamlToolsTolerantly(text);
}

/** `undefined` when js-yaml rejects the text. Exported for the differential tests of the two paths. */
export function findYamlToolsFromEvents(text: string): ToolCandidate[] | undefined {
  return yamlDocumentsFromEvents(text)?.flatMap((document) => findToolsInData(document));
}

export function findYamlToolsTolerantly(text: string): ToolCandidate[] {
  return yamlDocumentsFromAst(text).flatMap(({ value, errors }) => {
    const broken = new SyntaxErrorIndex(errors);
    // An unclosed flow collection is reported where the input ends, after the value's trailing blank space.
    const reach = (end: number): number => end + (/^\s*/.exec(text.slice(end, end + 256))?.[0].length ?? 0);
    return findToolsInData(value).filter((candidate) => !broken.intersects({ start: candidate.span.start, end: reach(candidate.span.end) }));
  });
}
