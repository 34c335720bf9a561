import { isInteger, isSafeNumber } from 'lossless-json';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';

export const MAX_JSON_DEPTH = 32;

/**
 * Keys and array items a request body may hold, at every depth together, unless its route says otherwise. The
 * largest body of any route (a dialer call) has 20 fields; a body with fifty times that is no request of this API,
 * and refusing it at once keeps the cost of a body bounded by its size whatever its shape. A route whose body is a
 * list (the call batch's ids) declares its own bound with `AcceptsBody({ members })`.
 */
export const MAX_JSON_MEMBERS = 1000;

/**
 * Characters a number of a request body may have. An int64 has at most 20 and a double written out about 24;
 * without a bound, one integer of a million digits would cost its conversion to a bigint (and back, for an
 * idempotency fingerprint) far more than a body of that size costs in any other shape.
 */
export const MAX_JSON_NUMBER_LENGTH = 64;

/**
 * JSON.parse, except that an integer beyond 2^53 becomes a bigint with all its digits, so that an int64
 * id sent as a JSON number (9007199254740993) arrives exact. Duplicate keys with different values, nesting
 * deeper than {@link MAX_JSON_DEPTH}, more than `maxMembers` keys and items and a number longer than
 * {@link MAX_JSON_NUMBER_LENGTH} characters are refused with
 * MALFORMED_JSON; `__proto__` is an ordinary key. Only whitespace is undefined (no body).
 *
 * One pass, whose cost is linear in the length of the text whatever its shape: strings are found with indexOf
 * and decoded by the engine's own JSON.parse, and the member limit stops a text of many small values early.
 */
export function parseJsonLossless(source: string, maxMembers = MAX_JSON_MEMBERS): unknown {
  const reader = new Reader(source, maxMembers);
  reader.skipWhitespace();
  if (reader.at === source.length) return undefined;
  const value = reader.value(0);
  reader.skipWhitespace();
  if (reader.at !== source.length) throw malformed();
  return value;
}

const malformed = () => new AppError(ErrorCode.MalformedJson);

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const NUMBER_TOKEN = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

class Reader {
  at = 0;
  private members = 0;

  constructor(
    private readonly source: string,
    private readonly maxMembers: number,
  ) {}

  value(depth: number): unknown {
    const c = this.source.charCodeAt(this.at);
    if (c === QUOTE) return this.string();
    if (c === OPEN_OBJECT) return this.object(depth + 1);
    if (c === OPEN_ARRAY) return this.array(depth + 1);
    if (c === 0x74) return this.literal('true', true);
    if (c === 0x66) return this.literal('false', false);
    if (c === 0x6e) return this.literal('null', null);
    return this.number();
  }

  skipWhitespace(): void {
    const { source } = this;
    for (;;) {
      const c = source.charCodeAt(this.at);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return;
      this.at++;
    }
  }

  private object(depth: number): Record<string, unknown> {
    this.enter(depth);
    const object: Record<string, unknown> = {};
    this.skipWhitespace();
    if (this.source.charCodeAt(this.at) === CLOSE_OBJECT) {
      this.at++;
      return object;
    }
    for (;;) {
      this.countMember();
      if (this.source.charCodeAt(this.at) !== QUOTE) throw malformed();
      const key = this.string();
      this.skipWhitespace();
      this.expect(COLON);
      this.skipWhitespace();
      const value = this.value(depth);
      if (Object.hasOwn(object, key)) {
        if (!sameJson(object[key], value)) throw malformed();
      } else if (key === '__proto__') {
        Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
      } else {
        object[key] = value;
      }
      this.skipWhitespace();
      if (this.source.charCodeAt(this.at) === CLOSE_OBJECT) {
        this.at++;
        return object;
      }
      this.expect(COMMA);
      this.skipWhitespace();
    }
  }

  private array(depth: number): unknown[] {
    this.enter(depth);
    const items: unknown[] = [];
    this.skipWhitespace();
    if (this.source.charCodeAt(this.at) === CLOSE_ARRAY) {
      this.at++;
      return items;
    }
    for (;;) {
      this.countMember();
      items.push(this.value(depth));
      this.skipWhitespace();
      if (this.source.charCodeAt(this.at) === CLOSE_ARRAY) {
        this.at++;
        return items;
      }
      this.expect(COMMA);
      this.skipWhitespace();
    }
  }

  /** A string token: its end found with indexOf, its escapes decoded (and checked) by JSON.parse. */
  private string(): string {
    const { source } = this;
    let end = source.indexOf('"', this.at + 1);
    while (end !== -1 && isEscaped(source, end)) end = source.indexOf('"', end + 1);
    if (end === -1) throw malformed();
    const token = source.slice(this.at, end + 1);
    this.at = end + 1;
    try {
      return JSON.parse(token) as string;
    } catch {
      throw malformed();
    }
  }

  private number(): number | bigint {
    NUMBER_TOKEN.lastIndex = this.at;
    const match = NUMBER_TOKEN.exec(this.source);
    if (match === null) throw malformed();
    const digits = match[0];
    if (digits.length > MAX_JSON_NUMBER_LENGTH) {
      throw new AppError(
        ErrorCode.MalformedJson,
        `A number of the request body is longer than ${MAX_JSON_NUMBER_LENGTH} characters; no field takes one that long.`,
      );
    }
    this.at += digits.length;
    return isInteger(digits) && !isSafeNumber(digits) ? BigInt(digits) : Number.parseFloat(digits);
  }

  private literal<T>(text: string, value: T): T {
    if (!this.source.startsWith(text, this.at)) throw malformed();
    this.at += text.length;
    return value;
  }

  private expect(c: number): void {
    if (this.source.charCodeAt(this.at) !== c) throw malformed();
    this.at++;
  }

  private enter(depth: number): void {
    if (depth > MAX_JSON_DEPTH) {
      throw new AppError(ErrorCode.MalformedJson, `The request body nests deeper than ${MAX_JSON_DEPTH} levels.`);
    }
    this.at++;
  }

  private countMember(): void {
    if (++this.members > this.maxMembers) {
      throw new AppError(
        ErrorCode.MalformedJson,
        `The request body holds more than ${this.maxMembers} keys and array items; no operation takes that many.`,
      );
    }
  }
}

/** Whether the quote at `index` is escaped: preceded by an odd number of backslashes. */
function isEscaped(source: string, index: number): boolean {
  let backslashes = 0;
  while (source.charCodeAt(index - 1 - backslashes) === BACKSLASH) backslashes++;
  return backslashes % 2 === 1;
}

/** Deep equality of two parsed JSON values (a key given twice with the same value is no conflict). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every(
    (key) =>
      Object.hasOwn(b, key) && sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}
