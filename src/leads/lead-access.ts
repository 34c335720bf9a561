import type { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import type { Int64 } from '../common/int64';

/** The facts about a lead that decide who may manage it, as seen by one caller. */
export interface LeadAccess {
  teamId: Int64;
  assignedUserId: Int64 | null;
  hidden: boolean;
  deleted: boolean;
  /** The caller is in the lead's "Assigned To" list besides the primary agent (assistant, lender, ...). */
  callerIsOtherAssignee: boolean;
}

/**
 * A lead, or a resource that belongs to one, loaded together with the lead's access facts for the caller:
 * what the manage-permission guard decides on.
 */
export interface LeadScoped {
  leadId: Int64;
  leadAccess: LeadAccess;
}

export type LeadCaller = Pick<Principal, 'userId' | 'teamId' | 'role' | 'accessAllTeamLeads' | 'active'>;

/**
 * The manage-permission policy (spec section 2). The caller may manage the lead when the caller is active,
 * in the lead's team, the lead is not deleted, and one of these holds:
 *   1. the caller is the lead's assigned agent;
 *   2. the caller is one of the lead's other assignees;
 *   3. the lead is not hidden, and the caller is OWNER or ADMIN or holds ACCESS_ALL_TEAM_LEADS.
 * Nothing else grants it; never across teams.
 */
export function canManageLead(caller: LeadCaller, lead: LeadAccess | null): boolean {
  if (lead === null || mayManageNoLead(caller) || lead.deleted || lead.teamId !== caller.teamId) {
    return false;
  }
  if (lead.assignedUserId === caller.userId || lead.callerIsOtherAssignee) {
    return true;
  }
  if (lead.hidden) {
    return false;
  }
  return !mayManageOwnLeadsOnly(caller);
}

/** A deactivated caller manages no lead. */
export function mayManageNoLead(caller: LeadCaller): boolean {
  return !caller.active;
}

/**
 * The caller manages only the leads it is assigned to (rules 1 and 2), not the team's other visible leads: neither
 * OWNER nor ADMIN, and without ACCESS_ALL_TEAM_LEADS.
 */
export function mayManageOwnLeadsOnly(caller: LeadCaller): boolean {
  return caller.role !== Role.Owner && caller.role !== Role.Admin && !caller.accessAllTeamLeads;
}
