import { runInNewContext } from 'node:vm';
import { asError } from './as-error';

describe('asError', () => {
  it('keeps an error as it is, also one of another realm (a socket error under a test runner)', () => {
    const local = new Error('local');
    expect(asError(local)).toBe(local);
    const foreign = runInNewContext('Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" })') as Error;
    expect(foreign instanceof Error).toBe(false);
    expect(asError(foreign)).toBe(foreign);
  });

  it('wraps anything else', () => {
    expect(asError('boom').message).toBe('boom');
    expect(asError({ code: 42 }).message).toBe('A non-error value was thrown');
  });
});
