/**
 * Makes any await end as soon as the user cancels. The SDK aborts its request when the signal fires, but
 * how fast a pending read notices depends on the transport; the contract is "cancelled within 100 ms",
 * so every wait on the network goes through `wait()`, which settles on abort regardless.
 */

export const CANCELLED: unique symbol = Symbol('cancelled');

export class CancelGate {
  /** Resolves the promise returned by the current `wait()`; one listener serves every wait. */
  #settleCurrent: ((value: typeof CANCELLED) => void) | undefined;
  readonly #onAbort = () => this.#settleCurrent?.(CANCELLED);

  constructor(private readonly signal: AbortSignal | undefined) {
    signal?.addEventListener('abort', this.#onAbort, { once: true });
  }

  get cancelled(): boolean {
    return this.signal?.aborted === true;
  }

  /** `promise`'s outcome, or `CANCELLED` as soon as the signal aborts (a later rejection is swallowed). */
  wait<T>(promise: Promise<T>): Promise<T | typeof CANCELLED> {
    if (!this.signal) return promise;
    if (this.signal.aborted) {
      promise.catch(() => undefined);
      return Promise.resolve(CANCELLED);
    }
    return new Promise<T | typeof CANCELLED>((resolve, reject) => {
      this.#settleCurrent = resolve;
      promise.then(resolve, reject);
    }).finally(() => {
      this.#settleCurrent = undefined;
    });
  }

  dispose(): void {
    this.signal?.removeEventListener('abort', this.#onAbort);
  }
}
