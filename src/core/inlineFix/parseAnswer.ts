/**
 * Reads a fix answer. The request asks for JSON (`answerSchema.ts`), validated with zod; when the model
 * answers in prose anyway, the single fenced code block in it is the fallback, and the result says so.
 * Anything else is refused with a sentence a person can act on: hostile or broken output never becomes
 * an edit.
 */
import { extractFencedCode } from '../prompts/extractFencedCode';
import { sliceCodePointSafe } from '../prompts/textLines';
import { fixAnswerSchema } from './answerSchema';
import { jsonCandidates } from './jsonCandidates';
import { toLf } from './textOffsets';

/** Longest answer read at all, and longest replacement accepted (UTF-16 units). */
export const MAX_ANSWER_CHARS = 2_000_000;
export const MAX_REPLACEMENT_CHARS = 1_000_000;
const MAX_EXPLANATION_CHARS = 300;
const MAX_QUOTED_CHARS = 160;

export type ParsedFixAnswer =
  | {
      ok: true;
      /** `\n` line endings; shape it for the document with `shapeReplacement`. */
      replacement: string;
      /** One line (may be empty). */
      explanation: string;
      /** True when the answer was prose and the replacement is its fenced code block. */
      usedFallback: boolean;
      /** Why the fallback was used, for the user and the log. */
      fallbackReason?: string;
      /** Repairs made to an otherwise valid answer (a fence around the code), for the log. */
      notes: string[];
    }
  | { ok: false; error: string };

export interface ParseOptions {
  /** The code the replacement is for: a fence it contains itself is not one to strip. */
  targetText?: string;
  /** The response ended early (`incomplete`): a prose answer's code may be cut, so it is not used. */
  incomplete?: boolean;
}

export function parseFixAnswer(answer: string, options: ParseOptions = {}): ParsedFixAnswer {
  if (typeof answer !== 'string' || answer.trim() === '') return { ok: false, error: "Grok's answer was empty." };
  if (answer.length > MAX_ANSWER_CHARS) {
    return { ok: false, error: `Grok's answer was too large to use (${answer.length.toLocaleString('en-US')} characters).` };
  }
  const text = answer.replace(/^\uFEFF/, '');

  let schemaProblem: string | undefined;
  for (const candidate of jsonCandidates(text)) {
    let value: unknown;
    try {
      value = JSON.parse(candidate);
    } catch {
      continue;
    }
    const parsed = fixAnswerSchema.safeParse(value);
    if (parsed.success) return structured(parsed.data.replacement, parsed.data.explanation, options);
    schemaProblem ??= describeSchemaProblem(value);
  }
  // JSON that fails is an error; a JSON-looking block inside prose may just be code (a fix to a .json file).
  if (looksLikeJsonAnswer(text)) {
    if (schemaProblem) return { ok: false, error: `Grok's answer did not have the expected shape: ${schemaProblem}.` };
    return {
      ok: false,
      error: options.incomplete ? "Grok's answer was cut off before the fix was complete." : "Grok's answer was not valid JSON, so the fix could not be read.",
    };
  }
  return fromProse(text, options);
}

function structured(rawReplacement: string, rawExplanation: string, options: ParseOptions): ParsedFixAnswer {
  const notes: string[] = [];
  let replacement = toLf(rawReplacement);
  const unwrapped = unwrapWholeFence(replacement, options.targetText);
  if (unwrapped !== undefined) {
    replacement = unwrapped;
    notes.push('removed a markdown fence around the replacement');
  }
  if (replacement.length > MAX_REPLACEMENT_CHARS) return tooLarge(replacement);
  return { ok: true, replacement, explanation: oneLine(rawExplanation), usedFallback: false, notes };
}

function fromProse(text: string, options: ParseOptions): ParsedFixAnswer {
  if (options.incomplete) return { ok: false, error: "Grok's answer was cut off before the fix was complete." };
  const blocks = extractFencedCode(text).filter((block) => block.code.trim() !== '');
  if (blocks.length === 0) {
    return { ok: false, error: `Grok answered without a fix: "${quote(proseOutsideFences(text))}"` };
  }
  if (blocks.length > 1) {
    return { ok: false, error: `Grok answered in prose with ${blocks.length} code blocks, so which one is the fix is unclear.` };
  }
  const replacement = toLf(blocks[0].code);
  if (replacement.length > MAX_REPLACEMENT_CHARS) return tooLarge(replacement);
  return {
    ok: true,
    replacement,
    explanation: oneLine(proseOutsideFences(text)),
    usedFallback: true,
    fallbackReason: 'Grok answered in prose instead of the structured format; the fix is the code block from that answer.',
    notes: [],
  };
}

/**
 * A replacement that is one fenced block from start to end was wrapped by the model. Kept as is when
 * the target itself starts with a fence (the user is editing markdown).
 */
function unwrapWholeFence(replacement: string, targetText: string | undefined): string | undefined {
  const trimmed = replacement.trim();
  const opener = /^(`{3,}|~{3,})[^\n`]*\n/.exec(trimmed);
  if (!opener) return undefined;
  if (targetText !== undefined && /^\s*(?:`{3,}|~{3,})/.test(targetText)) return undefined;
  const fence = opener[1];
  const closer = new RegExp(`\\n${fence[0] === '`' ? '`' : '~'}{${fence.length},}$`);
  const body = trimmed.slice(opener[0].length);
  const close = closer.exec(body);
  if (!close) return undefined;
  const code = body.slice(0, close.index);
  // A second fence of the same kind inside means several blocks, not one wrapped block.
  return new RegExp(`^${fence[0] === '`' ? '`' : '~'}{${fence.length},}`, 'm').test(code) ? undefined : code;
}

function describeSchemaProblem(value: unknown): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'it is not a JSON object';
  const record = value as Record<string, unknown>;
  if (!('replacement' in record)) return 'it has no "replacement"';
  if (typeof record.replacement !== 'string') return '"replacement" is not text';
  if (!('explanation' in record)) return 'it has no "explanation"';
  return '"explanation" is not text';
}

/** The answer is JSON, or one fenced block of JSON, rather than prose. */
function looksLikeJsonAnswer(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return true;
  if (!/^(?:`{3,}|~{3,})/.test(trimmed)) return false;
  const blocks = extractFencedCode(trimmed);
  if (blocks.length !== 1 || proseOutsideFences(trimmed) !== '') return false;
  return blocks[0].code.trim().startsWith('{') || blocks[0].language?.toLowerCase() === 'json';
}

/** The answer's prose: every line outside fenced blocks, joined. */
function proseOutsideFences(text: string): string {
  const prose: string[] = [];
  let fence: string | undefined;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === undefined) {
      if (marker) fence = marker;
      else prose.push(line);
    } else if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) {
      fence = undefined;
    }
  }
  return prose.join(' ').trim();
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= MAX_EXPLANATION_CHARS) return line;
  return `${sliceCodePointSafe(line, MAX_EXPLANATION_CHARS - 1).trimEnd()}…`;
}

function quote(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= MAX_QUOTED_CHARS ? line : `${sliceCodePointSafe(line, MAX_QUOTED_CHARS - 1).trimEnd()}…`;
}

function tooLarge(replacement: string): ParsedFixAnswer {
  return { ok: false, error: `Grok's replacement was too large to apply (${replacement.length.toLocaleString('en-US')} characters).` };
}
