import type { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import { canManageLead, type LeadAccess, type LeadCaller } from './lead-access';

const caller = (overrides: Partial<LeadCaller> = {}): LeadCaller => ({
  userId: '10',
  teamId: '1',
  role: Role.Agent,
  accessAllTeamLeads: false,
  active: true,
  ...overrides,
});

const lead = (overrides: Partial<LeadAccess> = {}): LeadAccess => ({
  teamId: '1',
  assignedUserId: '99',
  hidden: false,
  deleted: false,
  callerIsOtherAssignee: false,
  ...overrides,
});

/** The policy of spec section 2, one row per rule and per exception. */
const table: [string, LeadCaller, LeadAccess | null, boolean][] = [
  // 1. the assigned agent
  ['the assigned agent', caller(), lead({ assignedUserId: '10' }), true],
  ['the assigned agent of a hidden lead', caller(), lead({ assignedUserId: '10', hidden: true }), true],
  // 2. another assignee
  ['another assignee', caller(), lead({ callerIsOtherAssignee: true }), true],
  ['another assignee of a hidden lead', caller(), lead({ callerIsOtherAssignee: true, hidden: true }), true],
  // 3. owner, admin, ACCESS_ALL_TEAM_LEADS on a lead that is not hidden
  ['an OWNER', caller({ role: Role.Owner }), lead(), true],
  ['an ADMIN', caller({ role: Role.Admin }), lead(), true],
  ['an AGENT with ACCESS_ALL_TEAM_LEADS', caller({ accessAllTeamLeads: true }), lead(), true],
  ['an OWNER, lead hidden', caller({ role: Role.Owner }), lead({ hidden: true }), false],
  ['an ADMIN, lead hidden', caller({ role: Role.Admin }), lead({ hidden: true }), false],
  ['ACCESS_ALL_TEAM_LEADS, lead hidden', caller({ accessAllTeamLeads: true }), lead({ hidden: true }), false],
  // nothing else grants it
  ['an AGENT with no relation to the lead', caller(), lead(), false],
  ['an AGENT, lead without an assigned agent', caller(), lead({ assignedUserId: null }), false],
  ['an ADMIN, lead without an assigned agent', caller({ role: Role.Admin }), lead({ assignedUserId: null }), true],
  // never across teams
  ['the assigned agent, other team', caller(), lead({ assignedUserId: '10', teamId: '2' }), false],
  ['another assignee, other team', caller(), lead({ callerIsOtherAssignee: true, teamId: '2' }), false],
  ['an OWNER of another team', caller({ role: Role.Owner, teamId: '2' }), lead(), false],
  ['an ADMIN of another team', caller({ role: Role.Admin, teamId: '2' }), lead(), false],
  ['ACCESS_ALL_TEAM_LEADS in another team', caller({ accessAllTeamLeads: true, teamId: '2' }), lead(), false],
  // a deactivated caller
  ['a deactivated assigned agent', caller({ active: false }), lead({ assignedUserId: '10' }), false],
  ['a deactivated OWNER', caller({ role: Role.Owner, active: false }), lead(), false],
  // a deleted lead
  ['the assigned agent, lead deleted', caller(), lead({ assignedUserId: '10', deleted: true }), false],
  ['another assignee, lead deleted', caller(), lead({ callerIsOtherAssignee: true, deleted: true }), false],
  ['an OWNER, lead deleted', caller({ role: Role.Owner }), lead({ deleted: true }), false],
  // no lead at all
  ['an OWNER, no such lead', caller({ role: Role.Owner }), null, false],
];

describe('canManageLead (spec section 2)', () => {
  it.each(table)('%s: %s', (_, who, facts, expected) => {
    expect(canManageLead(who, facts)).toBe(expected);
  });

  it('compares ids as exact strings, also above 2^53', () => {
    const big = caller({ userId: '9007199254740993' });
    expect(canManageLead(big, lead({ assignedUserId: '9007199254740993' }))).toBe(true);
    expect(canManageLead(big, lead({ assignedUserId: '9007199254740992' }))).toBe(false);
  });

  it('accepts a principal as the caller', () => {
    const principal: Principal = { ...caller(), clientId: null, scopes: new Set() };
    expect(canManageLead(principal, lead({ assignedUserId: '10' }))).toBe(true);
  });
});
