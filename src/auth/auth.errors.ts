/** The messages of the auth module's refusals, for the code that refuses and for the API reference. */

export const MISSING_TOKEN = 'Missing access token: send the header "Authorization: Bearer <access_token>".';

export const BAD_CLIENT = 'Unknown client, wrong secret, or the client is revoked.';

export function insufficientScope(missing: readonly string[]): string {
  return `This operation needs a token of an API client holding the scope ${missing.join(' ')}.`;
}
