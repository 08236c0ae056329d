/** Test helpers: drive the fake server through the real `openai` SDK, as the extension does. */
import OpenAI from 'openai';
import type { ResponseCreateParamsStreaming } from 'openai/resources/responses/responses';
import type { FakeServer, FakeServerOptions } from '../../../src/fakeServer/server';
import { startFakeServer } from '../../../src/fakeServer/server';

export type Json = Record<string, unknown>;

export interface Collected {
  events: Json[];
  /** What the iteration threw, if anything. */
  error?: unknown;
}

export function sdkClient(server: FakeServer, options: { apiKey?: string; maxRetries?: number } = {}): OpenAI {
  // logLevel 'off': the SDK prints to the console when it meets the malformed scenario.
  return new OpenAI({ apiKey: options.apiKey ?? 'test-key', baseURL: server.url, maxRetries: options.maxRetries ?? 0, timeout: 5000, logLevel: 'off' });
}

/** Streams one request with `responses.create({stream:true})` and keeps every event and the final error. */
export async function collect(client: OpenAI, params: Json = {}, signal?: AbortSignal): Promise<Collected> {
  const events: Json[] = [];
  try {
    const body = { model: 'grok-build-0.1', input: 'Hello', ...params, stream: true } as unknown as ResponseCreateParamsStreaming;
    const stream = await client.responses.create(body, { signal });
    for await (const event of stream) events.push(event as unknown as Json);
    return { events };
  } catch (error) {
    return { events, error };
  }
}

export function types(events: Json[]): string[] {
  return events.map((event) => String(event.type));
}

export function deltaText(events: Json[]): string {
  return events
    .filter((event) => event.type === 'response.output_text.delta')
    .map((event) => String(event.delta))
    .join('');
}

export function last(events: Json[]): Json {
  const event = events.at(-1);
  if (!event) throw new Error('no events');
  return event;
}

/** Starts a server for a mocha suite and closes it afterwards. */
export function useFakeServer(options: FakeServerOptions = {}): { readonly server: FakeServer; readonly client: OpenAI } {
  let server: FakeServer | undefined;
  let client: OpenAI | undefined;
  before(async () => {
    server = await startFakeServer(options);
    client = sdkClient(server);
  });
  after(async () => {
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('server not started');
      return server;
    },
    get client() {
      if (!client) throw new Error('server not started');
      return client;
    },
  };
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
