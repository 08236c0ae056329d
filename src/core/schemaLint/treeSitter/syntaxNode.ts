/**
 * tree-sitter nodes with what the linter reads cached on the JavaScript side. Every property of a
 * web-tree-sitter `Node` (its type, end, fields, parent, even `text`) is a call into wasm that marshals the node
 * and allocates a fresh object, and the front-ends read the same nodes' type, end and fields many times; a
 * parent is found by walking down from the root again. Here each node has one wrapper (per tree, by id) that
 * asks wasm once and knows the parent it was reached from. The API is the subset of `Node` the linter uses,
 * with the same names and types, so code reads the same either way.
 */
import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import type { SkippedBodies } from './skippedBodies';

export class SyntaxTree {
  private readonly nodes = new Map<number, SyntaxNode>();
  private readonly fieldIds = new Map<string, number>();
  readonly rootNode: SyntaxNode;

  constructor(
    private readonly tree: Tree,
    /** The text the tree was parsed from: node text is sliced from it. */
    readonly text: string,
    /** Object bodies the parse left out, if any: evaluators give their objects unknowable members. */
    readonly skipped?: SkippedBodies,
  ) {
    this.rootNode = this.wrap(tree.rootNode, null);
  }

  /**
   * Drops the wrappers and their links to each other once the linter is done with the tree (it must not be used
   * after). A lint's objects are linked into one graph; V8's young-generation passes move the early ones to the
   * old generation midway through a lint, and from there a dead old object keeps everything it links to alive
   * through every young pass until a full collection: those passes then copied megabytes per lint (a third of a
   * tool-heavy TypeScript file's lint time). Cutting the links lets this lint's objects die young.
   */
  release(): void {
    for (const node of this.nodes.values()) node.forget();
    this.nodes.clear();
  }

  /** The grammar's id for a field name (-1 when it has none): web-tree-sitter searches its field list on every lookup. */
  fieldId(field: string): number {
    let id = this.fieldIds.get(field);
    if (id === undefined) {
      id = this.tree.language.fields.indexOf(field);
      this.fieldIds.set(field, id);
    }
    return id;
  }

  /** The wrapper of `raw`; `parent` when the caller knows it (`undefined`: ask wasm if ever needed). */
  wrap(raw: Node, parent: SyntaxNode | null | undefined): SyntaxNode {
    let node = this.nodes.get(raw.id);
    if (node === undefined) {
      node = new SyntaxNode(this, raw, parent);
      this.nodes.set(raw.id, node);
    } else if (parent !== undefined) {
      node.knownParent ??= parent;
    }
    return node;
  }

  wrapAll(raws: readonly (Node | null)[], parent: SyntaxNode): SyntaxNode[] {
    const nodes: SyntaxNode[] = [];
    for (const raw of raws) if (raw !== null) nodes.push(this.wrap(raw, parent));
    return nodes;
  }
}

export class SyntaxNode {
  readonly id: number;
  readonly startIndex: number;
  /** @internal The parent, once known; `undefined` until then. */
  knownParent: SyntaxNode | null | undefined;
  private cachedType: string | undefined;
  private cachedEnd = -1;
  private cachedHasError: boolean | undefined;
  private cachedChildren: SyntaxNode[] | undefined;
  private cachedNamedChildren: SyntaxNode[] | undefined;
  /**
   * Field children read so far: nodes are asked for one or two fields (`key`/`value`, `function`/`arguments`),
   * so two slots come before a map (a map per node was a large share of a lint's allocations).
   */
  private firstField: string | undefined;
  private firstFieldChild: SyntaxNode | null = null;
  private secondField: string | undefined;
  private secondFieldChild: SyntaxNode | null = null;
  private moreFields: Map<string, SyntaxNode | null> | undefined;

  constructor(
    readonly tree: SyntaxTree,
    private readonly raw: Node,
    parent: SyntaxNode | null | undefined,
  ) {
    this.id = raw.id;
    this.startIndex = raw.startIndex;
    this.knownParent = parent;
  }

  get type(): string {
    this.cachedType ??= this.raw.type;
    return this.cachedType;
  }

  get endIndex(): number {
    if (this.cachedEnd < 0) this.cachedEnd = this.raw.endIndex;
    return this.cachedEnd;
  }

  get text(): string {
    return this.tree.text.slice(this.startIndex, this.endIndex);
  }

  get hasError(): boolean {
    this.cachedHasError ??= this.raw.hasError;
    return this.cachedHasError;
  }

  get isNamed(): boolean {
    return this.raw.isNamed;
  }

  get isMissing(): boolean {
    return this.raw.isMissing;
  }

  get isError(): boolean {
    return this.type === 'ERROR';
  }

  get parent(): SyntaxNode | null {
    if (this.knownParent === undefined) {
      const raw = this.raw.parent;
      this.knownParent = raw === null ? null : this.tree.wrap(raw, undefined);
    }
    return this.knownParent;
  }

  get children(): (SyntaxNode | null)[] {
    this.cachedChildren ??= this.tree.wrapAll(this.raw.children, this);
    return this.cachedChildren;
  }

  get namedChildren(): (SyntaxNode | null)[] {
    this.cachedNamedChildren ??= this.tree.wrapAll(this.raw.namedChildren, this);
    return this.cachedNamedChildren;
  }

  get childCount(): number {
    return this.children.length;
  }

  get namedChildCount(): number {
    return this.namedChildren.length;
  }

  child(index: number): SyntaxNode | null {
    return this.children[index] ?? null;
  }

  namedChild(index: number): SyntaxNode | null {
    return this.namedChildren[index] ?? null;
  }

  get firstChild(): SyntaxNode | null {
    return this.child(0);
  }

  get lastChild(): SyntaxNode | null {
    return this.child(this.children.length - 1);
  }

  get firstNamedChild(): SyntaxNode | null {
    return this.namedChild(0);
  }

  get lastNamedChild(): SyntaxNode | null {
    return this.namedChild(this.namedChildren.length - 1);
  }

  childForFieldName(field: string): SyntaxNode | null {
    if (this.firstField === field) return this.firstFieldChild;
    if (this.secondField === field) return this.secondFieldChild;
    const known = this.moreFields?.get(field);
    if (known !== undefined) return known;
    const id = this.tree.fieldId(field);
    const raw = id === -1 ? null : this.raw.childForFieldId(id);
    const child = raw === null ? null : this.tree.wrap(raw, this);
    if (this.firstField === undefined) {
      this.firstField = field;
      this.firstFieldChild = child;
    } else if (this.secondField === undefined) {
      this.secondField = field;
      this.secondFieldChild = child;
    } else {
      (this.moreFields ??= new Map()).set(field, child);
    }
    return child;
  }

  childrenForFieldName(field: string): (SyntaxNode | null)[] {
    return this.tree.wrapAll(this.raw.childrenForFieldName(field), this);
  }

  get nextSibling(): SyntaxNode | null {
    return this.sibling(1, this.parent?.children);
  }

  get previousSibling(): SyntaxNode | null {
    return this.sibling(-1, this.parent?.children);
  }

  get nextNamedSibling(): SyntaxNode | null {
    return this.sibling(1, this.parent?.namedChildren);
  }

  get previousNamedSibling(): SyntaxNode | null {
    return this.sibling(-1, this.parent?.namedChildren);
  }

  /** The smallest node spanning `[start, end]` (in this node's tree, as web-tree-sitter answers it). */
  descendantForIndex(start: number, end = start): SyntaxNode | null {
    const raw = this.raw.descendantForIndex(start, end);
    return raw === null ? null : this.tree.wrap(raw, undefined);
  }

  /** @internal Drops the links to other wrappers (see {@link SyntaxTree.release}). */
  forget(): void {
    this.knownParent = undefined;
    this.cachedChildren = undefined;
    this.cachedNamedChildren = undefined;
    this.firstField = undefined;
    this.firstFieldChild = null;
    this.secondField = undefined;
    this.secondFieldChild = null;
    this.moreFields = undefined;
  }

  equals(other: SyntaxNode): boolean {
    return this.id === other.id;
  }

  toString(): string {
    return this.raw.toString();
  }

  private sibling(step: 1 | -1, siblings: (SyntaxNode | null)[] | undefined): SyntaxNode | null {
    if (siblings === undefined) return null;
    const index = siblings.indexOf(this);
    return index < 0 ? null : (siblings[index + step] ?? null);
  }
}
