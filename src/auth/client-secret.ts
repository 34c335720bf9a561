import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const SCHEME = 'sha256';

/** A new client secret: 256 random bits, URL-safe. Shown once; only its hash is stored. */
export function generateClientSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The stored form of a secret, `sha256$<digest>`. Client secrets are 256 random bits that nobody chooses,
 * beyond the reach of guessing, so a fast hash guards a leaked table as well as a slow password hash would;
 * and it keeps the token endpoint cheap under a flood of wrong secrets, where a slow hash per attempt would
 * hand the flood a lever.
 */
export function hashClientSecret(secret: string): string {
  return `${SCHEME}$${digest(secret).toString('base64url')}`;
}

export function verifyClientSecret(secret: string, stored: string): boolean {
  const [scheme, encoded] = stored.split('$');
  if (scheme !== SCHEME || encoded === undefined) return false;
  const expected = Buffer.from(encoded, 'base64url');
  const actual = digest(secret);
  return expected.length === actual.length && timingSafeEqual(actual, expected);
}

/** The hash checked when the client id is unknown, so that both cases take as long. */
export const UNKNOWN_CLIENT_HASH = hashClientSecret(randomBytes(32).toString('base64url'));

function digest(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}
