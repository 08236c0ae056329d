/** JSON and JSONC: `jsonc-parser`'s error-tolerant tree (with offsets) as {@link StaticValue}s. */
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import { BraceFixSyntax, JSON_DIALECT } from '../braceSyntax';
import { findToolsInData } from '../dataTools';
import { LazyEntry, unknownValue, type FixSyntax, type StaticValue } from '../staticValue';
import type { ToolCandidate } from '../toolShapes';
import { SyntaxErrorIndex } from '../syntaxErrorIndex';

export function findJsonTools(text: string): ToolCandidate[] {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  if (root === undefined) return [];
  const syntax = new BraceFixSyntax(text, JSON_DIALECT);
  const broken = new SyntaxErrorIndex(errors.map((error) => ({ start: error.offset, end: error.offset + Math.max(1, error.length) })));
  // A tool whose schema contains a syntax error is being typed: judging it would report noise.
  return findToolsInData(toStatic(root, syntax)).filter((candidate) => !broken.intersects(candidate.span));
}

function toStatic(node: Node, syntax: FixSyntax): StaticValue {
  const span = { start: node.offset, end: node.offset + node.length };
  switch (node.type) {
    case 'object':
      return {
        kind: 'object',
        ...span,
        syntax,
        openEnd: node.offset + 1,
        entries: (node.children ?? []).map((property) => {
          const [key, value] = property.children ?? [];
          const keyText = key?.type === 'string' && typeof key.value === 'string' ? key.value : undefined;
          const keySpan = key === undefined ? { start: property.offset, end: property.offset } : { start: key.offset, end: key.offset + key.length };
          return new LazyEntry(keyText, keySpan.start, keySpan.end, () =>
            value === undefined ? unknownValue(keySpan, 'a property without a value') : toStatic(value, syntax),
          );
        }),
      };
    case 'array':
      return { kind: 'array', ...span, syntax, items: (node.children ?? []).map((child) => toStatic(child, syntax)) };
    case 'string':
      return { kind: 'string', ...span, syntax, value: String(node.value) };
    case 'number':
      return { kind: 'number', ...span, syntax, value: Number(node.value) };
    case 'boolean':
      return { kind: 'boolean', ...span, syntax, value: node.value === true };
    case 'null':
      return { kind: 'null', ...span, syntax };
    default:
      return unknownValue(span, 'malformed JSON');
  }
}
