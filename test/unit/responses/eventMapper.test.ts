import assert from 'node:assert/strict';
import { ResponseEventMapper, type MapStep } from '../../../src/core/responses/eventMapper';
import type { ToolActivity } from '../../../src/core/responses/types';
import { raw, XAI_USAGE, MAPPED_XAI_USAGE } from './sseFixtures';

function mapAll(events: unknown[], mapper = new ResponseEventMapper()): MapStep[] {
  return events.map((e) => mapper.map(e)).filter((s) => s !== undefined);
}

function activities(steps: MapStep[]): ToolActivity[] {
  return steps.flatMap((s) => (s?.kind === 'tool-activity' ? [s.activity] : []));
}

describe('ResponseEventMapper', () => {
  it('maps created, text deltas with their indices, and completed with usage including xAI extras', () => {
    const mapper = new ResponseEventMapper();
    const steps = mapAll([raw.created(), raw.inProgress(), raw.delta('Hel'), raw.delta('lo', 1, 2), raw.completed(XAI_USAGE)], mapper);
    assert.deepEqual(steps, [
      { kind: 'created', responseId: raw.responseId, model: 'grok-build-0.1' },
      { kind: 'text-delta', delta: 'Hel', outputIndex: 0, contentIndex: 0 },
      { kind: 'text-delta', delta: 'lo', outputIndex: 1, contentIndex: 2 },
      {
        kind: 'terminal',
        outcome: {
          status: 'completed',
          usage: MAPPED_XAI_USAGE,
        },
      },
    ]);
    assert.equal(mapper.text, 'Hello');
    assert.equal(mapper.responseId, raw.responseId);
  });

  it('computes total tokens when absent and drops usage without token counts', () => {
    const [withTotal] = mapAll([raw.completed({ input_tokens: 5, output_tokens: 7 })]);
    assert.deepEqual(withTotal, { kind: 'terminal', outcome: { status: 'completed', usage: { inputTokens: 5, outputTokens: 7, totalTokens: 12 } } });
    const [nonsense] = mapAll([raw.completed({ input_tokens: 'many', output_tokens: -1 })]);
    assert.deepEqual(nonsense, { kind: 'terminal', outcome: { status: 'completed' } });
  });

  it('maps url_citation annotations, tolerating missing offsets and titles', () => {
    const steps = mapAll([
      raw.annotation({ type: 'url_citation', url: 'https://x.ai/news', title: '1', start_index: 10, end_index: 37 }),
      raw.annotation({ type: 'url_citation', url: 'https://en.wikipedia.org/wiki/XAI_(company)' }),
      raw.annotation({ type: 'url_citation', url: 'https://docs.x.ai', title: 'https://docs.x.ai', start_index: 0, end_index: 0 }),
      raw.annotation({ type: 'url_citation', url: 'https://a.example', start_index: 'x', end_index: 4 }),
    ]);
    assert.deepEqual(
      steps.map((s) => (s?.kind === 'citation' ? s.citation : s)),
      [
        { url: 'https://x.ai/news', title: '1', startIndex: 10, endIndex: 37 },
        { url: 'https://en.wikipedia.org/wiki/XAI_(company)' },
        { url: 'https://docs.x.ai', title: 'https://docs.x.ai', startIndex: 0, endIndex: 0 },
        { url: 'https://a.example' },
      ],
    );
  });

  it('skips annotations that are not url citations or have no url', () => {
    const steps = mapAll([
      raw.annotation({ type: 'file_citation', file_id: 'f1' }),
      raw.annotation({ type: 'url_citation', url: 42 }),
      raw.annotation({ type: 'url_citation' }),
      { ...raw.annotation({}), annotation: 'nonsense' },
    ]);
    assert.deepEqual(steps, []);
  });

  it('maps reasoning summary deltas and ignores non-text ones', () => {
    const steps = mapAll([raw.reasoning('Thinking'), { ...raw.reasoning(''), delta: 5 }, raw.reasoning(' more')]);
    assert.deepEqual(steps, [
      { kind: 'reasoning-delta', delta: 'Thinking' },
      { kind: 'reasoning-delta', delta: ' more' },
    ]);
  });

  it('maps web search items and progress events to deduplicated tool activity with the action query', () => {
    const item = { id: 'ws_1', type: 'web_search_call', status: 'in_progress', action: { type: 'search', query: 'grok build', sources: [] } };
    const steps = mapAll([
      raw.itemAdded(item),
      raw.progress('response.web_search_call.in_progress', 'ws_1'),
      raw.progress('response.web_search_call.searching', 'ws_1'),
      raw.progress('response.web_search_call.completed', 'ws_1'),
      raw.itemDone({ ...item, status: 'completed' }),
    ]);
    assert.deepEqual(activities(steps), [
      { itemId: 'ws_1', tool: 'web_search', status: 'in_progress', query: 'grok build' },
      { itemId: 'ws_1', tool: 'web_search', status: 'searching', query: 'grok build' },
      { itemId: 'ws_1', tool: 'web_search', status: 'completed', query: 'grok build' },
    ]);
  });

  it("reads X search's custom tool calls, taking the query from the tool input", () => {
    const item = { id: 'ctc_1', call_id: 'xs_call_1', type: 'custom_tool_call', name: 'x_keyword_search', input: '', status: 'in_progress' };
    const input = '{"query":"from:xai filter:media","limit":20}';
    const steps = mapAll([
      raw.itemAdded(item),
      { type: 'response.custom_tool_call_input.delta', item_id: 'ctc_1', output_index: 0, delta: input.slice(0, 10) },
      { type: 'response.custom_tool_call_input.done', item_id: 'ctc_1', output_index: 0, input },
      raw.itemDone({ ...item, input, status: 'completed' }),
    ]);
    assert.deepEqual(activities(steps), [
      { itemId: 'ctc_1', tool: 'x_search', status: 'in_progress' },
      { itemId: 'ctc_1', tool: 'x_search', status: 'in_progress', query: 'from:xai filter:media' },
      { itemId: 'ctc_1', tool: 'x_search', status: 'completed', query: 'from:xai filter:media' },
    ]);
  });

  it('maps x_search_call, code execution and unknown future tools generically', () => {
    const steps = mapAll([
      raw.progress('response.x_search_call.in_progress', 'xs_1'),
      raw.progress('response.code_execution_call.executing', 'ce_1'),
      raw.itemDone({ id: 'ci_1', type: 'code_interpreter_call', status: 'failed' }),
      raw.itemAdded({ id: 'fut_1', type: 'image_search_call', status: 'searching' }),
      raw.progress('response.x_search_call.completed', 'xs_1'),
    ]);
    assert.deepEqual(activities(steps), [
      { itemId: 'xs_1', tool: 'x_search', status: 'in_progress' },
      { itemId: 'ce_1', tool: 'code_execution', status: 'in_progress' },
      { itemId: 'ci_1', tool: 'code_execution', status: 'failed' },
      { itemId: 'fut_1', tool: 'image_search', status: 'searching' },
      { itemId: 'xs_1', tool: 'x_search', status: 'completed' },
    ]);
  });

  it('does not move a finished tool back to running, and ignores messages, reasoning and function calls', () => {
    const steps = mapAll([
      raw.progress('response.web_search_call.completed', 'ws_1'),
      raw.progress('response.web_search_call.searching', 'ws_1'),
      raw.itemAdded({ id: 'msg_1', type: 'message', role: 'assistant', content: [], status: 'in_progress' }),
      raw.itemAdded({ id: 'rs_1', type: 'reasoning', summary: [] }),
      raw.itemAdded({ id: 'fc_1', type: 'function_call', call_id: 'c1', name: 'f', arguments: '' }),
      raw.progress('response.function_call_arguments.delta', 'fc_1'),
    ]);
    assert.deepEqual(activities(steps), [{ itemId: 'ws_1', tool: 'web_search', status: 'completed' }]);
  });

  it('maps response.incomplete with its reason and response.failed with the server message', () => {
    const [incomplete] = mapAll([raw.incomplete('max_output_tokens')]);
    assert.deepEqual(incomplete, { kind: 'terminal', outcome: { status: 'incomplete', reason: 'max_output_tokens' } });

    const [failed] = mapAll([raw.failed('server_error', 'The model crashed while sampling')]);
    assert.ok(failed?.kind === 'terminal' && failed.outcome.status === 'error');
    assert.equal(failed.outcome.error.kind, 'response-failed');
    assert.match(failed.outcome.error.message, /The model crashed while sampling/);
    assert.equal(failed.outcome.error.detail, 'server_error: The model crashed while sampling');

    const [bare] = mapAll([{ type: 'response.failed', response: {} }]);
    assert.ok(bare?.kind === 'terminal' && bare.outcome.status === 'error');
    assert.match(bare.outcome.error.message, /no reason given/);

    const [noReason] = mapAll([{ type: 'response.incomplete', response: { incomplete_details: null } }]);
    assert.deepEqual(noReason, { kind: 'terminal', outcome: { status: 'incomplete', reason: 'unknown' } });
  });

  it('maps an SSE error event to stream-error with its message', () => {
    const [step] = mapAll([raw.errorEvent('internal_error', 'Sampling failed')]);
    assert.ok(step?.kind === 'terminal' && step.outcome.status === 'error');
    assert.equal(step.outcome.error.kind, 'stream-error');
    assert.match(step.outcome.error.message, /Sampling failed/);
  });

  it('ignores unknown and typeless events', () => {
    const steps = mapAll([
      { type: 'response.some_future_event', payload: { a: 1 } },
      { type: 'response.content_part.added', part: { type: 'output_text', text: '' } },
      { no: 'type' },
      42,
      null,
      'string',
      [],
    ]);
    assert.deepEqual(steps, []);
  });

  it('ends with stream-error when a text delta is not a string, naming what was wrong', () => {
    for (const bad of [null, 42, { text: 'x' }, ['a']]) {
      const [step] = mapAll([raw.delta(bad)]);
      assert.ok(step?.kind === 'terminal' && step.outcome.status === 'error', `delta ${JSON.stringify(bad)}`);
      assert.equal(step.outcome.error.kind, 'stream-error');
      assert.match(step.outcome.error.detail ?? '', /output_text\.delta/);
    }
  });

  it('tolerates missing or nonsense indices on deltas', () => {
    const [step] = mapAll([{ type: 'response.output_text.delta', delta: 'x', output_index: -3, content_index: 'a' }]);
    assert.deepEqual(step, { kind: 'text-delta', delta: 'x', outputIndex: 0, contentIndex: 0 });
  });

  it('recovers text that output_text.done has beyond the deltas, and ignores a disagreeing done', () => {
    const mapper = new ResponseEventMapper();
    const steps = mapAll([raw.delta('Hello'), raw.textDone('Hello world'), raw.textDone('Something else entirely')], mapper);
    assert.deepEqual(steps.slice(1), [{ kind: 'text-delta', delta: ' world', outputIndex: 0, contentIndex: 0 }]);
    assert.equal(mapper.text, 'Hello world');

    const onlyDone = new ResponseEventMapper();
    mapAll([raw.textDone('Whole answer')], onlyDone);
    assert.equal(onlyDone.text, 'Whole answer');
  });

  it('reports interrupted when the stream ends without a terminal event', () => {
    const mapper = new ResponseEventMapper();
    mapAll([raw.created(), raw.delta('partial')], mapper);
    const outcome = mapper.endOfStream();
    assert.ok(outcome.status === 'error');
    assert.equal(outcome.error.kind, 'interrupted');
    assert.match(outcome.error.message, /cut off/);
  });

  it('treats response.done as a terminal only if nothing standard follows (it may arrive mid-stream)', () => {
    const mapper = new ResponseEventMapper();
    const steps = mapAll([raw.delta('a'), { type: 'response.done', response: { status: 'completed', usage: { input_tokens: 1, output_tokens: 2 } } }, raw.delta('b')], mapper);
    assert.equal(steps.length, 2, 'response.done is not emitted and does not stop the stream');
    assert.deepEqual(mapper.endOfStream(), { status: 'completed', usage: { inputTokens: 1, outputTokens: 2, totalTokens: 3 } });
  });
});
