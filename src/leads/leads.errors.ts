import type { Int64 } from '../common/int64';

/** The messages of the leads module's refusals, for the service and for the API reference. */

export const NO_NAME_GIVEN = 'Give at least one of firstName, lastName, phoneNumber and email.';

export const REASSIGN_NOT_ALLOWED = 'Only an OWNER, an ADMIN or a user with ACCESS_ALL_TEAM_LEADS may reassign a lead.';

export function notAnActiveTeamUser(userId: Int64): string {
  return `assignedUserId: ${userId} is not an active user of the team.`;
}
