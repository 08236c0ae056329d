/**
 * Fast path for YAML: js-yaml's event stream (`parseEvents`, offsets into the text) turned into
 * {@link StaticValue}s with ranges. About ten times cheaper than building the `yaml` package's CST, which
 * stays the fallback for text js-yaml rejects (see yamlFrontend.ts). Events give scalar ranges and
 * collection starts; collection ends and block-scalar headers are recovered from the text around them.
 */
import { getScalarValue, parseEvents, type Event, type ScalarEvent } from 'js-yaml';
import { unknownValue, viaReference, type StaticEntry, type StaticValue } from '../staticValue';
import { YamlFixSyntax, type YamlStyle } from './yamlFixSyntax';

const EVENT = { DOCUMENT: 1, SEQUENCE: 2, MAPPING: 3, SCALAR: 4, ALIAS: 5, POP: 6 } as const;
const SCALAR_STYLE = { PLAIN: 1, SINGLE_QUOTED: 2, DOUBLE_QUOTED: 3, LITERAL: 4, FOLDED: 5 } as const;
const COLLECTION_STYLE_FLOW = 2;
/** Standard tags keep a value's meaning; any other tag (`!Ref`, `!include`) makes it unknown. */
const STANDARD_TAG = /^!!(str|int|float|bool|null|map|seq|omap)$/;

interface Frame {
  kind: 'map' | 'seq' | 'document';
  start: number;
  flow: boolean;
  /** Column of this collection (block sequences: the dash). */
  column: number;
  /** See `YamlLayout.parentIndent`. */
  parentIndent: number;
  anchor?: string;
  unknownTag?: string;
  entries: StaticEntry[];
  items: StaticValue[];
  /** The key read and waiting for its value (mappings). */
  key?: { text: string | undefined; start: number; end: number };
  /** End of the last token inside the collection. */
  lastEnd: number;
}

/** One value per document, or `undefined` when js-yaml rejects the text. */
export function yamlDocumentsFromEvents(text: string): StaticValue[] | undefined {
  let events: Event[];
  try {
    events = parseEvents(text, {});
  } catch {
    return undefined;
  }
  return new EventReader(text).read(events);
}

class EventReader {
  private readonly anchors = new Map<string, StaticValue>();
  private readonly documents: StaticValue[] = [];
  private readonly stack: Frame[] = [];
  private readonly eol: string;

  constructor(private readonly text: string) {
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
  }

  read(events: readonly Event[]): StaticValue[] {
    for (const event of events) {
      switch (event.type) {
        case EVENT.DOCUMENT:
          this.anchors.clear();
          this.stack.push(this.frame('document', 0, false, -1, -1));
          break;
        case EVENT.MAPPING:
        case EVENT.SEQUENCE: {
          const parent = this.top();
          const flow = event.style === COLLECTION_STYLE_FLOW;
          const frame = this.frame(event.type === EVENT.MAPPING ? 'map' : 'seq', event.start, flow, this.column(event.start), this.childIndent(parent));
          if (event.anchorStart >= 0) frame.anchor = this.text.slice(event.anchorStart, event.anchorEnd);
          const tag = event.tagStart >= 0 ? this.text.slice(event.tagStart, event.tagEnd) : undefined;
          if (tag !== undefined && !STANDARD_TAG.test(tag)) frame.unknownTag = tag;
          this.stack.push(frame);
          break;
        }
        case EVENT.SCALAR: {
          const value = this.scalar(event);
          this.add(value, event.valueStart >= 0 ? value.end : -1);
          break;
        }
        case EVENT.ALIAS: {
          const site = { start: event.anchorStart - 1, end: event.anchorEnd };
          const name = this.text.slice(event.anchorStart, event.anchorEnd);
          const target = this.anchors.get(name);
          this.add(target === undefined ? unknownValue(site, `alias *${name}`) : viaReference(target, site), site.end);
          break;
        }
        case EVENT.POP:
          this.pop();
          break;
      }
    }
    return this.documents;
  }

  private pop(): void {
    const frame = this.stack.pop();
    if (frame === undefined) return;
    if (frame.kind === 'document') {
      this.documents.push(frame.items[0] ?? { kind: 'null', start: 0, end: 0 });
      return;
    }
    const end = frame.flow ? this.flowEnd(frame) : frame.lastEnd;
    const span = { start: frame.start, end: Math.max(end, frame.start) };
    let value: StaticValue;
    if (frame.unknownTag !== undefined) value = unknownValue(span, `a value tagged ${frame.unknownTag}`);
    else if (frame.kind === 'map') {
      const syntax = this.syntax(frame.flow ? 'flow' : 'block-map', frame.parentIndent);
      value = { kind: 'object', ...span, syntax, entries: frame.entries, ...(frame.flow ? { openEnd: frame.start + 1 } : { block: true }) };
    } else {
      value = { kind: 'array', ...span, syntax: this.syntax(frame.flow ? 'flow' : 'block-seq', frame.parentIndent), items: frame.items };
    }
    if (frame.anchor !== undefined) this.anchors.set(frame.anchor, value);
    this.add(value, span.end);
  }

  /** Adds a finished value to the open collection: a key, a value for the pending key, or an item. */
  private add(value: StaticValue, end: number): void {
    const frame = this.top();
    if (frame === undefined) return;
    if (end >= 0) frame.lastEnd = Math.max(frame.lastEnd, end);
    if (frame.kind !== 'map') {
      frame.items.push(value);
      return;
    }
    if (frame.key === undefined) {
      frame.key = { text: keyText(value, this.text), start: value.site?.start ?? value.start, end: Math.max(end, value.site?.start ?? value.start) };
      return;
    }
    const key = frame.key;
    frame.key = undefined;
    const placed = value.kind === 'null' && value.end === 0 ? { ...value, start: key.end, end: key.end } : value;
    frame.entries.push({ key: key.text, keyStart: key.start, keyEnd: key.end, value: placed });
  }

  private scalar(event: ScalarEvent): StaticValue {
    const parent = this.top();
    const tag = event.tagStart >= 0 ? this.text.slice(event.tagStart, event.tagEnd) : undefined;
    if (event.valueStart < 0) return { kind: 'null', start: 0, end: 0 };
    const block = event.style === SCALAR_STYLE.LITERAL || event.style === SCALAR_STYLE.FOLDED;
    // Event offsets cover a quoted scalar's content: the range includes its quotes.
    const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
    const start = block ? this.blockHeader(event, parent) : quoted ? event.valueStart - 1 : event.valueStart;
    const span = { start, end: quoted ? event.valueEnd + 1 : this.trimEnd(start, event.valueEnd) };
    if (tag !== undefined && !STANDARD_TAG.test(tag)) return unknownValue(span, `a value tagged ${tag}`);
    const style: YamlStyle = block ? 'block-scalar' : event.style === SCALAR_STYLE.PLAIN ? 'plain' : 'quoted';
    const syntax = this.syntax(style, this.childIndent(parent));
    const raw = getScalarValue(this.text, event);
    let value: StaticValue = { kind: 'string', ...span, syntax, value: raw };
    if (event.style === SCALAR_STYLE.PLAIN && tag !== '!!str') value = resolvePlain(raw, value);
    if (event.anchorStart >= 0) this.anchors.set(this.text.slice(event.anchorStart, event.anchorEnd), value);
    return value;
  }

  /** Events give a block scalar's content; its `|`/`>` header comes first, after the key or dash. */
  private blockHeader(event: ScalarEvent, parent: Frame | undefined): number {
    let position = Math.max(parent?.key?.end ?? parent?.lastEnd ?? 0, parent?.start ?? 0, event.anchorEnd, event.tagEnd);
    while (position < event.valueStart) {
      const char = this.text[position];
      if (char === '|' || char === '>') return position;
      if (char === '#' && (position === 0 || /\s/.test(this.text[position - 1]))) {
        const lineEnd = this.text.indexOf('\n', position);
        position = lineEnd < 0 ? event.valueStart : lineEnd;
      }
      position++;
    }
    return event.valueStart;
  }

  /** After a flow collection's last token only separators and comments come before its closing bracket. */
  private flowEnd(frame: Frame): number {
    const closer = frame.kind === 'map' ? '}' : ']';
    let position = Math.max(frame.lastEnd, frame.start + 1);
    while (position < this.text.length) {
      const char = this.text[position];
      if (char === closer) return position + 1;
      if (char === '#' && /\s/.test(this.text[position - 1] ?? ' ')) {
        const lineEnd = this.text.indexOf('\n', position);
        position = lineEnd < 0 ? this.text.length : lineEnd;
      }
      position++;
    }
    return this.text.length;
  }

  /** The indentation a child of `parent` must exceed: its key's column in a mapping, the dash's in a sequence. */
  private childIndent(parent: Frame | undefined): number {
    if (parent === undefined || parent.kind === 'document') return -1;
    if (parent.kind === 'map') return parent.key === undefined ? parent.column : this.column(parent.key.start);
    return parent.column;
  }

  private frame(kind: Frame['kind'], start: number, flow: boolean, column: number, parentIndent: number): Frame {
    return { kind, start, flow, column, parentIndent, entries: [], items: [], lastEnd: start };
  }

  private top(): Frame | undefined {
    return this.stack[this.stack.length - 1];
  }

  private syntax(style: YamlStyle, parentIndent: number): YamlFixSyntax {
    return new YamlFixSyntax(this.text, this.eol, { style, parentIndent });
  }

  private column(offset: number): number {
    return offset - (this.text.lastIndexOf('\n', offset - 1) + 1);
  }

  private trimEnd(start: number, end: number): number {
    while (end > start && /\s/.test(this.text[end - 1])) end--;
    return end;
  }
}

/**
 * A mapping key as JavaScript would see it. `<<` merges are not applied (YAML 1.2) and alias or collection
 * keys are unknown: both hide what the mapping holds.
 */
function keyText(key: StaticValue, text: string): string | undefined {
  if (key.site !== undefined) return undefined;
  if (key.kind === 'string') return key.value === '<<' ? undefined : key.value;
  if (key.kind === 'number' || key.kind === 'boolean' || key.kind === 'null') return text.slice(key.start, key.end);
  return undefined;
}

const NULL = /^(?:~|null|Null|NULL|)$/;
const BOOLEAN = /^(?:true|True|TRUE|false|False|FALSE)$/;
const INTEGER = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const FLOAT = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** YAML 1.2 core schema resolution of a plain scalar (what js-yaml's and `yaml`'s defaults do). */
function resolvePlain(raw: string, value: StaticValue & { kind: 'string' }): StaticValue {
  const { start, end, syntax } = value;
  if (NULL.test(raw)) return { kind: 'null', start, end, ...(syntax === undefined ? {} : { syntax }) };
  if (BOOLEAN.test(raw)) return { kind: 'boolean', start, end, ...(syntax === undefined ? {} : { syntax }), value: raw[0] === 't' || raw[0] === 'T' };
  if (INTEGER.test(raw)) {
    const number = raw.startsWith('0o') ? Number.parseInt(raw.slice(2), 8) : Number(raw);
    return { kind: 'number', start, end, ...(syntax === undefined ? {} : { syntax }), value: number };
  }
  if (FLOAT.test(raw)) {
    const lower = raw.toLowerCase();
    const number = lower.endsWith('.nan') ? Number.NaN : lower.endsWith('.inf') ? (raw.startsWith('-') ? -Infinity : Infinity) : Number(raw);
    return { kind: 'number', start, end, ...(syntax === undefined ? {} : { syntax }), value: number };
  }
  return value;
}
