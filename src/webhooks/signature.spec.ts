import { createHmac } from 'node:crypto';
import { signCallback, verifyCallback } from './signature';

describe('callback signatures', () => {
  const secret = 'whsec_test';
  const body = '{"teamId":1,"listId":6,"createdCall":[]}';
  const now = 1_780_000_000;

  it('is sha256= and the hex HMAC of "timestamp.body"', () => {
    expect(signCallback(secret, now, body)).toBe(
      `sha256=${createHmac('sha256', secret).update(`${now}.${body}`).digest('hex')}`,
    );
  });

  it('verifies a fresh signature', () => {
    const headers = { timestamp: String(now), signature: signCallback(secret, now, body) };
    expect(verifyCallback(secret, headers, body, now + 10)).toBe(true);
  });

  it.each([
    ['another body', { body: `${body} ` }],
    ['another secret', { secret: 'whsec_other' }],
    ['a replay older than 5 minutes', { at: now + 301 }],
    ['a timestamp from the future', { at: now - 301 }],
  ])('refuses %s', (_, change: { body?: string; secret?: string; at?: number }) => {
    const headers = { timestamp: String(now), signature: signCallback(secret, now, body) };
    expect(verifyCallback(change.secret ?? secret, headers, change.body ?? body, change.at ?? now)).toBe(false);
  });

  it('refuses missing or malformed headers', () => {
    expect(verifyCallback(secret, { timestamp: undefined, signature: undefined }, body, now)).toBe(false);
    expect(verifyCallback(secret, { timestamp: 'soon', signature: 'sha256=00' }, body, now)).toBe(false);
    expect(verifyCallback(secret, { timestamp: String(now), signature: 'sha256=00' }, body, now)).toBe(false);
  });
});
