/**
 * How an int64 (a bigint in a JSON answer) is written: a bare JSON number, the default and the contract, or a JSON
 * string of its digits, for the clients that ask for it (JavaScript's JSON.parse rounds numbers above 2^53).
 */
export enum Int64Form {
  Number = 'number',
  String = 'string',
}

/**
 * JSON.stringify with one difference: a bigint is written as a bare JSON number with all its digits, so
 * an int64 id above 2^53 leaves the service exact (9007199254740993 stays 9007199254740993), or, in
 * {@link Int64Form.String}, as a string of them (`"9007199254740993"`). Everything else is serialized exactly as
 * JSON.stringify would (toJSON, undefined and functions skipped, and so on).
 */
export function stringifyJson(value: unknown, int64: Int64Form = Int64Form.Number): string {
  return write(value, '', int64 === Int64Form.String) ?? 'null';
}

/** The characters JSON.stringify escapes in a string: a string without any is written as it is, quoted. */
// eslint-disable-next-line no-control-regex -- the control characters are among them
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function quote(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/**
 * `key` is the name or index the value has in its parent, for a toJSON method (an index only becomes text then);
 * `quoted`, whether a bigint is written as a string.
 */
function write(value: unknown, key: string | number, quoted: boolean): string | undefined {
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
      return quoted ? `"${value.toString()}"` : value.toString();
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value) ? writeArray(value, quoted) : writeObject(value as Record<string, unknown>, quoted);
    default:
      return undefined;
  }
}

function writeArray(items: unknown[], quoted: boolean): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ',';
    out += write(items[i], i, quoted) ?? 'null';
  }
  return out + ']';
}

function writeObject(object: Record<string, unknown>, quoted: boolean): string {
  let out = '';
  for (const key of Object.keys(object)) {
    const text = write(object[key], key, quoted);
    if (text === undefined) continue;
    out += (out === '' ? '{' : ',') + quote(key) + ':' + text;
  }
  return out === '' ? '{}' : out + '}';
}
