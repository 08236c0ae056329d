/**
 * Real-world tool definitions from public code (test/unit/schemaLint/realWorld/, each citing its source).
 * Expectations were decided from xAI's rule and docs/schema-linter.md, not from the linter's output: valid
 * definitions must produce nothing (a false error is the worst bug), invalid ones exactly the listed findings,
 * and every offered quick fix must leave a file that parses and re-lints clean for that finding.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { LintFinding } from '../../../src/core/schemaLint/types';
import { assertFixesWork, lint } from './lintHelpers';

const DIR = path.join(__dirname, 'realWorld');
const LANGUAGE_BY_EXTENSION: Record<string, string> = {
  json: 'json',
  yaml: 'yaml',
  yml: 'yaml',
  ts: 'typescript',
  js: 'javascript',
  py: 'python',
};

interface Expected {
  /** `null`: the tool has no statically known name. */
  tool: string | null;
  rule: string;
  severity: 'error' | 'warning';
  /** 1-based line where the finding's range starts. */
  line: number;
  /** The text the range starts with. */
  at: string;
}

/** JSON cannot carry a comment: their sources are recorded here. */
const JSON_SOURCES: Record<string, string> = {
  'custom_schema_key_registry.json': 'AmarBackInField/keplerov1 tools.json (trimmed)',
  'design_doc_tool_blocks.json': "two JSON blocks of a ROS tuning agent's design doc (find_string id 56249131911), as one list",
  'legacy_functions_list.json': 'Albekbashy/Gmail_Chatbot tools.json',
  'mcp_bare_list_draft07.json': '2ools/mcp-server tools.json (two of its tools, trimmed)',
  'mcp_tools_list.json': 'Abilash-Sivasith/handrolled-mcp-server-python tools.json (two of its tools)',
  'n8n_tool_workflow_nodes.json':
    'n8n toolWorkflow nodes from public workflow exports (find_string ids 31558000671 and 53053155229), trimmed; inputSchema is JSON text',
  'xai_chat_completions_request.json': 'splinter93/abrege scripts/test-xai-direct-api.sh (the request body)',
};

const VALID: readonly string[] = [
  'agents_tooldefs_optional_object.ts',
  'anthropic_inline_tools_kwarg.py',
  'anthropic_messages_input_schema.py',
  'bedrock_converse_tool_config.py',
  'chat_completions_function_key_first.py',
  'connector_registry_anyof_string.ts',
  'custom_schema_key_registry.json',
  'custom_tool_registry_not_json_schema.js',
  'document_engine_operations_registry.js',
  'fastmcp_decorators.py',
  'flatagent_agent.yml',
  'gemini_function_declarations.ts',
  'genkit_define_flow_string_input.ts',
  'legacy_functions_list.json',
  'legacy_functions_readme.py',
  'legacy_name_parameters_schema_const.ts',
  'llm_request_log.yaml',
  'mastra_create_tool.ts',
  'mastra_resource_no_parameters.yaml',
  'mcp_bare_list_draft07.json',
  'mcp_list_tools_zod_to_json_schema.ts',
  'mcp_python_lowlevel_list_tools.py',
  'mcp_raw_shape_module.ts',
  'mcp_sdk_tool_object_inputschema.ts',
  'mcp_server_tool_raw_shape.ts',
  'mcp_tool_imported_shape_values.ts',
  'mcp_tooldefinition_empty_inputschema.ts',
  'mcp_tools_list.json',
  'n8n_tool_workflow_nodes.json',
  'odd_forms_valid.py',
  'odd_forms_valid.ts',
  'openai_agents_forcing_tool_use.ts',
  'openai_agents_tool_default_zod_import.ts',
  'openclaw_granola_local_jsonschema_helper.js',
  'promptfoo_provider_tools.yaml',
  'python_register_tool_input_schema_defs.py',
  'python_tool_constructor_model_json_schema.py',
  'responses_local_jsonschema_of_zod.ts',
  'tool_definition_zod_parameters.ts',
  'tool_wrapper_definition.ts',
  'vercel_discriminated_union_tool.ts',
  'vercel_parameters_optional_root.ts',
  'vercel_tool_union_of_objects.ts',
  'vercel_tools_map_enum_of_keys.ts',
  'workflow_steps_not_tools.ts',
  'xai_chat_completions_request.json',
  'xai_sdk_tool_kwargs.py',
  'yaml_tool_parameter_lists.yaml',
];

const WITH_FINDINGS: Readonly<Record<string, readonly Expected[]>> = {
  // Generated tools whose parameters have only "properties": the undocumented-but-accepted case.
  'chat_completions_comprehension_properties_only.py': [
    { tool: null, rule: 'root-properties-without-type', severity: 'warning', line: 6, at: '{"properties": {f"p{j}"' },
  ],
  // registerTool config: z.intersection emits a root allOf with no "type"; the union and `{}` are fine.
  'mcp_register_tool_zod_variants.ts': [
    { tool: 'zod-intersection', rule: 'root-keyword-without-type', severity: 'error', line: 23, at: 'z.intersection(' },
  ],
  // `type: "object"` plus a root anyOf of constraint-only or property-only branches.
  'mcp_test_tools_root_union.ts': [
    { tool: 'union_modes', rule: 'root-object-with-union', severity: 'warning', line: 11, at: "[{ required: ['a'] }" },
    { tool: 'lookup', rule: 'root-object-with-union', severity: 'warning', line: 25, at: '[' },
  ],
  // zod-to-json-schema turns the root `.optional()` into anyOf [{not: {}}, object]; reported where the tool uses it.
  // Parameters with only `properties`/`required`: the undocumented-but-accepted case.
  'design_doc_tool_blocks.json': [
    { tool: 'list_reports', rule: 'root-properties-without-type', severity: 'warning', line: 5, at: '{"properties": {}, "required": []}' },
    { tool: 'get_lessons', rule: 'root-properties-without-type', severity: 'warning', line: 10, at: '{"properties": {}, "required": []}' },
  ],
  'mcp_zod_to_json_schema_optional_root.ts': [
    { tool: 'list_issues', rule: 'union-branch-not-object', severity: 'error', line: 17, at: 'ListIssuesArgs' },
  ],
  'promptfoo_tools_missing_type.yaml': [
    { tool: 'calculate', rule: 'root-properties-without-type', severity: 'warning', line: 13, at: 'properties:' },
    { tool: 'lookup', rule: 'root-type-list', severity: 'error', line: 22, at: 'type: [object, "null"]' },
  ],
  'python_test_array_root_chat_tool.py': [
    { tool: 'read_file', rule: 'root-not-object', severity: 'error', line: 9, at: '{"type": "array"}' },
    { tool: 'bad_tool', rule: 'root-not-object', severity: 'error', line: 22, at: '{"type": "array", "items"' },
  ],
  'python_test_tools_missing_type.py': [
    { tool: 'health_check', rule: 'root-missing-type', severity: 'error', line: 6, at: '{}' },
    { tool: 'run_design', rule: 'root-properties-without-type', severity: 'warning', line: 7, at: '{"properties": {"team_name"' },
  ],
  // Reported at the reference to the constant, where the tool uses it.
  'strict_schema_nullable_root.py': [
    { tool: 'report_flaw', rule: 'root-type-list', severity: 'error', line: 20, at: 'FLAW_DESCRIPTION_SCHEMA' },
  ],
  // `.nullish()` adds a null branch (zod emits anyOf [object, {type: "null"}]).
  'voltagent_optional_nullish_root.ts': [
    { tool: 'get_about', rule: 'union-branch-not-object', severity: 'error', line: 11, at: 'z.object({}).optional().nullish()' },
  ],
};

function languageOf(file: string): string {
  const language = LANGUAGE_BY_EXTENSION[path.extname(file).slice(1)];
  assert.ok(language, `no language for ${file}`);
  return language;
}

const read = (file: string): string => readFileSync(path.join(DIR, file), 'utf8');

function describeFinding(text: string, finding: LintFinding): Expected & { message: string } {
  const before = text.slice(0, finding.start).split('\n');
  return {
    tool: finding.toolName ?? null,
    rule: finding.rule,
    severity: finding.severity as 'error' | 'warning',
    line: before.length,
    at: text.slice(finding.start, finding.end),
    message: finding.message,
  };
}

describe('schema linter: real-world tool definitions', () => {
  it('covers every fixture, and every fixture cites its source', () => {
    const files = readdirSync(DIR).sort();
    const listed = [...VALID, ...Object.keys(WITH_FINDINGS)].sort();
    assert.deepEqual(files, listed);
    assert.ok(files.length >= 40, `only ${files.length} fixtures`);
    for (const file of files) {
      const cited = file.endsWith('.json') ? JSON_SOURCES[file] !== undefined : /^(\/\/|#) (Source|Constructed)/m.test(read(file));
      assert.ok(cited, `${file} does not cite its source`);
    }
  });

  describe('valid definitions produce no finding', () => {
    for (const file of VALID) {
      it(file, async () => {
        const text = read(file);
        const findings = await lint(text, languageOf(file));
        assert.deepEqual(
          findings.map((finding) => describeFinding(text, finding)),
          [],
        );
      });
    }
  });

  describe('invalid definitions produce exactly the expected findings, and their fixes work', () => {
    for (const [file, expected] of Object.entries(WITH_FINDINGS)) {
      it(file, async () => {
        const text = read(file);
        const language = languageOf(file);
        const findings = await lint(text, language);
        const actual = findings.map((finding) => {
          const { message, at, ...rest } = describeFinding(text, finding);
          const wanted = expected.find((candidate) => candidate.line === rest.line && candidate.rule === rest.rule);
          // The message names the tool (when it has a name) and says what xAI does.
          if (rest.tool !== null) assert.ok(message.includes(JSON.stringify(rest.tool)), message);
          return { ...rest, at: wanted !== undefined && at.startsWith(wanted.at) ? wanted.at : at };
        });
        assert.deepEqual(actual, expected);
        const fixable = findings.filter((finding) => finding.fixes.length > 0);
        const offered = fixable.reduce((sum, finding) => sum + finding.fixes.length, 0);
        assert.equal(await assertFixesWork(text, language, fixable), offered);
        // Every error-level finding comes with at least one fix.
        for (const finding of findings) {
          if (finding.severity === 'error') assert.ok(finding.fixes.length > 0, `${finding.rule} in ${file} has no fix`);
        }
      });
    }
  });
});
