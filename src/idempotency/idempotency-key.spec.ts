import fc from 'fast-check';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import { parseJsonLossless } from '../common/http/lossless-json-body';
import { callerOf, canonicalJson, keyHash, parseIdempotencyKey, requestFingerprint } from './idempotency-key';

describe('parseIdempotencyKey', () => {
  it('is null without the header', () => {
    expect(parseIdempotencyKey(undefined)).toBeNull();
  });

  it.each([
    ['a UUID', '5f0c9a52-1d0b-4f1e-9a65-0d6a1c3b7e21'],
    ['one character', 'k'],
    ['255 characters', 'k'.repeat(255)],
    ['every visible ASCII character', '!"#$%&\'()*+,-./0123456789:;<=>?@AZ[\\]^_`az{|}~'],
  ])('takes %s as it is', (_, key) => {
    expect(parseIdempotencyKey(key)).toBe(key);
  });

  it.each([
    ['empty', ''],
    ['256 characters', 'k'.repeat(256)],
    ['a space', 'order 7'],
    ['a tab', 'order\t7'],
    ['DEL', 'order\x7f'],
    ['a byte beyond ASCII', 'ordré'],
    ['two headers joined by Node', 'a, b'],
    ['two headers as an array', ['a', 'b']],
  ])('refuses %s with IDEMPOTENCY_KEY_INVALID', (_, header) => {
    expect(() => parseIdempotencyKey(header)).toThrow(AppError);
    try {
      parseIdempotencyKey(header);
    } catch (error) {
      expect((error as AppError).code).toBe(ErrorCode.IdempotencyKeyInvalid);
    }
  });
});

describe('callerOf', () => {
  it('is the client for a client token, the user for a user token', () => {
    expect(callerOf({ userId: '100234', clientId: null })).toBe('user:100234');
    expect(callerOf({ userId: '100234', clientId: 'cl_abc' })).toBe('client:cl_abc');
  });
});

describe('keyHash', () => {
  it('is 64 lowercase hex digits', () => {
    expect(keyHash('user:1', 'k')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs for another caller, and for the key in another case', () => {
    const hashes = [
      keyHash('user:1', 'order-7'),
      keyHash('user:2', 'order-7'),
      keyHash('client:cl_1', 'order-7'),
      keyHash('user:1', 'ORDER-7'),
    ];
    expect(new Set(hashes).size).toBe(4);
  });

  it('is the same for the same caller and key', () => {
    expect(keyHash('user:1', 'order-7')).toBe(keyHash('user:1', 'order-7'));
  });
});

describe('requestFingerprint', () => {
  const route = 'POST /v1.0/logType';
  const of = (json: string, on = route) => requestFingerprint(on, parseJsonLossless(json));

  it('is the same for the same body, whatever its key order and white space', () => {
    expect(of('{"leadId": 100001, "logType": "logCall", "meta": {"a": 1, "b": [1, 2]}}')).toBe(
      of('{"meta":{"b":[1,2],"a":1},"logType":"logCall","leadId":100001}'),
    );
  });

  it('reads numbers by their value, as the service does', () => {
    expect(of('{"leadId": 100001}')).toBe(of('{"leadId": 100001.0}'));
    expect(of('{"leadId": 1e5}')).toBe(of('{"leadId": 100000}'));
  });

  it('tells int64 ids beyond 2^53 apart', () => {
    expect(of('{"id": 9007199254740993}')).not.toBe(of('{"id": 9007199254740992}'));
  });

  it.each([
    ['another value', '{"content": "b"}'],
    ['another type', '{"content": ["a"]}'],
    ['a field more', '{"content": "a", "isPin": false}'],
    ['null for the field', '{"content": null}'],
  ])('differs for %s', (_, other) => {
    expect(of('{"content": "a"}')).not.toBe(of(other));
  });

  it('differs for a number and the same digits in a string', () => {
    expect(of('{"leadId": 100001}')).not.toBe(of('{"leadId": "100001"}'));
  });

  it('keeps the order of an array', () => {
    expect(of('{"a": [1, 2]}')).not.toBe(of('{"a": [2, 1]}'));
  });

  it('differs on another route', () => {
    expect(of('{"a": 1}')).not.toBe(of('{"a": 1}', 'POST /v1.0/leads'));
  });

  it('takes a "__proto__" key as an ordinary key', () => {
    expect(canonicalJson(parseJsonLossless('{"b": 1, "__proto__": {"x": 1}}'))).toBe('{"__proto__":{"x":1},"b":1}');
  });

  it('is the same for any order of the same keys', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (object) => {
        const reversed = Object.fromEntries(Object.entries(object).reverse());
        expect(requestFingerprint(route, reversed)).toBe(requestFingerprint(route, object));
      }),
    );
  });
});
