/**
 * JSON.stringify with one difference: a bigint is written as a bare JSON number with all its digits, so
 * an int64 id above 2^53 leaves the service exact (9007199254740993 stays 9007199254740993). Everything
 * else is serialized exactly as JSON.stringify would (toJSON, undefined and functions skipped, and so on).
 */
export function stringifyJson(value: unknown): string {
  return write(value, '') ?? 'null';
}

function write(value: unknown, key: string): string | undefined {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: (key: string) => unknown }).toJSON(key);
  }
  switch (typeof value) {
    case 'bigint':
      return value.toString();
    case 'string':
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value) ? writeArray(value) : writeObject(value as Record<string, unknown>);
    default:
      return undefined;
  }
}

function writeArray(items: unknown[]): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ',';
    out += write(items[i], String(i)) ?? 'null';
  }
  return out + ']';
}

function writeObject(object: Record<string, unknown>): string {
  let out = '{';
  let first = true;
  for (const key of Object.keys(object)) {
    const text = write(object[key], key);
    if (text === undefined) continue;
    out += (first ? '' : ',') + JSON.stringify(key) + ':' + text;
    first = false;
  }
  return out + '}';
}
