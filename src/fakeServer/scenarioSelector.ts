/**
 * Chooses the scenario for each valid request: queued first (FIFO), then the recovery after a transient
 * failure, then a `[[fake:NAME]]` marker in the request's input, then the default. A structured-output
 * request (`text.format.type: "json_schema"`) recovers to, and defaults to, the structured answer
 * scenario unless a default was chosen explicitly.
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
    /** What a structured-output request gets instead of `recovery` and an implicit default. */
    private readonly structuredDefault?: ScenarioName,
    /** The default was chosen by the caller: it then answers structured requests too. */
    private explicitDefault = false,
  ) {}

  enqueue(...choices: ScenarioChoice[]): void {
    this.queue.push(...choices);
  }

  setDefault(choice: ScenarioChoice): void {
    this.defaultChoice = choice;
    this.explicitDefault = true;
  }

  /** Consumes one queued scenario or the pending recovery. */
  select(marker: string | undefined, structured = false): Selection {
    const recovering = this.recoveryPending;
    this.recoveryPending = false;
    const queued = this.queue.shift();
    if (queued !== undefined) return { choice: queued };
    const structuredChoice = structured ? this.structuredDefault : undefined;
    if (recovering) return { choice: structuredChoice ?? this.recovery };
    if (marker !== undefined) return isScenarioName(marker) ? { choice: marker } : { unknownMarker: marker };
    return { choice: (this.explicitDefault ? undefined : structuredChoice) ?? this.defaultChoice };
  }

  /** After a transient failure (429 rate limit, `server-error-then-plain`) the next request recovers. */
  recoverNext(): void {
    this.recoveryPending = true;
  }
}
