import { generateClientSecret, hashClientSecret, UNKNOWN_CLIENT_HASH, verifyClientSecret } from './client-secret';

describe('client secrets', () => {
  it('generates 256-bit URL-safe secrets, all different', () => {
    const secrets = new Set(Array.from({ length: 50 }, generateClientSecret));
    expect(secrets.size).toBe(50);
    for (const secret of secrets) expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('stores a SHA-256 digest, never the secret, and verifies it', () => {
    const secret = generateClientSecret();
    const stored = hashClientSecret(secret);
    expect(stored).toMatch(/^sha256\$[A-Za-z0-9_-]{43}$/);
    expect(stored).not.toContain(secret);
    expect(verifyClientSecret(secret, stored)).toBe(true);
  });

  it('refuses a wrong secret, a malformed hash and the stand-in hash of unknown clients', () => {
    const secret = generateClientSecret();
    const stored = hashClientSecret(secret);
    expect(verifyClientSecret(`${secret}x`, stored)).toBe(false);
    expect(verifyClientSecret(secret, 'plain-text')).toBe(false);
    expect(verifyClientSecret(secret, 'sha256$')).toBe(false);
    expect(verifyClientSecret(secret, `md5$${stored.slice(7)}`)).toBe(false);
    expect(verifyClientSecret(secret, UNKNOWN_CLIENT_HASH)).toBe(false);
  });
});
