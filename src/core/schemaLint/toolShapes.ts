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

/**
 * Factories whose object argument is a function tool (Vercel AI SDK, OpenAI Agents, Mastra, xAI SDK,
 * openai-python, Genkit `defineTool`, and the MCP SDK's `registerTool(name, config, handler)`).
 */
const TOOL_FACTORIES = new Set(['tool', 'dynamicTool', 'createTool', 'defineTool', 'registerTool', 'FunctionDefinition', 'FunctionToolParam', 'FunctionDefinitionParam']);

/**
 * Calls whose object argument is a workflow piece, not a function tool, although it has `{name, inputSchema}`:
 * Genkit `defineFlow`/`definePrompt`, Mastra `createStep`/`createWorkflow`, output.ai `step`, pipeline stages
 * and jobs. Their inputs may legitimately be strings or arrays.
 */
const NON_TOOL_CALLEE_WORD = /(?:^|_)(?:flow|workflow|step|stage|pipeline|prompt|job|task)s?$/i;
const NON_TOOL_CALLEE_CAMEL = /[a-z0-9](?:Flow|Workflow|Step|Stage|Pipeline|Prompt|Job|Task)s?$/;

/** The tool(s) defined by `object`, judged by shape and context. Usually zero or one. */
export function recogniseTool(object: StaticObject, context: ToolObjectContext): ToolCandidate[] {
  const candidates: ToolCandidate[] = [];
  for (const key of SCHEMA_KEYS) {
    const found = lookup(object, key);
    if (found.state !== 'present') continue;
    const schema = key === 'inputSchema' ? bedrockSchema(found.value) : found.value;
    const strength = toolStrength(object, key, schema, context);
    if (strength === undefined) continue;
    if (strength === 'weak' && !looksLikeSchema(schema)) continue;
    if (context.nameMayBeExpression === true && (isZodRawShape(schema) || isEmptyRawShape(object, key, schema, context))) continue;
    candidates.push({ toolName: toolName(object, context), parameters: schema, span: reportSpan(schema), strength });
  }
  return candidates;
}

/**
 * Amazon Bedrock's Converse `toolSpec` wraps the JSON Schema as `inputSchema: { json: {...} }`; bridges forward the
 * inner schema as the function's parameters, so that is what is judged.
 */
function bedrockSchema(value: StaticValue): StaticValue {
  if (value.kind !== 'object' || value.fromZod === true || value.entries.length !== 1) return value;
  const json = lookup(value, 'json');
  return json.state === 'present' ? json.value : value;
}

/** Lists whose name says they hold tools: `tools`, `TOOLS`, `agentTools`, `bind_tools(...)`. */
const TOOL_LIST = /tools?$|^tools/i;

function toolStrength(object: StaticObject, key: SchemaKey, schema: StaticValue, context: ToolObjectContext): 'strong' | 'weak' | undefined {
  const name = lookup(object, 'name');
  const hasName =
    name.state === 'present' &&
    (name.value.kind === 'string' || (context.nameMayBeExpression === true && name.value.kind === 'unknown'));
  const factory = context.callee !== undefined && TOOL_FACTORIES.has(context.callee);
  const workflowPiece = context.callee !== undefined && (NON_TOOL_CALLEE_WORD.test(context.callee) || NON_TOOL_CALLEE_CAMEL.test(context.callee));
  if (key === 'parameters') {
    if (stringAt(object, 'type') === 'function') {
      // Documentation and AST data use `{type: "function", name, parameters: [...]}` for functions' own
      // parameter lists: a value that is not JSON Schema needs corroboration before it is a tool's error.
      const corroborated = factory || isPresent(object, 'strict') || (context.listKey !== undefined && TOOL_LIST.test(context.listKey));
      return corroborated || looksLikeSchema(schema) || schema.kind === 'unknown' ? 'strong' : undefined;
    }
    if (context.parentKey === 'function' && context.parentObject !== undefined && stringAt(context.parentObject, 'type') === 'function') return 'strong';
    if (factory) return 'strong';
    if (workflowPiece) return undefined;
    if (hasName || context.inToolMap) return 'weak';
    return undefined;
  }
  if (factory) return 'strong';
  if (workflowPiece) return undefined;
  if (!hasName) return context.inToolMap ? 'weak' : undefined;
  // Where tools are listed, or named (`weatherTool = {...}`, a data document that is one tool), `{name, inputSchema}`
  // is a tool whatever its schema.
  const listed = [context.listKey, context.parentKey, context.fallbackName].some((key) => key !== undefined && TOOL_LIST.test(key));
  if (context.inToolMap === true || listed) return 'strong';
  // Elsewhere the pair is common in other registries (n8n tool nodes keep `{name, inputSchema: "<JSON text>"}`,
  // document engines `{name, summary, inputSchema, valueSchema}`): it takes a schema object and something only
  // tools carry: a description or title, MCP annotations, or the implementation.
  if (schema.kind !== 'object' && schema.kind !== 'unknown' && schema.kind !== 'null') return undefined;
  return describesTool(object) ? 'strong' : undefined;
}

/** A tool's own members: `description`/`title` (shown to the model), MCP `annotations`, or its implementation. */
function describesTool(object: StaticObject): boolean {
  return object.entries.some((entry) => entry.key === 'description' || entry.key === 'title' || entry.key === 'annotations' || (entry.value.kind === 'unknown' && entry.value.callable === true));
}

function toolName(object: StaticObject, context: ToolObjectContext): string | undefined {
  return stringAt(object, 'name') ?? stringAt(object, 'id') ?? context.fallbackName;
}

/**
 * `{ city: z.string() }`: a zod "raw shape" (MCP `registerTool`, LangChain), which the framework wraps in
 * `z.object()`. It is an object schema, not a JSON Schema without `type`. In code, a literal whose members are
 * all values the linter cannot evaluate (`{ path: pathSchema }` with imported schemas) is read the same way:
 * nothing says it is a JSON Schema, and nothing can be judged.
 */
function isZodRawShape(value: StaticValue): boolean {
  if (value.kind !== 'object' || value.fromZod || value.entries.length === 0) return false;
  // Keys are cheap, values are evaluated on demand: a JSON Schema keyword rules a raw shape out first.
  if (value.entries.some((entry) => entry.key !== undefined && isSchemaKeyword(entry.key))) return false;
  return value.entries.every((entry) => entry.value.fromZod === true || entry.value.kind === 'unknown');
}

/**
 * `inputSchema: {}` in an MCP registration (`registerTool`'s config, or a tool object that carries its handler)
 * is the SDK's empty raw shape, "no arguments", not an empty JSON Schema. A bare listing's `{}` is still judged.
 */
function isEmptyRawShape(object: StaticObject, key: SchemaKey, value: StaticValue, context: ToolObjectContext): boolean {
  if (key !== 'inputSchema' || value.kind !== 'object' || value.fromZod || value.entries.length > 0) return false;
  return context.callee === 'registerTool' || object.entries.some((entry) => entry.value.kind === 'unknown' && entry.value.callable === true);
}
