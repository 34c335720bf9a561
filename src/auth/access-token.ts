import { type Int64, parseInt64Id } from '../common/int64';
import { parseScopes } from './scopes';

/** What the service relies on in a verified access token. */
export interface AccessTokenClaims {
  userId: Int64;
  clientId: string | null;
  scopes: string[];
}

/**
 * The claims of a token whose signature, algorithm, issuer, audience and times were checked already.
 * `exp` is required (jsonwebtoken accepts a token without one) and `sub` must be a user id.
 */
export function parseAccessTokenClaims(payload: unknown): AccessTokenClaims | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const claims = payload as Record<string, unknown>;
  if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp)) return null;
  const userId = parseInt64Id(claims.sub);
  if (userId === null) return null;
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
