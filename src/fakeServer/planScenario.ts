/** Turns a scenario choice (built-in name or test-scripted spec) into a plan and its resolved chunking. */
import type { InputMessageView } from './requestText';
import type { ScenarioPlan } from './scenarioPlan';
import type { ScenarioChoice } from './scenarioSelector';
import type { ResolvedChunking } from './streamWriter';
import { framingOf, resolveChunking } from './streamWriter';
import type { ChunkingOptions, ScenarioSpec } from './types';
import { SCENARIOS } from './scenarios/registry';
import { XAI_CODES } from './xaiErrors';

export interface PlannedScenario {
  name: string;
  plan: ScenarioPlan;
  chunking: ResolvedChunking;
}

function planSpec(spec: ScenarioSpec): ScenarioPlan {
  const status = spec.status ?? 200;
  if (spec.events) return { kind: 'stream', status, headers: spec.headers, steps: spec.events, after: spec.afterEvents ?? 'end' };
  const body = spec.body ?? (status >= 400 ? { code: XAI_CODES.invalidArgument, error: `Scripted failure (${spec.name}).` } : {});
  return { kind: 'reply', status, headers: spec.headers, body };
}

export function planScenario(
  choice: ScenarioChoice,
  request: Record<string, unknown>,
  messages: InputMessageView[],
  serverChunking: ChunkingOptions | undefined,
): PlannedScenario {
  if (typeof choice !== 'string') {
    return { name: choice.name, plan: planSpec(choice), chunking: resolveChunking(serverChunking, choice.chunking) };
  }
  const definition = SCENARIOS[choice];
  const chunking = resolveChunking(definition.pacing, serverChunking);
  const framing = framingOf(chunking);
  const plan = definition.build({ request, chunkChars: chunking.textChunkChars, framing, messages });
  return { name: choice, plan, chunking };
}
