/**
 * The rule engine: judges one tool's `parameters` root against xAI's rule (fact sheet §5) and says which
 * rule fires, where, and which fixes apply. Pure: works on {@link StaticValue}s from any front-end.
 */
import { firstObjectKeyword, JSON_SCHEMA_TYPES, MEMBER_KEYWORDS } from './jsonSchemaFacts';
import type { RuleCode } from './ruleCatalog';
import { resolveSchemaRef } from './schemaRefs';
import { lookup, reportSpan, type Span, type StaticObject, type StaticValue } from './staticValue';
import type { LintTextEdit } from './types';
import { compactJson, describeLiteral } from './valueDescriptions';

export type FixIntent =
  | { kind: 'wrap'; value: StaticValue; span: Span; title: string }
  | { kind: 'edits'; edits: LintTextEdit[]; title: string }
  | { kind: 'add-type'; object: StaticObject; title: string };

export interface Judgement {
  rule: RuleCode;
  message: string;
  span: Span;
  fixes: FixIntent[];
}

export interface JudgeContext {
  /** `Tool "get_weather"`, used as the message subject. */
  subject: string;
  /**
   * `strong`: the shape proves this is a function tool (`type: "function"`, `tool({...})`, MCP `inputSchema`…).
   * `weak`: only `{name, parameters}`; values that are not plainly JSON Schema are then left alone.
   */
  strength: 'strong' | 'weak';
  /** Where the `parameters` value is written: the range of root-level findings. */
  rootSpan: Span;
  reportUnresolved: boolean;
}

const REJECTS = 'xAI rejects the request with HTTP 400';
const ROOT_RULE = 'the root must be "type": "object"';
const BRANCH_RULE = 'every root anyOf/oneOf branch must be "type": "object"';
const UNIONS = ['anyOf', 'oneOf'] as const;
/** Nested `$ref`/union chains deeper than this are left unjudged rather than chased. */
const MAX_DEPTH = 8;
/** Branch visits per tool: bounds the work on hostile input (YAML aliases fanning out at every level). */
const MAX_BRANCH_VISITS = 10_000;

/** Judges the `parameters` value of one tool. `null` means "no parameters" (the openai SDK's type allows it). */
export function judgeParameters(parameters: StaticValue, context: JudgeContext): Judgement[] {
  if (parameters.kind === 'null') return [];
  return new RootJudge(parameters, context).judge(parameters, undefined, 0);
}

type BranchVerdict =
  | { verdict: 'object' | 'unknown' }
  | { verdict: 'indirect'; why: string; object?: StaticObject }
  | { verdict: 'not-object'; why: string };

class RootJudge {
  private readonly visitedRefs = new Set<string>();
  private branchVisits = 0;

  constructor(
    private readonly root: StaticValue,
    private readonly context: JudgeContext,
  ) {}

  /** `via` is the root `$ref` that led here, if any: root fixes cannot then be applied to the target. */
  judge(value: StaticValue, via: string | undefined, depth: number): Judgement[] {
    const { subject } = this.context;
    const viaNote = via === undefined ? '' : ` (through root $ref ${JSON.stringify(via)})`;
    switch (value.kind) {
      case 'unknown':
        if (!this.context.reportUnresolved || via !== undefined) return [];
        return [this.finding('parameters-unresolved', `${subject}: parameters (${value.reason}) cannot be checked statically; xAI requires "type": "object" at the root.`, [])];
      case 'object':
        return this.judgeObject(value, via, depth);
      default: {
        if (this.context.strength === 'weak') return [];
        const message = `${subject}: parameters${viaNote} is ${describeLiteral(value)}, not a JSON Schema object; ${REJECTS} (${ROOT_RULE}).`;
        return [this.finding('root-not-object', message, via === undefined ? [this.wrapRoot(value)] : [])];
      }
    }
  }

  private judgeObject(root: StaticObject, via: string | undefined, depth: number): Judgement[] {
    const { subject, strength } = this.context;
    const where = `${subject}: parameters root${via === undefined ? '' : ` (through $ref ${JSON.stringify(via)})`}`;
    const label = root.label === undefined ? '' : ` (${root.label})`;
    const rootFixes = (...kinds: ('wrap' | 'add-type')[]): FixIntent[] => {
      if (via !== undefined) return [];
      return kinds.map((kind) => (kind === 'wrap' ? this.wrapRoot(root) : addType(root, 'Add "type": "object" to the parameters root')));
    };

    const type = lookup(root, 'type');
    if (type.state === 'unknown') return [];
    if (type.state === 'present') {
      const typeValue = type.value;
      if (typeValue.kind === 'unknown') return [];
      if (isExactlyObject(typeValue)) return this.judgeUnionBesideObjectType(root, where);
      if (typeValue.kind === 'string') {
        if (!JSON_SCHEMA_TYPES.has(typeValue.value)) {
          if (strength === 'weak') return [];
          return [this.finding('root-not-object', `${where} has "type": ${JSON.stringify(typeValue.value)}${label}, which is not a JSON Schema type; ${REJECTS} (${ROOT_RULE}).`, rootFixes('wrap'))];
        }
        return [this.finding('root-not-object', `${where} has "type": ${JSON.stringify(typeValue.value)}${label}; ${REJECTS} (${ROOT_RULE}).`, rootFixes('wrap'))];
      }
      if (typeValue.kind === 'array') {
        if (typeValue.items.some((item) => item.kind === 'unknown')) return [];
        return [this.finding('root-type-list', `${where} has "type": ${compactJson(typeValue)}${label}, which is not exactly "object"; ${REJECTS} (${ROOT_RULE}).`, rootFixes('wrap'))];
      }
      if (strength === 'weak') return [];
      return [this.finding('root-not-object', `${where} has a "type" that is not a type name; ${REJECTS} (${ROOT_RULE}).`, rootFixes('wrap'))];
    }

    const ref = lookup(root, '$ref');
    if (ref.state === 'unknown') return [];
    if (ref.state === 'present') return this.judgeRootRef(root, ref.value, depth);

    const unionKeys = UNIONS.filter((key) => lookup(root, key).state !== 'absent');
    if (unionKeys.length > 0) return unionKeys.flatMap((key) => this.judgeRootUnion(root, key, where, depth));

    const objectKeyword = firstObjectKeyword(root);
    if (objectKeyword !== undefined) {
      const message = `${where} has "${objectKeyword}" but no "type"${label}; xAI has been reported to accept this, but its rule asks for "type": "object" at the root and the documentation is silent on this case.`;
      return [this.finding('root-properties-without-type', message, rootFixes('add-type'))];
    }

    const keyword = (['allOf', 'not', 'enum', 'const'] as const).find((key) => lookup(root, key).state === 'present');
    if (keyword !== undefined) {
      const message = `${where} is ${/^[aeiou]/i.test(keyword) ? 'an' : 'a'} ${keyword} schema without "type": "object"${label}; ${REJECTS} (only an object root, or a root anyOf/oneOf of objects, is accepted).`;
      const fixes = keyword === 'allOf' || keyword === 'not' ? rootFixes('add-type', 'wrap') : rootFixes('wrap');
      return [this.finding('root-keyword-without-type', message, fixes)];
    }
    return [this.finding('root-missing-type', `${where} has no "type"${label}; ${REJECTS} (${ROOT_RULE}).`, rootFixes('add-type', 'wrap'))];
  }

  /** `type: "object"` plus a root anyOf/oneOf: reported rejected although undocumented. */
  private judgeUnionBesideObjectType(root: StaticObject, where: string): Judgement[] {
    for (const key of UNIONS) {
      const union = lookup(root, key);
      if (union.state !== 'present') continue;
      const message = `${where} has "type": "object" and also a root ${key}; xAI has been reported to reject this with HTTP 400 although its documentation is silent. Express the alternatives inside "properties" instead.`;
      return [{ rule: 'root-object-with-union', message, span: reportSpan(union.value), fixes: [] }];
    }
    return [];
  }

  private judgeRootRef(root: StaticObject, refValue: StaticValue, depth: number): Judgement[] {
    const { subject } = this.context;
    if (refValue.kind !== 'string') return [];
    const ref = refValue.value;
    const target = resolveSchemaRef(this.root, ref, this.visitedRefs);
    if (target.state === 'unknown') return [];
    if (target.state !== 'found') {
      const why = target.state === 'external' ? 'points outside the schema (xAI does not fetch it)' : target.state === 'cycle' ? 'refers back to itself' : 'does not resolve inside the schema';
      return [this.finding('root-ref-unresolved', `${subject}: parameters root $ref ${JSON.stringify(ref)} ${why}, so the root has no object type; ${REJECTS} (${ROOT_RULE}).`, [])];
    }
    if (depth >= MAX_DEPTH) return [];
    this.visitedRefs.add(ref);
    const findings = this.judge(target.value, ref, depth + 1);
    const verdict = findings.length > 0 ? undefined : this.classifyBranch(target.value, depth + 1);
    this.visitedRefs.delete(ref);
    if (findings.length > 0) return findings;
    if (verdict?.verdict !== 'object' && verdict?.verdict !== 'indirect') return [];
    const message = `${subject}: parameters root is an object only through $ref ${JSON.stringify(ref)}; whether xAI follows a root $ref is undocumented (its rule asks for "type": "object" at the root). Inline the object or add "type": "object".`;
    return [this.finding('root-ref-indirect-object', message, [addType(root, 'Add "type": "object" next to the root $ref')])];
  }

  private judgeRootUnion(root: StaticObject, key: 'anyOf' | 'oneOf', where: string, depth: number): Judgement[] {
    const union = lookup(root, key);
    if (union.state !== 'present' || union.value.kind === 'unknown') return [];
    const wrapFixes = this.context.strength === 'strong' ? [this.wrapRoot(root)] : [];
    if (union.value.kind !== 'array') {
      return [{ rule: 'root-missing-type', message: `${where} has a ${key} that is not a list of schemas; ${REJECTS} (${ROOT_RULE}).`, span: reportSpan(union.value), fixes: wrapFixes }];
    }
    if (union.value.items.length === 0) {
      return [{ rule: 'root-missing-type', message: `${where} has an empty ${key} and no "type"; ${REJECTS} (${ROOT_RULE}).`, span: reportSpan(union.value), fixes: wrapFixes }];
    }
    const judgements: Judgement[] = [];
    union.value.items.forEach((branch, index) => {
      const verdict = this.classifyBranch(branch, depth + 1);
      const name = `${key} branch ${index}`;
      if (verdict.verdict === 'not-object') {
        judgements.push({
          rule: 'union-branch-not-object',
          message: `${where}: ${name} (${verdict.why}) is not an object; ${REJECTS} (${BRANCH_RULE}).`,
          span: reportSpan(branch),
          fixes: [
            // Removing the zod modifier that added the branch keeps the tool's arguments as they are.
            ...(branch.removal === undefined ? [] : [{ kind: 'edits' as const, edits: [branch.removal.edit], title: branch.removal.title }]),
            { kind: 'wrap', value: branch, span: reportSpan(branch), title: `Wrap ${name} in an object schema` },
          ],
        });
      } else if (verdict.verdict === 'indirect') {
        judgements.push({
          rule: 'union-branch-indirect-object',
          message: `${where}: ${name} is an object only through ${verdict.why}; such unions have been reported rejected by xAI (its documentation is silent). Give the branch its own "type": "object".`,
          span: reportSpan(branch),
          fixes: verdict.object === undefined ? [] : [addType(verdict.object, `Add "type": "object" to ${name}`)],
        });
      }
    });
    return judgements;
  }

  /** Whether a root-union branch is an object, and if not, why (for the message). */
  private classifyBranch(branch: StaticValue, depth: number): BranchVerdict {
    if (depth > MAX_DEPTH || ++this.branchVisits > MAX_BRANCH_VISITS) return { verdict: 'unknown' };
    if (branch.kind === 'unknown') return { verdict: 'unknown' };
    if (branch.kind !== 'object') return { verdict: 'not-object', why: describeLiteral(branch) };
    const named = branch.label === undefined ? '' : `${branch.label}, `;
    const type = lookup(branch, 'type');
    if (type.state === 'unknown') return { verdict: 'unknown' };
    if (type.state === 'present') {
      if (type.value.kind === 'unknown') return { verdict: 'unknown' };
      if (isExactlyObject(type.value)) return { verdict: 'object' };
      if (this.context.strength === 'weak' && !(type.value.kind === 'string' && JSON_SCHEMA_TYPES.has(type.value.value))) return { verdict: 'unknown' };
      return { verdict: 'not-object', why: `${named}"type": ${compactJson(type.value)}` };
    }
    const ref = lookup(branch, '$ref');
    if (ref.state === 'unknown') return { verdict: 'unknown' };
    if (ref.state === 'present') {
      if (ref.value.kind !== 'string') return { verdict: 'unknown' };
      const refText = JSON.stringify(ref.value.value);
      const target = this.visitedRefs.has(ref.value.value) ? ({ state: 'cycle' } as const) : resolveSchemaRef(this.root, ref.value.value, this.visitedRefs);
      if (target.state === 'unknown') return { verdict: 'unknown' };
      if (target.state !== 'found') return { verdict: 'indirect', why: `$ref ${refText}, which does not resolve inside the schema`, object: branch };
      this.visitedRefs.add(ref.value.value);
      const inner = this.classifyBranch(target.value, depth + 1);
      this.visitedRefs.delete(ref.value.value);
      if (inner.verdict === 'not-object') return { verdict: 'not-object', why: `$ref ${refText} to ${inner.why}` };
      if (inner.verdict === 'unknown') return inner;
      return { verdict: 'indirect', why: `$ref ${refText}`, object: branch };
    }
    for (const key of [...UNIONS, 'allOf'] as const) {
      const nested = lookup(branch, key);
      if (nested.state === 'absent') continue;
      if (nested.state === 'unknown' || nested.value.kind !== 'array') return { verdict: 'unknown' };
      const verdicts = nested.value.items.map((item) => this.classifyBranch(item, depth + 1));
      const bad = verdicts.findIndex((inner) => inner.verdict === 'not-object');
      if (bad >= 0 && key !== 'allOf') {
        const inner = verdicts[bad] as { why: string };
        return { verdict: 'not-object', why: `nested ${key} whose branch ${bad} is ${inner.why}` };
      }
      if (verdicts.some((inner) => inner.verdict === 'unknown')) return { verdict: 'unknown' };
      if (bad >= 0 || verdicts.length === 0) return { verdict: 'not-object', why: `${key} without "type": "object"` };
      return { verdict: 'indirect', why: `a nested ${key}`, object: branch };
    }
    // A constraint-only branch (`{required: [...]}`) is not an object; one that declares members is, indirectly.
    const objectKeyword = firstObjectKeyword(branch, MEMBER_KEYWORDS);
    if (objectKeyword !== undefined) return { verdict: 'indirect', why: `"${objectKeyword}" without "type"`, object: branch };
    return { verdict: 'not-object', why: `${named}no "type"` };
  }

  private wrapRoot(value: StaticValue): FixIntent {
    return { kind: 'wrap', value, span: reportSpan(value), title: 'Wrap the schema in an object property "value"' };
  }

  private finding(rule: RuleCode, message: string, fixes: FixIntent[]): Judgement {
    return { rule, message, span: this.context.rootSpan, fixes };
  }
}

function addType(object: StaticObject, title: string): FixIntent {
  return { kind: 'add-type', object, title };
}

/** `"object"`, or a list whose every item is `"object"`. */
function isExactlyObject(type: StaticValue): boolean {
  if (type.kind === 'string') return type.value === 'object';
  return type.kind === 'array' && type.items.length > 0 && type.items.every((item) => item.kind === 'string' && item.value === 'object');
}
