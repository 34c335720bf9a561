import { types } from 'node:util';

/** A thrown value as an Error, for code that must reject or rethrow with one. */
export function asError(value: unknown): Error {
  // isNativeError also knows an Error of another realm (a vm context), which instanceof does not.
  if (value instanceof Error || types.isNativeError(value)) return value;
  return new Error(typeof value === 'string' ? value : 'A non-error value was thrown');
}
