// Source: public code (provider adapters building @google/genai FunctionDeclarations; found via find_string
// ids 11411819745 and 14277120). Trimmed.
// Gemini's `Type.OBJECT` enum is imported: its value is not known statically, so nothing is judged.
import { GoogleGenAI, Type, type FunctionDeclaration, type GenerateContentConfig } from '@google/genai';

export function buildConfig(chat: Chat): GenerateContentConfig {
  const config: GenerateContentConfig = {};
  if (chat.tools.length > 0) {
    config.tools = chat.tools.map((tool) => ({
      functionDeclarations: [
        {
          name: tool.name,
          description: tool.description,
          parameters: {
            ...tool.parameters,
            type: Type.OBJECT,
          },
        },
      ],
    }));
  }
  return config;
}

export function buildGeminiTools(toolkit: Toolkit): FunctionDeclaration[] {
  return toolkit.getTools().map((tool) => ({
    name: tool.name,
    description: tool.description,
    parameters: {
      type: Type.OBJECT,
      properties: Object.fromEntries(
        Object.entries(tool.parameters).map(([key]) => [key, { type: Type.STRING }]),
      ),
      required: Object.keys(tool.parameters),
    },
  }));
}
