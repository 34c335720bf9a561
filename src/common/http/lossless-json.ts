/**
 * JSON.stringify with one difference: a bigint is written as a bare JSON number with all its digits, so
 * an int64 id above 2^53 leaves the service exact (9007199254740993 stays 9007199254740993). Everything
 * else is serialized exactly as JSON.stringify would (toJSON, undefined and functions skipped, and so on).
 */
export function stringifyJson(value: unknown): string {
  return write(value, '') ?? 'null';
}

/** The characters JSON.stringify escapes in a string: a string without any is written as it is, quoted. */
// eslint-disable-next-line no-control-regex -- the control characters are among them
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function quote(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/** `key` is the name or index the value has in its parent, for a toJSON method (an index only becomes text then). */
function write(value: unknown, key: string | number): string | undefined {
  if (typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: (key: string) => unknown }).toJSON(String(key));
  }
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      // A finite number's JSON text is its shortest round-trip text, String's.
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
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
    out += write(items[i], i) ?? 'null';
  }
  return out + ']';
}

function writeObject(object: Record<string, unknown>): string {
  let out = '';
  for (const key of Object.keys(object)) {
    const text = write(object[key], key);
    if (text === undefined) continue;
    out += (out === '' ? '{' : ',') + quote(key) + ':' + text;
  }
  return out === '' ? '{}' : out + '}';
}
