/**
 * Evaluates TypeScript/JavaScript expressions to {@link StaticValue}s as far as the file alone allows:
 * literals, `as const`/`satisfies` wrappers, same-file constants and their members, spreads of known objects,
 * `jsonSchema()`/`zodSchema()`/`z.toJSONSchema()` wrappers, and zod expressions (as the JSON Schema zod
 * emits). Everything else is `unknown`.
 */
import type { SyntaxNode as Node } from '../treeSitter/syntaxNode';
import { literalItems, spreadEntries } from '../code/literalSpreads';
import { NodeEvaluator } from '../code/nodeEvaluator';
import { compactLabel, decodeStringBody, wordOccurrences } from '../code/sourceText';
import { LazyEntry, lookup, unknownValue, viaReference, type FixSyntax, type StaticEntry, type StaticObject, type StaticValue } from '../staticValue';
import type { TsBindings } from './tsBindings';
import { span, TRANSPARENT, unwrap } from './tsNodes';
import { ZodEvaluator } from './zodEvaluator';
import type { ZodImports } from './zodImports';

/** Calls that return their argument's schema unchanged. */
const IDENTITY_CALLS = new Set(['jsonSchema', 'freeze', 'structuredClone', 'asSchema']);
/** Of those, the AI SDK's wrappers: they take one JSON Schema object (and an options object). */
const SCHEMA_WRAPPERS = new Set(['jsonSchema', 'asSchema']);
/** Nodes whose value is a function: an object holding one carries its implementation (a tool's `execute`). */
const FUNCTION_NODES = new Set(['arrow_function', 'function_expression', 'function', 'generator_function']);
/** Declarations that make a name a local helper rather than a library's function. */
const LOCAL_DECLARATIONS = new Set(['function_declaration', 'generator_function_declaration', 'variable_declarator']);
/** Calls that turn a zod schema into JSON Schema (or an AI SDK schema wrapping it). */
const ZOD_CONVERSIONS = new Set(['zodSchema', 'toJSONSchema', 'zodToJsonSchema', 'zodToJSONSchema']);

export class TsEvaluator extends NodeEvaluator {
  private readonly zod: ZodEvaluator;

  constructor(
    private readonly text: string,
    private readonly bindings: TsBindings,
    zodImports: ZodImports,
    private readonly syntax: FixSyntax,
  ) {
    super();
    this.zod = new ZodEvaluator(text, bindings, zodImports, (node) => this.evaluate(node));
  }

  /** The object literal `node` as a value (used for tool objects, which are always literals). */
  evaluateObject(node: Node): StaticObject {
    const value = this.evaluate(node);
    return value.kind === 'object' ? value : { kind: 'object', ...span(node), entries: [{ key: undefined, keyStart: node.startIndex, keyEnd: node.startIndex, value }] };
  }

  protected override compute(node: Node): StaticValue {
    const at = span(node);
    switch (node.type) {
      case 'object':
        return this.object(node);
      case 'array':
        return { kind: 'array', ...at, syntax: this.syntax, items: this.arrayItems(node) };
      case 'string': {
        const value = decodeStringBody(this.text.slice(node.startIndex + 1, node.endIndex - 1));
        return value === undefined ? unknownValue(at, 'a string with escapes') : { kind: 'string', ...at, syntax: this.syntax, value };
      }
      case 'template_string': {
        if (node.namedChildren.some((child) => child?.type === 'template_substitution')) return unknownValue(at, 'a template with substitutions');
        const value = decodeStringBody(this.text.slice(node.startIndex + 1, node.endIndex - 1));
        return value === undefined ? unknownValue(at, 'a template with escapes') : { kind: 'string', ...at, syntax: this.syntax, value };
      }
      case 'number':
        return { kind: 'number', ...at, syntax: this.syntax, value: Number(node.text.replace(/_/g, '')) };
      case 'unary_expression': {
        const argument = node.childForFieldName('argument');
        const operator = node.firstChild?.type;
        if (argument?.type === 'number' && (operator === '-' || operator === '+')) {
          const magnitude = Number(argument.text.replace(/_/g, ''));
          return { kind: 'number', ...at, syntax: this.syntax, value: operator === '-' ? -magnitude : magnitude };
        }
        return unknownValue(at, 'a computed value');
      }
      case 'true':
      case 'false':
        return { kind: 'boolean', ...at, syntax: this.syntax, value: node.type === 'true' };
      case 'null':
        return { kind: 'null', ...at, syntax: this.syntax };
      case 'identifier':
        return this.identifier(node);
      case 'type_assertion': {
        const inner = node.lastNamedChild;
        return inner === null ? unknownValue(at, 'an empty expression') : this.evaluate(inner);
      }
      case 'member_expression':
      case 'subscript_expression':
        return this.member(node);
      case 'call_expression':
        return this.call(node);
      default: {
        if (TRANSPARENT.has(node.type)) {
          const inner = node.firstNamedChild;
          return inner === null ? unknownValue(at, 'an empty expression') : this.evaluate(inner);
        }
        if (FUNCTION_NODES.has(node.type)) return { ...unknownValue(at, 'a function'), callable: true };
        return unknownValue(at, `${node.type.replace(/_/g, ' ')}`);
      }
    }
  }

  private object(node: Node): StaticObject {
    const skipped = node.tree.skipped;
    if (skipped?.isSkipped(node) === true) return skipped.value({ kind: 'object', ...span(node), syntax: this.syntax, openEnd: node.startIndex + 1 });
    const entries: StaticEntry[] = [];
    for (const child of node.namedChildren) {
      if (child === null || child.type === 'comment') continue;
      if (child.type === 'pair') {
        const keyNode = child.childForFieldName('key');
        const key = keyNode === null ? undefined : this.propertyKey(keyNode);
        const keySpan = keyNode === null ? span(child) : span(keyNode);
        // The value node is fetched only if the value is read: most keys of a schema never are.
        entries.push(
          new LazyEntry(key, keySpan.start, keySpan.end, () => {
            const valueNode = child.childForFieldName('value');
            return valueNode === null ? unknownValue(keySpan, 'a missing value') : this.evaluate(valueNode);
          }),
        );
      } else if (child.type === 'shorthand_property_identifier') {
        entries.push(new LazyEntry(child.text, child.startIndex, child.endIndex, () => this.identifier(child)));
      } else if (child.type === 'spread_element') {
        entries.push(...spreadEntries(child, 'a spread', this.evaluateNode));
      } else if (child.type === 'method_definition') {
        const name = child.childForFieldName('name');
        entries.push({ key: name === null ? undefined : this.propertyKey(name), keyStart: child.startIndex, keyEnd: child.endIndex, value: { ...unknownValue(span(child), 'a method'), callable: true } });
      } else {
        entries.push({ key: undefined, keyStart: child.startIndex, keyEnd: child.endIndex, value: unknownValue(span(child), child.type) });
      }
    }
    return { kind: 'object', ...span(node), syntax: this.syntax, entries, openEnd: node.startIndex + 1 };
  }

  private arrayItems(node: Node): StaticValue[] {
    return literalItems(node, 'spread_element', 'a spread', this.evaluateNode);
  }

  private propertyKey(node: Node): string | undefined {
    switch (node.type) {
      case 'property_identifier':
      case 'identifier':
      case 'private_property_identifier':
        return node.text;
      case 'string':
        return decodeStringBody(this.text.slice(node.startIndex + 1, node.endIndex - 1));
      case 'number':
        return String(Number(node.text.replace(/_/g, '')));
      case 'computed_property_name': {
        const inner = node.firstNamedChild;
        const value = inner === null ? undefined : this.evaluate(inner);
        return value?.kind === 'string' || value?.kind === 'number' ? String(value.value) : undefined;
      }
      default:
        return undefined;
    }
  }

  private identifier(node: Node): StaticValue {
    const name = node.text;
    const at = span(node);
    if (name === 'undefined') return unknownValue(at, 'undefined');
    const binding = this.bindings.resolve(name);
    return this.boundValue(name, at, binding, 'which is not defined in this file');
  }

  private member(node: Node): StaticValue {
    const at = span(node);
    const objectNode = node.childForFieldName('object');
    const keyNode = node.type === 'member_expression' ? node.childForFieldName('property') : node.childForFieldName('index');
    if (objectNode === null || keyNode === null) return unknownValue(at, 'a member access');
    const key = keyNode.type === 'property_identifier' ? keyNode.text : this.literalKey(keyNode);
    if (key === undefined) return unknownValue(at, 'a computed member');
    const object = this.evaluate(objectNode);
    if (object.kind === 'object') {
      const found = lookup(object, key);
      if (found.state === 'present') return found.value.kind === 'unknown' ? found.value : viaReference(found.value, at);
    } else if (object.kind === 'array' && /^\d+$/.test(key) && Number(key) < object.items.length) {
      const item = object.items[Number(key)];
      return item.kind === 'unknown' ? item : viaReference(item, at);
    }
    return unknownValue(at, `${compactLabel(node.text)}`);
  }

  /** Whether the file itself declares `identifier`'s name as a function or constant. */
  private isLocalDefinition(identifier: Node): boolean {
    const name = identifier.text;
    let root = identifier;
    while (root.parent !== null) root = root.parent;
    for (const offset of wordOccurrences(this.text, name)) {
      const node = root.descendantForIndex(offset, offset + name.length);
      if (node?.type !== 'identifier' || node.startIndex !== offset) continue;
      const parent = node.parent;
      if (parent !== null && LOCAL_DECLARATIONS.has(parent.type) && parent.childForFieldName('name')?.startIndex === offset) return true;
    }
    return false;
  }

  private literalKey(node: Node): string | undefined {
    const value = this.evaluate(node);
    return value.kind === 'string' || value.kind === 'number' ? String(value.value) : undefined;
  }

  private call(node: Node): StaticValue {
    const at = span(node);
    const callee = unwrap(node.childForFieldName('function'));
    const args = (node.childForFieldName('arguments')?.namedChildren ?? []).filter((arg): arg is Node => arg !== null && arg.type !== 'comment');
    if (callee === null) return unknownValue(at, 'a call');
    const zodValue = this.zod.call(node, callee, args);
    if (zodValue !== undefined) return zodValue;
    const name = callee.type === 'member_expression' ? callee.childForFieldName('property')?.text : callee.type === 'identifier' ? callee.text : undefined;
    const unknownCall = unknownValue(at, `the result of ${compactLabel(callee.text, 32)}()`);
    if (name === undefined || args[0] === undefined || !(IDENTITY_CALLS.has(name) || ZOD_CONVERSIONS.has(name))) return unknownCall;
    // A same-file function that shares a library's name (`function jsonSchema(type, properties)`) does
    // whatever it does: it is not the library's wrapper.
    if (callee.type === 'identifier' && this.isLocalDefinition(callee)) return unknownCall;
    const inner = this.evaluate(args[0]);
    if (IDENTITY_CALLS.has(name)) {
      // The AI SDK's `jsonSchema(schema, options?)` takes a schema object; other arguments mean another function.
      const wrapperMisfit = SCHEMA_WRAPPERS.has(name) && (args.length > 2 || (inner.kind !== 'object' && inner.kind !== 'unknown'));
      return wrapperMisfit ? unknownCall : inner;
    }
    if (inner.fromZod !== true) return inner.kind === 'unknown' ? inner : unknownValue(at, `${name}() of something that is not a zod schema`);
    // zod-to-json-schema (zod 3) turns a root `.optional()` into `anyOf: [{not: {}}, inner]`.
    const root = name === 'zodToJsonSchema' ? this.zod.asZodToJsonSchemaRoot(inner) : inner;
    return name.startsWith('zodTo') && args[1] !== undefined ? this.zod.namedZodToJsonSchema(root, args[1], at) : root;
  }
}
