import fc from 'fast-check';
import { Int64Form, stringifyJson } from './lossless-json';

describe('stringifyJson', () => {
  it('writes a bigint as a bare number with every digit', () => {
    expect(stringifyJson({ id: 9007199254740993n, max: 9223372036854775807n })).toBe(
      '{"id":9007199254740993,"max":9223372036854775807}',
    );
  });

  it('writes a bigint as a string of its digits when asked to, and nothing else differently', () => {
    const value = { id: 9007199254740993n, ids: [1n, 2n], nested: { id: 3n }, n: 4, s: '5', price: 0.02, none: null };
    expect(stringifyJson(value, Int64Form.String)).toBe(
      '{"id":"9007199254740993","ids":["1","2"],"nested":{"id":"3"},"n":4,"s":"5","price":0.02,"none":null}',
    );
    expect(stringifyJson(value, Int64Form.Number)).toBe(stringifyJson(value));
  });

  it('writes any int64 as a string that reads back exactly, when asked to', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), (id) => {
        const parsed = JSON.parse(stringifyJson({ id }, Int64Form.String)) as { id: string };
        expect(BigInt(parsed.id)).toBe(id);
      }),
    );
  });

  it('writes bigints inside arrays and nested objects', () => {
    expect(stringifyJson({ calls: [{ id: 1n }, { id: 2n }] })).toBe('{"calls":[{"id":1},{"id":2}]}');
  });

  it('keeps the key order of the object', () => {
    expect(stringifyJson({ b: 1, a: 2, c: 3 })).toBe('{"b":1,"a":2,"c":3}');
  });

  it('skips undefined and functions as JSON.stringify does, and honours toJSON', () => {
    const value = { a: undefined, f: () => 1, d: new Date(Date.UTC(2026, 0, 2)), n: null, list: [undefined, () => 1] };
    expect(stringifyJson(value)).toBe(JSON.stringify(value));
  });

  it('escapes strings so that no text can pass for a number', () => {
    expect(stringifyJson({ note: '9007199254740993', evil: '"},{"x":1' })).toBe(
      '{"note":"9007199254740993","evil":"\\"},{\\"x\\":1"}',
    );
  });

  it('writes anything without a bigint exactly as JSON.stringify does', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(stringifyJson(value)).toBe(JSON.stringify(value));
      }),
    );
  });

  it('writes any string, as a value or a key, as JSON.stringify does: controls, quotes and lone surrogates', () => {
    const anyUnit = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) });
    const text = fc.oneof(anyUnit, fc.string({ unit: 'binary' }), fc.constantFrom('"', '\\', '\u2028', '\ud800', ''));
    fc.assert(
      fc.property(text, text, (key, value) => {
        expect(stringifyJson({ [key]: value, list: [value] })).toBe(JSON.stringify({ [key]: value, list: [value] }));
      }),
    );
  });

  it('writes any number as JSON.stringify does, -0, NaN and the infinities included', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer(), fc.constantFrom(-0, 1e21, 5e-324, NaN, -Infinity)), (n) => {
        expect(stringifyJson([n, { n }])).toBe(JSON.stringify([n, { n }]));
      }),
    );
  });

  it("hands toJSON the value's key, an array item its index as text", () => {
    const echo = { toJSON: (key: string) => `key ${key}` };
    const value = { a: echo, list: [echo, echo] };
    expect(stringifyJson(value)).toBe(JSON.stringify(value));
    expect(stringifyJson(echo)).toBe(JSON.stringify(echo));
  });

  it('writes any int64 so that it reads back exactly', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), (id) => {
        const text = stringifyJson({ id });
        expect(BigInt(/^\{"id":(-?\d+)\}$/.exec(text)?.[1] ?? 'x')).toBe(id);
      }),
    );
  });
});
