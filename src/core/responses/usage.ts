/** Maps a Responses `usage` object (with xAI's extras) to `TokenUsage`, validating every field it reads. */
import { isRecord } from './guards';
import type { TokenUsage } from './types';

/** `undefined` unless the object carries at least input and output token counts. */
export function mapUsage(raw: unknown): TokenUsage | undefined {
  if (!isRecord(raw)) return undefined;
  const inputTokens = count(raw.input_tokens);
  const outputTokens = count(raw.output_tokens);
  if (inputTokens === undefined || outputTokens === undefined) return undefined;

  const usage: TokenUsage = {
    inputTokens,
    outputTokens,
    totalTokens: count(raw.total_tokens) ?? inputTokens + outputTokens,
  };
  const cached = isRecord(raw.input_tokens_details) ? count(raw.input_tokens_details.cached_tokens) : undefined;
  if (cached !== undefined) usage.cachedInputTokens = cached;
  // Already included in outputTokens (fact sheet §2); reported separately for display only.
  const reasoning = isRecord(raw.output_tokens_details) ? count(raw.output_tokens_details.reasoning_tokens) : undefined;
  if (reasoning !== undefined) usage.reasoningTokens = reasoning;

  const sources = count(raw.num_sources_used);
  if (sources !== undefined) usage.numSourcesUsed = sources;
  const tools = count(raw.num_server_side_tools_used);
  if (tools !== undefined) usage.numServerSideToolsUsed = tools;
  const ticks = count(raw.cost_in_usd_ticks);
  if (ticks !== undefined) usage.costInUsdTicks = ticks;
  return usage;
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}
