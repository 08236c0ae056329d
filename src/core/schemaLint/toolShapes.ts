/**
 * Recognises function tool definitions among object literals, whatever the language: the Responses shape
 * `{type:"function", name, parameters}`, Chat Completions `{type:"function", function:{name, parameters}}`,
 * MCP `{name, inputSchema}`, Anthropic `{name, input_schema}`, `tool({...})` factories, and plain
 * `{name, parameters}` (legacy `functions`, `bind_tools` dicts), which alone is only weak evidence.
 */
import { isSchemaKeyword, looksLikeSchema } from './jsonSchemaFacts';
import { isPresent, lookup, reportSpan, stringAt, type Span, type StaticObject, type StaticValue } from './staticValue';

/** One tool's `parameters` (or `inputSchema`/`input_schema`) value, ready to be judged. */
export interface ToolCandidate {
  toolName?: string;
  parameters: StaticValue;
  /** Where the value is written: the range of root-level findings. */
  span: Span;
  /** See `JudgeContext.strength`. */
  strength: 'strong' | 'weak';
}

/** Where an object literal sits, as far as the front-end can tell. */
export interface ToolObjectContext {
  /** The key the object is the value of (`function` in Chat Completions); undefined for list items/arguments. */
  parentKey?: string;
  /** The object holding `parentKey`. */
  parentObject?: StaticObject;
  /** The object is passed to a call of this (last dotted) name: `tool`, `dynamicTool`, `FunctionDefinition`… */
  callee?: string;
  /** A name the code gives the tool when the object has none: the variable, or the key in a `tools` map. */
  fallbackName?: string;
  /** The object is a value in a `tools: { name: {...} }` map (Vercel AI SDK without the `tool()` helper). */
  inToolMap?: boolean;
  /** Code front-ends accept a non-literal `name` (a variable); data requires a string. */
  nameMayBeExpression?: boolean;
  /** The name of the list the object is an item of: the key, variable or argument holding it (`tools`). */
  listKey?: string;
}

const SCHEMA_KEYS = ['parameters', 'inputSchema', 'input_schema'] as const;
export type SchemaKey = (typeof SCHEMA_KEYS)[number];
export const TOOL_SCHEMA_KEYS: readonly SchemaKey[] = SCHEMA_KEYS;

/** Factories whose object argument is a function tool (Vercel AI SDK, OpenAI Agents, Mastra, xAI SDK, openai-python). */
const TOOL_FACTORIES = new Set(['tool', 'dynamicTool', 'createTool', 'FunctionDefinition', 'FunctionToolParam', 'FunctionDefinitionParam']);

/** The tool(s) defined by `object`, judged by shape and context. Usually zero or one. */
export function recogniseTool(object: StaticObject, context: ToolObjectContext): ToolCandidate[] {
  const candidates: ToolCandidate[] = [];
  for (const key of SCHEMA_KEYS) {
    const schema = lookup(object, key);
    if (schema.state !== 'present') continue;
    const strength = toolStrength(object, key, schema.value, context);
    if (strength === undefined) continue;
    if (strength === 'weak' && !looksLikeSchema(schema.value)) continue;
    if (isZodRawShape(schema.value)) continue;
    candidates.push({ toolName: toolName(object, context), parameters: schema.value, span: reportSpan(schema.value), strength });
  }
  return candidates;
}

/** Lists whose name says they hold tools: `tools`, `TOOLS`, `agentTools`, `bind_tools(...)`. */
const TOOL_LIST = /tools?$|^tools/i;

function toolStrength(object: StaticObject, key: SchemaKey, schema: StaticValue, context: ToolObjectContext): 'strong' | 'weak' | undefined {
  const name = lookup(object, 'name');
  const hasName =
    name.state === 'present' &&
    (name.value.kind === 'string' || (context.nameMayBeExpression === true && name.value.kind === 'unknown'));
  const factory = context.callee !== undefined && TOOL_FACTORIES.has(context.callee);
  if (key === 'parameters') {
    if (stringAt(object, 'type') === 'function') {
      // Documentation and AST data use `{type: "function", name, parameters: [...]}` for functions' own
      // parameter lists: a value that is not JSON Schema needs corroboration before it is a tool's error.
      const corroborated = factory || isPresent(object, 'strict') || (context.listKey !== undefined && TOOL_LIST.test(context.listKey));
      return corroborated || looksLikeSchema(schema) || schema.kind === 'unknown' ? 'strong' : undefined;
    }
    if (context.parentKey === 'function' && context.parentObject !== undefined && stringAt(context.parentObject, 'type') === 'function') return 'strong';
    if (factory) return 'strong';
    if (hasName || context.inToolMap) return 'weak';
    return undefined;
  }
  if (hasName || factory) return 'strong';
  return context.inToolMap ? 'weak' : undefined;
}

function toolName(object: StaticObject, context: ToolObjectContext): string | undefined {
  return stringAt(object, 'name') ?? stringAt(object, 'id') ?? context.fallbackName;
}

/**
 * `{ city: z.string() }`: a zod "raw shape" (MCP `registerTool`, LangChain), which the framework wraps in
 * `z.object()`. It is an object schema, not a JSON Schema without `type`.
 */
function isZodRawShape(value: StaticValue): boolean {
  if (value.kind !== 'object' || value.fromZod) return false;
  // Keys are cheap, values are evaluated on demand: a JSON Schema keyword rules a raw shape out first.
  if (value.entries.some((entry) => entry.key !== undefined && isSchemaKeyword(entry.key))) return false;
  return value.entries.some((entry) => entry.value.fromZod === true) && value.entries.every((entry) => entry.value.fromZod === true || entry.value.kind === 'unknown');
}
