import assert from 'node:assert/strict';
import type { Json } from './sdkHelpers';
import { UUID, collect, deltaText, last, types, useFakeServer } from './sdkHelpers';

function byType(events: Json[], type: string): Json[] {
  return events.filter((event) => event.type === type);
}

function completedResponse(events: Json[]): Json {
  const completed = last(events);
  assert.equal(completed.type, 'response.completed');
  return completed.response as Json;
}

function messageText(response: Json): string {
  const message = (response.output as Json[]).find((item) => item.type === 'message');
  assert.ok(message, 'the response has a message item');
  return ((message.content as Json[])[0] as { text: string }).text;
}

/** The info strings of top-level fenced blocks; fails on an unclosed fence. */
function openingFenceInfos(markdown: string): string[] {
  const infos: string[] = [];
  let open: string | undefined;
  for (const line of markdown.split('\n')) {
    const fence = /^(`{3,})(.*)$/.exec(line);
    if (!fence) continue;
    if (open === undefined) {
      open = fence[1];
      infos.push(fence[2]);
    } else if (fence[1].length >= open.length && fence[2] === '') {
      open = undefined;
    }
  }
  assert.equal(open, undefined, 'every fence is closed');
  return infos;
}

describe('fake server: answering scenarios through the openai SDK', () => {
  const fake = useFakeServer();

  it('plain: the full event order of the fact sheet, ids, sequence numbers and xAI usage', async () => {
    fake.server.queueScenarios('plain');
    const { events, error } = await collect(fake.client);
    assert.equal(error, undefined);
    const names = types(events);
    const deltas = names.filter((t) => t === 'response.output_text.delta').length;
    assert.ok(deltas > 10, `many deltas, got ${deltas}`);
    assert.deepEqual(names, [
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      ...Array<string>(deltas).fill('response.output_text.delta'),
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    events.forEach((event, index) => assert.equal(event.sequence_number, index));

    const response = completedResponse(events);
    assert.match(String(response.id), UUID);
    assert.equal((events[0].response as Json).id, response.id);
    assert.equal(response.status, 'completed');
    assert.equal(response.model, 'grok-build-0.1');
    const item = (events[2].item as Json);
    assert.equal(item.id, `msg_${String(response.id)}`);
    const text = deltaText(events);
    assert.equal(byType(events, 'response.output_text.done')[0].text, text);
    assert.equal(messageText(response), text);
    assert.match(text, /^## /m);
    assert.match(text, /^- /m);
    assert.match(text, /`[^`]+`/);

    const usage = response.usage as Record<string, number> & { output_tokens_details: Json; input_tokens_details: Json };
    assert.ok(usage.input_tokens > 0 && usage.output_tokens > 0);
    assert.equal(usage.total_tokens, usage.input_tokens + usage.output_tokens);
    assert.ok(Number(usage.output_tokens_details.reasoning_tokens) <= usage.output_tokens);
    assert.equal(usage.input_tokens_details.cached_tokens, 0);
    for (const extra of ['num_sources_used', 'num_server_side_tools_used', 'cost_in_usd_ticks']) assert.equal(typeof usage[extra], 'number', extra);
  });

  it('citations: web search events, inline [[N]](url) links, then annotations spanning each link in UTF-16 units', async () => {
    fake.server.queueScenarios('citations');
    const { events, error } = await collect(fake.client);
    assert.equal(error, undefined);
    const names = types(events);
    const searchOrder = [
      'response.output_item.added',
      'response.web_search_call.in_progress',
      'response.web_search_call.searching',
      'response.web_search_call.completed',
      'response.output_item.done',
    ];
    assert.deepEqual(names.slice(2, 7), searchOrder);
    const searchItem = events[6].item as { id: string; type: string; action: { type: string; query: string; sources: { type: string; url: string }[] } };
    assert.equal(searchItem.type, 'web_search_call');
    assert.match(searchItem.id, /^ws_/);
    assert.equal(searchItem.action.type, 'search');
    assert.ok(searchItem.action.query.length > 0);
    assert.ok(searchItem.action.sources.every((source) => source.type === 'url' && source.url.startsWith('https://')));
    for (const event of events.slice(3, 6)) assert.equal(event.item_id, searchItem.id);

    const lastDelta = names.lastIndexOf('response.output_text.delta');
    const annotationEvents = byType(events, 'response.output_text.annotation.added');
    assert.ok(annotationEvents.length >= 5);
    assert.ok(names.indexOf('response.output_text.annotation.added') > lastDelta, 'annotations come after the last delta');
    assert.ok(names.lastIndexOf('response.output_text.annotation.added') < names.indexOf('response.output_text.done'));
    annotationEvents.forEach((event, index) => assert.equal(event.annotation_index, index));

    const text = deltaText(events);
    const annotations = annotationEvents.map((event) => event.annotation as { type: string; url: string; title: string; start_index: number; end_index: number });
    for (const annotation of annotations) {
      assert.equal(annotation.type, 'url_citation');
      assert.equal(text.slice(annotation.start_index, annotation.end_index), `[[${annotation.title}]](${annotation.url})`);
    }
    const urls = annotations.map((a) => a.url);
    const repeated = urls.find((url, index) => urls.indexOf(url) !== index);
    assert.ok(repeated, 'a source is cited twice');
    assert.equal(new Set(annotations.filter((a) => a.url === repeated).map((a) => a.title)).size, 1, 'a repeated source keeps its number');
    assert.ok(urls.includes('https://en.wikipedia.org/wiki/XAI_(company)'));
    // The first citation follows an emoji, so UTF-16 and code-point offsets disagree from there on.
    const first = annotations[0];
    assert.match(text.slice(0, first.start_index), /\p{Extended_Pictographic}/u);
    assert.notEqual(Array.from(text).slice(first.start_index, first.end_index).join(''), text.slice(first.start_index, first.end_index));
    // Numbers appear in increasing order of first use.
    const firstUse = [...new Set(annotations.map((a) => Number(a.title)))];
    assert.deepEqual(firstUse, [...firstUse].sort((a, b) => a - b));
    assert.equal(firstUse[0], 1);

    const response = completedResponse(events);
    const part = ((response.output as Json[])[1].content as Json[])[0];
    assert.deepEqual(part.annotations, annotations);
    assert.equal((response.usage as Json).num_sources_used, new Set(searchItem.action.sources.map((s) => s.url)).size);
  });

  it('code: several fenced blocks (ts, python, a bare fence, a longer fence around a nested one)', async () => {
    fake.server.queueScenarios('code');
    const { events, error } = await collect(fake.client);
    assert.equal(error, undefined);
    assert.deepEqual(openingFenceInfos(deltaText(events)), ['ts', 'python', '', 'markdown']);
    assert.equal(last(events).type, 'response.completed');
  });

  it('reasoning: a reasoning item with a streamed summary, then the message', async () => {
    fake.server.queueScenarios('reasoning');
    const { events, error } = await collect(fake.client);
    assert.equal(error, undefined);
    const names = types(events);
    const summaryDeltas = byType(events, 'response.reasoning_summary_text.delta');
    assert.ok(summaryDeltas.length > 3);
    assert.deepEqual(names.slice(2, 4), ['response.output_item.added', 'response.reasoning_summary_part.added']);
    const afterDeltas = names.lastIndexOf('response.reasoning_summary_text.delta') + 1;
    assert.deepEqual(names.slice(afterDeltas, afterDeltas + 4), [
      'response.reasoning_summary_text.done',
      'response.reasoning_summary_part.done',
      'response.output_item.done',
      'response.output_item.added',
    ]);
    const reasoningItem = events[2].item as Json;
    assert.equal(reasoningItem.type, 'reasoning');
    assert.match(String(reasoningItem.id), /^rs_/);
    const summary = summaryDeltas.map((event) => String(event.delta)).join('');
    assert.equal(byType(events, 'response.reasoning_summary_text.done')[0].text, summary);
    assert.ok(summaryDeltas.every((event) => event.item_id === reasoningItem.id && event.summary_index === 0));
    assert.equal((events[afterDeltas + 3].item as Json).type, 'message');
    assert.equal(deltaText(events).length > 0, true);
    assert.equal(last(events).type, 'response.completed');
  });

  it('unknown-events: events the SDK does not know are interleaved and the answer still completes', async () => {
    fake.server.queueScenarios('unknown-events');
    const { events, error } = await collect(fake.client);
    assert.equal(error, undefined);
    const names = new Set(types(events));
    for (const type of ['response.x_search_call.in_progress', 'response.custom_tool_call_input.delta', 'response.some_future_event', 'response.done']) {
      assert.ok(names.has(type), type);
    }
    const customItem = byType(events, 'response.output_item.added').map((e) => e.item as Json).find((item) => item.type === 'custom_tool_call');
    assert.ok(customItem);
    assert.equal(customItem.name, 'x_search');
    const typesInOrder = types(events);
    const firstDelta = typesInOrder.indexOf('response.output_text.delta');
    const lastDelta = typesInOrder.lastIndexOf('response.output_text.delta');
    assert.ok(typesInOrder.slice(firstDelta, lastDelta).includes('response.some_future_event'), 'unknown events arrive between deltas');
    assert.equal(last(events).type, 'response.completed');
    assert.equal(messageText(completedResponse(events)), deltaText(events));
  });

  it('long: ~40 KB with fifty annotated citations and ten code blocks, the same text every time', async () => {
    fake.server.queueScenarios('long', 'long');
    const first = await collect(fake.client);
    const second = await collect(fake.client);
    assert.equal(first.error, undefined);
    const text = deltaText(first.events);
    assert.equal(text, deltaText(second.events));
    assert.ok(text.length > 35_000 && text.length < 45_000, `length ${text.length}`);
    assert.equal((text.match(/^```/gm) ?? []).length, 20);
    const annotations = byType(first.events, 'response.output_text.annotation.added').map((e) => e.annotation as { url: string; title: string; start_index: number; end_index: number });
    assert.equal(annotations.length, 50);
    for (const a of annotations) assert.equal(text.slice(a.start_index, a.end_index), `[[${a.title}]](${a.url})`);
    assert.ok(byType(first.events, 'response.output_text.delta').length > 8000, 'small deltas, as a benchmark needs');
  });

  it('answers a non-streamed request with the final Response object', async () => {
    fake.server.queueScenarios('plain');
    const response = await fake.client.responses.create({ model: 'grok-build-0.1', input: 'Hello' });
    assert.equal(response.status, 'completed');
    assert.match(response.output_text, /^## What this code does/);
    assert.ok(response.usage && response.usage.total_tokens > 0);
  });
});
