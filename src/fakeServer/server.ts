/**
 * A fake of xAI's Responses API on a real HTTP socket: validates what xAI validates, then answers with a
 * scripted scenario (see types.ts and scenarios/). Loopback only by default; for tests, benchmarks and the
 * offline demo.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { BodyTooLargeError, readBody, sendReply } from './httpIo';
import { planScenario } from './planScenario';
import { findScenarioMarker, inputMessages } from './requestText';
import { ScenarioSelector } from './scenarioSelector';
import { writeStream } from './streamWriter';
import type { FakeServer, FakeServerOptions, RecordedRequest, ScenarioName, ScenarioSpec } from './types';
import { SCENARIO_NAMES, isScenarioName } from './types';
import type { Rejection } from './validation';
import { checkAuthorization, checkBody, parseJsonBody } from './validation';
import { invalidArgument, routeNotFound, xaiError } from './xaiErrors';

export type { FakeServer, FakeServerOptions, ChunkingOptions, RecordedRequest, ScenarioName, ScenarioSpec } from './types';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A structured-output request (`text.format.type: "json_schema"`), e.g. an inline fix. */
function wantsJsonSchema(request: Record<string, unknown>): boolean {
  return isRecord(request.text) && isRecord(request.text.format) && request.text.format.type === 'json_schema';
}

function assertScenario(scenario: ScenarioName | ScenarioSpec): ScenarioName | ScenarioSpec {
  if (typeof scenario === 'string' && !isScenarioName(scenario)) {
    throw new Error(`Unknown fake scenario '${String(scenario)}'. Known: ${SCENARIO_NAMES.join(', ')}.`);
  }
  return scenario;
}

export async function startFakeServer(options: FakeServerOptions = {}): Promise<FakeServer> {
  const host = options.host ?? '127.0.0.1';
  const apiKey = options.apiKey ?? 'test-key';
  const models = options.models ?? ['grok-build-0.1'];
  const selector = new ScenarioSelector(
    assertScenario(options.defaultScenario ?? (options.demo ? 'demo' : 'plain')),
    options.demo ? 'demo' : 'plain',
    'fix-json',
    options.defaultScenario !== undefined,
  );
  const requests: RecordedRequest[] = [];
  // Aborted by close(): ends every pause and write loop so nothing keeps the process alive.
  const closing = new AbortController();
  const log = options.log ?? (() => {});

  function refuse(res: ServerResponse, record: RecordedRequest, rejection: Rejection): void {
    record.scenario = rejection.label;
    sendReply(res, rejection.reply);
  }

  async function answer(req: IncomingMessage, res: ServerResponse, record: RecordedRequest, requestSignal: AbortSignal): Promise<void> {
    if (record.method !== 'POST' || record.path !== '/v1/responses') {
      return refuse(res, record, { label: 'not-found', reply: routeNotFound(record.method, record.path) });
    }
    const authProblem = checkAuthorization(req.headers, apiKey);
    if (authProblem) return refuse(res, record, authProblem);
    const checked = checkBody(parseJsonBody(record.rawBody), models);
    if ('reply' in checked) return refuse(res, record, checked);

    const request = checked.body;
    const messages = inputMessages(request);
    const selection = selector.select(findScenarioMarker(messages.map((m) => m.text).join('\n')), wantsJsonSchema(request));
    if ('unknownMarker' in selection) {
      const known = SCENARIO_NAMES.join(', ');
      return refuse(res, record, { label: 'unknown-marker', reply: invalidArgument(`Unknown fake scenario [[fake:${selection.unknownMarker}]]. Known: ${known}.`) });
    }
    const { name, plan, chunking } = planScenario(selection.choice, request, messages, options.chunking);
    record.scenario = name;
    if (plan.kind === 'reply') {
      if (plan.recoverNext) selector.recoverNext();
      return sendReply(res, plan);
    }
    if (request.stream !== true) {
      const reply = plan.finalResponse
        ? { kind: 'reply' as const, status: 200, body: plan.finalResponse }
        : invalidArgument(`The fake scenario '${name}' only streams: send "stream": true.`);
      return sendReply(res, reply);
    }
    await writeStream(res, plan, chunking, requestSignal);
  }

  const server = createServer((req, res) => {
    const started = Date.now();
    // Stops this response's pauses and writes: on close() of the server, or when the response is done or
    // its client went away ('close' covers both).
    const requestAbort = new AbortController();
    const onServerClosing = () => requestAbort.abort();
    closing.signal.addEventListener('abort', onServerClosing, { once: true });
    res.on('close', () => {
      requestAbort.abort();
      closing.signal.removeEventListener('abort', onServerClosing);
    });
    res.on('error', () => {});
    res.setHeader('x-request-id', randomUUID());
    const signal = requestAbort.signal;
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: new URL(req.url ?? '/', 'http://fake').pathname,
      headers: { ...req.headers },
      body: undefined,
      rawBody: '',
      receivedAt: started,
      scenario: '',
    };
    readBody(req)
      .then((rawBody) => {
        record.rawBody = rawBody;
        const parsed = parseJsonBody(rawBody);
        record.body = parsed.ok ? parsed.value : undefined;
        requests.push(record);
        return answer(req, res, record, signal);
      })
      .catch((error: unknown) => {
        if (error instanceof BodyTooLargeError) {
          requests.push(record);
          record.scenario = 'body-too-large';
          if (!res.headersSent) sendReply(res, xaiError(413, 'Request entity too large', error.message));
          return;
        }
        log(`fake-xai: error while answering ${record.method} ${record.path}: ${error instanceof Error ? error.stack : String(error)}`);
        if (!res.headersSent) sendReply(res, xaiError(500, 'Internal error', 'The fake server failed; see its log.'));
        else res.destroy();
      })
      .finally(() => {
        const model = isRecord(record.body) && typeof record.body.model === 'string' ? ` model=${record.body.model}` : '';
        log(`fake-xai: ${record.method} ${record.path} -> ${res.statusCode} scenario=${record.scenario || '-'}${model} (${Date.now() - started} ms)`);
      });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      const port = (server.address() as AddressInfo).port;
      const urlHost = host.includes(':') ? `[${host}]` : host;
      let closed: Promise<void> | undefined;
      resolve({
        url: `http://${urlHost}:${port}/v1`,
        port,
        requests,
        queueScenarios: (...scenarios: (ScenarioName | ScenarioSpec)[]) => selector.enqueue(...scenarios.map(assertScenario)),
        setDefaultScenario: (scenario: ScenarioName | ScenarioSpec) => selector.setDefault(assertScenario(scenario)),
        close: () => {
          closed ??= new Promise<void>((done) => {
            closing.abort();
            server.close(() => done());
            server.closeAllConnections();
          });
          return closed;
        },
      });
    });
  });
}
