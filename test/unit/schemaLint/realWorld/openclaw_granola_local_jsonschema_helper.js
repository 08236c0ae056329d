// Source: public code (openclaw plugin "granola", index.js; found via find_string id 56449061152). Trimmed.
// A local helper that happens to be called `jsonSchema` takes (type, properties, required): it is not the
// AI SDK's `jsonSchema(schema)` and must not be read as an identity wrapper.
import { definePluginEntry } from "/usr/local/lib/node_modules/openclaw/dist/plugin-sdk/plugin-entry.js";

function jsonSchema(type, properties, required = []) {
  return {
    type,
    properties,
    required,
    additionalProperties: false,
  };
}

export default definePluginEntry({
  id: "granola",
  name: "Granola",
  description: "Granola Personal API tools for meeting notes and transcripts.",
  register(api) {
    api.registerTool({
      name: "granola_get_note",
      description: "Fetch one Granola meeting note by id, with optional transcript inclusion.",
      parameters: jsonSchema(
        "object",
        {
          note_id: { type: "string", description: "Granola note id, like not_1d3tmYTlCICgjy." },
          include_transcript: { type: "boolean", description: "Include the note transcript in the response." },
        },
        ["note_id"],
      ),
      async execute(_id, params) {
        return params;
      },
    });
  },
});
