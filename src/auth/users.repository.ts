import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Int64 } from '../common/int64';
import { SqlReader } from '../database/sql-reader';
import { sqlBool, type SqlValue } from '../database/sql-values';
import { nowToTheSecond } from '../common/utc-time';
import { Role, ROLES } from './role';
import { UserEntity } from './user.entity';

/** What decides a caller's access: read on every request. */
export interface UserAccess {
  userId: Int64;
  teamId: Int64;
  /** Null for a stored role this service does not know (another writer's): such a user is no caller. */
  role: Role | null;
  accessAllTeamLeads: boolean;
  active: boolean;
}

/** A user's access as an API client acting for it has it, with the client's state. */
export interface ClientUserAccess extends UserAccess {
  /** The scopes the client holds now. */
  clientScopes: string;
  clientRevoked: boolean;
}

export interface User extends UserAccess {
  name: string;
}

export interface NewUser {
  id: Int64;
  teamId: Int64;
  name: string;
  email: string | null;
  phoneNumber: string | null;
  role: Role;
  accessAllTeamLeads: boolean;
}

export interface UserChange {
  role?: Role;
  accessAllTeamLeads?: boolean;
  active?: boolean;
}

interface AccessRow {
  id: SqlValue;
  team_id: SqlValue;
  role: string;
  access_all_team_leads: SqlValue;
  active: SqlValue;
}

interface ClientAccessRow extends AccessRow {
  scopes: string;
  revoked_at: SqlValue;
}

const ACCESS_COLUMNS = 'u.id, u.team_id, u.role, u.access_all_team_leads, u.active';

const USER_ACCESS_SQL = `SELECT ${ACCESS_COLUMNS} FROM users u WHERE u.id = ?`;

const CLIENT_USER_ACCESS_SQL =
  `SELECT ${ACCESS_COLUMNS}, c.scopes, c.revoked_at ` +
  'FROM api_clients c JOIN users u ON u.id = c.user_id WHERE c.id = ? AND c.user_id = ?';

const USER_SQL = `SELECT ${ACCESS_COLUMNS}, u.name FROM users u WHERE u.id = ?`;

const ACTIVE_TEAM_MEMBER_SQL = 'SELECT u.id FROM users u WHERE u.id = ? AND u.team_id = ? AND u.active = ?';

const FIRST_ACTIVE_USER_SQL = 'SELECT u.id FROM users u WHERE u.active = ? ORDER BY u.id LIMIT 1';

/** The users table. */
@Injectable()
export class UsersRepository {
  constructor(private readonly sql: SqlReader) {}

  async findAccess(userId: Int64): Promise<UserAccess | undefined> {
    const [row] = await this.sql.query<AccessRow>(USER_ACCESS_SQL, [userId]);
    return row === undefined ? undefined : toAccess(row);
  }

  /** The access of the user through one of its API clients, in the same one query; none for another user's client. */
  async findClientAccess(clientId: string, userId: Int64): Promise<ClientUserAccess | undefined> {
    const [row] = await this.sql.query<ClientAccessRow>(CLIENT_USER_ACCESS_SQL, [clientId, userId]);
    if (row === undefined) return undefined;
    return { ...toAccess(row), clientScopes: row.scopes, clientRevoked: row.revoked_at !== null };
  }

  async findById(userId: Int64): Promise<User | undefined> {
    const [row] = await this.sql.query<AccessRow & { name: string }>(USER_SQL, [userId]);
    return row === undefined ? undefined : { ...toAccess(row), name: row.name };
  }

  async isActiveTeamMember(userId: Int64, teamId: Int64): Promise<boolean> {
    return (await this.sql.query(ACTIVE_TEAM_MEMBER_SQL, [userId, teamId, true])).length > 0;
  }

  /**
   * The active users of the team that are among `ids` or hold one of `roles`, by id; read in the transaction
   * of `manager` when given (on MySQL its connection, not a second one from the pool).
   */
  async findActiveInTeam(
    teamId: Int64,
    who: { ids: readonly Int64[]; roles: readonly Role[] },
    manager?: EntityManager,
  ): Promise<Int64[]> {
    const among = (column: string, values: readonly unknown[]) =>
      values.length === 0 ? '1 = 0' : `${column} IN (${values.map(() => '?').join(', ')})`;
    const sql =
      'SELECT u.id FROM users u WHERE u.team_id = ? AND u.active = ? ' +
      `AND (${among('u.id', who.ids)} OR ${among('u.role', who.roles)}) ORDER BY u.id`;
    const params = [teamId, true, ...who.ids, ...who.roles];
    const rows =
      manager === undefined
        ? await this.sql.query<{ id: SqlValue }>(sql, params)
        : await this.sql.queryIn<{ id: SqlValue }>(manager, sql, params);
    return rows.map((row) => String(row.id));
  }

  /** Those of the users that belong to the team, each with whether it is active. */
  async findInTeam(teamId: Int64, userIds: readonly Int64[]): Promise<{ userId: Int64; active: boolean }[]> {
    if (userIds.length === 0) return [];
    const rows = await this.sql.query<{ id: SqlValue; active: SqlValue }>(
      `SELECT u.id, u.active FROM users u WHERE u.team_id = ? AND u.id IN (${userIds.map(() => '?').join(', ')})`,
      [teamId, ...userIds],
    );
    return rows.map((row) => ({ userId: String(row.id), active: sqlBool(row.active) }));
  }

  /** The active user with the lowest id, if there is one. */
  async findFirstActiveId(): Promise<Int64 | undefined> {
    const [row] = await this.sql.query<{ id: SqlValue }>(FIRST_ACTIVE_USER_SQL, [true]);
    return row === undefined ? undefined : String(row.id);
  }

  async insert(manager: EntityManager, user: NewUser): Promise<void> {
    const now = nowToTheSecond();
    await manager.insert(UserEntity, { ...user, active: true, createdAt: now, updatedAt: now });
  }

  async update(manager: EntityManager, userId: Int64, change: UserChange): Promise<void> {
    await manager.update(UserEntity, userId, { ...change, updatedAt: nowToTheSecond() });
  }
}

function toAccess(row: AccessRow): UserAccess {
  return {
    userId: String(row.id),
    teamId: String(row.team_id),
    role: (ROLES as string[]).includes(row.role) ? (row.role as Role) : null,
    accessAllTeamLeads: sqlBool(row.access_all_team_leads),
    active: sqlBool(row.active),
  };
}
