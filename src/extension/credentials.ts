import * as vscode from 'vscode';
import type { Logger } from '../core/logger';

const SECRET_KEY = 'grok.apiKey';

/** Where the key came from: shown to the user, never the key itself. */
export type KeySource = 'secret-storage' | 'environment' | 'offline-demo';

export interface Credentials {
  apiKey: string;
  source: KeySource;
  /** Overrides `grok.baseUrl` (the offline demo's local fake server). */
  baseUrlOverride?: string;
}

/**
 * The API key lives in SecretStorage; `XAI_API_KEY` is the fallback. With neither, the offline demo
 * (started by `npm start`, which sets GROK_OFFLINE_DEMO_URL/GROK_OFFLINE_DEMO_KEY on the host
 * process) answers from the project's fake server, and the panel says so.
 */
export class CredentialStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly log: Logger,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.subscription = secrets.onDidChange((e) => {
      if (e.key === SECRET_KEY) this.changed.fire();
    });
  }

  async get(): Promise<Credentials | undefined> {
    const stored = await this.secrets.get(SECRET_KEY);
    if (stored) return { apiKey: stored, source: 'secret-storage' };
    const fromEnv = this.env.XAI_API_KEY?.trim();
    if (fromEnv) return { apiKey: fromEnv, source: 'environment' };
    const demoUrl = this.env.GROK_OFFLINE_DEMO_URL?.trim();
    if (demoUrl) return { apiKey: this.env.GROK_OFFLINE_DEMO_KEY?.trim() || 'demo', source: 'offline-demo', baseUrlOverride: demoUrl };
    return undefined;
  }

  async set(apiKey: string): Promise<void> {
    await this.secrets.store(SECRET_KEY, apiKey.trim());
    this.log.info('API key stored in secret storage.');
  }

  async clear(): Promise<void> {
    await this.secrets.delete(SECRET_KEY);
    this.log.info('API key removed from secret storage.');
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** Rejects obvious paste mistakes; the server is the judge of the rest. */
export function validateApiKeyInput(value: string): string | undefined {
  const key = value.trim();
  if (key === '') return 'Enter your xAI API key (it starts with "xai-").';
  if (/\s/.test(key)) return 'An API key has no spaces or line breaks.';
  if (key.length < 20) return 'That is too short to be an xAI API key.';
  return undefined;
}
