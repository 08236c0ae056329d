// Source: public code (a Genkit app, src/ai/flows/*.ts; found via find_string ids 52015662074 and 71345682749). Trimmed.
// Genkit flows take `{name, inputSchema, outputSchema}` too, but a flow is not a function tool: its
// `z.string()` input is legitimate. The tool defined with `ai.defineTool` is judged (its input is an object).
import { z } from 'genkit';
import { googleAI } from '@genkit-ai/google-genai';
import { ai } from '../ai';

export const getWeather = ai.defineTool(
  {
    name: 'getWeather',
    description: 'Gets the current weather in a given city',
    inputSchema: z.object({ city: z.string() }),
    outputSchema: z.string(),
  },
  async ({ city }) => `It is 21C and sunny in ${city}.`
);

export const weatherFlow = ai.defineFlow(
  {
    name: 'weatherFlow',
    inputSchema: z.string().default('Paris'),
    outputSchema: z.string(),
  },
  async (city) => {
    const { text } = await ai.generate({
      model: googleAI.model('gemini-flash-latest'),
      prompt: `What's the weather in ${city}? Answer in one sentence.`,
      tools: [getWeather],
    });
    return text;
  }
);
