/**
 * Where a JSON object may sit in a model's answer: the whole answer (what structured output gives),
 * a fenced block (models that wrap JSON in ```json), or the first balanced `{…}` inside prose
 * ("Here is the fix: {…} Hope this helps"). Candidates come out in that order, each at most once.
 */
import { extractFencedCode } from '../prompts/extractFencedCode';

/** Scanning for a balanced object stops here: an answer this long is refused before anyway. */
const MAX_SCAN_CHARS = 4_000_000;

export function jsonCandidates(answer: string): string[] {
  const candidates: string[] = [];
  const add = (text: string | undefined) => {
    const trimmed = text?.trim();
    if (trimmed && trimmed.startsWith('{') && !candidates.includes(trimmed)) candidates.push(trimmed);
  };
  add(answer);
  if (answer.includes('```') || answer.includes('~~~')) {
    for (const block of extractFencedCode(answer)) add(block.code);
  }
  add(firstBalancedObject(answer));
  return candidates;
}

/** The first `{` … matching `}` outside JSON strings, or undefined when none closes. */
export function firstBalancedObject(text: string): string | undefined {
  const start = text.indexOf('{');
  if (start < 0) return undefined;
  let depth = 0;
  let inString = false;
  const end = Math.min(text.length, start + MAX_SCAN_CHARS);
  for (let i = start; i < end; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  return undefined;
}
