/**
 * The webview's side of the host connection. Everything posted is validated against the shared
 * protocol first, so a bug here shows up as a console error instead of a message the host rejects.
 */
import { webviewMessageSchema, type WebviewMessage } from '../core/panelProtocol';

/** The object VS Code's webview runtime hands out once per page. */
interface VsCodeWebviewApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeWebviewApi;

export interface HostChannel {
  post(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}

export function connectToHost(): HostChannel {
  const api = acquireVsCodeApi();
  return {
    post(message) {
      const checked = webviewMessageSchema.safeParse(message);
      if (!checked.success) {
        console.error('[grok panel] not posting an invalid message', message, checked.error.issues);
        return;
      }
      api.postMessage(checked.data);
    },
    getState: () => api.getState(),
    setState: (state) => api.setState(state),
  };
}
