/**
 * zod expressions as the JSON Schema zod would emit for them (see zodSemantics.ts), synthesised as
 * {@link StaticValue}s that keep the ranges of the zod source: a root `z.string()` is reported on itself,
 * a bad `z.union` branch on that branch, and fixes wrap them in `z.object({ value: … })`.
 */
import type { SyntaxNode as Node } from '../treeSitter/syntaxNode';
import { BraceFixSyntax, zodDialect } from '../braceSyntax';
import { compactLabel } from '../code/sourceText';
import { lookup, unknownValue, type FixSyntax, type ModifierRemoval, type Span, type StaticEntry, type StaticObject, type StaticValue } from '../staticValue';
import type { TsBindings } from './tsBindings';
import { span, unwrap } from './tsNodes';
import type { ZodImports } from './zodImports';
import { ZOD_FACTORIES, zodMethodRule } from './zodSemantics';

/** `z.coerce.number()`, `z.iso.datetime()`: sub-namespaces of zod. */
const ZOD_SUBNAMESPACES = new Set(['coerce', 'iso', 'string_format']);

export class ZodEvaluator {
  private readonly zodSyntaxes = new Map<string, FixSyntax>();

  constructor(
    private readonly text: string,
    private readonly bindings: TsBindings,
    private readonly zod: ZodImports,
    /** The TypeScript evaluator, for operands (identifiers bound to zod schemas, literal lists). */
    private readonly evaluate: (node: Node) => StaticValue,
  ) {}

  /** `zodToJsonSchema(schema, "Name")` emits `{ $ref: "#/definitions/Name", definitions: { Name: … } }`. */
  namedZodToJsonSchema(inner: StaticValue, option: Node, at: Span): StaticValue {
    const optionValue = this.evaluate(option);
    let name: string | undefined;
    let definitions = 'definitions';
    if (optionValue.kind === 'string') name = optionValue.value;
    else if (optionValue.kind === 'object') {
      const nameEntry = lookup(optionValue, 'name');
      const pathEntry = lookup(optionValue, 'definitionPath');
      if (nameEntry.state === 'unknown' || pathEntry.state === 'unknown') return unknownValue(at, 'zodToJsonSchema() with computed options');
      if (nameEntry.state === 'present') {
        if (nameEntry.value.kind !== 'string') return unknownValue(at, 'zodToJsonSchema() with a computed name');
        name = nameEntry.value.value;
      }
      if (pathEntry.state === 'present' && pathEntry.value.kind === 'string') definitions = pathEntry.value.value;
    } else return unknownValue(at, 'zodToJsonSchema() with computed options');
    if (name === undefined) return inner;
    const ref = `#/${definitions}/${name}`;
    return this.synthesize(at, compactLabel(`zodToJsonSchema(…, ${JSON.stringify(name)})`), inner.syntax, {
      $ref: this.stringValue(at, ref),
      [definitions]: this.synthesize(at, undefined, inner.syntax, { [name]: inner }),
    });
  }

  /** The value of a call if it is a zod expression (`z.string()`, `Base.extend({...})`), else `undefined`. */
  call(node: Node, callee: Node, args: Node[]): StaticValue | undefined {
    if (callee.type === 'member_expression') {
      const receiverNode = unwrap(callee.childForFieldName('object'));
      const method = callee.childForFieldName('property')?.text;
      if (receiverNode === null || method === undefined) return undefined;
      const namespace = this.zodNamespace(receiverNode);
      if (namespace !== undefined) return ZOD_FACTORIES.has(method) ? this.fromVersion(this.zodFactory(node, method, args, `${namespace}.object`), namespace) : undefined;
      const receiver = this.evaluate(receiverNode);
      if (receiver.fromZod !== true) return undefined;
      return this.zodMethod(node, receiver, method, args);
    }
    if (callee.type === 'identifier') {
      const factory = this.zod.factories.get(callee.text);
      if (factory === undefined || this.bindings.resolve(callee.text).kind === 'value') return undefined;
      const objectFactory = [...this.zod.factories].find(([, name]) => name === 'object')?.[0];
      return this.fromVersion(this.zodFactory(node, factory, args, objectFactory), callee.text);
    }
    return undefined;
  }

  /** Marks a schema built through a name imported from zod 3 (`zod/v3`). */
  private fromVersion(value: StaticValue, localName: string): StaticValue {
    return this.zod.v3Names.has(localName) && value.kind !== 'unknown' ? { ...value, zod3: true } : value;
  }

  /** The zod namespace name `node` denotes (`z`, or `z` for `z.coerce`), if it is one. */
  private zodNamespace(node: Node): string | undefined {
    if (node.type === 'identifier') {
      const name = node.text;
      if (this.zod.namespaces.has(name)) return name;
      // `z` used without any import or declaration: a snippet, or zod provided globally.
      return name === 'z' && this.bindings.resolve('z').kind === 'none' ? name : undefined;
    }
    if (node.type === 'member_expression' && ZOD_SUBNAMESPACES.has(node.childForFieldName('property')?.text ?? '')) {
      const inner = unwrap(node.childForFieldName('object'));
      return inner === null ? undefined : this.zodNamespace(inner);
    }
    return undefined;
  }

  private zodFactory(node: Node, name: string, args: Node[], objectFactory: string | undefined): StaticValue {
    const at = span(node);
    const label = compactLabel(this.text.slice(node.startIndex, node.endIndex));
    const syntax = this.zodSyntax(objectFactory);
    const rule = ZOD_FACTORIES.get(name) ?? { kind: 'unknown' as const };
    const make = (fields: Record<string, StaticValue>): StaticValue => this.synthesize(at, label, syntax, fields);
    switch (rule.kind) {
      case 'type':
        return make({ type: this.stringValue(at, rule.type) });
      case 'any':
        return make({});
      case 'never':
        return make({ not: this.synthesize(at, undefined, syntax, {}) });
      case 'literal': {
        const literal = args[0] === undefined ? undefined : this.evaluate(args[0]);
        const values = literal?.kind === 'array' ? literal.items : literal === undefined ? [] : [literal];
        const types = new Set(values.map((value) => (value.kind === 'string' || value.kind === 'number' || value.kind === 'boolean' || value.kind === 'null' ? value.kind : 'unknown')));
        if (types.size !== 1 || types.has('unknown')) return unknownValue(at, label);
        return make({ type: this.stringValue(at, [...types][0]) });
      }
      case 'union': {
        const listNode = rule.listArg === 'first' ? args[0] : args[args.length - 1];
        const list = listNode === undefined ? undefined : this.evaluate(listNode);
        if (list?.kind !== 'array') return unknownValue(at, label);
        const branches = list.items.map((item) => (item.fromZod === true || item.kind === 'unknown' ? item : unknownValue(item, 'not a zod schema')));
        return make({ [rule.keyword]: { kind: 'array', ...span(listNode as Node), items: branches } });
      }
      case 'intersection':
        return make({ allOf: { kind: 'array', ...at, items: args.slice(0, 2).map((arg) => this.zodOperand(arg)) } });
      case 'inner': {
        const inner = args[rule.arg] === undefined ? undefined : this.zodOperand(args[rule.arg]);
        return inner ?? unknownValue(at, label);
      }
      case 'nullable': {
        const inner = args[rule.arg] === undefined ? undefined : this.zodOperand(args[rule.arg]);
        return inner === undefined ? unknownValue(at, label) : this.nullable(node, inner, syntax, this.factoryRemoval(node, args[rule.arg]));
      }
      case 'optional': {
        const inner = args[rule.arg] === undefined ? undefined : this.zodOperand(args[rule.arg]);
        return inner === undefined ? unknownValue(at, label) : this.optional(node, inner, this.factoryRemoval(node, args[rule.arg]));
      }
      case 'unknown':
        return unknownValue(at, label);
    }
  }

  private zodMethod(node: Node, receiver: StaticValue, method: string, args: Node[]): StaticValue {
    const at = span(node);
    const label = compactLabel(this.text.slice(node.startIndex, node.endIndex));
    const syntax = receiver.syntax;
    switch (zodMethodRule(method)) {
      case 'same':
        return { ...receiver, ...at, label, site: undefined };
      case 'optional':
        return this.optional(node, receiver, this.methodRemoval(node, method));
      case 'nullable':
        return this.nullable(node, receiver, syntax, this.methodRemoval(node, method));
      case 'array':
        return this.synthesize(at, label, syntax, { type: this.stringValue(at, 'array') });
      case 'string':
        return this.synthesize(at, label, syntax, { type: this.stringValue(at, 'string') });
      case 'or':
        return this.synthesize(at, label, syntax, { anyOf: { kind: 'array', ...at, items: [receiver, args[0] === undefined ? unknownValue(at, label) : this.zodOperand(args[0])] } });
      case 'and':
        return this.synthesize(at, label, syntax, { allOf: { kind: 'array', ...at, items: [receiver, args[0] === undefined ? unknownValue(at, label) : this.zodOperand(args[0])] } });
      case 'unknown':
        return unknownValue(at, label);
    }
  }

  private zodOperand(node: Node): StaticValue {
    const value = this.evaluate(node);
    return value.fromZod === true || value.kind === 'unknown' ? value : unknownValue(span(node), 'not a zod schema');
  }

  /**
   * `.optional()`: zod 4 emits the inner schema at the root; zod 3's converter (zod-to-json-schema) emits
   * `anyOf: [{not: {}}, inner]`. A schema known to be zod 3 gets that union now; others are marked so that a
   * visible zod-to-json-schema call can apply it (see {@link asZodToJsonSchemaRoot}).
   */
  private optional(node: Node, inner: StaticValue, removal: ModifierRemoval): StaticValue {
    const at = span(node);
    if (inner.kind === 'unknown') return unknownValue(at, compactLabel(node.text));
    const marked: StaticValue = { ...inner, ...at, label: compactLabel(node.text), site: undefined, zodOptional: removal };
    return inner.zod3 === true ? this.asZodToJsonSchemaRoot(marked) : marked;
  }

  /** The root zod-to-json-schema produces for `value`: a root `.optional()` becomes `anyOf: [{not: {}}, inner]`. */
  asZodToJsonSchemaRoot(value: StaticValue): StaticValue {
    if (value.zodOptional === undefined) return value;
    const at: Span = { start: value.start, end: value.end };
    const inner: StaticValue = { ...value, zodOptional: undefined };
    const notBranch = this.synthesize(at, 'the {not: {}} that zod-to-json-schema emits for .optional()', value.syntax, { not: this.synthesize(at, undefined, value.syntax, {}) });
    notBranch.removal = value.zodOptional;
    // Reached through a constant: reported, and wrapped, where the tool refers to it.
    const site = value.site === undefined ? {} : { site: value.site };
    return { ...this.synthesize(at, value.label, value.syntax, { anyOf: { kind: 'array', ...at, items: [{ ...notBranch, ...site }, inner] } }), ...site };
  }

  /** zod emits `anyOf: [inner, {type: "null"}]`; the null branch is reported on the whole expression. */
  private nullable(node: Node, inner: StaticValue, syntax: FixSyntax | undefined, removal: ModifierRemoval): StaticValue {
    const at = span(node);
    if (inner.kind === 'unknown') return unknownValue(at, compactLabel(node.text));
    const nullBranch = this.synthesize(at, 'the null that .nullable() adds', syntax, { type: this.stringValue(at, 'null') });
    nullBranch.removal = removal;
    return this.synthesize(at, compactLabel(node.text), syntax, { anyOf: { kind: 'array', ...at, items: [inner, nullBranch] } });
  }

  /** `x.nullable()` → `x`: the edit deletes the call after its receiver. */
  private methodRemoval(call: Node, method: string): ModifierRemoval {
    const receiver = unwrap(call.childForFieldName('function'))?.childForFieldName('object');
    const start = receiver?.endIndex ?? call.startIndex;
    return { title: `Remove .${method}() (tool arguments are always an object)`, edit: { start, end: call.endIndex, newText: '' } };
  }

  /** `z.nullable(x)` → `x`: the edit replaces the call with its operand. */
  private factoryRemoval(call: Node, operand: Node | undefined): ModifierRemoval {
    const callee = compactLabel(call.childForFieldName('function')?.text ?? 'the call', 24);
    const newText = operand === undefined ? '' : this.text.slice(operand.startIndex, operand.endIndex);
    return { title: `Remove ${callee}(…) around the schema (tool arguments are always an object)`, edit: { start: call.startIndex, end: call.endIndex, newText } };
  }

  private synthesize(at: Span, label: string | undefined, syntax: FixSyntax | undefined, fields: Record<string, StaticValue>): StaticObject {
    const entries = Object.entries(fields).map(([key, value]): StaticEntry => ({ key, keyStart: at.start, keyEnd: at.start, value }));
    return { kind: 'object', ...at, entries, fromZod: true, ...(label === undefined ? {} : { label }), ...(syntax === undefined ? {} : { syntax }) };
  }

  private stringValue(at: Span, value: string): StaticValue {
    return { kind: 'string', ...at, value };
  }

  private zodSyntax(objectFactory: string | undefined): FixSyntax | undefined {
    if (objectFactory === undefined) return undefined;
    let syntax = this.zodSyntaxes.get(objectFactory);
    if (syntax === undefined) {
      syntax = new BraceFixSyntax(this.text, zodDialect(objectFactory));
      this.zodSyntaxes.set(objectFactory, syntax);
    }
    return syntax;
  }
}
