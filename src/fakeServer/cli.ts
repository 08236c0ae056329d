/**
 * `node dist/fake-xai-server.js [--port N] [--host H] [--api-key K] [--demo] [--scenario NAME] [--chunking JSON]`
 * `--chunking` takes the `ChunkingOptions` of every stream as JSON, e.g. `{"lineEndings":"cr","gzip":true}`.
 * Prints one JSON line `{"url":"http://127.0.0.1:PORT/v1","apiKey":"..."}` on stdout once listening (scripts
 * parse it), logs requests to stderr, and exits cleanly on SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { startFakeServer } from './server';
import { parseChunkingOptions } from './chunkingOptions';
import { SCENARIO_NAMES, isScenarioName } from './types';

const USAGE = `Usage: fake-xai-server [--port N] [--host H] [--api-key K] [--demo] [--scenario NAME] [--chunking JSON]
Scenarios: ${SCENARIO_NAMES.join(', ')}
Chunking: JSON ChunkingOptions, e.g. '{"lineEndings":"cr","splitWrites":"bytewise","gzip":true}'`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '0' },
        host: { type: 'string', default: '127.0.0.1' },
        'api-key': { type: 'string', default: 'test-key' },
        demo: { type: 'boolean', default: false },
        scenario: { type: 'string' },
        chunking: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be an integer from 0 to 65535, got '${values.port}'.`);
  const scenario = values.scenario;
  if (scenario !== undefined && !isScenarioName(scenario)) fail(`Unknown scenario '${scenario}'.`);
  const chunking = values.chunking === undefined ? undefined : parseChunkingOptions(values.chunking);
  if (typeof chunking === 'string') fail(`--chunking: ${chunking}`);

  const server = await startFakeServer({
    host: values.host,
    port,
    apiKey: values['api-key'],
    demo: values.demo,
    defaultScenario: scenario,
    ...(chunking ? { chunking } : {}),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(`${JSON.stringify({ url: server.url, apiKey: values['api-key'] })}\n`);

  const shutdown = (signal: string) => {
    process.stderr.write(`fake-xai: ${signal}, shutting down\n`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`fake-xai: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
