import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findingsForCandidates } from '../../../src/core/schemaLint/findings';
import type { ToolCandidate } from '../../../src/core/schemaLint/toolShapes';
import { findYamlToolsFromEvents, findYamlToolsTolerantly } from '../../../src/core/schemaLint/yaml/yamlFrontend';
import { assertFixesWork, lint, summarize } from './lintHelpers';

describe('schema linter: YAML', () => {
  it('finds tools in block style, ranges the parameters mapping, and fixes it at the right indentation', async () => {
    const text = [
      'model: grok-build-0.1',
      'tools:',
      '  - type: function',
      '    name: get_weather',
      '    parameters:',
      '      type: string',
      '      description: |',
      '        City name,',
      '          indented line kept',
      '  - type: function',
      '    name: fine',
      '    parameters:',
      '      type: object',
      '      properties: {}',
      '',
    ].join('\n');
    const findings = await lint(text, 'yaml');
    assert.deepEqual(summarize(text, findings), ['root-not-object@type: string\n      description: |\n        City name,\n          indented line kept']);
    assert.equal(findings[0].toolName, 'get_weather');
    assert.equal(await assertFixesWork(text, 'yaml', findings), 1);
  });

  it('handles flow style, scalars, block scalars, compact sequences and CRLF', async () => {
    const text = [
      'tools:',
      '- {type: function, name: flow, parameters: {type: integer}}',
      '- type: function',
      '  name: plain',
      '  parameters: just a sentence, with a comma',
      '- type: function',
      '  name: block',
      '  parameters: |',
      '    not a schema',
      '- name: compact',
      '  input_schema:',
      '  - a',
      '  - b',
      '- type: function',
      '  function:',
      '    name: chat',
      '    parameters:',
      '      properties:',
      '        a: {type: string}',
      '',
    ].join('\r\n');
    const findings = await lint(text, 'yaml');
    assert.deepEqual(
      findings.map((finding) => [finding.toolName, finding.rule]),
      [
        ['flow', 'root-not-object'],
        ['plain', 'root-not-object'],
        ['block', 'root-not-object'],
        ['compact', 'root-not-object'],
        ['chat', 'root-properties-without-type'],
      ],
    );
    assert.equal(text.slice(findings[0].start, findings[0].end), '{type: integer}');
    assert.equal(await assertFixesWork(text, 'yaml', findings), 5);
  });

  it('wraps a bad union branch inside a block sequence', async () => {
    const text = ['- name: u', '  inputSchema:', '    anyOf:', '      - type: object', '      - type: string', '        minLength: 1', '      - {type: "null"}', ''].join('\n');
    const findings = await lint(text, 'yaml');
    assert.deepEqual(summarize(text, findings), ['union-branch-not-object@type: string\n        minLength: 1', 'union-branch-not-object@{type: "null"}']);
    assert.equal(await assertFixesWork(text, 'yaml', findings), 2);
  });

  it('follows aliases and reads every document of a stream', async () => {
    const text = [
      'definitions:',
      '  scalar: &scalar',
      '    type: string',
      'tools:',
      '  - type: function',
      '    name: aliased',
      '    parameters: *scalar',
      '---',
      '- name: second',
      '  input_schema: {oneOf: [{type: object}, {type: array}]}',
      '',
    ].join('\n');
    const findings = await lint(text, 'yaml');
    assert.deepEqual(summarize(text, findings), ['root-not-object@*scalar', 'union-branch-not-object@{type: array}']);
    assert.equal(await assertFixesWork(text, 'yaml', findings), 2);
  });

  it('does not judge custom tags, merges it cannot see, or look-alike CI files', async () => {
    const tagged = ['- type: function', '  name: t', '  parameters: !include schema.yaml', ''].join('\n');
    const mergedTool = ['base: &base {type: object}', 'tool:', '  type: function', '  name: m', '  parameters:', '    <<: *base', '    properties: {}', ''].join('\n');
    const pipeline = ['name: $(Date:yyyyMMdd)$(Rev:.r)', 'parameters:', '  - name: image', '    type: string', '    default: ubuntu-latest', 'steps:', '  - script: echo hi', ''].join('\n');
    const template = ['steps:', '  - template: build.yml', '    name: build', '    parameters:', '      type: Release', ''].join('\n');
    assert.deepEqual(await lint(tagged, 'yaml'), []);
    assert.deepEqual(await lint(mergedTool, 'yaml'), []);
    assert.deepEqual(await lint(pipeline, 'yaml'), []);
    assert.deepEqual(await lint(template, 'yaml'), []);
  });

  it('stays linear on alias bombs', async () => {
    const lines = ['a0: &a0 {type: object, anyOf: [{type: object}]}'];
    for (let i = 1; i < 12; i++) lines.push(`a${i}: &a${i} {anyOf: [${Array.from({ length: 8 }, () => `*a${i - 1}`).join(', ')}]}`);
    lines.push('tool: {type: function, name: bomb, parameters: *a11}');
    const started = Date.now();
    const findings = await lint(`${lines.join('\n')}\n`, 'yaml');
    assert.ok(Date.now() - started < 2000, 'bounded work');
    assert.ok(findings.every((finding) => finding.toolName === 'bomb'));
  });
});

describe('schema linter: YAML fast and tolerant paths agree', () => {
  const FIXTURES = path.join(__dirname, '../../fixtures/schemaLint');
  const samples: Record<string, string> = {
    'quoted keys and values': '- "type": \'function\'\n  "name": "q"\n  "parameters": {"type": "string", description: \'it\'\'s\'}\n',
    'block scalars with comments before them': '- type: function\n  name: b\n  parameters: # a > comment | here\n    |\n    text\n- type: function\n  name: c\n  parameters: >- # trailing > comment\n    folded\n    text\n',
    'anchored scalars and collections': 'x: &s "string"\ny: &m {type: integer}\ntools:\n  - {type: function, name: a, parameters: {type: *s}}\n  - {type: function, name: b, parameters: *m}\n',
    'flow collections with comments and trailing commas': 'tools: [\n  {type: function, name: f, parameters: {anyOf: [{type: object}, {type: "null"}, ], } }, # end\n  ]\n',
    'empty values and complex keys': '? [complex]\n: 1\ntools:\n  - type: function\n    name: e\n    parameters:\n  - name: m\n    inputSchema: {}\n',
    'explicit documents and tags': '%YAML 1.2\n---\n- type: function\n  name: t\n  parameters: !!map {type: !!str string}\n...\n---\n- name: u\n  input_schema: !custom {type: string}\n',
    'plain scalars of every core type': '- name: n\n  inputSchema: {type: object, anyOf: [~, true, 0x1F, .inf, 1e3]}\n- name: o\n  inputSchema: {anyOf: [~, true, 0o17, -.INF, 12]}\n',
    'CRLF and a compact sequence': 'tools:\r\n- name: compact\r\n  input_schema:\r\n  - a\r\n  - b\r\n',
  };
  for (const file of ['valid/openapi.yaml', 'valid/promptfoo.yaml', 'valid/workflow.yml', 'valid/azure-pipelines.yml', 'invalid/tools.yaml']) {
    samples[file] = readFileSync(path.join(FIXTURES, file), 'utf8');
  }

  for (const [label, text] of Object.entries(samples)) {
    it(label, async () => {
      const fast = findYamlToolsFromEvents(text);
      assert.ok(fast !== undefined, 'js-yaml accepts the sample');
      const tolerant = findYamlToolsTolerantly(text);
      const view = (candidates: ToolCandidate[]): unknown =>
        findingsForCandidates(candidates).map(({ rule, start, end, message, fixes }) => ({ rule, at: text.slice(start, end), message, fixes }));
      assert.deepEqual(view(fast), view(tolerant));
      assert.deepEqual(
        fast.map((candidate) => [candidate.toolName, candidate.strength, text.slice(candidate.span.start, candidate.span.end)]),
        tolerant.map((candidate) => [candidate.toolName, candidate.strength, text.slice(candidate.span.start, candidate.span.end)]),
      );
      await assertFixesWork(text, 'yaml', await lint(text, 'yaml'));
    });
  }

  it('falls back to the tolerant parser for text js-yaml rejects, skipping only the broken tool', async () => {
    const text = ['- type: function', '  name: fine_but_wrong', '  parameters: {type: string}', '- type: function', '  name: broken', '  parameters: {type: [string', ''].join('\n');
    assert.equal(findYamlToolsFromEvents(text), undefined);
    assert.deepEqual(summarize(text, await lint(text, 'yaml')), ['root-not-object@{type: string}']);
  });
});
