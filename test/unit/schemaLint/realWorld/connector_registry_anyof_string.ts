// Source: public code (a knowledge-connector registry, createDefaultKnowledgeConnectorRegistry; found via find_string id 59317979563). Trimmed.
// A connector's inputSchema admits a bare URL string, but connectors are not function tools (no `name`).
export function createDefaultKnowledgeConnectorRegistry(): KnowledgeConnectorRegistry {
  const registry = new KnowledgeConnectorRegistry();

  registry.register({
    id: 'url',
    displayName: 'Direct URL',
    version: '1',
    description: 'Ingest a single URL or normalized URL seed.',
    sourceType: 'url',
    inputSchema: {
      anyOf: [
        { type: 'string', format: 'uri' },
        {
          type: 'object',
          properties: { url: { type: 'string', format: 'uri' }, title: { type: 'string' } },
          required: ['url'],
          additionalProperties: true,
        },
      ],
    },
  });

  return registry;
}
