import type { Int64 } from '../common/int64';

/** The messages of the refusals of a dialer call, for the service and for the API reference. */

export function noLeadInTeam(leadId: Int64): string {
  return `leadId: there is no lead ${leadId} in the client's team.`;
}

export function notATeamUser(field: string, userId: Int64): string {
  return `${field}: ${userId} is not a user of the client's team.`;
}

export function deactivatedTeamUser(field: string, userId: Int64): string {
  return `${field}: ${userId} is a deactivated user of the client's team.`;
}

export function recordedBeforeWithOtherData(dialerCallRecordId: Int64): string {
  return `Dialer record ${dialerCallRecordId} was recorded before with other data; it is not changed.`;
}
