/**
 * 64-bit ids travel through the process as decimal strings (mysql2 returns BIGINT that way and the SQLite
 * reader is told to), are parsed at the edge by {@link parseInt64Id}, and leave as exact JSON numbers
 * through {@link toJsonInt64} and the lossless serializer. They are never passed through Number().
 */
export type Int64 = string;

export const INT64_MAX = '9223372036854775807';

const DIGITS = /^[0-9]{1,64}$/;

/**
 * A positive signed 64-bit integer written in decimal digits only (no sign, space, point or exponent),
 * in canonical form, or null. Leading zeros are tolerated, as Java's Long.parseLong does.
 */
export function parseInt64Id(raw: unknown): Int64 | null {
  if (typeof raw !== 'string' || !DIGITS.test(raw)) {
    return null;
  }
  const canonical = raw.replace(/^0+/, '');
  if (canonical === '' || canonical.length > INT64_MAX.length) {
    return null;
  }
  if (canonical.length === INT64_MAX.length && canonical > INT64_MAX) {
    return null;
  }
  return canonical;
}

/** The JSON form of an int64: a bigint, which the lossless serializer writes as a bare number. */
export function toJsonInt64(id: Int64): bigint {
  return BigInt(id);
}

/**
 * An int64 id from a JSON body: an integer number (a bigint above 2^53, as the lossless body parser reads
 * it) or a string of decimal digits, for clients that cannot write big numbers. Null when it is neither.
 */
export function parseInt64Value(value: unknown): Int64 | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 1 ? String(value) : null;
  if (typeof value === 'bigint') return parseInt64Id(value.toString());
  return parseInt64Id(value);
}
