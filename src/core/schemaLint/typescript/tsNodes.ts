/** Small helpers over tree-sitter nodes shared by the TypeScript evaluator and the zod evaluator. */
import type { SyntaxNode as Node } from '../treeSitter/syntaxNode';

/** Wrappers that do not change an expression's value: `(x)`, `x as T`, `x satisfies T`, `x!`. */
export const TRANSPARENT = new Set(['parenthesized_expression', 'as_expression', 'satisfies_expression', 'non_null_expression']);

export { nodeSpan as span } from '../code/literalSpreads';

export function unwrap(node: Node | null): Node | null {
  let current = node;
  while (current !== null && TRANSPARENT.has(current.type)) current = current.firstNamedChild;
  return current;
}
