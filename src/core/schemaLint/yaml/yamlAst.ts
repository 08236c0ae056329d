/**
 * Tolerant path for YAML: the `yaml` package's AST (with ranges) as {@link StaticValue}s, used when js-yaml
 * rejects the text (a file being edited). `yaml` recovers from errors and reports where they are, so tools
 * away from the broken part are still linted.
 */
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node } from 'yaml';
import { LazyEntry, unknownValue, viaReference, type Span, type StaticValue } from '../staticValue';
import { YamlFixSyntax, type YamlLayout } from './yamlFixSyntax';

/** Standard tags keep their meaning; a custom tag (`!Ref`, `!include`) makes the value unknown. */
const STANDARD_TAG = /^tag:yaml\.org,2002:/;

export interface ParsedYamlDocument {
  value: StaticValue;
  /** Where the parser found errors. */
  errors: Span[];
}

export function yamlDocumentsFromAst(text: string): ParsedYamlDocument[] {
  const documents: ParsedYamlDocument[] = [];
  for (const document of parseAllDocuments(text, { prettyErrors: false })) {
    if (document.contents === null) continue;
    const converter = new YamlConverter(text, document);
    documents.push({ value: converter.convert(document.contents, -1), errors: document.errors.map((error) => ({ start: error.pos[0], end: error.pos[1] })) });
  }
  return documents;
}

class YamlConverter {
  /** One value per node: aliases share it, so anchors reused many times are converted once. */
  private readonly converted = new Map<Node, StaticValue>();
  private readonly eol: string;

  constructor(
    private readonly text: string,
    private readonly document: Document,
  ) {
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
  }

  convert(node: Node | null | undefined, parentIndent: number): StaticValue {
    if (node === null || node === undefined) return { kind: 'null', start: 0, end: 0 };
    if (isAlias(node)) {
      const site = { start: node.range?.[0] ?? 0, end: node.range?.[1] ?? 0 };
      const target = node.resolve(this.document);
      if (target === undefined) return unknownValue(site, `unresolved alias *${node.source}`);
      return viaReference(this.convert(target, parentIndent), site);
    }
    let value = this.converted.get(node);
    if (value === undefined) {
      value = this.convertNode(node, parentIndent);
      this.converted.set(node, value);
    }
    return value;
  }

  private convertNode(node: Node, parentIndent: number): StaticValue {
    const [start, rawEnd] = node.range ?? [0, 0];
    const span = { start, end: this.trimEnd(start, rawEnd) };
    if (node.tag !== undefined && !STANDARD_TAG.test(node.tag)) return unknownValue(span, `a value tagged ${node.tag}`);
    if (isScalar(node)) {
      const style = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED' ? 'block-scalar' : node.type === 'PLAIN' ? 'plain' : 'quoted';
      const syntax = this.syntax({ style, parentIndent });
      const scalar = node.value;
      if (scalar === null || scalar === undefined) return { kind: 'null', ...span, syntax };
      if (typeof scalar === 'string') return { kind: 'string', ...span, syntax, value: scalar };
      if (typeof scalar === 'number' || typeof scalar === 'bigint') return { kind: 'number', ...span, syntax, value: Number(scalar) };
      if (typeof scalar === 'boolean') return { kind: 'boolean', ...span, syntax, value: scalar };
      return unknownValue(span, 'a non-JSON scalar');
    }
    if (isSeq(node)) {
      const indent = this.column(start);
      const syntax = this.syntax({ style: node.flow ? 'flow' : 'block-seq', parentIndent });
      return { kind: 'array', ...span, syntax, items: node.items.map((item) => this.convert(item as Node | null, indent)) };
    }
    if (isMap(node)) {
      const syntax = this.syntax({ style: node.flow ? 'flow' : 'block-map', parentIndent });
      const entries = node.items.map((pair) => {
        const key = pair.key as Node | null;
        const keyStart = key?.range?.[0] ?? start;
        const keyEnd = key?.range?.[1] ?? keyStart;
        // `<<` merges are not applied (YAML 1.2), and complex keys are unknown: both hide what the map holds.
        const keyText = isScalar(key) && key.value !== null && typeof key.value !== 'object' && key.value !== '<<' ? String(key.value) : undefined;
        const keyColumn = this.column(keyStart);
        return new LazyEntry(keyText, keyStart, keyEnd, () => this.convert(pair.value as Node | null, keyColumn));
      });
      return { kind: 'object', ...span, syntax, entries, ...(node.flow ? { openEnd: start + 1 } : { block: true }) };
    }
    return unknownValue(span, 'an unsupported YAML node');
  }

  private syntax(layout: YamlLayout): YamlFixSyntax {
    return new YamlFixSyntax(this.text, this.eol, layout);
  }

  /** Block nodes' ranges run to the next line; findings and edits should end at the last character. */
  private trimEnd(start: number, end: number): number {
    while (end > start && /\s/.test(this.text[end - 1])) end--;
    return end;
  }

  private column(offset: number): number {
    return offset - (this.text.lastIndexOf('\n', offset - 1) + 1);
  }
}
