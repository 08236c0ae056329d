/**
 * The `long` scenario's answer for benchmarks: about 40 KB of prose, lists, ten code blocks and fifty
 * inline citations (some sources cited twice), generated from a fixed seed so every run streams the same bytes.
 */
import type { CitedText } from '../citedText';
import { renderCitedText } from '../citedText';
import type { Random } from '../prng';
import { randomInt, seededRandom } from '../prng';

const SECTIONS = 10;
const CITATIONS_PER_SECTION = 5;

const WORDS = (
  'the stream parser buffers each chunk until a blank line closes the event and then decodes its data ' +
  'field while the renderer keeps finished blocks untouched and only repaints the open tail so long ' +
  'answers stay smooth even when deltas arrive faster than frames citations resolve to numbered chips ' +
  'whose offsets span the whole link including nested parentheses in the address'
).split(' ');

const SOURCE_PATTERNS = [
  (n: number) => `https://docs.x.ai/docs/guides/topic-${n}`,
  (n: number) => `https://en.wikipedia.org/wiki/Example_(topic_${n})`,
  (n: number) => `https://github.com/example/repo-${n}/blob/main/README.md#usage`,
  (n: number) => `https://developer.mozilla.org/en-US/docs/Web/API/Topic${n}?lang=en&v=${n}`,
];

const CODE_BLOCKS: { language: string; body: (i: number) => string }[] = [
  { language: 'ts', body: (i) => `export function step${i}(input: string[]): number {\n  let total = 0;\n  for (const line of input) {\n    total += line.length; // café ✓\n  }\n  return total * ${i};\n}` },
  { language: 'python', body: (i) => `def step_${i}(items):\n    """Sum the lengths, scaled by ${i}."""\n    return sum(len(x) for x in items) * ${i}` },
  { language: '', body: (i) => `$ npm run bench -- --case ${i}\n  ✔ ${i * 7} deltas per frame\n  ✔ 0 frames over 50 ms` },
  { language: 'json', body: (i) => `{\n  "case": ${i},\n  "deltas": ${i * 1000},\n  "emoji": "🚀"\n}` },
  { language: 'rust', body: (i) => `fn step_${i}(items: &[&str]) -> usize {\n    items.iter().map(|s| s.len()).sum::<usize>() * ${i}\n}` },
];

function sentence(random: Random): string {
  const length = randomInt(random, 8, 18);
  const words: string[] = [];
  for (let i = 0; i < length; i++) words.push(WORDS[randomInt(random, 0, WORDS.length - 1)]);
  if (random() < 0.15) words.splice(randomInt(random, 1, words.length - 1), 0, '🚀');
  const text = words.join(' ');
  return text[0].toUpperCase() + text.slice(1) + '.';
}

function paragraph(random: Random, sentences: number, citations: string[]): string {
  const parts: string[] = [];
  for (let i = 0; i < sentences; i++) {
    let text = sentence(random);
    // Spread the citations over the paragraph, each right after a sentence's full stop.
    if (i % Math.ceil(sentences / citations.length) === 0 && citations.length) text += citations.shift();
    parts.push(text);
  }
  return parts.join(' ') + citations.join('');
}

export function buildLongAnswer(): CitedText {
  const random = seededRandom(0x40b);
  const sources: string[] = [];
  const citationNumbers: number[] = [];
  for (let k = 0; k < SECTIONS * CITATIONS_PER_SECTION; k++) {
    // Every fifth citation after the first section cites an earlier source again (it keeps its number).
    if (k >= CITATIONS_PER_SECTION && k % CITATIONS_PER_SECTION === 4) {
      citationNumbers.push(citationNumbers[k - 7]);
      continue;
    }
    const n = sources.length + 1;
    sources.push(SOURCE_PATTERNS[n % SOURCE_PATTERNS.length](n));
    citationNumbers.push(n);
  }

  const sections: string[] = ['# A long answer for benchmarks\n'];
  for (let s = 0; s < SECTIONS; s++) {
    const cites = citationNumbers.slice(s * CITATIONS_PER_SECTION, (s + 1) * CITATIONS_PER_SECTION).map((n) => `{{${n}}}`);
    const code = CODE_BLOCKS[s % CODE_BLOCKS.length];
    const items = Array.from({ length: 5 }, (_, i) => `- Item ${i + 1}: ${sentence(random)} Uses \`step${s + 1}()\`.`);
    sections.push(
      [
        `## Section ${s + 1}`,
        paragraph(random, 15, cites),
        items.join('\n'),
        paragraph(random, 10, []),
        '```' + code.language + '\n' + code.body(s + 1) + '\n```',
        paragraph(random, 10, []),
      ].join('\n\n') + '\n',
    );
  }
  return renderCitedText(sections.join('\n'), sources);
}
