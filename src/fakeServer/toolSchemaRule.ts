/**
 * xAI's function-tool rule (fact sheet §5): `parameters` must have root `type: "object"`, or be a root
 * `anyOf`/`oneOf` whose every branch has its own `type: "object"` (exactly the string; `["object","null"]`
 * and `$ref` branches are rejected). Otherwise the whole request fails with a 400 naming the tool.
 */

export interface ToolSchemaProblem {
  toolName: string;
  reason: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeType(schema: Record<string, unknown>): string {
  if ('type' in schema) return `root schema has type ${JSON.stringify(schema.type)}`;
  if ('$ref' in schema) return 'root schema is a $ref';
  return 'root schema has no type';
}

/** Why `parameters` breaks the rule, or undefined when it is fine. Absent parameters mean "no arguments". */
export function parametersRootProblem(parameters: unknown): string | undefined {
  if (parameters === undefined || parameters === null) return undefined;
  if (!isRecord(parameters)) return `parameters is ${Array.isArray(parameters) ? 'an array' : typeof parameters}, not a JSON schema object`;
  const union = parameters.anyOf ?? parameters.oneOf;
  if (union !== undefined) {
    if (!Array.isArray(union) || union.length === 0) return 'root anyOf/oneOf is not a non-empty array';
    const allObjects = union.every((branch) => isRecord(branch) && branch.type === 'object');
    return allObjects ? undefined : 'root schema is an anyOf/oneOf union with a non-object branch';
  }
  return parameters.type === 'object' ? undefined : describeType(parameters);
}

/** The first function tool that breaks the rule. Non-function tools (web_search, …) are not checked. */
export function findToolSchemaProblem(tools: unknown[]): ToolSchemaProblem | undefined {
  for (const tool of tools) {
    if (!isRecord(tool) || tool.type !== 'function') continue;
    const reason = parametersRootProblem(tool.parameters);
    if (reason) return { toolName: typeof tool.name === 'string' ? tool.name : '(unnamed tool)', reason };
  }
  return undefined;
}

export function toolSchemaErrorMessage(problem: ToolSchemaProblem): string {
  return `${problem.toolName}: tool parameter root must be an object type (${problem.reason})`;
}
