// The whole inline-fix path in Node, with the real stream client against the fake server: plan → request
// (json_schema) → answer → parse → shape → re-locate → edit. The VS Code side is covered by
// test/integration/inlineFix.test.ts.
import { strict as assert } from 'node:assert';
import { buildInlineFixPlan } from '../../../src/core/inlineFix/fixPrompt';
import { parseFixAnswer } from '../../../src/core/inlineFix/parseAnswer';
import { applyToText, createProposal, locateProposal } from '../../../src/core/inlineFix/proposal';
import type { InlineFixPlan } from '../../../src/core/inlineFix/types';
import type { DiagnosticInfo } from '../../../src/core/prompts/types';
import { streamResponse } from '../../../src/core/responses/client';
import type { GrokStreamEvent } from '../../../src/core/responses/types';
import { ScenarioSelector } from '../../../src/fakeServer/scenarioSelector';
import type { FakeServer } from '../../../src/fakeServer/server';
import { startFakeServer } from '../../../src/fakeServer/server';

const LINES = [
  'export class Wallet {',
  '    private cents = 0;',
  '',
  '    add(amount: number): void {',
  '        const cents: number = String(amount * 100); // fake-fix: String(amount * 100) => Math.round(amount * 100)',
  '        this.cents += cents;',
  '    }',
  '}',
  '',
];
const FIXED_LINE = '        const cents: number = Math.round(amount * 100);';

const diagnostic: DiagnosticInfo = {
  range: { start: { line: 4, character: 14 }, end: { line: 4, character: 19 } },
  message: "Type 'string' is not assignable to type 'number'.",
  severity: 'error',
  source: 'ts',
  code: '2322',
};

describe('inline fix: end to end against the fake server', () => {
  let server: FakeServer;
  before(async () => {
    server = await startFakeServer();
  });
  after(async () => {
    await server.close();
  });

  async function answerFor(plan: InlineFixPlan): Promise<Extract<GrokStreamEvent, { kind: 'end' }>> {
    const options = { apiKey: 'test-key', baseURL: server.url, model: 'grok-build-0.1', requestTimeoutMs: 5_000, idleTimeoutMs: 5_000, maxRetries: 0 };
    let end: GrokStreamEvent | undefined;
    for await (const event of streamResponse(options, plan.request)) end = event;
    assert.ok(end && end.kind === 'end');
    return end;
  }

  for (const eol of ['\n', '\r\n'] as const) {
    it(`fixes a diagnostic in a ${eol === '\n' ? 'LF' : 'CRLF'} file: structured answer, indentation restored, line endings kept`, async () => {
      const text = LINES.join(eol);
      const plan = buildInlineFixPlan({ kind: 'fix', doc: { text, languageId: 'typescript', relativePath: 'src/wallet.ts', eol }, diagnostic, diagnostics: [diagnostic] });
      const end = await answerFor(plan);
      assert.equal(end.outcome.status, 'completed');
      const request = server.requests.at(-1)!;
      assert.equal(request.scenario, 'fix-json', 'a json_schema request gets the structured scenario by default');
      assert.deepEqual((request.body as { text: unknown }).text, { format: { type: 'json_schema', ...plan.request.jsonSchema } });

      const parsed = parseFixAnswer(end.text, { targetText: plan.target.text });
      assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
      assert.equal(parsed.usedFallback, false);
      assert.equal(parsed.explanation, 'Fake fix: applied 1 fake-fix directive.');
      assert.ok(parsed.replacement.startsWith('add(amount'), 'the fake drops the base indentation, as models do');

      const proposal = createProposal({ target: plan.target, requestText: text, eol, answer: parsed });
      // The user added a line above while Grok worked: the fix still lands on the method, and the new line stays.
      const edited = `// note${eol}${text}`;
      const located = locateProposal(edited, proposal);
      assert.ok(located.ok);
      const expected = `// note${eol}${LINES.map((line, i) => (i === 4 ? FIXED_LINE : line)).join(eol)}`;
      assert.equal(applyToText(edited, located.edit), expected);
      assert.equal(edited.slice(located.edit.start, located.edit.end), LINES[4] + eol, 'only the changed line is touched');
    });
  }

  it('falls back to the code block of a prose answer, and says so', async () => {
    const text = LINES.join('\n');
    const plan = buildInlineFixPlan({ kind: 'fix', doc: { text, languageId: 'typescript', relativePath: 'src/wallet.ts' }, diagnostic, diagnostics: [diagnostic] });
    server.queueScenarios('fix-prose');
    const end = await answerFor(plan);
    const parsed = parseFixAnswer(end.text, { targetText: plan.target.text });
    assert.ok(parsed.ok && parsed.usedFallback, 'prose answer used as fallback');
    assert.match(parsed.fallbackReason ?? '', /prose/);
    const proposal = createProposal({ target: plan.target, requestText: text, eol: '\n', answer: parsed });
    const located = locateProposal(text, proposal);
    assert.ok(located.ok);
    assert.equal(applyToText(text, located.edit).split('\n')[4], FIXED_LINE);
  });

  it('refuses to apply when the user edited the target while Grok worked', async () => {
    const text = LINES.join('\n');
    const plan = buildInlineFixPlan({ kind: 'fix', doc: { text, languageId: 'typescript', relativePath: 'src/wallet.ts' }, diagnostic, diagnostics: [diagnostic] });
    const parsed = parseFixAnswer((await answerFor(plan)).text);
    assert.ok(parsed.ok);
    const proposal = createProposal({ target: plan.target, requestText: text, eol: '\n', answer: parsed });
    const edited = text.replace('this.cents += cents;', 'this.cents += Number(cents);');
    assert.equal(locateProposal(edited, proposal).ok, false);
  });

  it('the fake chooses fix-json for structured requests only when nothing else was chosen', () => {
    const selector = new ScenarioSelector('plain', 'plain', 'fix-json');
    assert.deepEqual(selector.select(undefined, true), { choice: 'fix-json' });
    assert.deepEqual(selector.select(undefined, false), { choice: 'plain' });
    assert.deepEqual(selector.select('fix-prose', true), { choice: 'fix-prose' });
    selector.recoverNext();
    assert.deepEqual(selector.select(undefined, true), { choice: 'fix-json' }, 'a retried fix recovers to the fix answer');
    selector.enqueue('rate-limit');
    assert.deepEqual(selector.select(undefined, true), { choice: 'rate-limit' });
    selector.setDefault('code');
    assert.deepEqual(selector.select(undefined, true), { choice: 'code' }, 'an explicit default wins');
    assert.deepEqual(new ScenarioSelector('demo', 'demo', 'fix-json', true).select(undefined, true), { choice: 'demo' });
  });
});
