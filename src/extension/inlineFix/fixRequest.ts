/**
 * Sends one inline-fix request behind a cancellable progress notification, and reports retries in it.
 * Cancelling (the notification's button, or `cancelAll()`) aborts the HTTP request; the stream client
 * then ends with `cancelled`, and the caller changes nothing.
 */
import * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import { streamResponse } from '../../core/responses/client';
import type { GrokClientOptions, GrokError, GrokRequest } from '../../core/responses/types';
import type { Credentials } from '../credentials';
import { clientOptionsFor } from '../settings';

export type FixRequestOutcome =
  | { status: 'completed' | 'incomplete'; text: string }
  | { status: 'cancelled' }
  | { status: 'error'; error: GrokError };

export class FixRequests implements vscode.Disposable {
  private readonly running = new Set<AbortController>();

  constructor(private readonly log: Logger) {}

  get busy(): boolean {
    return this.running.size > 0;
  }

  /** Cancels every request in flight (the same path as the notification's Cancel button). */
  cancelAll(): void {
    for (const controller of this.running) controller.abort();
  }

  run(request: GrokRequest, credentials: Credentials, progressTitle: string): Promise<FixRequestOutcome> {
    return Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: progressTitle, cancellable: true }, async (progress, token) => {
        const controller = new AbortController();
        this.running.add(controller);
        const onCancel = token.onCancellationRequested(() => controller.abort());
        try {
          return await this.stream(request, clientOptionsFor(credentials), controller.signal, progress);
        } finally {
          onCancel.dispose();
          this.running.delete(controller);
        }
      }),
    );
  }

  private async stream(
    request: GrokRequest,
    options: GrokClientOptions,
    signal: AbortSignal,
    progress: vscode.Progress<{ message?: string }>,
  ): Promise<FixRequestOutcome> {
    let receiving = false;
    for await (const event of streamResponse(options, request, signal, this.log)) {
      if (event.kind === 'retrying') {
        const seconds = Math.ceil(event.delayMs / 1000);
        progress.report({ message: `${event.reason.message} Retrying in ${seconds} s (attempt ${event.attempt} of ${event.maxAttempts})…` });
      } else if (event.kind === 'text-delta' && !receiving) {
        receiving = true;
        progress.report({ message: 'Receiving the proposal…' });
      } else if (event.kind === 'end') {
        const { outcome } = event;
        if (outcome.status === 'cancelled') return { status: 'cancelled' };
        if (outcome.status === 'error') return { status: 'error', error: outcome.error };
        return { status: outcome.status, text: event.text };
      }
    }
    // streamResponse always ends with `end`; this only guards a broken contract.
    return { status: 'error', error: { kind: 'interrupted', message: 'The answer ended unexpectedly.', actions: ['retry'] } };
  }

  dispose(): void {
    this.cancelAll();
  }
}

