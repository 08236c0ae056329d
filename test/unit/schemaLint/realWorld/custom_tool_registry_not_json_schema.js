// Source: lifehaverdev/stationthisdeluxebot src/core/tools/definitions/stringPrimitiveTool.js. Trimmed.
// A bot's own tool registry: `inputSchema` maps field names to field descriptors, not JSON Schema, and the
// object has no `name`. Not a function tool.
const stringPrimitiveTool = {
  toolId: 'string-primitive',
  service: 'string',
  displayName: 'String Primitive',
  description: 'Perform basic string operations like concat and replace.',
  inputSchema: {
    operation: {
      name: 'operation',
      type: 'enum',
      required: true,
      description: 'Operation to perform',
      enum: ['concat', 'replace']
    },
    stringA: {
      name: 'stringA',
      type: 'string',
      required: true,
      description: 'Primary string input.'
    }
  },
  outputSchema: {
    result: { name: 'result', type: 'string', description: 'The resulting string after operation.' }
  },
  category: 'text-to-text',
};

module.exports = stringPrimitiveTool;
