import * as assert from 'node:assert/strict';
import { assertFixesWork, lint, summarize } from './lintHelpers';

async function findingsOf(text: string): Promise<string[]> {
  const findings = await lint(text, 'python');
  return findings.map((finding, index) => `${finding.toolName ?? '?'}→${summarize(text, findings)[index]}`);
}

describe('schema linter: Python', () => {
  it('judges xAI SDK tool() calls, by keyword and by position', async () => {
    const text = `from xai_sdk import Client
from xai_sdk.chat import tool, user

tools = [
    tool(
        name="get_weather",
        description="Get the weather",
        parameters={"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
    ),
    tool(name="get_time", description="Get the time", parameters={"type": "string"}),
    tool("positional", "Positional form", {"oneOf": [{"type": "object"}, {"type": "null"}]}),
]
chat = client.chat.create(model="grok-build-0.1", tools=tools)
`;
    assert.deepEqual(await findingsOf(text), ['get_time→root-not-object@{"type": "string"}', 'positional→union-branch-not-object@{"type": "null"}']);
  });

  it('finds Responses, Chat Completions, legacy functions, MCP and Anthropic dicts', async () => {
    const text = `responses_tools = [{"type": "function", "name": "r", "parameters": {"type": "array", "items": {}}}]
chat_tools = [{"type": "function", "function": {"name": "c", "description": "d", "parameters": {"type": ["object", "null"]}}}]
functions = [{"name": "legacy", "description": "d", "parameters": {"properties": {"a": {"type": "string"}}}}]
mcp_tool = types.Tool(name="mcp", description="d", inputSchema={"type": "integer"})
claude = client.messages.create(tools=[{"name": "claude", "description": "d", "input_schema": {}}])
`;
    assert.deepEqual(await findingsOf(text), [
      'r→root-not-object@{"type": "array", "items": {}}',
      'c→root-type-list@{"type": ["object", "null"]}',
      'legacy→root-properties-without-type@{"properties": {"a": {"type": "string"}}}',
      'mcp→root-not-object@{"type": "integer"}',
      'claude→root-missing-type@{}',
    ]);
  });

  it('resolves module-level names, ** spreads of known dicts and dict(...) calls', async () => {
    const text = `BASE = {"type": "object"}
WEATHER_SCHEMA = {**BASE, "properties": {"city": {"type": "string"}}}
SCALAR = {"type": "number"}
SCHEMAS = {"scalar": SCALAR}
KW = dict(properties={})
tools = [
    {"type": "function", "name": "weather", "parameters": WEATHER_SCHEMA},
    {"type": "function", "name": "scalar", "parameters": SCHEMAS["scalar"]},
    {"type": "function", "name": "kw", "parameters": KW},
]
`;
    assert.deepEqual(await findingsOf(text), ['scalar→root-not-object@SCHEMAS["scalar"]', 'kw→root-properties-without-type@KW']);
  });

  it('does not guess: imports, parameters, rebinding, mutation, f-strings and model_json_schema() stay unjudged', async () => {
    const text = `from schemas import IMPORTED
from pydantic import BaseModel

class Weather(BaseModel):
    city: str

MUTATED = {"properties": {}}
MUTATED["type"] = "object"
UPDATED = {"properties": {}}
UPDATED.update(type="object")
TWICE = {"type": "string"}
TWICE = {"type": "object"}
def build(schema):
    return {"type": "function", "name": "param", "parameters": schema}
tools = [
    {"type": "function", "name": "imported", "parameters": IMPORTED},
    {"type": "function", "name": "pydantic", "parameters": Weather.model_json_schema()},
    {"type": "function", "name": "mutated", "parameters": MUTATED},
    {"type": "function", "name": "updated", "parameters": UPDATED},
    {"type": "function", "name": "twice", "parameters": TWICE},
    {"type": "function", "name": "fstring", "parameters": {"type": f"{kind}"}},
    {"type": "function", "name": "spread", "parameters": {**IMPORTED, "properties": {}}},
]
`;
    assert.deepEqual(await findingsOf(text), []);
  });

  it('leaves look-alikes alone: LangChain tools, Gemini declarations, other tool() helpers', async () => {
    const text = `from langchain_core.tools import tool
from google.genai import types

@tool
def multiply(a: int, b: int) -> int:
    """Multiply two integers."""
    return a * b

search = tool("search", search_func, return_direct=True)
declaration = types.FunctionDeclaration(name="find", parameters={"type": "OBJECT", "properties": {"q": {"type": "STRING"}}})
gemini = {"function_declarations": [{"name": "find", "parameters": {"type": "OBJECT"}}]}
other = tool("a", "b", {"type": "string"})
`;
    assert.deepEqual(await findingsOf(text), []);
  });

  it('skips a tool with a syntax error while the user types', async () => {
    assert.deepEqual(await findingsOf('tools = [{"type": "function", "name": "t", "parameters": {"type": "str'), []);
  });

  it('offers fixes in Python syntax that parse and satisfy the linter', async () => {
    const text = `from xai_sdk.chat import tool
SCALAR = {"type": "string"}
tools = [
    tool(name="a", description="d", parameters=SCALAR),
    tool(
        name="b",
        description="d",
        parameters={
            "properties": {"q": {"type": "string"}},
        },
    ),
    tool(name="c", description="d", parameters=dict(required=["q"])),
    {"type": "function", "name": "d", "parameters": {"anyOf": [{"type": "object"}, {"type": "boolean"}]}},
    {"type": "function", "name": "e", "parameters": {"allOf": [{"type": "object"}]}},
    {"type": "function", "name": "f", "parameters": {}},
]
`;
    const findings = await lint(text, 'python');
    assert.deepEqual(findings.map((finding) => `${finding.toolName}:${finding.rule}`), [
      'a:root-not-object',
      'b:root-properties-without-type',
      'c:root-properties-without-type',
      'd:union-branch-not-object',
      'e:root-keyword-without-type',
      'f:root-missing-type',
    ]);
    const cFix = findings[2].fixes[0].edits[0];
    assert.equal(cFix.newText, 'type="object", ');
    assert.ok((await assertFixesWork(text, 'python', findings)) >= findings.length);
  });
});
