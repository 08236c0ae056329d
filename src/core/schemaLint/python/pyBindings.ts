/**
 * Which value a name stands for, within one Python file: as in the TypeScript front-end, a name resolves
 * only when it is assigned exactly once (a plain `name = value`) and never rebound, augmented or mutated
 * (`x["type"] = …`, `x.update(…)`, `del x[…]`). Imports, parameters and loop variables are unknown.
 */
import type { SyntaxNode as Node } from '../treeSitter/syntaxNode';
import { wordOccurrences } from '../code/sourceText';
import { CachedBindings, type Binding } from '../code/bindings';

/** Parents under which an identifier is a binding with an unknown value, and the field holding it (`null`: any). */
const OPAQUE_BINDING_FIELDS: ReadonlyMap<string, string | null> = new Map([
  ['dotted_name', null],
  ['aliased_import', 'alias'],
  ['parameters', null],
  ['lambda_parameters', null],
  ['default_parameter', 'name'],
  ['typed_parameter', null],
  ['typed_default_parameter', 'name'],
  ['list_splat_pattern', null],
  ['dictionary_splat_pattern', null],
  ['function_definition', 'name'],
  ['class_definition', 'name'],
  ['for_statement', 'left'],
  ['for_in_clause', 'left'],
  ['as_pattern_target', null],
  ['named_expression', 'name'],
  ['global_statement', null],
  ['nonlocal_statement', null],
  ['pattern_list', null],
  ['tuple_pattern', null],
  ['list_pattern', null],
  ['augmented_assignment', 'left'],
]);
/** Dict methods that change the dict in place. */
const MUTATORS = new Set(['update', 'setdefault', 'pop', 'popitem', 'clear', '__setitem__', '__delitem__']);

export class PyBindings extends CachedBindings {
  protected compute(name: string): Binding {
    let value: Node | undefined;
    let assignments = 0;
    for (const offset of wordOccurrences(this.text, name)) {
      const node = this.tree.rootNode.descendantForIndex(offset, offset + name.length);
      if (node?.type !== 'identifier' || node.startIndex !== offset) continue;
      const parent = node.parent;
      if (parent === null) continue;
      if (parent.type === 'assignment' && parent.childForFieldName('left')?.startIndex === offset && parent.childForFieldName('left')?.type === 'identifier') {
        assignments++;
        value = parent.childForFieldName('right') ?? undefined;
        if (value === undefined) return { kind: 'opaque', reason: `${name} is declared without a value` };
        continue;
      }
      const field = OPAQUE_BINDING_FIELDS.get(parent.type);
      if (field !== undefined && (field === null || parent.childForFieldName(field)?.startIndex === offset)) {
        return { kind: 'opaque', reason: `${name} is an import, parameter or loop variable` };
      }
      if (isMutated(node)) return { kind: 'opaque', reason: `${name} is modified after it is assigned` };
    }
    if (assignments === 0) return { kind: 'none' };
    if (assignments > 1 || value === undefined) return { kind: 'opaque', reason: `${name} is assigned more than once` };
    return { kind: 'value', value };
  }
}

function isMutated(identifier: Node): boolean {
  const parent = identifier.parent;
  if (parent === null) return false;
  const isObjectOf = (field: string): boolean => parent.childForFieldName(field)?.startIndex === identifier.startIndex;
  if ((parent.type === 'subscript' && isObjectOf('value')) || (parent.type === 'attribute' && isObjectOf('object'))) {
    const grand = parent.parent;
    if (grand === null) return false;
    if ((grand.type === 'assignment' || grand.type === 'augmented_assignment') && grand.childForFieldName('left')?.startIndex === parent.startIndex) return true;
    if (grand.type === 'delete_statement') return true;
    if (parent.type === 'attribute' && grand.type === 'call' && MUTATORS.has(parent.childForFieldName('attribute')?.text ?? '')) return true;
    if (grand.type === 'subscript' || grand.type === 'attribute') return isMutated(parent);
  }
  return false;
}
