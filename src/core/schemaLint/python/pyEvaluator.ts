/**
 * Evaluates Python expressions to {@link StaticValue}s as far as the file alone allows: dict/list/tuple
 * literals, strings (no f-string interpolation), numbers, `True`/`False`/`None`, same-file names and their
 * subscripts, `**` spreads of known dicts, and `dict(key=value)` calls. Everything else is `unknown`.
 */
import type { SyntaxNode as Node } from '../treeSitter/syntaxNode';
import { BraceFixSyntax, PYTHON_DICT_DIALECT, PYTHON_KWARGS_DIALECT } from '../braceSyntax';
import { literalItems, nodeSpan as span, spreadEntries, unknownSpreadEntry } from '../code/literalSpreads';
import { NodeEvaluator } from '../code/nodeEvaluator';
import { compactLabel, decodeStringBody } from '../code/sourceText';
import { LazyEntry, lookup, unknownValue, viaReference, type FixSyntax, type StaticEntry, type StaticObject, type StaticValue } from '../staticValue';
import type { PyBindings } from './pyBindings';

const STRING_PREFIX = /^([rRuUbBfF]{0,2})('''|"""|'|")/;

export class PyEvaluator extends NodeEvaluator {
  private readonly dictSyntax: FixSyntax;
  private readonly kwargsSyntax: FixSyntax;

  constructor(
    private readonly text: string,
    private readonly bindings: PyBindings,
  ) {
    super();
    this.dictSyntax = new BraceFixSyntax(text, PYTHON_DICT_DIALECT);
    this.kwargsSyntax = new BraceFixSyntax(text, PYTHON_KWARGS_DIALECT);
  }

  /** A call's keyword arguments as an object: `tool(name=…, parameters=…)`, `Tool(name=…, inputSchema=…)`. */
  keywordArguments(call: Node): StaticObject {
    const argumentList = call.childForFieldName('arguments');
    const entries: StaticEntry[] = [];
    for (const argument of argumentList?.namedChildren ?? []) {
      if (argument === null || argument.type === 'comment') continue;
      if (argument.type === 'keyword_argument') {
        const name = argument.childForFieldName('name');
        const value = argument.childForFieldName('value');
        if (name === null) continue;
        entries.push(new LazyEntry(name.text, name.startIndex, name.endIndex, () => (value === null ? unknownValue(span(name), 'a missing value') : this.evaluate(value))));
      } else if (argument.type === 'dictionary_splat') {
        entries.push(this.splat(argument));
      }
    }
    return { kind: 'object', ...span(call), syntax: this.kwargsSyntax, entries, ...(argumentList === null ? {} : { openEnd: argumentList.startIndex + 1 }) };
  }

  /** The positional arguments of a call. */
  positionalArguments(call: Node): Node[] {
    return (call.childForFieldName('arguments')?.namedChildren ?? []).filter(
      (argument): argument is Node => argument !== null && argument.type !== 'comment' && argument.type !== 'keyword_argument' && argument.type !== 'dictionary_splat' && argument.type !== 'list_splat',
    );
  }

  protected override compute(node: Node): StaticValue {
    const at = span(node);
    switch (node.type) {
      case 'dictionary':
        return this.dictionary(node);
      case 'list':
      case 'tuple':
        return { kind: 'array', ...at, syntax: this.dictSyntax, items: this.items(node) };
      case 'string':
      case 'concatenated_string': {
        const value = this.stringValue(node);
        return value === undefined ? unknownValue(at, 'an f-string or bytes') : { kind: 'string', ...at, syntax: this.dictSyntax, value };
      }
      case 'integer':
      case 'float':
        return { kind: 'number', ...at, syntax: this.dictSyntax, value: Number(node.text.replace(/_/g, '')) };
      case 'unary_operator': {
        const argument = node.childForFieldName('argument');
        const operator = node.childForFieldName('operator')?.type ?? node.firstChild?.type;
        if ((argument?.type === 'integer' || argument?.type === 'float') && (operator === '-' || operator === '+')) {
          const magnitude = Number(argument.text.replace(/_/g, ''));
          return { kind: 'number', ...at, syntax: this.dictSyntax, value: operator === '-' ? -magnitude : magnitude };
        }
        return unknownValue(at, 'a computed value');
      }
      case 'true':
      case 'false':
        return { kind: 'boolean', ...at, syntax: this.dictSyntax, value: node.type === 'true' };
      case 'none':
        return { kind: 'null', ...at, syntax: this.dictSyntax };
      case 'identifier':
        return this.identifier(node);
      case 'parenthesized_expression': {
        const inner = node.firstNamedChild;
        return inner === null ? unknownValue(at, 'an empty expression') : this.evaluate(inner);
      }
      case 'assignment': {
        // The value of `a = b = {...}` as seen from `a`.
        const right = node.childForFieldName('right');
        return right === null ? unknownValue(at, 'an assignment') : this.evaluate(right);
      }
      case 'subscript':
        return this.subscript(node);
      case 'call':
        return this.call(node);
      case 'lambda':
        return { ...unknownValue(at, 'a lambda'), callable: true };
      default:
        return unknownValue(at, node.type.replace(/_/g, ' '));
    }
  }

  private dictionary(node: Node): StaticObject {
    const skipped = node.tree.skipped;
    if (skipped?.isSkipped(node) === true) return skipped.value({ kind: 'object', ...span(node), syntax: this.dictSyntax, openEnd: node.startIndex + 1 });
    const entries: StaticEntry[] = [];
    for (const child of node.namedChildren) {
      if (child === null || child.type === 'comment') continue;
      if (child.type === 'pair') {
        const keyNode = child.childForFieldName('key');
        const keyValue = keyNode === null ? undefined : this.evaluate(keyNode);
        const key = keyValue?.kind === 'string' || keyValue?.kind === 'number' ? String(keyValue.value) : undefined;
        const keySpan = keyNode === null ? span(child) : span(keyNode);
        // The value node is fetched only if the value is read: most keys of a schema never are.
        entries.push(
          new LazyEntry(key, keySpan.start, keySpan.end, () => {
            const valueNode = child.childForFieldName('value');
            return valueNode === null ? unknownValue(keySpan, 'a missing value') : this.evaluate(valueNode);
          }),
        );
      } else if (child.type === 'dictionary_splat') {
        entries.push(...this.splatEntries(child));
      } else {
        entries.push({ key: undefined, keyStart: child.startIndex, keyEnd: child.endIndex, value: unknownValue(span(child), child.type) });
      }
    }
    return { kind: 'object', ...span(node), syntax: this.dictSyntax, entries, openEnd: node.startIndex + 1 };
  }

  /** `**known` contributes the known dict's entries (positioned at the splat); anything else is unknown. */
  private splatEntries(splat: Node): StaticEntry[] {
    return spreadEntries(splat, 'a ** spread', this.evaluateNode);
  }

  private splat(splat: Node): StaticEntry {
    return unknownSpreadEntry(splat, 'a ** spread');
  }

  private items(node: Node): StaticValue[] {
    return literalItems(node, 'list_splat', 'a * spread', this.evaluateNode);
  }

  private stringValue(node: Node): string | undefined {
    if (node.type === 'concatenated_string') {
      let joined = '';
      for (const part of node.namedChildren) {
        if (part === null || part.type === 'comment') continue;
        const value = part.type === 'string' ? this.stringValue(part) : undefined;
        if (value === undefined) return undefined;
        joined += value;
      }
      return joined;
    }
    const source = this.text.slice(node.startIndex, node.endIndex);
    const match = STRING_PREFIX.exec(source);
    if (match === null) return undefined;
    const [, prefix, quote] = match;
    if (/[bB]/.test(prefix)) return undefined;
    // Only an f-string can interpolate; asking the tree costs a node per child, so ask only then.
    if (/[fF]/.test(prefix) && node.namedChildren.some((child) => child?.type === 'interpolation')) return undefined;
    const body = source.slice(prefix.length + quote.length, source.length - quote.length);
    return /[rR]/.test(prefix) ? body : decodeStringBody(body);
  }

  private identifier(node: Node): StaticValue {
    const name = node.text;
    const at = span(node);
    const binding = this.bindings.resolve(name);
    return this.boundValue(name, at, binding, 'which is not assigned in this file');
  }

  private subscript(node: Node): StaticValue {
    const at = span(node);
    const container = node.childForFieldName('value');
    const index = node.childForFieldName('subscript');
    if (container === null || index === null) return unknownValue(at, 'a subscript');
    const key = this.evaluate(index);
    const value = this.evaluate(container);
    if (value.kind === 'object' && (key.kind === 'string' || key.kind === 'number')) {
      const found = lookup(value, String(key.value));
      if (found.state === 'present') return found.value.kind === 'unknown' ? found.value : viaReference(found.value, at);
    } else if (value.kind === 'array' && key.kind === 'number' && Number.isInteger(key.value) && key.value >= 0 && key.value < value.items.length) {
      const item = value.items[key.value];
      return item.kind === 'unknown' ? item : viaReference(item, at);
    }
    return unknownValue(at, compactLabel(node.text));
  }

  private call(node: Node): StaticValue {
    const callee = node.childForFieldName('function');
    // `dict(type="object", ...)` unless `dict` is rebound in this file.
    if (callee?.type === 'identifier' && callee.text === 'dict' && this.bindings.resolve('dict').kind === 'none') {
      const object = this.keywordArguments(node);
      if (this.positionalArguments(node).length === 0) return object;
      return { ...object, entries: [this.splat(node), ...object.entries] };
    }
    return unknownValue(span(node), `the result of ${compactLabel(callee?.text ?? 'a call', 32)}()`);
  }
}
