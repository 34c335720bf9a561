/** A thrown value as an Error, for code that must reject or rethrow with one. */
export function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(typeof value === 'string' ? value : 'A non-error value was thrown');
}
