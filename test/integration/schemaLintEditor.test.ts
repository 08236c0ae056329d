// The tool-schema linter in a real VS Code host: diagnostics on open documents (as the user types), quick
// fixes applied end to end (the file still parses, the linter then accepts it), the on/off setting.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GrokExtensionApi } from '../../src/extension/extension';
import { grokDiagnostics, openToolCopy, quickFix, rangeOf, removeToolCopies, ruleOf, typeScriptSyntaxErrors, waitForGrokDiagnostics } from './schemaLintHarness';

const WRAP = 'Wrap the schema in an object property "value"';
const ADD_TYPE = 'Add "type": "object" to the parameters root';

describe('tool-schema linter in the editor', () => {
  before(async () => {
    const extension = vscode.extensions.getExtension<GrokExtensionApi>('grok-vscode.grok-vscode');
    assert.ok(extension, 'the extension under test is not loaded');
    await extension.activate();
  });
  afterEach(removeToolCopies);

  it('JSON: shows the invalid tool, offers the fix, and the fixed file parses and lints clean', async () => {
    const editor = await openToolCopy('weather.json');
    const { document } = editor;
    const [diagnostic, ...others] = await waitForGrokDiagnostics(document.uri, (d) => d.length > 0, 'the root-not-object error');
    assert.equal(others.length, 0, 'get_time is valid');
    assert.equal(ruleOf(diagnostic), 'root-not-object');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostic.message, /^Tool "get_weather": .*HTTP 400/);
    assert.deepEqual(diagnostic.range, rangeOf(document, '{ "type": "string", "description": "The city" }'), 'the range is the parameters value');
    const code = diagnostic.code as { value: string; target: vscode.Uri };
    assert.match(code.target.path, /\/README\.md$/);
    assert.match(code.target.fragment, /^L\d+$/, "the link selects the rule's row");
    const readme = (await vscode.workspace.openTextDocument(code.target.with({ fragment: '' }))).getText().split(/\r?\n/);
    assert.ok(readme[Number(code.target.fragment.slice(1)) - 1].startsWith('| `root-not-object` |'), "the linked line is the rule's row");

    const fix = await quickFix(document.uri, diagnostic, WRAP);
    const cleared = waitForGrokDiagnostics(document.uri, (d) => d.length === 0, 'the diagnostic to go', { afterChange: true });
    assert.equal(await vscode.workspace.applyEdit(fix.edit!), true);
    await cleared;

    const parsed = JSON.parse(document.getText()) as { tools: { name: string; parameters: unknown }[] };
    assert.deepEqual(parsed.tools[0].parameters, {
      type: 'object',
      properties: { value: { type: 'string', description: 'The city' } },
      required: ['value'],
    });
    assert.equal(parsed.tools[1].name, 'get_time', 'the other tool is untouched');
  });

  it('TypeScript with zod and jsonSchema(): both fixes, one after the other, keep the file valid', async function () {
    this.timeout(60_000); // the first TypeScript file starts tsserver, whose code-action provider VS Code also asks
    const { document } = await openToolCopy('searchTools.ts');
    const diagnostics = await waitForGrokDiagnostics(document.uri, (d) => d.length === 2, 'an error and a warning');
    const error = diagnostics.find((d) => d.severity === vscode.DiagnosticSeverity.Error);
    const warning = diagnostics.find((d) => d.severity === vscode.DiagnosticSeverity.Warning);
    assert.ok(error && warning, diagnostics.map(ruleOf).join(', '));
    assert.equal(ruleOf(error), 'root-not-object');
    assert.deepEqual(error.range, rangeOf(document, "z.string().describe('What to look for')"));
    assert.match(error.message, /^Tool "searchDocs"/);
    assert.equal(ruleOf(warning), 'root-properties-without-type');
    assert.match(warning.message, /^Tool "openPage"/);

    const wrap = await quickFix(document.uri, error, WRAP);
    const onlyWarning = waitForGrokDiagnostics(document.uri, (d) => d.length === 1 && ruleOf(d[0]) === 'root-properties-without-type', 'only the warning', { afterChange: true });
    assert.equal(await vscode.workspace.applyEdit(wrap.edit!), true);
    const [remaining] = await onlyWarning;
    assert.match(document.getText(), /parameters: z\.object\(\{ value: z\.string\(\)\.describe\('What to look for'\) \}\),/);

    const addType = await quickFix(document.uri, remaining, ADD_TYPE);
    const clean = waitForGrokDiagnostics(document.uri, (d) => d.length === 0, 'no diagnostics', { afterChange: true });
    assert.equal(await vscode.workspace.applyEdit(addType.edit!), true);
    await clean;
    assert.match(document.getText(), /jsonSchema<\{ slug: string \}>\(\{\s+type: 'object',\s+properties:/);
    assert.deepEqual(typeScriptSyntaxErrors(document.getText(), 'searchTools.ts'), []);
  });

  it('JSONC: wraps the non-object anyOf branch, comments and trailing commas kept', async () => {
    const { document } = await openToolCopy('chatCompletions.jsonc');
    const [diagnostic] = await waitForGrokDiagnostics(document.uri, (d) => d.length === 1, 'the union branch error');
    assert.equal(ruleOf(diagnostic), 'union-branch-not-object');
    assert.deepEqual(diagnostic.range, rangeOf(document, '{ "type": "string" }', 'last'), 'the branch, not the property schema inside branch 0');
    assert.match(diagnostic.message, /anyOf branch 1/);

    const fix = await quickFix(document.uri, diagnostic, 'Wrap anyOf branch 1 in an object schema');
    const cleared = waitForGrokDiagnostics(document.uri, (d) => d.length === 0, 'the diagnostic to go', { afterChange: true });
    assert.equal(await vscode.workspace.applyEdit(fix.edit!), true);
    await cleared;
    assert.match(document.getText(), /^\/\/ Chat Completions tool list/);
    assert.match(document.getText(), /"type": "object"/);
  });

  it('lints as the user types: breaking a valid tool shows the error, undoing it clears it', async () => {
    const editor = await openToolCopy('clean.ts');
    const { document } = editor;
    // Linted on open with nothing to say; then the user edits the root type.
    const appeared = waitForGrokDiagnostics(document.uri, (d) => d.length === 1, 'the new error', { afterChange: true });
    const typeRange = rangeOf(document, "type: 'object'");
    assert.equal(await editor.edit((builder) => builder.replace(typeRange, "type: 'array'")), true);
    const [diagnostic] = await appeared;
    assert.equal(ruleOf(diagnostic), 'root-not-object');
    assert.match(diagnostic.message, /^Tool "add"/);

    const gone = waitForGrokDiagnostics(document.uri, (d) => d.length === 0, 'the error to go', { afterChange: true });
    await vscode.commands.executeCommand('undo');
    await gone;
    assert.equal(grokDiagnostics(document.uri).length, 0);
  });

  it('YAML and Python documents are linted too', async () => {
    const yaml = await openToolCopy('mcpTools.yaml');
    const [yamlDiagnostic] = await waitForGrokDiagnostics(yaml.document.uri, (d) => d.length === 1, 'the YAML error');
    assert.equal(ruleOf(yamlDiagnostic), 'root-not-object');
    assert.equal(yamlDiagnostic.range.start.line, 5, 'at the inputSchema mapping');
    assert.match(yamlDiagnostic.message, /^Tool "list_files"/);

    const python = await openToolCopy('xaiTools.py');
    const [pyDiagnostic] = await waitForGrokDiagnostics(python.document.uri, (d) => d.length === 1, 'the Python error');
    assert.equal(ruleOf(pyDiagnostic), 'root-type-list');
    assert.match(pyDiagnostic.message, /^Tool "get_stock"/);
  });

  it('grok.schemaLint.enabled: off clears the problems, on brings them back', async () => {
    const { document } = await openToolCopy('weather.json');
    await waitForGrokDiagnostics(document.uri, (d) => d.length === 1, 'the error');
    const config = () => vscode.workspace.getConfiguration('grok');
    try {
      const cleared = waitForGrokDiagnostics(document.uri, (d) => d.length === 0, 'diagnostics cleared', { afterChange: true });
      await config().update('schemaLint.enabled', false, vscode.ConfigurationTarget.Global);
      await cleared;
      const back = waitForGrokDiagnostics(document.uri, (d) => d.length === 1, 'diagnostics back', { afterChange: true });
      await config().update('schemaLint.enabled', undefined, vscode.ConfigurationTarget.Global);
      await back;
    } finally {
      await config().update('schemaLint.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
