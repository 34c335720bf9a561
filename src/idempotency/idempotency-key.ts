import { createHash } from 'node:crypto';
import type { Principal } from '../auth/principal';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import { stringifyJson } from '../common/http/lossless-json';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** On an answer replayed from the one stored under the request's key (Stripe's name for it). */
export const REPLAYED_HEADER = 'Idempotent-Replayed';

/** 1 to 255 visible ASCII characters: no space, no control character, nothing beyond ASCII. */
const KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * The Idempotency-Key of a request, or null when it has none. A key that is empty, too long, or holds
 * anything but visible ASCII (also a header sent twice, which Node joins with ", ") is refused.
 */
export function parseIdempotencyKey(header: string | string[] | undefined): string | null {
  if (header === undefined) return null;
  if (typeof header !== 'string' || !KEY.test(header)) throw new AppError(ErrorCode.IdempotencyKeyInvalid);
  return header;
}

/** Whose keys these are: an API client's token and its user's own token never share a key. */
export function callerOf(principal: Pick<Principal, 'userId' | 'clientId'>): string {
  return principal.clientId === null ? `user:${principal.userId}` : `client:${principal.clientId}`;
}

/**
 * What a stored answer is filed under: SHA-256 of the caller and the key. A hash of fixed width compares
 * byte for byte on every engine (MySQL's default collation would take `abc` for `ABC`), and the key of one
 * caller can never be found by another.
 */
export function keyHash(caller: string, key: string): string {
  return sha256(`${caller}\n${key}`);
}

/**
 * The identity of a request: SHA-256 of its route and of its body in canonical form (object keys sorted,
 * numbers written by their value, int64 beyond 2^53 exact). Key order and white space do not make two
 * bodies different; another value, another field or another route does.
 */
export function requestFingerprint(route: string, body: unknown): string {
  return sha256(`${route}\n${canonicalJson(body)}`);
}

/** The body as JSON with the keys of every object in sorted order. */
export function canonicalJson(value: unknown): string {
  return stringifyJson(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  // No prototype: a body's "__proto__" key is an ordinary key (see parseJsonLossless).
  const sorted = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
