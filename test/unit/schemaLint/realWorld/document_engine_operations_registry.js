// Source: public code (a document engine's xlsx operation descriptors, dist/ops/descriptor.js; found via find_string id 60957985158). Trimmed.
// Operation descriptors `{name, verb, summary, inputSchema, valueSchema}` are not function tools: one takes raw
// base64 bytes (a string schema), another a document or bytes. Nothing here is sent to a model as a tool.
import { SpreadsheetDocumentSchema, defineOperations, external_exports } from "../chunk-YMTIFCEA.js";

var DOMAIN = "xlsx";
function jsonSchema(schema) {
  return external_exports.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
}
var ARTIFACT_INPUT = {
  type: "string",
  contentEncoding: "base64",
  description: "XLSX bytes. Base64 over the wire; a Uint8Array or Buffer in-process."
};
var HAND_WRITTEN = defineOperations([
  {
    name: "xlsx.validate",
    domain: DOMAIN,
    verb: "validate",
    summary: "Lint a spreadsheet document, or inspect workbook bytes, without modifying either.",
    inputSchema: {
      anyOf: [jsonSchema(SpreadsheetDocumentSchema), ARTIFACT_INPUT],
      description: "A structured document to lint, or workbook bytes to inspect."
    },
    deterministic: true
  },
  {
    name: "xlsx.repair",
    domain: DOMAIN,
    verb: "repair",
    summary: "Repair defects in workbook bytes, reporting every change as a loss.",
    inputSchema: ARTIFACT_INPUT,
    deterministic: true
  }
]);
export default HAND_WRITTEN;
