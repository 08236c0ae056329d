/** How values are named in messages: `the string "x"`, `["object","null"]`, `z.string()`. */
import type { StaticValue } from './staticValue';

export function describeLiteral(value: StaticValue): string {
  if (value.label !== undefined) return value.label;
  switch (value.kind) {
    case 'string':
      return `the string ${JSON.stringify(truncate(value.value, 40))}`;
    case 'number':
      return `the number ${value.value}`;
    case 'boolean':
      return `the boolean schema ${value.value}`;
    case 'null':
      return 'null';
    case 'array':
      return 'a list';
    case 'object':
      return 'an object';
    case 'unknown':
      return value.reason;
  }
}

export function compactJson(value: StaticValue): string {
  switch (value.kind) {
    case 'string':
      return JSON.stringify(value.value);
    case 'number':
    case 'boolean':
      return String(value.value);
    case 'null':
      return 'null';
    case 'array':
      return `[${value.items.map(compactJson).join(',')}]`;
    case 'object':
      return '{…}';
    case 'unknown':
      return '…';
  }
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
