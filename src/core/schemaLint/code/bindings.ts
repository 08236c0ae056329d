/**
 * Same-file name resolution shared by the tree-sitter front-ends: what a name is bound to, computed once
 * per name per document. Each language says how to find its declarations (`compute`).
 */
import type { SyntaxNode as Node, SyntaxTree as Tree } from '../treeSitter/syntaxNode';

/** A name's single static value, something that makes it unknowable (reassigned, imported, mutated), or nothing. */
export type Binding = { kind: 'value'; value: Node } | { kind: 'opaque'; reason: string } | { kind: 'none' };

export abstract class CachedBindings {
  private readonly cache = new Map<string, Binding>();

  constructor(
    protected readonly text: string,
    protected readonly tree: Tree,
  ) {}

  resolve(name: string): Binding {
    let binding = this.cache.get(name);
    if (binding === undefined) {
      binding = this.compute(name);
      this.cache.set(name, binding);
    }
    return binding;
  }

  protected abstract compute(name: string): Binding;
}
