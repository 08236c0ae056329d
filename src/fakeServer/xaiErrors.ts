/**
 * xAI's error replies: `{"code":"<string>","error":"<message>"}` (fact sheet §6). The codes mirror the
 * gRPC status descriptions xAI has been seen to use (e.g. "Client specified an invalid argument").
 */
import type { ReplyPlan } from './scenarioPlan';

export const XAI_CODES = {
  invalidArgument: 'Client specified an invalid argument',
  unauthenticated: 'The request does not have valid authentication credentials',
  notFound: 'Some requested entity was not found',
  resourceExhausted: 'Some resource has been exhausted',
  unavailable: 'The service is currently unavailable',
} as const;

export function xaiError(status: number, code: string, message: string, headers?: Record<string, string>): ReplyPlan {
  return { kind: 'reply', status, headers, body: { code, error: message } };
}

/** Keeps the first and last two characters, like xAI's "te***ey". Short keys are hidden entirely. */
export function maskApiKey(key: string): string {
  return key.length <= 6 ? '***' : `${key.slice(0, 2)}***${key.slice(-2)}`;
}

export function incorrectApiKey(providedKey: string): ReplyPlan {
  return xaiError(
    400,
    XAI_CODES.invalidArgument,
    `Incorrect API key provided: ${maskApiKey(providedKey)}. You can obtain an API key from https://console.x.ai.`,
  );
}

export function missingAuthorization(): ReplyPlan {
  return xaiError(
    401,
    XAI_CODES.unauthenticated,
    'No API key provided. Send it in the Authorization header as "Bearer <your API key>". You can obtain an API key from https://console.x.ai.',
  );
}

export function unknownModel(model: string): ReplyPlan {
  return xaiError(
    404,
    XAI_CODES.notFound,
    `The model ${model} does not exist or your team does not have access to it. Please ensure you're using the correct model name.`,
  );
}

export function invalidArgument(message: string, code: string = XAI_CODES.invalidArgument): ReplyPlan {
  return xaiError(400, code, message);
}

export function rateLimited(model: string): ReplyPlan {
  return xaiError(
    429,
    XAI_CODES.resourceExhausted,
    `Too many requests: your team has exceeded its rate limit of 30 requests per second for model ${model}. Please slow down and retry after a short wait.`,
    { 'retry-after': '1', 'retry-after-ms': '50' },
  );
}

export function creditsExhausted(): ReplyPlan {
  return xaiError(
    429,
    XAI_CODES.resourceExhausted,
    'Your team 8c2f9d0e-1b7a-4f3e-9a61-2d5c7e4b0f18 has either used all available credits or reached its monthly spending limit. To continue making API requests, please purchase more credits or raise your spending limit at https://console.x.ai.',
  );
}

export function serviceUnavailable(): ReplyPlan {
  return xaiError(503, XAI_CODES.unavailable, 'The model is temporarily overloaded and could not serve this request. Please try again shortly.');
}

export function routeNotFound(method: string, path: string): ReplyPlan {
  return xaiError(404, XAI_CODES.notFound, `No route for ${method} ${path}. The fake server answers POST /v1/responses.`);
}
