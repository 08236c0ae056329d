/** Reads `ChunkingOptions` from untrusted JSON (the CLI's `--chunking`), checking every key and value. */
import type { ChunkingOptions } from './types';

const BOOLEAN_KEYS = ['crlf', 'keepAliveComments', 'eventLines', 'sendDone', 'dataSpace', 'multiLineData', 'idFields', 'bom', 'gzip'] as const;
const NUMBER_KEYS = ['seed', 'delayMs', 'textChunkChars'] as const;
const CHOICES = {
  splitWrites: ['none', 'random', 'bytewise'],
  lineEndings: ['lf', 'crlf', 'cr', 'mixed'],
} as const;

/** The options, or a sentence saying what is wrong with the text. */
export function parseChunkingOptions(text: string): ChunkingOptions | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'not valid JSON.';
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'expected a JSON object.';
  for (const [key, value] of Object.entries(parsed)) {
    if ((BOOLEAN_KEYS as readonly string[]).includes(key)) {
      if (typeof value !== 'boolean') return `"${key}" must be true or false.`;
    } else if ((NUMBER_KEYS as readonly string[]).includes(key)) {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return `"${key}" must be a non-negative number.`;
    } else if (key in CHOICES) {
      const choices: readonly string[] = CHOICES[key as keyof typeof CHOICES];
      if (typeof value !== 'string' || !choices.includes(value)) return `"${key}" must be one of ${choices.join(', ')}.`;
    } else {
      return `unknown option "${key}".`;
    }
  }
  return parsed as ChunkingOptions;
}
