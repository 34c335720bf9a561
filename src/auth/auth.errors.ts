import type { Int64 } from '../common/int64';

/** The messages of the auth module's refusals, for the code that refuses and for the API reference. */

export const MISSING_TOKEN = 'Missing access token: send the header "Authorization: Bearer <access_token>".';

export const BAD_CLIENT = 'Unknown client, wrong secret, or the client is revoked.';

export function clientLacksScopes(missing: readonly string[]): string {
  return `scope: the client does not hold ${missing.join(', ')}.`;
}

export function insufficientScope(missing: readonly string[]): string {
  return `This operation needs a token of an API client holding the scope ${missing.join(' ')}.`;
}

export function userNotFound(userId: Int64): string {
  return `User ${userId} does not exist.`;
}

export function userExists(userId: Int64): string {
  return `User ${userId} exists already.`;
}

export function userDeactivated(userId: Int64): string {
  return `User ${userId} is deactivated.`;
}

export function teamNotFound(teamId: Int64): string {
  return `Team ${teamId} does not exist.`;
}

export function teamExists(teamId: Int64): string {
  return `Team ${teamId} exists already.`;
}

export function clientNotFound(clientId: string): string {
  return `API client ${clientId} does not exist.`;
}
