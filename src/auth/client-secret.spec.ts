import { generateClientSecret, hashClientSecret, UNKNOWN_CLIENT_HASH, verifyClientSecret } from './client-secret';

describe('client secrets', () => {
  it('generates 256-bit URL-safe secrets, all different', () => {
    const secrets = new Set(Array.from({ length: 50 }, generateClientSecret));
    expect(secrets.size).toBe(50);
    for (const secret of secrets) expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('hashes with scrypt and a random salt, and verifies', async () => {
    const secret = generateClientSecret();
    const [a, b] = await Promise.all([hashClientSecret(secret), hashClientSecret(secret)]);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(secret);
    await expect(verifyClientSecret(secret, a)).resolves.toBe(true);
    await expect(verifyClientSecret(secret, b)).resolves.toBe(true);
  });

  it('refuses a wrong secret, a malformed hash and the stand-in hash of unknown clients', async () => {
    const secret = generateClientSecret();
    const hash = await hashClientSecret(secret);
    await expect(verifyClientSecret(`${secret}x`, hash)).resolves.toBe(false);
    await expect(verifyClientSecret(secret, 'plain-text')).resolves.toBe(false);
    await expect(verifyClientSecret(secret, UNKNOWN_CLIENT_HASH)).resolves.toBe(false);
  });
});
