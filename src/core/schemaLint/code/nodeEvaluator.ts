/**
 * What the TypeScript and Python evaluators share: each node is evaluated once however often it is referenced
 * (a memo per node), nesting deeper than a bound is not evaluated (hostile or generated input), and a same-file
 * name is followed to its value without looping on a self-reference.
 */
import type { SyntaxNode as Node } from '../treeSitter/syntaxNode';
import { unknownValue, viaReference, type Span, type StaticValue } from '../staticValue';
import type { Binding } from './bindings';
import { nodeSpan } from './literalSpreads';

/** Expression nesting deeper than this is not evaluated. */
const MAX_DEPTH = 120;

export abstract class NodeEvaluator {
  private readonly cache = new Map<number, StaticValue>();
  private readonly resolving = new Set<string>();
  private depth = 0;

  /** `evaluate` as a function value, for the shared literal helpers. */
  protected readonly evaluateNode = (node: Node): StaticValue => this.evaluate(node);

  /** Drops the cached values once the lint is done (see `SyntaxTree.release`). */
  release(): void {
    this.cache.clear();
  }

  evaluate(node: Node): StaticValue {
    const cached = this.cache.get(node.id);
    if (cached !== undefined) return cached;
    if (this.depth >= MAX_DEPTH) return unknownValue(nodeSpan(node), 'a deeply nested expression');
    this.depth++;
    try {
      const value = this.compute(node);
      this.cache.set(node.id, value);
      return value;
    } finally {
      this.depth--;
    }
  }

  /** The value of one node, evaluating its parts through `evaluate`. */
  protected abstract compute(node: Node): StaticValue;

  /**
   * The value `binding` gives the name `name` used at `at`; `notFound` ends the reason when the file does
   * not bind it ("which is not defined in this file").
   */
  protected boundValue(name: string, at: Span, binding: Binding, notFound: string): StaticValue {
    if (binding.kind === 'none') return unknownValue(at, `${name}, ${notFound}`);
    if (binding.kind === 'opaque') return unknownValue(at, binding.reason);
    if (this.resolving.has(name)) return unknownValue(at, `${name}, which refers to itself`);
    if (binding.value.hasError) return unknownValue(at, `${name}, whose value has a syntax error`);
    this.resolving.add(name);
    try {
      const value = this.evaluate(binding.value);
      return value.kind === 'unknown' ? value : viaReference(value, at);
    } finally {
      this.resolving.delete(name);
    }
  }
}
