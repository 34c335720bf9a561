/** OAuth scopes an API client can hold. */
export enum Scope {
  /** Record finished dialer calls (the telephony service). */
  DialerWrite = 'dialer:write',
}

export const SCOPES = Object.values(Scope);

/** The scopes of an OAuth `scope` string (space-separated), each once, in order. */
export function parseScopes(text: string): string[] {
  return [...new Set(text.split(' ').filter((scope) => scope !== ''))];
}
