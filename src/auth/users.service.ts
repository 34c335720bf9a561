import { Injectable } from '@nestjs/common';
import { SqlReader } from '../database/sql-reader';
import { sqlBool, SqlValue } from '../database/sql-values';
import type { Int64 } from '../common/int64';
import type { AccessTokenClaims } from './access-token';
import type { Principal } from './principal';
import { Role, ROLES } from './role';
import { parseScopes } from './scopes';

interface PrincipalRow {
  id: string;
  team_id: string;
  role: string;
  access_all_team_leads: SqlValue;
  active: SqlValue;
  scopes?: string;
  revoked_at?: SqlValue;
}

const USER_PRINCIPAL_SQL =
  'SELECT u.id, u.team_id, u.role, u.access_all_team_leads, u.active FROM users u WHERE u.id = ?';

const CLIENT_PRINCIPAL_SQL =
  'SELECT u.id, u.team_id, u.role, u.access_all_team_leads, u.active, c.scopes, c.revoked_at ' +
  'FROM api_clients c JOIN users u ON u.id = c.user_id WHERE c.id = ? AND c.user_id = ?';

const EMPTY_SCOPES: ReadonlySet<string> = new Set();

const ACTIVE_TEAM_MEMBER_SQL = 'SELECT u.id FROM users u WHERE u.id = ? AND u.team_id = ? AND u.active = ?';

const ACTIVE_TEAM_MANAGERS_SQL = `SELECT u.id FROM users u WHERE u.team_id = ? AND u.active = ? AND u.role IN ('${Role.Owner}', '${Role.Admin}') ORDER BY u.id`;

@Injectable()
export class UsersService {
  constructor(private readonly sql: SqlReader) {}

  /**
   * The caller behind a verified token, read afresh on every request (one query), so that a change of
   * role, permission, activity or a revoked client applies to the very next request. Null when the user
   * is unknown or deactivated, or the client is unknown, revoked or bound to another user.
   */
  async findPrincipal(claims: AccessTokenClaims): Promise<Principal | null> {
    const rows =
      claims.clientId === null
        ? await this.sql.query<PrincipalRow>(USER_PRINCIPAL_SQL, [claims.userId])
        : await this.sql.query<PrincipalRow>(CLIENT_PRINCIPAL_SQL, [claims.clientId, claims.userId]);
    const row = rows[0];
    if (row === undefined || !sqlBool(row.active) || !isRole(row.role)) return null;
    if (claims.clientId !== null && row.revoked_at !== null && row.revoked_at !== undefined) return null;
    return {
      userId: String(row.id),
      teamId: String(row.team_id),
      role: row.role,
      accessAllTeamLeads: sqlBool(row.access_all_team_leads),
      active: true,
      clientId: claims.clientId,
      scopes: claims.clientId === null ? EMPTY_SCOPES : grantedScopes(claims.scopes, row.scopes ?? ''),
    };
  }

  /** Whether the user is an active member of the team (one a lead may be assigned to). */
  async isActiveTeamMember(userId: Int64, teamId: Int64): Promise<boolean> {
    return (await this.sql.query(ACTIVE_TEAM_MEMBER_SQL, [userId, teamId, true])).length > 0;
  }

  /** The active OWNER and ADMIN users of the team, by id. */
  async findActiveTeamManagers(teamId: Int64): Promise<Int64[]> {
    const rows = await this.sql.query<{ id: SqlValue }>(ACTIVE_TEAM_MANAGERS_SQL, [teamId, true]);
    return rows.map((row) => String(row.id));
  }

  /**
   * Which of these users belong to the team, each with whether it is active; a user of another team or none
   * at all is absent from the map.
   */
  async findTeamUsers(teamId: Int64, userIds: readonly Int64[]): Promise<Map<Int64, { active: boolean }>> {
    const ids = [...new Set(userIds)];
    if (ids.length === 0) return new Map();
    const rows = await this.sql.query<{ id: SqlValue; active: SqlValue }>(
      `SELECT u.id, u.active FROM users u WHERE u.team_id = ? AND u.id IN (${ids.map(() => '?').join(', ')})`,
      [teamId, ...ids],
    );
    return new Map(rows.map((row) => [String(row.id), { active: sqlBool(row.active) }]));
  }
}

function isRole(value: string): value is Role {
  return (ROLES as string[]).includes(value);
}

/** The token's scopes that the client still holds: a scope removed from a client stops working at once. */
function grantedScopes(tokenScopes: string[], clientScopes: string): ReadonlySet<string> {
  const held = new Set(parseScopes(clientScopes));
  return new Set(tokenScopes.filter((scope) => held.has(scope)));
}
