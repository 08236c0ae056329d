/**
 * Plain JavaScript values (a request's tools) as {@link StaticValue}s, following JSON.stringify's view:
 * `undefined` and functions are absent. Ranges come from an optional locator.
 */
import { LazyEntry, unknownValue, type Span, type StaticValue } from './staticValue';

export type JsonPath = readonly (string | number)[];
/** Maps a JSON path (relative to the value given) to a text range; `undefined` when it has none. */
export type ValueLocator = (path: JsonPath) => Span | undefined;

const NO_SPAN: Span = { start: 0, end: 0 };

export function plainToStatic(value: unknown, locate?: ValueLocator): StaticValue {
  return createPlainConverter(locate)(value);
}

/**
 * A converter that, without a locator, converts each object once: shared references stay shared, so a value
 * that reuses one object many times (or contains itself) is not expanded exponentially.
 */
function createPlainConverter(locate?: ValueLocator): (value: unknown) => StaticValue {
  const cache = new WeakMap<object, StaticValue>();

  const convert = (value: unknown, path: JsonPath): StaticValue => {
    const span = locate?.(path) ?? NO_SPAN;
    if (value === null) return { kind: 'null', ...span };
    switch (typeof value) {
      case 'string':
        return { kind: 'string', ...span, value };
      case 'number':
        return { kind: 'number', ...span, value };
      case 'bigint':
        return { kind: 'number', ...span, value: Number(value) };
      case 'boolean':
        return { kind: 'boolean', ...span, value };
      case 'object':
        break;
      default:
        return unknownValue(span, `a ${typeof value}`);
    }
    const cached = locate === undefined ? cache.get(value) : undefined;
    if (cached !== undefined) return cached;
    const converted = convertObject(value, path, span);
    if (locate === undefined) cache.set(value, converted);
    return converted;
  };

  const convertObject = (value: object, path: JsonPath, span: Span): StaticValue => {
    if (Array.isArray(value)) {
      return { kind: 'array', ...span, items: value.map((item, index) => convert(item === undefined ? null : item, [...path, index])) };
    }
    if (value instanceof Map || value instanceof Set || value instanceof Date) return unknownValue(span, `a ${value.constructor.name}`);
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entryValue]) => entryValue !== undefined && typeof entryValue !== 'function' && typeof entryValue !== 'symbol')
      .map(([key, entryValue]) => {
        const entryPath = [...path, key];
        const at = locate?.(entryPath) ?? span;
        return new LazyEntry(key, at.start, at.start, () => convert(entryValue, entryPath));
      });
    return { kind: 'object', ...span, entries };
  };

  return (value) => convert(value, []);
}
