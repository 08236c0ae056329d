/** Messages for failures without an HTTP response: offline, DNS, refused, reset, TLS, proxy, timeouts. */
import type { ErrorContext } from './errors';
import { clip, describe, formatDuration, hostOf } from './errorText';
import { classifyNetworkFailure, type NetworkFailure } from './networkErrors';
import { interruptedError } from './streamErrors';
import type { GrokError, GrokErrorAction } from './types';

const NETWORK_ACTIONS: GrokErrorAction[] = ['retry', 'check-network', 'open-settings'];

/** A request that got no response (or, mid-stream, a connection that dropped). */
export function connectionError(err: unknown, context: ErrorContext): GrokError {
  const failure = classifyNetworkFailure(err);
  if (context.phase === 'stream' && failure.problem !== 'tls' && failure.problem !== 'proxy') {
    return interruptedError(failureDetail(failure));
  }
  if (failure.problem === 'headers-timeout') return timeoutError(context, err);
  const host = hostOf(context.baseURL) ?? 'the xAI API';
  const detail = failureDetail(failure);
  const network = (message: string, actions: GrokErrorAction[] = NETWORK_ACTIONS): GrokError => ({
    kind: 'network',
    message,
    detail,
    actions,
  });
  switch (failure.problem) {
    case 'dns':
      return network(`Could not find ${host} (DNS lookup failed). Check your internet connection and the "grok.baseUrl" setting.`);
    case 'refused':
      return network(`The connection to ${host} was refused. Check the "grok.baseUrl" setting and any proxy or firewall.`);
    case 'reset':
      return network(`The connection to ${host} was reset before xAI answered. Check your network or proxy, then try again.`);
    case 'unreachable':
      return network(`Could not reach ${host} (the network is unreachable or connecting timed out). You may be offline.`);
    case 'tls':
      return network(
        `The secure connection to ${host} failed (${failure.code ?? 'TLS error'}). An HTTPS-inspecting proxy or firewall is the usual cause: trust its certificate (e.g. NODE_EXTRA_CA_CERTS) or check VS Code's "http.proxy" settings.`,
        ['check-network', 'open-settings'],
      );
    case 'proxy':
      return network(`The proxy failed to connect to ${host}. Check VS Code's "http.proxy" settings.`, ['check-network', 'open-settings']);
    default:
      return network(`Could not connect to ${host}: ${clip(failure.message)}. Check your connection and the "grok.baseUrl" setting.`);
  }
}

function failureDetail(failure: NetworkFailure): string {
  return failure.code && !failure.message.includes(failure.code) ? `${failure.code}: ${failure.message}` : failure.message;
}

/** No response headers within the request timeout. */
export function timeoutError(context: ErrorContext, err: unknown): GrokError {
  const limit = context.requestTimeoutMs ? ` within ${formatDuration(context.requestTimeoutMs)}` : ' in time';
  return {
    kind: 'timeout',
    message: `xAI did not start answering${limit}. It may be busy: try again, or raise the "grok.requestTimeoutSeconds" setting.`,
    detail: describe(err),
    actions: ['retry', 'open-settings'],
  };
}
