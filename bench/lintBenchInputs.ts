/**
 * The linter benchmark's generated inputs, shared with the region-parse differential test: 5,000-line files
 * of tools in each format (all valid, or one in ten invalid) and of ordinary code with a few tools.
 */

export const TARGET_LINES = 5_000;

export interface ToolData {
  name: string;
  parameters: Record<string, unknown>;
}

export function toolData(index: number, invalidEvery: number): ToolData {
  const invalid = invalidEvery > 0 && index % invalidEvery === invalidEvery - 1;
  return {
    name: `tool_${index}`,
    parameters: invalid
      ? { type: 'string', description: `Free-form input for tool ${index}` }
      : {
          type: 'object',
          properties: {
            city: { type: 'string', description: 'The city and country, e.g. Paris, France' },
            unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
            days: { type: 'integer', minimum: 1, maximum: 14 },
          },
          required: ['city'],
          additionalProperties: false,
        },
  };
}

/** Adds tools until the rendered text reaches the target line count; returns the text and its tools. */
export function grow(render: (tools: ToolData[]) => string, invalidEvery: number): { text: string; tools: ToolData[] } {
  const tools: ToolData[] = [];
  let text = render(tools);
  while (text.split('\n').length < TARGET_LINES) {
    tools.push(toolData(tools.length, invalidEvery));
    text = render(tools);
  }
  return { text, tools };
}

export const asJson = (tools: ToolData[]): string =>
  JSON.stringify(tools.map((tool) => ({ type: 'function', name: tool.name, description: `Runs ${tool.name}`, parameters: tool.parameters, strict: true })), null, 2);

export function asYaml(tools: ToolData[]): string {
  const lines = ['tools:'];
  for (const tool of tools) {
    lines.push('  - type: function', `    name: ${tool.name}`, `    description: Runs ${tool.name}`, '    parameters:');
    const emit = (value: unknown, indent: string): void => {
      for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
        if (child !== null && typeof child === 'object' && !Array.isArray(child)) {
          lines.push(`${indent}${key}:`);
          emit(child, `${indent}  `);
        } else {
          lines.push(`${indent}${key}: ${JSON.stringify(child)}`);
        }
      }
    };
    emit(tool.parameters, '      ');
  }
  return `${lines.join('\n')}\n`;
}

/** Half the tools as zod (Vercel AI SDK), half as JSON Schema literals (Responses API). */
export function asTypeScript(tools: ToolData[]): string {
  const lines = ["import { tool } from 'ai';", "import { z } from 'zod';", '', 'export const tools = {'];
  tools.forEach((tool, index) => {
    const scalar = tool.parameters.type === 'string';
    if (index % 2 === 0) {
      lines.push(`  ${tool.name}: tool({`, `    description: 'Runs ${tool.name}',`);
      if (scalar) lines.push("    inputSchema: z.string().describe('free-form input'),");
      else {
        lines.push('    inputSchema: z.object({', "      city: z.string().describe('The city and country'),", "      unit: z.enum(['celsius', 'fahrenheit']).optional(),", '      days: z.number().int().min(1).max(14).optional(),', '    }),');
      }
      lines.push('    execute: async (input) => ({ ok: true, input }),', '  }),');
    } else {
      lines.push(`  ${tool.name}: {`, "    type: 'function',", `    name: '${tool.name}',`, `    parameters: ${JSON.stringify(tool.parameters, null, 2).replace(/\n/g, '\n    ')},`, '  },');
    }
  });
  lines.push('};', '');
  return lines.join('\n');
}

export function asPython(tools: ToolData[]): string {
  const lines = ['from xai_sdk.chat import tool', '', 'tools = ['];
  for (const tool of tools) {
    const schema = JSON.stringify(tool.parameters, null, 4).replace(/\bfalse\b/g, 'False').replace(/\btrue\b/g, 'True').replace(/\n/g, '\n        ');
    lines.push('    tool(', `        name="${tool.name}",`, `        description="Runs ${tool.name}",`, `        parameters=${schema},`, '    ),');
  }
  lines.push(']', '');
  return lines.join('\n');
}

/** Ordinary code (no tools) in the file's language, `lines` long. */
export function filler(languageId: string, lines: number): string {
  const out: string[] = [];
  for (let index = 0; out.length < lines; index++) {
    if (languageId === 'python') out.push(`def helper_${index}(value: int) -> int:`, `    total = value * ${index} + len(str(value))`, '    return total', '');
    else if (languageId === 'javascriptreact') out.push(`export function Helper${index}({ value }) {`, `  const total = value * ${index} + String(value).length;`, '  return <span className="total">{total} items</span>;', '}');
    else out.push(`export function helper${index}(value: number): number {`, `  const total = value * ${index} + String(value).length;`, '  return total;', '}');
  }
  return `${out.join('\n')}\n`;
}

export interface BenchCase {
  label: string;
  languageId: string;
  text: string;
}

/** The 5,000-line files of the benchmark, in the order it prints them. */
export function benchFileCases(): BenchCase[] {
  const formats: [string, string, (tools: ToolData[]) => string][] = [
    ['JSON', 'json', asJson],
    ['YAML', 'yaml', asYaml],
    ['TypeScript', 'typescript', asTypeScript],
    ['Python', 'python', asPython],
  ];
  const cases: BenchCase[] = [];
  for (const [label, languageId, render] of formats) {
    cases.push({ label: `${label}, tools, all valid`, languageId, text: grow(render, 0).text });
    cases.push({ label: `${label}, tools, 1 in 10 invalid`, languageId, text: grow(render, 10).text });
  }
  // The usual source file: a few tools among thousands of lines of ordinary code.
  const codeFiles = [
    ['TypeScript', 'typescript', asTypeScript],
    ['Python', 'python', asPython],
    // The tools are plain JavaScript; the filler is JSX components.
    ['JavaScript (JSX)', 'javascriptreact', asTypeScript],
  ] as const;
  for (const [label, languageId, render] of codeFiles) {
    const toolText = render(Array.from({ length: 6 }, (_, index) => toolData(index, 3)));
    cases.push({ label: `${label}, code with 6 tools`, languageId, text: filler(languageId, TARGET_LINES - toolText.split('\n').length) + toolText });
  }
  return cases;
}
