/**
 * Which value a name stands for, within one TypeScript/JavaScript file. Deliberately simple and
 * conservative: a name resolves only when the file binds it exactly once, with an initialiser, and never
 * reassigns or mutates it (scopes are not modelled, so a name declared in two functions stays unknown) (`x.type = …`, `Object.assign(x, …)`, `delete x.y`). Anything else is unknown.
 */
import type { SyntaxNode as Node } from '../treeSitter/syntaxNode';
import { CachedBindings, type Binding } from '../code/bindings';
import { wordOccurrences } from '../code/sourceText';

const NAME_NODES = new Set(['identifier', 'shorthand_property_identifier', 'shorthand_property_identifier_pattern']);
/**
 * Parents under which an identifier is a binding whose value the linter does not know, with the field that
 * holds the binding (`null`: any child). Fields matter: in `for (const a of b)` only `a` is bound.
 */
const OPAQUE_BINDING_FIELDS: ReadonlyMap<string, string | null> = new Map([
  ['import_specifier', null],
  ['namespace_import', null],
  ['import_clause', null],
  ['import_alias', null],
  ['formal_parameters', null],
  ['rest_pattern', null],
  ['object_pattern', null],
  ['array_pattern', null],
  ['required_parameter', 'pattern'],
  ['optional_parameter', 'pattern'],
  ['arrow_function', 'parameter'],
  ['function_declaration', 'name'],
  ['generator_function_declaration', 'name'],
  ['function_expression', 'name'],
  ['class_declaration', 'name'],
  ['class', 'name'],
  ['enum_declaration', 'name'],
  ['catch_clause', 'parameter'],
  ['for_in_statement', 'left'],
  ['pair_pattern', 'value'],
  ['object_assignment_pattern', 'left'],
  ['assignment_pattern', 'left'],
]);
const ASSIGNMENTS = new Set(['assignment_expression', 'augmented_assignment_expression']);

export type { Binding } from '../code/bindings';

export class TsBindings extends CachedBindings {
  protected compute(name: string): Binding {
    let value: Node | undefined;
    let declarations = 0;
    for (const offset of wordOccurrences(this.text, name)) {
      const node = this.tree.rootNode.descendantForIndex(offset, offset + name.length);
      if (node === null || !NAME_NODES.has(node.type) || node.startIndex !== offset) continue;
      const parent = node.parent;
      if (parent === null) continue;
      if (parent.type === 'variable_declarator' && parent.childForFieldName('name')?.startIndex === offset) {
        declarations++;
        value = parent.childForFieldName('value') ?? undefined;
        if (value === undefined) return { kind: 'opaque', reason: `${name} is declared without a value` };
        continue;
      }
      if (node.type === 'shorthand_property_identifier_pattern' || isOpaqueBinding(parent, offset)) {
        return { kind: 'opaque', reason: `${name} is an import, parameter or destructured binding` };
      }
      if (ASSIGNMENTS.has(parent.type) && parent.childForFieldName('left')?.startIndex === offset) {
        return { kind: 'opaque', reason: `${name} is reassigned` };
      }
      if (parent.type === 'update_expression' || isMutated(node)) return { kind: 'opaque', reason: `${name} is modified after its declaration` };
    }
    if (declarations === 0) return { kind: 'none' };
    if (declarations > 1 || value === undefined) return { kind: 'opaque', reason: `${name} is declared more than once` };
    return { kind: 'value', value };
  }
}

/** `x.a = …`, `x["a"] = …`, `delete x.a`, `Object.assign(x, …)`: the object bound to `x` changes. */
function isMutated(identifier: Node): boolean {
  const parent = identifier.parent;
  if (parent === null) return false;
  if ((parent.type === 'member_expression' || parent.type === 'subscript_expression') && parent.childForFieldName('object')?.startIndex === identifier.startIndex) {
    const grand = parent.parent;
    if (grand === null) return false;
    if (ASSIGNMENTS.has(grand.type) && grand.childForFieldName('left')?.startIndex === parent.startIndex) return true;
    if (grand.type === 'unary_expression' && grand.firstChild?.type === 'delete') return true;
    if (grand.type === 'member_expression' || grand.type === 'subscript_expression') return isMutated(parent);
    return false;
  }
  if (parent.type === 'arguments' && parent.firstNamedChild?.startIndex === identifier.startIndex) {
    const callee = parent.parent?.childForFieldName('function');
    return callee?.type === 'member_expression' && /^(Object\.assign|Object\.defineProperty|Object\.setPrototypeOf)$/.test(callee.text.replace(/\s/g, ''));
  }
  return false;
}

function isOpaqueBinding(parent: Node, offset: number): boolean {
  const field = OPAQUE_BINDING_FIELDS.get(parent.type);
  if (field === undefined) return false;
  return field === null || parent.childForFieldName(field)?.startIndex === offset;
}
