import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';
import { MAX_JSON_DEPTH, parseJsonLossless } from './lossless-json-body';

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

  it.each(['{', '{"a":1,}', "{'a':1}", '[1 2]', 'NaN', '01', '{"a":1}{"b":2}', '{"a": 1, "a": 2}'])(
    'refuses %j with MALFORMED_JSON',
    (text) => {
      expect(() => parseJsonLossless(text)).toThrow(new AppError(ErrorCode.MalformedJson));
    },
  );

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
