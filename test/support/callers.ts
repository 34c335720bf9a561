import type { Principal } from '../../src/auth/principal';
import { Role } from '../../src/auth/role';

/** An active AGENT of team 1 (user 10) signed in as a person, with whatever differs. */
export function agentCaller(overrides: Partial<Principal> = {}): Principal {
  return {
    userId: '10',
    teamId: '1',
    role: Role.Agent,
    accessAllTeamLeads: false,
    active: true,
    clientId: null,
    scopes: new Set(),
    ...overrides,
  };
}
