import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { AccessTokenClaims } from './access-token';

interface Entry {
  claims: AccessTokenClaims;
  /** Seconds since the epoch, from the token. */
  exp: number;
  nbf: number | undefined;
  /** When the entry must be verified afresh, in milliseconds, whatever the token's own expiry. */
  recheckAt: number;
}

const MAX_ENTRIES = 10_000;
const RECHECK_AFTER_MS = 5 * 60 * 1000;

/**
 * The tokens that passport-jwt verified lately (signature, pinned algorithm, issuer, audience, times),
 * by their exact text. An integration sends the same token for up to an hour; a hit skips decoding and
 * checking its signature again, never the check of its time window, and never the lookup of the caller,
 * which runs on every request. Entries are re-verified after five minutes (a key rotated away at the
 * identity provider stops working within that), and the least recently used go first past 10,000.
 */
@Injectable()
export class VerifiedTokens {
  private readonly entries = new Map<string, Entry>();
  private readonly toleranceSeconds: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.toleranceSeconds = config.jwt.clockToleranceSeconds;
  }

  /** The claims of a token verified lately and still inside its time window, or undefined. */
  get(token: string, now = Date.now()): AccessTokenClaims | undefined {
    const entry = this.entries.get(token);
    if (entry === undefined) return undefined;
    const seconds = Math.floor(now / 1000);
    const valid =
      now < entry.recheckAt &&
      seconds < entry.exp + this.toleranceSeconds &&
      (entry.nbf === undefined || entry.nbf <= seconds + this.toleranceSeconds);
    this.entries.delete(token);
    if (!valid) return undefined;
    this.entries.set(token, entry);
    return entry.claims;
  }

  /** Records a token that passport-jwt has just verified. */
  remember(token: string, claims: AccessTokenClaims, payload: { exp: number; nbf?: unknown }, now = Date.now()): void {
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(token, {
      claims,
      exp: payload.exp,
      nbf: typeof payload.nbf === 'number' ? payload.nbf : undefined,
      recheckAt: now + RECHECK_AFTER_MS,
    });
  }

  get size(): number {
    return this.entries.size;
  }
}
