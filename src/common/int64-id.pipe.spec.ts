import fc from 'fast-check';
import { AppError } from './errors/app-error';
import { ErrorCode } from './errors/error-code';
import { INT64_MAX, parseInt64Id } from './int64';
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

describe('Int64IdPipe.parse, for any input (properties)', () => {
  const MAX = 2n ** 63n - 1n;
  const INVALID = new AppError(
    ErrorCode.InvalidParameter,
    'communicationId must be a decimal integer from 1 to 9223372036854775807.',
  );
  const parse = (value: unknown) => Int64IdPipe.parse(value, 'communicationId');
  /** The documented rule: ASCII digits only, at most 64 of them (leading zeros allowed), a value from 1 to 2^63-1. */
  const accepted = (raw: string): string | null =>
    /^[0-9]{1,64}$/.test(raw) && BigInt(raw) >= 1n && BigInt(raw) <= MAX ? BigInt(raw).toString() : null;
  const outcome = (value: unknown): { id: string } | { code: string; message: string } => {
    try {
      return { id: parse(value) };
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      return { code: (error as AppError).code, message: (error as AppError).message };
    }
  };

  // Strings of every kind: any code point (lone surrogates too), ASCII, digits with noise around them.
  const anyString = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.string({ maxLength: 80 }),
    fc.stringMatching(/^[ +\-0]{0,3}[0-9]{1,22}[ .eE_x]{0,2}[0-9]{0,3}$/),
  );

  it('returns the canonical decimal text of the value, or refuses with INVALID_PARAMETER (MISSING_PARAMETER for "")', () => {
    fc.assert(
      fc.property(anyString, (raw) => {
        const expected = accepted(raw);
        const got = outcome(raw);
        if (raw === '') {
          expect(got).toEqual({ code: ErrorCode.MissingParameter, message: 'communicationId is required.' });
        } else if (expected === null) {
          expect(got).toEqual({ code: INVALID.code, message: INVALID.message });
        } else {
          expect(got).toEqual({ id: expected });
          expect(expected).toMatch(/^[1-9][0-9]{0,18}$/);
          expect(BigInt(expected)).toBe(BigInt(raw));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips every int64 from 1 to 2^63-1: its text, its text with leading zeros, the bigint itself', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: MAX }), fc.nat({ max: 45 }), (value, zeros) => {
        const text = value.toString();
        expect(parse(text)).toBe(text);
        expect(parse(value)).toBe(text);
        expect(parse('0'.repeat(zeros) + text)).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('takes a JSON number only when it is a safe integer >= 1', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer({ min: -1000, max: 1000 }), fc.maxSafeInteger()), (value) => {
        const ok = Number.isSafeInteger(value) && value >= 1;
        expect(outcome(value)).toEqual(ok ? { id: String(value) } : { code: INVALID.code, message: INVALID.message });
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses every value out of range: 0 and below, 2^63 and above, as text and as bigint', () => {
    const outOfRange = fc.oneof(
      fc.bigInt({ min: -(2n ** 80n), max: 0n }),
      fc.bigInt({ min: MAX + 1n, max: 2n ** 200n }),
    );
    fc.assert(
      fc.property(outOfRange, (value) => {
        expect(() => parse(value)).toThrow(INVALID);
        expect(() => parse(value.toString())).toThrow(INVALID);
      }),
    );
  });

  it('refuses digits that are not ASCII, and invisible or bidirectional characters around ASCII digits', () => {
    // Fullwidth, Arabic-Indic, Extended Arabic-Indic, Devanagari, Bengali, Thai, mathematical bold, superscript.
    const foreignDigits = ['０', '٠', '۰', '०', '০', '๐', '𝟎', '⁰'].map(
      (zero) => (d: number) => (zero === '⁰' ? '⁰¹²³⁴⁵⁶⁷⁸⁹'[d] : String.fromCodePoint(zero.codePointAt(0)! + d)),
    );
    const tricks = [
      '\u200d',
      '\u200b',
      '\u200e',
      '\u202e',
      '\u2066',
      '\ufeff',
      '\u00a0',
      '\u0000',
      '\t',
      '\n',
      '\ud800',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 18 }),
        fc.constantFrom(...foreignDigits),
        fc.constantFrom(...tricks),
        fc.nat(),
        (digits, foreign, trick, at) => {
          const ascii = digits.join('');
          // One foreign digit among ASCII ones, all foreign digits, and an invisible character slipped in.
          const i = at % digits.length;
          const mixed = ascii.slice(0, i) + foreign(digits[i]) + ascii.slice(i + 1);
          const position = at % (ascii.length + 1);
          const slipped = ascii.slice(0, position) + trick + ascii.slice(position);
          for (const raw of [mixed, digits.map(foreign).join(''), slipped]) {
            expect(() => parse(raw)).toThrow(INVALID);
          }
        },
      ),
    );
  });

  it.each([
    ['１２３', 'fullwidth digits'],
    ['٣', 'an Arabic-Indic digit'],
    ['\u202e100001', 'a right-to-left override'],
    ['100\u200d001', 'a zero-width joiner'],
    ['100001\u0000', 'a NUL'],
    ['１00001', 'one fullwidth digit'],
    ['0'.repeat(64) + '1', 'more than 64 digits, even when the value is 1'],
  ])('refuses %j (%s)', (raw) => {
    expect(() => parse(raw)).toThrow(INVALID);
  });

  it('accepts up to 64 digits with leading zeros, as docs/decisions.md allows them', () => {
    expect(parse('0'.repeat(63) + '7')).toBe('7');
    expect(parse('0'.repeat(45) + INT64_MAX)).toBe(INT64_MAX);
  });
});
