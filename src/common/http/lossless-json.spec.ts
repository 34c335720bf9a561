import fc from 'fast-check';
import { stringifyJson } from './lossless-json';

describe('stringifyJson', () => {
  it('writes a bigint as a bare number with every digit', () => {
    expect(stringifyJson({ id: 9007199254740993n, max: 9223372036854775807n })).toBe(
      '{"id":9007199254740993,"max":9223372036854775807}',
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

  it('writes any int64 so that it reads back exactly', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), (id) => {
        const text = stringifyJson({ id });
        expect(BigInt(/^\{"id":(-?\d+)\}$/.exec(text)?.[1] ?? 'x')).toBe(id);
      }),
    );
  });
});
