/**
 * The rule set: stable codes, default severities and descriptions (used by SARIF output and the docs).
 * Errors are cases xAI's rule rejects (fact sheet §5: the root must be `type: "object"`, or a root
 * `anyOf`/`oneOf` whose every branch is an object); warnings are cases the documentation is silent on but
 * that real clients have seen trouble with.
 */
import type { LintSeverity } from './types';

export interface RuleDescription {
  severity: LintSeverity;
  /** One line, for SARIF `shortDescription` and tables. */
  title: string;
  /** Why the rule exists; for SARIF `fullDescription`. */
  description: string;
}

export const RULES = {
  'root-not-object': {
    severity: 'error',
    title: 'parameters root is not an object schema',
    description:
      'The root is a scalar, array or null schema (`type` other than "object"), or not a schema object at all. xAI rejects the request with HTTP 400.',
  },
  'root-type-list': {
    severity: 'error',
    title: 'parameters root `type` is a list that is not exactly "object"',
    description: 'A root `type` such as ["object","null"] is not an object type; xAI rejects the request with HTTP 400.',
  },
  'root-missing-type': {
    severity: 'error',
    title: 'parameters root has no `type`',
    description:
      'A root with neither `type` nor `properties` (e.g. `{}`), or with an empty or malformed `anyOf`/`oneOf`, is not an object type; xAI rejects the request with HTTP 400.',
  },
  'root-keyword-without-type': {
    severity: 'error',
    title: 'parameters root is an allOf/not/enum/const schema without `type: "object"`',
    description: 'Only an object root or a root anyOf/oneOf of objects is accepted; xAI rejects the request with HTTP 400.',
  },
  'root-ref-unresolved': {
    severity: 'error',
    title: 'parameters root `$ref` does not resolve inside the schema',
    description:
      'The root carries only a `$ref` that points nowhere in the same schema (or outside it), so the root has no object type; xAI rejects the request with HTTP 400.',
  },
  'union-branch-not-object': {
    severity: 'error',
    title: 'root anyOf/oneOf has a non-object branch',
    description:
      'Every branch of a root anyOf/oneOf must itself be `type: "object"`; a scalar, array, null, typeless or nullable branch makes xAI reject the request with HTTP 400.',
  },
  'root-properties-without-type': {
    severity: 'warning',
    title: 'parameters root has `properties` but no `type`',
    description:
      'Reported accepted by xAI, but its rule asks for `type: "object"` at the root and the documentation is silent on this case; add the type.',
  },
  'root-object-with-union': {
    severity: 'warning',
    title: 'object root also carries a root anyOf/oneOf',
    description:
      'A `type: "object"` root with a root anyOf/oneOf (e.g. of constraint-only branches) has been reported rejected by xAI although its documentation is silent.',
  },
  'union-branch-indirect-object': {
    severity: 'warning',
    title: 'root anyOf/oneOf branch is an object only indirectly',
    description:
      'A branch that is an object only through `$ref`, a nested union, or `properties` without `type` has been reported rejected; give each branch its own `type: "object"`.',
  },
  'root-ref-indirect-object': {
    severity: 'warning',
    title: 'parameters root is an object only through `$ref`',
    description:
      'A root `{"$ref": "#/$defs/X", "$defs": {...}}` has no `type` of its own; whether xAI follows the reference is undocumented. Inline the object or add `type: "object"`.',
  },
  'parameters-unresolved': {
    severity: 'info',
    title: 'parameters could not be checked statically',
    description: 'The schema comes from an import, a call or a computed value the linter does not evaluate; it is not judged.',
  },
} as const satisfies Record<string, RuleDescription>;

export type RuleCode = keyof typeof RULES;

export const RULE_CODES = Object.keys(RULES) as RuleCode[];
