import type { JwtConfig } from '../config/app-config';
import { type Int64, parseInt64Id } from '../common/int64';
import { parseScopes } from './scopes';

/** What the service relies on in a verified access token. */
export interface AccessTokenClaims {
  userId: Int64;
  clientId: string | null;
  scopes: string[];
}

/** How the tokens of the configured issuer name their caller. */
export interface CallerClaims {
  /** The claim holding the CRM user id (`JWT_USER_CLAIM`, `sub` by default). */
  user: string;
  /**
   * Whether `client_id` and `scope` are an API client of this service and its scopes (the built-in issuer's tokens),
   * or the identity provider's own client, which names nothing here (RFC 9068 puts it in every access token).
   */
  apiClients: boolean;
}

export function callerClaimsOf(jwt: JwtConfig): CallerClaims {
  return { user: jwt.userClaim, apiClients: jwt.jwksUrl === undefined };
}

/**
 * The claims of a token whose signature, algorithm, issuer, audience and times were checked already.
 * `exp` is required (jsonwebtoken accepts a token without one) and the user claim must be a user id, as a string of
 * digits (as `sub` is a string; a JSON number past 2^53 would have lost its last digits in decoding).
 */
export function parseAccessTokenClaims(payload: unknown, names: CallerClaims): AccessTokenClaims | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const claims = payload as Record<string, unknown>;
  if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp)) return null;
  const userId = Object.hasOwn(claims, names.user) ? parseInt64Id(claims[names.user]) : null;
  if (userId === null) return null;
  if (!names.apiClients) return { userId, clientId: null, scopes: [] };
  const clientId = claims.client_id;
  if (clientId !== undefined && (typeof clientId !== 'string' || clientId === '')) return null;
  const scope = claims.scope;
  if (scope !== undefined && typeof scope !== 'string') return null;
  return {
    userId,
    clientId: clientId ?? null,
    scopes: scope === undefined ? [] : parseScopes(scope),
  };
}
