/**
 * Spreads inside array and object literals, the same in every tree-sitter front-end (TS `...x`,
 * Python `*x` / `**x`): a statically known value is inlined, anything else becomes an unknown value,
 * never a guess.
 */
import type { SyntaxNode as Node } from '../treeSitter/syntaxNode';
import { LazyEntry, unknownValue, type Span, type StaticEntry, type StaticValue } from '../staticValue';

export function nodeSpan(node: Node): Span {
  return { start: node.startIndex, end: node.endIndex };
}

/** The items of an array/list literal; `spreadType` is the grammar's spread node (`spread_element`, `list_splat`). */
export function literalItems(node: Node, spreadType: string, spreadLabel: string, evaluate: (node: Node) => StaticValue): StaticValue[] {
  const items: StaticValue[] = [];
  for (const child of node.namedChildren) {
    if (child === null || child.type === 'comment') continue;
    if (child.type !== spreadType) {
      items.push(evaluate(child));
      continue;
    }
    const inner = child.firstNamedChild;
    const value = inner === null ? undefined : evaluate(inner);
    if (value?.kind === 'array') items.push(...value.items);
    else items.push(unknownValue(nodeSpan(child), spreadLabel));
  }
  return items;
}

/** The entries a spread contributes to an object literal, positioned at the spread so edits land in this literal. */
export function spreadEntries(spread: Node, spreadLabel: string, evaluate: (node: Node) => StaticValue): StaticEntry[] {
  const inner = spread.firstNamedChild;
  const value = inner === null ? undefined : evaluate(inner);
  if (value?.kind !== 'object') return [unknownSpreadEntry(spread, spreadLabel)];
  return value.entries.map((entry) => new LazyEntry(entry.key, spread.startIndex, spread.endIndex, () => entry.value));
}

export function unknownSpreadEntry(spread: Node, spreadLabel: string): StaticEntry {
  return { key: undefined, keyStart: spread.startIndex, keyEnd: spread.endIndex, value: unknownValue(nodeSpan(spread), spreadLabel) };
}
