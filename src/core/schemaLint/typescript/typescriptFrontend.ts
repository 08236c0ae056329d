/**
 * TypeScript, TSX, JavaScript and JSX: finds object literals that carry `parameters`, `inputSchema` or
 * `input_schema` (located by word search, then confirmed in the tree-sitter syntax tree), works out the
 * context they sit in (a `tool()` call, a Chat Completions `function:` wrapper, a `tools` map…), and hands
 * them to the shared shape recogniser.
 */
import type { Tree } from '@vscode/tree-sitter-wasm';
import { SyntaxTree, type SyntaxNode as Node } from '../treeSitter/syntaxNode';
import { BraceFixSyntax, typescriptDialect, type BraceDialect } from '../braceSyntax';
import { defineLazily } from '../code/lazyProperty';
import { wordOccurrences } from '../code/sourceText';
import { findingsForCandidates, type FindingOptions } from '../findings';
import { planParse } from '../regions/regionPlanner';
import { withRegionTree } from '../treeSitter/regionParse';
import type { SkippedBodies } from '../treeSitter/skippedBodies';
import { getParser, type GrammarName } from '../treeSitter/treeSitterHost';
import { recogniseTool, TOOL_SCHEMA_KEYS, type ToolCandidate, type ToolObjectContext } from '../toolShapes';
import type { CodeParseOptions, LintFinding } from '../types';
import { TsBindings } from './tsBindings';
import { TsEvaluator } from './tsEvaluator';
import { scanZodImports } from './zodImports';

const TRANSPARENT_PARENTS = new Set(['parenthesized_expression', 'as_expression', 'satisfies_expression', 'non_null_expression', 'await_expression']);

export async function lintTypeScript(text: string, languageId: string, options: FindingOptions & CodeParseOptions): Promise<LintFinding[]> {
  const grammar: GrammarName = languageId === 'typescript' ? 'typescript' : languageId === 'typescriptreact' ? 'tsx' : 'javascript';
  const parser = await getParser(grammar);
  // Only the statements that can matter (those with the words `find` searches, and what they refer to), and
  // in them not the plain nested bodies no rule reads (`properties: {…}`, zod shapes): see regions/skippableBodies.ts.
  // The TypeScript grammar reads `<T>` as a type, the others as JSX.
  const plan = planParse(text, grammar === 'typescript' ? 'javascript' : 'jsx', TOOL_SCHEMA_KEYS, options.parseMode, options.skipBodies);
  // Values are evaluated lazily from the tree: judge (and build fixes) before the tree is freed.
  const reuse = options.documentKey === undefined ? undefined : { key: options.documentKey, grammar };
  const find = (tree: Tree, skipped: SkippedBodies | undefined): LintFinding[] => {
    const syntaxTree = new SyntaxTree(tree, text, skipped);
    const finder = new TsToolFinder(text, syntaxTree);
    try {
      return findingsForCandidates(finder.find(), options);
    } finally {
      // Cut the links between this lint's objects: see SyntaxTree.release.
      finder.release();
      syntaxTree.release();
    }
  };
  return withRegionTree(parser, text, { ...plan, objectType: 'object' }, find, options.onParse, reuse) ?? [];
}

class TsToolFinder {
  private readonly evaluator: TsEvaluator;

  constructor(
    private readonly text: string,
    private readonly tree: SyntaxTree,
  ) {
    this.evaluator = new TsEvaluator(text, new TsBindings(text, tree), scanZodImports(tree, text), new BraceFixSyntax(text, lazyTypescriptDialect(text)));
  }

  release(): void {
    this.evaluator.release();
  }

  find(): ToolCandidate[] {
    const candidates: ToolCandidate[] = [];
    const seen = new Set<number>();
    for (const word of TOOL_SCHEMA_KEYS) {
      for (const offset of wordOccurrences(this.text, word)) {
        const objectNode = this.objectWithKeyAt(offset, word.length);
        if (objectNode === undefined || seen.has(objectNode.id)) continue;
        seen.add(objectNode.id);
        // A tool being typed (syntax error inside) would only produce noise.
        if (objectNode.hasError) continue;
        candidates.push(...recogniseTool(this.evaluator.evaluateObject(objectNode), this.context(objectNode)));
      }
    }
    return candidates;
  }

  /** The object literal in which the word at `offset` is a property key, if it is one. */
  private objectWithKeyAt(offset: number, length: number): Node | undefined {
    const node = this.tree.rootNode.descendantForIndex(offset, offset + length);
    if (node === null) return undefined;
    if (node.type === 'shorthand_property_identifier') return node.parent?.type === 'object' ? node.parent : undefined;
    const keyNode = node.type === 'string_fragment' ? node.parent : node.type === 'property_identifier' ? node : null;
    if (keyNode === null || keyNode.endIndex - keyNode.startIndex > length + 2) return undefined;
    const pair = keyNode.parent;
    if (pair?.type !== 'pair' || pair.childForFieldName('key')?.id !== keyNode.id) return undefined;
    return pair.parent?.type === 'object' ? pair.parent : undefined;
  }

  private context(objectNode: Node): ToolObjectContext {
    const context: ToolObjectContext = { nameMayBeExpression: true };
    const { node, parent } = climbTransparent(objectNode);
    if (parent === null) return context;
    if (parent.type === 'pair') {
      const key = this.keyOf(parent);
      context.parentKey = key;
      const owner = parent.parent;
      if (owner?.type === 'object') {
        defineLazily(context, 'parentObject', () => this.evaluator.evaluateObject(owner));
        const ownerParent = climbTransparent(owner).parent;
        if (ownerParent?.type === 'pair' && this.keyOf(ownerParent) === 'tools') {
          context.inToolMap = true;
          context.fallbackName = key;
        }
      }
    } else if (parent.type === 'array') {
      const list = climbTransparent(parent);
      context.listKey = list.parent?.type === 'arguments' ? lastName(list.parent.parent?.childForFieldName('function') ?? null) : this.nameGivenTo(parent);
    } else if (parent.type === 'arguments' && parent.parent?.type === 'call_expression') {
      const call = parent.parent;
      context.callee = lastName(call.childForFieldName('function'));
      context.fallbackName = (context.callee === 'registerTool' ? this.leadingStringArgument(parent, node) : undefined) ?? this.nameGivenTo(call);
    } else {
      context.fallbackName = this.nameGivenTo(node);
    }
    return context;
  }

  /** MCP's `registerTool("name", { inputSchema }, handler)`: the name is the string before the config. */
  private leadingStringArgument(args: Node, config: Node): string | undefined {
    const first = args.firstNamedChild;
    if (first === null || first.id === config.id) return undefined;
    const value = this.evaluator.evaluate(first);
    return value.kind === 'string' ? value.value : undefined;
  }

  /** The variable, property or assignment target an expression is stored in. */
  private nameGivenTo(expression: Node): string | undefined {
    const { parent } = climbTransparent(expression);
    if (parent === null) return undefined;
    if (parent.type === 'variable_declarator') return parent.childForFieldName('name')?.type === 'identifier' ? parent.childForFieldName('name')?.text : undefined;
    if (parent.type === 'pair') return this.keyOf(parent);
    if (parent.type === 'assignment_expression') return lastName(parent.childForFieldName('left'));
    // `<Chat tools={[...]} />`
    if (parent.type === 'jsx_expression' && parent.parent?.type === 'jsx_attribute') return parent.parent.firstNamedChild?.text;
    return undefined;
  }

  private keyOf(pair: Node): string | undefined {
    const key = pair.childForFieldName('key');
    if (key === null) return undefined;
    if (key.type === 'property_identifier') return key.text;
    const value = this.evaluator.evaluate(key);
    return value.kind === 'string' ? value.value : undefined;
  }
}

function climbTransparent(start: Node): { node: Node; parent: Node | null } {
  let node = start;
  let parent = node.parent;
  while (parent !== null && TRANSPARENT_PARENTS.has(parent.type)) {
    node = parent;
    parent = parent.parent;
  }
  return { node, parent };
}

/** `tool` for `tool`, `ai.tool` or `this.tools.tool`. */
function lastName(node: Node | null): string | undefined {
  if (node === null) return undefined;
  if (node.type === 'identifier' || node.type === 'property_identifier') return node.text;
  if (node.type === 'member_expression') return node.childForFieldName('property')?.text;
  return undefined;
}

/** Built on first use: only fixes need it, and counting the file's quotes reads the whole file. */
function lazyTypescriptDialect(text: string): BraceDialect {
  let dialect: BraceDialect | undefined;
  const get = (): BraceDialect => (dialect ??= typescriptDialect(preferredQuote(text)));
  return {
    get typeEntry() {
      return get().typeEntry;
    },
    wrap: (inner) => get().wrap(inner),
  };
}

/** Edits should match the file's quotes; single quotes win only when they are clearly the habit. */
function preferredQuote(text: string): '"' | "'" {
  const single = countOf(text, "'");
  const double = countOf(text, '"');
  return single > double ? "'" : '"';
}

function countOf(text: string, char: string): number {
  let count = 0;
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) count++;
  return count;
}
