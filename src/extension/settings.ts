import * as vscode from 'vscode';
import type { GrokClientOptions } from '../core/responses/types';
import type { Credentials } from './credentials';


export interface GrokSettings {
  baseUrl: string;
  model: string;
  requestTimeoutMs: number;
  idleTimeoutMs: number;
  maxRetries: number;
  contextLines: number;
  maxSelectionChars: number;
  webSearch: boolean;
}

export const DEFAULT_BASE_URL = 'https://api.x.ai/v1';
export const DEFAULT_MODEL = 'grok-build-0.1';

/** Reads settings, replacing untrusted or out-of-range values with safe ones (vscode-eslint's habit). */
export function readSettings(): GrokSettings {
  const config = vscode.workspace.getConfiguration('grok');
  return {
    baseUrl: cleanUrl(config.get<unknown>('baseUrl')) ?? DEFAULT_BASE_URL,
    model: cleanString(config.get<unknown>('model')) ?? DEFAULT_MODEL,
    requestTimeoutMs: clampNumber(config.get<unknown>('requestTimeoutSeconds'), 5, 600, 60) * 1000,
    idleTimeoutMs: clampNumber(config.get<unknown>('idleTimeoutSeconds'), 5, 600, 90) * 1000,
    maxRetries: Math.round(clampNumber(config.get<unknown>('maxRetries'), 0, 5, 2)),
    contextLines: Math.round(clampNumber(config.get<unknown>('contextLines'), 0, 500, 30)),
    maxSelectionChars: Math.round(clampNumber(config.get<unknown>('maxSelectionChars'), 1000, 2_000_000, 60_000)),
    webSearch: config.get<unknown>('webSearch') === true,
  };
}

function cleanString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Only http(s) base URLs; a trailing slash is dropped so `${baseUrl}/responses` is well formed. */
function cleanUrl(value: unknown): string | undefined {
  const text = cleanString(value);
  if (!text) return undefined;
  try {
    const url = new URL(text);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return text.replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}

function clampNumber(value: unknown, min: number, max: number, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}

/** Connection options for one request: the key (and the offline demo's URL) plus the current settings. */
export function clientOptionsFor(credentials: Credentials, settings: GrokSettings = readSettings()): GrokClientOptions {
  return {
    apiKey: credentials.apiKey,
    baseURL: credentials.baseUrlOverride ?? settings.baseUrl,
    model: settings.model,
    requestTimeoutMs: settings.requestTimeoutMs,
    idleTimeoutMs: settings.idleTimeoutMs,
    maxRetries: settings.maxRetries,
  };
}
