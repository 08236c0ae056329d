/** Every built-in scenario by name. */
import type { ScenarioDefinition } from '../scenarioPlan';
import type { ScenarioName } from '../types';
import { citations, code, demo, long, plain, reasoning, slow, unknownEvents } from './answerScenarios';
import { disconnect, errorEvent, failed, incomplete, malformed, noTerminal, stall } from './streamFaultScenarios';
import { creditsExhaustedScenario, rateLimit, serverError, serverErrorThenPlain, toolSchema400 } from './httpErrorScenarios';
import { fixJson, fixProse } from './fixScenarios';

export const SCENARIOS: Record<ScenarioName, ScenarioDefinition> = {
  plain,
  citations,
  code,
  reasoning,
  'unknown-events': unknownEvents,
  'rate-limit': rateLimit,
  'credits-exhausted': creditsExhaustedScenario,
  'server-error': serverError,
  'server-error-then-plain': serverErrorThenPlain,
  'error-event': errorEvent,
  failed,
  incomplete,
  disconnect,
  stall,
  'no-terminal': noTerminal,
  malformed,
  'tool-schema-400': toolSchema400,
  slow,
  long,
  demo,
  'fix-json': fixJson,
  'fix-prose': fixProse,
};
