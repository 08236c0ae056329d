/**
 * Chooses the scenario for each valid request: queued first (FIFO), then the recovery after a transient
 * failure, then a `[[fake:NAME]]` marker in the request's input, then the default.
 */
import type { ScenarioName, ScenarioSpec } from './types';
import { isScenarioName } from './types';

export type ScenarioChoice = ScenarioName | ScenarioSpec;

export type Selection = { choice: ScenarioChoice } | { unknownMarker: string };

export class ScenarioSelector {
  private readonly queue: ScenarioChoice[] = [];
  private recoveryPending = false;

  constructor(
    private defaultChoice: ScenarioChoice,
    /** What the request after a transient failure gets when nothing is queued. */
    private readonly recovery: ScenarioName,
  ) {}

  enqueue(...choices: ScenarioChoice[]): void {
    this.queue.push(...choices);
  }

  setDefault(choice: ScenarioChoice): void {
    this.defaultChoice = choice;
  }

  /** Consumes one queued scenario or the pending recovery. */
  select(marker: string | undefined): Selection {
    const recovering = this.recoveryPending;
    this.recoveryPending = false;
    const queued = this.queue.shift();
    if (queued !== undefined) return { choice: queued };
    if (recovering) return { choice: this.recovery };
    if (marker !== undefined) return isScenarioName(marker) ? { choice: marker } : { unknownMarker: marker };
    return { choice: this.defaultChoice };
  }

  /** After a transient failure (429 rate limit, `server-error-then-plain`) the next request recovers. */
  recoverNext(): void {
    this.recoveryPending = true;
  }
}
