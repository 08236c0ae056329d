// Issue 2's host-level promises: activation, every command registered, Explain streams the fake
// server's answer into the panel, Stop cancels keeping the partial answer, a missing key is handled.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TurnResult } from '../../src/core/chat/chatSession';
import { COMMANDS } from '../../src/core/config/ids';
import type { HostMessage } from '../../src/core/panelProtocol';
import { PLAIN_ANSWER, SLOW_ANSWER } from '../../src/fakeServer/answers/fixedAnswers';
import type { FakeServer } from '../../src/fakeServer/server';
import { captureWarnings, connectToFakeServer, disconnect, extensionApi, selectLines, services, waitFor } from './support';

function turnMessages(transcript: readonly HostMessage[], turnId: string): HostMessage[] {
  return transcript.filter((m) => 'turnId' in m && m.turnId === turnId);
}

describe('Grok commands in the extension host', () => {
  let server: FakeServer | undefined;

  before(async () => {
    const api = await extensionApi();
    console.log(`      (activate() took ${api.activationMs.toFixed(2)} ms in this host)`);
  });

  afterEach(async () => {
    await disconnect(server);
    server = undefined;
  });

  it('registers every command', async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    for (const id of Object.values(COMMANDS)) assert.ok(all.has(id), `${id} is not registered`);
  });

  it('Explain Selection sends the selection and streams the answer into the panel', async () => {
    server = await connectToFakeServer();
    await selectLines('sample.ts', 6, 12);
    const result = await vscode.commands.executeCommand<TurnResult>(COMMANDS.explain);

    assert.equal(result.status, 'completed', JSON.stringify(result.error));
    assert.equal(result.text, PLAIN_ANSWER);

    assert.equal(server.requests.length, 1);
    const body = server.requests[0].body as Record<string, unknown>;
    assert.equal(body.model, 'grok-build-0.1');
    assert.equal(body.stream, true);
    assert.equal('reasoning' in body, false, 'reasoning.effort must never be sent to grok-build-0.1');
    const input = JSON.stringify(body.input);
    assert.match(input, /sample\.ts/);
    assert.match(input, /export function orderTotal\(order: Order\): number/);
    assert.match(input, /lines? 7/);

    const { panel } = await services();
    assert.ok(panel.isOpen, 'the chat panel is open');
    const messages = turnMessages(panel.transcriptSnapshot(), result.turnId);
    const started = messages.find((m) => m.type === 'turnStarted');
    assert.ok(started && started.type === 'turnStarted');
    assert.equal(started.prompt.file, 'sample.ts');
    assert.equal(started.prompt.startLine, 7);
    const text = messages.flatMap((m) => (m.type === 'textDelta' ? [m.text] : [])).join('');
    assert.equal(text, PLAIN_ANSWER);
    const ended = messages.find((m) => m.type === 'turnEnded');
    assert.ok(ended && ended.type === 'turnEnded');
    assert.equal(ended.status, 'completed');
    assert.ok(ended.usage && ended.usage.totalTokens > 0);
  });

  it('Stop Response cancels a streaming answer and keeps what arrived', async () => {
    server = await connectToFakeServer();
    await selectLines('sample.ts', 6, 12);
    const { panel } = await services();
    const before = panel.transcriptSnapshot().length;
    const turn = vscode.commands.executeCommand<TurnResult>(COMMANDS.ask, '[[fake:slow]] Walk me through this.');
    await waitFor('the first streamed text', () => panel.transcriptSnapshot().slice(before).some((m) => m.type === 'textDelta'));

    const stoppedAt = Date.now();
    await vscode.commands.executeCommand(COMMANDS.stop);
    const result = await turn;
    const stopToEnd = Date.now() - stoppedAt;

    assert.equal(result.status, 'cancelled');
    assert.ok(result.text.length > 0, 'the partial answer is kept');
    assert.ok(SLOW_ANSWER.startsWith(result.text), 'the partial answer is a prefix of the full one');
    assert.ok(result.text.length < SLOW_ANSWER.length, 'the answer was really cut short');
    assert.ok(stopToEnd < 1000, `stop took ${stopToEnd} ms`);
    const ended = turnMessages(panel.transcriptSnapshot(), result.turnId).find((m) => m.type === 'turnEnded');
    assert.ok(ended && ended.type === 'turnEnded' && ended.status === 'cancelled');
  });

  it('without a key, a command explains what to do and sends nothing', async () => {
    server = await connectToFakeServer();
    await vscode.commands.executeCommand(COMMANDS.clearApiKey);
    assert.equal(process.env.XAI_API_KEY, undefined, 'the test host must not have XAI_API_KEY');

    const shown = await captureWarnings(async () => {
      await selectLines('sample.ts', 6, 12);
      const result = await vscode.commands.executeCommand<TurnResult | undefined>(COMMANDS.explain);
      assert.equal(result, undefined);
    });
    assert.equal(server.requests.length, 0, 'no request may leave without a key');
    assert.equal(shown.length, 1);
    assert.match(shown[0], /API key/);
    assert.match(shown[0], /XAI_API_KEY/);
  });
});
