/**
 * Answers whose open tail grows into one huge block, the worst case for a renderer that re-renders
 * the open block: it stays open (and is re-rendered) until the block ends. Models do write these:
 * a long table or list, a whole file in one code block; a 100 KB paragraph is hostile output.
 */
export const STRESS_ANSWERS = {
  table: ['| n | item | note |', '|---|---|---|', ...Array.from({ length: 1500 }, (_, i) => `| ${i} | cell **${i}** | \`c${i}\` see [x](https://x.example/${i % 9}) |`)].join('\n') + '\n',
  list: Array.from({ length: 2000 }, (_, i) => `- item ${i} with *emphasis* and \`code\``).join('\n') + '\n',
  paragraph: Array.from({ length: 6000 }, (_, i) => `word${i} **b** \`c\``).join(' ') + '\n',
  code: '```ts\n' + Array.from({ length: 3000 }, (_, i) => `const value${i} = compute(${i}, "text ${i}"); // line ${i}`).join('\n') + '\n```\n',
} as const;

export type StressAnswer = keyof typeof STRESS_ANSWERS;
