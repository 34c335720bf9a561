import fc from 'fast-check';
import { AppError } from './errors/app-error';
import { ErrorCode } from './errors/error-code';
import { parseInt64Id } from './int64';
import { Int64IdPipe } from './int64-id.pipe';

describe('Int64IdPipe', () => {
  const pipe = new Int64IdPipe();
  const transform = (value: unknown) => pipe.transform(value, { type: 'param', data: 'communicationId' });

  it.each([
    ['1', '1'],
    ['563172647619608', '563172647619608'],
    ['9007199254740993', '9007199254740993'],
    ['9223372036854775807', '9223372036854775807'],
    ['007', '7'],
  ])('accepts %s as %s', (raw, id) => {
    expect(transform(raw)).toBe(id);
  });

  it.each([
    '0',
    '000',
    '-1',
    'abc',
    '1.5',
    '1e3',
    ' 1',
    '1 ',
    '+1',
    '0x1F',
    '１',
    '9223372036854775808',
    '9999999999999999999',
    '18446744073709551616',
    '1'.repeat(100),
  ])('refuses %j with INVALID_PARAMETER naming the parameter', (raw) => {
    expect(() => transform(raw)).toThrow(
      new AppError(
        ErrorCode.InvalidParameter,
        'communicationId must be a decimal integer from 1 to 9223372036854775807.',
      ),
    );
  });

  it.each([undefined, null, ''])('reports %p as missing', (value) => {
    expect(() => transform(value)).toThrow(new AppError(ErrorCode.MissingParameter, 'communicationId is required.'));
  });

  it.each([{}, ['1'], true, 1.5, -1, 0, 2 ** 53, 2n ** 63n])('refuses %p', (value) => {
    expect(() => transform(value)).toThrow(AppError);
  });

  it('takes the integers of a JSON body, exact beyond 2^53 as bigints', () => {
    expect(transform(100001)).toBe('100001');
    expect(transform(9007199254740993n)).toBe('9007199254740993');
    expect(Int64IdPipe.parse(2n ** 63n - 1n, 'leadId')).toBe('9223372036854775807');
  });

  it('agrees with BigInt on every string of digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,25}$/), (digits) => {
        const value = BigInt(digits);
        const expected = value >= 1n && value <= 9223372036854775807n ? value.toString() : null;
        expect(parseInt64Id(digits)).toBe(expected);
      }),
    );
  });

  it('refuses anything that is not digits only', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !/^[0-9]+$/.test(s)),
        (raw) => parseInt64Id(raw) === null,
      ),
    );
  });
});
