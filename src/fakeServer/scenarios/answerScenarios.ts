/** Scenarios that answer successfully: the shapes a healthy xAI stream takes. */
import type { ScenarioContext, ScenarioDefinition, StreamPlan } from '../scenarioPlan';
import type { UrlCitationAnnotation } from '../citedText';
import { renderCitedText } from '../citedText';
import { ResponseEventsBuilder } from '../responseEvents';
import { CITATIONS_QUERY, CITATIONS_TEMPLATE, CITATION_SOURCES, CODE_ANSWER, PLAIN_ANSWER, REASONING_SUMMARY, SLOW_ANSWER } from '../answers/fixedAnswers';
import { buildLongAnswer } from '../answers/longAnswer';
import { buildDemoAnswer, describeRequest } from '../answers/demoAnswer';

function completedStream(builder: ResponseEventsBuilder): StreamPlan {
  const finalResponse = builder.complete();
  return { kind: 'stream', status: 200, steps: builder.steps, after: 'end', finalResponse };
}

/** A stream with a single message: created, in_progress, the message's events, completed. */
function messageOnly(context: ScenarioContext, text: string, annotations: UrlCitationAnnotation[] = []): StreamPlan {
  const builder = new ResponseEventsBuilder(context).start().message(text, annotations);
  return completedStream(builder);
}

export const plain: ScenarioDefinition = { build: (context) => messageOnly(context, PLAIN_ANSWER) };

export const code: ScenarioDefinition = { build: (context) => messageOnly(context, CODE_ANSWER) };

export const slow: ScenarioDefinition = {
  pacing: { delayMs: 16, textChunkChars: 3 },
  build: (context) => messageOnly(context, SLOW_ANSWER),
};

export const long: ScenarioDefinition = {
  pacing: { textChunkChars: 4 },
  build: (context) => {
    const { text, annotations } = buildLongAnswer();
    return messageOnly(context, text, annotations);
  },
};

export const citations: ScenarioDefinition = {
  build: (context) => {
    const { text, annotations } = renderCitedText(CITATIONS_TEMPLATE, CITATION_SOURCES);
    const builder = new ResponseEventsBuilder(context).start().webSearch(CITATIONS_QUERY, CITATION_SOURCES).message(text, annotations);
    return completedStream(builder);
  },
};

export const reasoning: ScenarioDefinition = {
  build: (context) => completedStream(new ResponseEventsBuilder(context).start().reasoning(REASONING_SUMMARY).message(PLAIN_ANSWER)),
};

/** Events the SDK's types do not know, interleaved with a normal answer that still completes. */
export const unknownEvents: ScenarioDefinition = {
  build: (context) => {
    const builder = new ResponseEventsBuilder(context).start();
    builder.emit('response.some_future_event', { detail: { note: 'a field no client knows yet' } });
    builder.xSearch('grok vscode extension');
    builder.emit('response.done', {});
    const message = builder.openMessage();
    builder.text(message, PLAIN_ANSWER, (index) => {
      if (index % 5 === 2) builder.emit('response.some_future_event', { item_id: message.id, progress: index });
    });
    builder.closeMessage(message);
    return completedStream(builder);
  },
};

/** The offline demo: a human-paced answer about the request itself. */
export const demo: ScenarioDefinition = {
  pacing: { delayMs: 30, textChunkChars: 6 },
  build: (context) => {
    const instructions = typeof context.request.instructions === 'string' ? context.request.instructions : undefined;
    const { text, annotations } = buildDemoAnswer(describeRequest(context.messages, instructions));
    return messageOnly(context, text, annotations);
  },
};
