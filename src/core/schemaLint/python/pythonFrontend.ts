/**
 * Python: dict literals carrying `"parameters"`/`"inputSchema"`/`"input_schema"`, calls with those keyword
 * arguments (`tool(name=…, parameters=…)` from the xAI SDK, MCP `Tool(name=…, inputSchema=…)`,
 * `FunctionDefinition(…)`), and the xAI SDK's positional `tool(name, description, parameters)`.
 */
import type { Tree } from '@vscode/tree-sitter-wasm';
import { SyntaxTree, type SyntaxNode as Node } from '../treeSitter/syntaxNode';
import { defineLazily } from '../code/lazyProperty';
import { wordOccurrences } from '../code/sourceText';
import { findingsForCandidates, type FindingOptions } from '../findings';
import type { StaticObject } from '../staticValue';
import { planParse } from '../regions/regionPlanner';
import { withRegionTree } from '../treeSitter/regionParse';
import type { SkippedBodies } from '../treeSitter/skippedBodies';
import { getParser } from '../treeSitter/treeSitterHost';
import { recogniseTool, TOOL_SCHEMA_KEYS, type ToolCandidate, type ToolObjectContext } from '../toolShapes';
import type { CodeParseOptions, LintFinding } from '../types';
import { PyBindings } from './pyBindings';
import { PyEvaluator } from './pyEvaluator';

/** The words `find` searches: schema keys, and `tool` for the xAI SDK's positional `tool(…)`. */
const ANCHOR_WORDS = [...TOOL_SCHEMA_KEYS, 'tool'];

export async function lintPython(text: string, options: FindingOptions & CodeParseOptions): Promise<LintFinding[]> {
  const parser = await getParser('python');
  // Only the statements that can matter (those with the words `find` searches, and what they refer to), and
  // in them not the plain nested bodies no rule reads (`properties: {…}`, zod shapes): see regions/skippableBodies.ts.
  const plan = planParse(text, 'python', ANCHOR_WORDS, options.parseMode, options.skipBodies);
  // Values are evaluated lazily from the tree: judge (and build fixes) before the tree is freed.
  const reuse = options.documentKey === undefined ? undefined : { key: options.documentKey, grammar: 'python' };
  const find = (tree: Tree, skipped: SkippedBodies | undefined): LintFinding[] => {
    const syntaxTree = new SyntaxTree(tree, text, skipped);
    const finder = new PyToolFinder(text, syntaxTree);
    try {
      return findingsForCandidates(finder.find(), options);
    } finally {
      // Cut the links between this lint's objects: see SyntaxTree.release.
      finder.release();
      syntaxTree.release();
    }
  };
  return withRegionTree(parser, text, { ...plan, objectType: 'dictionary' }, find, options.onParse, reuse) ?? [];
}

class PyToolFinder {
  private readonly evaluator: PyEvaluator;
  private readonly candidates: ToolCandidate[] = [];
  private readonly seen = new Set<number>();
  private readonly usesXaiSdk: boolean;

  constructor(
    private readonly text: string,
    private readonly tree: SyntaxTree,
  ) {
    this.evaluator = new PyEvaluator(text, new PyBindings(text, tree));
    this.usesXaiSdk = /\bxai_sdk\b/.test(text);
  }

  release(): void {
    this.evaluator.release();
  }

  find(): ToolCandidate[] {
    for (const word of TOOL_SCHEMA_KEYS) {
      for (const offset of wordOccurrences(this.text, word)) this.visitKeyAt(offset, word.length);
    }
    for (const offset of wordOccurrences(this.text, 'tool')) this.visitPositionalTool(offset);
    return this.candidates;
  }

  /** `"parameters": …` in a dict, or `parameters=…` in a call. */
  private visitKeyAt(offset: number, length: number): void {
    const node = this.tree.rootNode.descendantForIndex(offset, offset + length);
    if (node === null) return;
    if (node.type === 'identifier' && node.parent?.type === 'keyword_argument' && node.parent.childForFieldName('name')?.id === node.id) {
      const call = node.parent.parent?.parent;
      if (call?.type === 'call') this.visit(call, () => this.evaluator.keywordArguments(call), this.callContext(call));
      return;
    }
    const key = node.type === 'string_content' ? node.parent : null;
    if (key?.type !== 'string' || key.endIndex - key.startIndex > length + 2) return;
    const pair = key.parent;
    const dictionary = pair?.parent;
    if (pair?.type !== 'pair' || pair.childForFieldName('key')?.id !== key.id || dictionary?.type !== 'dictionary') return;
    this.visit(dictionary, () => this.dictionaryObject(dictionary), this.dictionaryContext(dictionary));
  }

  /** The xAI SDK's `tool("name", "description", {...})`, parameters passed by position. */
  private visitPositionalTool(offset: number): void {
    // Other libraries have a `tool()` too (LangChain's takes a name and a function): the positional form
    // only means name/description/parameters in a file that uses the xAI SDK.
    if (!this.usesXaiSdk) return;
    const node = this.tree.rootNode.descendantForIndex(offset, offset + 4);
    if (node?.type !== 'identifier') return;
    const calleeNode = node.parent?.type === 'attribute' && node.parent.childForFieldName('attribute')?.id === node.id ? node.parent : node;
    const call = calleeNode.parent;
    if (call?.type !== 'call' || call.childForFieldName('function')?.id !== calleeNode.id) return;
    const positional = this.evaluator.positionalArguments(call);
    if (positional.length < 3) return;
    const keywords = this.evaluator.keywordArguments(call);
    if (keywords.entries.some((entry) => entry.key === 'parameters' || entry.key === undefined)) return;
    const [name, description, parameters] = positional.map((argument) => this.evaluator.evaluate(argument));
    const object: StaticObject = {
      ...keywords,
      entries: [
        { key: 'name', keyStart: positional[0].startIndex, keyEnd: positional[0].endIndex, value: name },
        { key: 'description', keyStart: positional[1].startIndex, keyEnd: positional[1].endIndex, value: description },
        { key: 'parameters', keyStart: positional[2].startIndex, keyEnd: positional[2].endIndex, value: parameters },
        ...keywords.entries,
      ],
    };
    this.visit(call, () => object, this.callContext(call));
  }

  private visit(node: Node, toObject: () => StaticObject, context: ToolObjectContext): void {
    if (this.seen.has(node.id)) return;
    this.seen.add(node.id);
    // A tool being typed (syntax error inside) would only produce noise.
    if (node.hasError) return;
    this.candidates.push(...recogniseTool(toObject(), context));
  }

  private dictionaryObject(dictionary: Node): StaticObject {
    const value = this.evaluator.evaluate(dictionary);
    return value.kind === 'object' ? value : { kind: 'object', start: dictionary.startIndex, end: dictionary.endIndex, entries: [{ key: undefined, keyStart: dictionary.startIndex, keyEnd: dictionary.startIndex, value }] };
  }

  /** A call is itself the tool object: its own name is the factory (`tool`, `Tool`, `FunctionDefinition`). */
  private callContext(call: Node): ToolObjectContext {
    const context = this.placement(call);
    context.callee = lastName(call.childForFieldName('function'));
    return context;
  }

  /** The function a list is passed to (`llm.bind_tools([...])`). */
  private calleeTaking(list: Node): string | undefined {
    const parent = list.parent;
    return parent?.type === 'argument_list' && parent.parent?.type === 'call' ? lastName(parent.parent.childForFieldName('function')) : undefined;
  }

  private dictionaryContext(dictionary: Node): ToolObjectContext {
    const context = this.placement(dictionary);
    const parent = dictionary.parent;
    if (parent?.type === 'argument_list' && parent.parent?.type === 'call') context.callee = lastName(parent.parent.childForFieldName('function'));
    return context;
  }

  /** Where an expression sits: as the value of a key (`"function": {...}`, `function=...`), or assigned to a name. */
  private placement(expression: Node): ToolObjectContext {
    const context: ToolObjectContext = { nameMayBeExpression: true };
    let node = expression;
    while (node.parent?.type === 'parenthesized_expression') node = node.parent;
    const parent = node.parent;
    if (parent === null) return context;
    const owner = parent.parent;
    if (parent.type === 'pair' && owner?.type === 'dictionary') {
      const keyNode = parent.childForFieldName('key');
      const key = keyNode === null ? undefined : this.evaluator.evaluate(keyNode);
      context.parentKey = key?.kind === 'string' ? key.value : undefined;
      defineLazily(context, 'parentObject', () => this.dictionaryObject(owner));
    } else if (parent.type === 'keyword_argument') {
      context.parentKey = parent.childForFieldName('name')?.text;
      const outerCall = parent.parent?.parent;
      if (outerCall?.type === 'call') defineLazily(context, 'parentObject', () => this.evaluator.keywordArguments(outerCall));
    } else if (parent.type === 'assignment' && parent.childForFieldName('left')?.type === 'identifier') {
      context.fallbackName = parent.childForFieldName('left')?.text;
    } else if (parent.type === 'list' || parent.type === 'tuple') {
      const list = this.placement(parent);
      context.listKey = list.fallbackName ?? list.parentKey ?? this.calleeTaking(parent);
    }
    return context;
  }
}

/** `tool` for `tool` or `chat.tool`. */
function lastName(node: Node | null): string | undefined {
  if (node === null) return undefined;
  if (node.type === 'identifier') return node.text;
  if (node.type === 'attribute') return node.childForFieldName('attribute')?.text;
  return undefined;
}
