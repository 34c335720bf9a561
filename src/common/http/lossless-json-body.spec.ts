import fc from 'fast-check';
import { isInteger, isSafeNumber, parse } from 'lossless-json';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';
import { MAX_JSON_DEPTH, MAX_JSON_MEMBERS, MAX_JSON_NUMBER_LENGTH, parseJsonLossless } from './lossless-json-body';

/** What the service read bodies with before, the reference of the properties below. */
const losslessJson = (text: string) =>
  parse(text, null, (digits) =>
    isInteger(digits) && !isSafeNumber(digits) ? BigInt(digits) : Number.parseFloat(digits),
  );

describe('parseJsonLossless', () => {
  it('keeps integers beyond 2^53 exact, as bigints', () => {
    expect(parseJsonLossless('{"leadId": 9007199254740993, "n": [9223372036854775807, -9223372036854775808]}')).toEqual(
      {
        leadId: 9007199254740993n,
        n: [9223372036854775807n, -9223372036854775808n],
      },
    );
  });

  it('reads everything else as JSON.parse does', () => {
    const text =
      '{"a": 1, "b": -2.5, "c": 1e3, "d": "x\\u00e9\\n", "e": [true, false, null], "f": {}, "g": 9007199254740991}';
    expect(parseJsonLossless(text)).toEqual(JSON.parse(text));
  });

  it('keeps __proto__ an ordinary key, never the prototype', () => {
    const value = parseJsonLossless('{"__proto__": {"isAdmin": true}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect((value as { isAdmin?: unknown }).isAdmin).toBeUndefined();
    expect(Object.keys(value)).toEqual(['__proto__']);
  });

  it('reads any JSON text as lossless-json does, whitespace, escapes and numbers included', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.constantFrom(0, 2), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        expect(parseJsonLossless(text)).toEqual(losslessJson(text));
      }),
    );
  });

  it('reads numbers exactly as lossless-json does: a bigint where a double would lose digits', () => {
    const number = fc.oneof(
      fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
      fc.constantFrom('9007199254740992', '9007199254740993', '10000000000000000000', '1e400', '-0', '0.1e-2'),
    );
    fc.assert(
      fc.property(number, (digits) => {
        const text = `[${digits}]`;
        expect(parseJsonLossless(text)).toEqual(losslessJson(text));
      }),
    );
  });

  it('refuses exactly the texts lossless-json refuses, and reads the others alike', () => {
    const jsonish = fc.string({
      unit: fc.constantFrom(...'{}[]":,\\ -+.eE0123456789abtrufnl\u00e9'.split('')),
      maxLength: 30,
    });
    const damaged = fc
      .tuple(fc.json({ maxDepth: 3 }), fc.nat(), fc.constantFrom('', '"', ',', '}', ']', '\\', ' ', '0', '\u0001'))
      .map(
        ([text, at, insert]) =>
          text.slice(0, at % (text.length + 1)) + insert + text.slice((at % (text.length + 1)) + 1),
      );
    fc.assert(
      fc.property(fc.oneof(jsonish, damaged), (text) => {
        const outcome = (read: (t: string) => unknown) => {
          try {
            return { value: read(text) };
          } catch {
            return 'refused';
          }
        };
        expect(outcome(parseJsonLossless)).toEqual(outcome((t) => (t.trim() === '' ? undefined : losslessJson(t))));
      }),
      { numRuns: 2000 },
    );
  });

  it('takes a key twice only with the same value', () => {
    expect(parseJsonLossless('{"a": [1, {"b": 2}], "a": [1, {"b": 2}]}')).toEqual({ a: [1, { b: 2 }] });
    expect(() => parseJsonLossless('{"a": [1, {"b": 2}], "a": [1, {"b": 3}]}')).toThrow(
      new AppError(ErrorCode.MalformedJson),
    );
  });

  it('reads a text of only whitespace as no body', () => {
    expect(parseJsonLossless(' \r\n\t ')).toBeUndefined();
  });

  it(`refuses more than ${MAX_JSON_MEMBERS} keys and array items, counted at every depth`, () => {
    const keys = (n: number) => `{${Array.from({ length: n }, (_, i) => `"${i}":0`).join(',')}}`;
    expect(Object.keys(parseJsonLossless(keys(MAX_JSON_MEMBERS)) as object)).toHaveLength(MAX_JSON_MEMBERS);
    const tooMany = [
      keys(MAX_JSON_MEMBERS + 1),
      `[${Array(MAX_JSON_MEMBERS + 1)
        .fill(0)
        .join(',')}]`,
      `{"a":[${Array(MAX_JSON_MEMBERS / 2)
        .fill(0)
        .join(',')}],"b":{${Array.from({ length: MAX_JSON_MEMBERS / 2 }, (_, i) => `"${i}":[]`).join(',')}}}`,
      `{"firstName":"K",${keys(115_000).slice(1)}`,
    ];
    for (const text of tooMany) {
      expect(() => parseJsonLossless(text)).toThrow(
        new AppError(
          ErrorCode.MalformedJson,
          `The request body holds more than ${MAX_JSON_MEMBERS} keys and array items; no operation takes that many.`,
        ),
      );
    }
  });

  it('takes the bound a route gives instead', () => {
    const list = (n: number) => `{"ids":[${Array(n).fill(7).join(',')}]}`;
    expect(parseJsonLossless(list(1999), 2000)).toEqual({ ids: Array(1999).fill(7) });
    expect(() => parseJsonLossless(list(2000), 2000)).toThrow(
      new AppError(
        ErrorCode.MalformedJson,
        'The request body holds more than 2000 keys and array items; no operation takes that many.',
      ),
    );
  });

  it.each([
    '{',
    '{"a":1,}',
    "{'a':1}",
    '[1 2]',
    'NaN',
    '01',
    '{"a":1}{"b":2}',
    '{"a": 1, "a": 2}',
    '"a\u0001"',
    '"\\x"',
    '[1,]',
    '{"a" 1}',
    '-',
    '1.',
    'tru',
    '"abc',
    '"abc\\"',
  ])('refuses %j with MALFORMED_JSON', (text) => {
    expect(() => parseJsonLossless(text)).toThrow(new AppError(ErrorCode.MalformedJson));
  });

  it(`refuses a number longer than ${MAX_JSON_NUMBER_LENGTH} characters, integer or not`, () => {
    const longest = '9'.repeat(MAX_JSON_NUMBER_LENGTH);
    expect(parseJsonLossless(`{"n":${longest}}`)).toEqual({ n: BigInt(longest) });
    expect(parseJsonLossless(`[-0.${'1'.repeat(MAX_JSON_NUMBER_LENGTH - 3)}]`)).toEqual([-0.1111111111111111]);
    const refusal = new AppError(
      ErrorCode.MalformedJson,
      `A number of the request body is longer than ${MAX_JSON_NUMBER_LENGTH} characters; no field takes one that long.`,
    );
    for (const text of [
      `{"n":${longest}9}`,
      `[-${longest}]`,
      `[0.${longest}]`,
      `[1e${longest}]`,
      `{"id":${'7'.repeat(1_000_000)}}`,
    ]) {
      expect(() => parseJsonLossless(text)).toThrow(refusal);
    }
  });

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH} levels, also far deeper than the stack`, () => {
    expect(parseJsonLossless('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH))).toBeDefined();
    for (const depth of [MAX_JSON_DEPTH + 1, 1_000_000]) {
      expect(() => parseJsonLossless('['.repeat(depth) + ']'.repeat(depth))).toThrow(
        expect.objectContaining({ code: ErrorCode.MalformedJson }) as AppError,
      );
    }
  });

  it('does not count brackets inside strings', () => {
    expect(parseJsonLossless(JSON.stringify({ note: '['.repeat(1000) }))).toEqual({ note: '['.repeat(1000) });
  });
});
