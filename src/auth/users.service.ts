import type { EntityManager } from 'typeorm';
import { Injectable } from '@nestjs/common';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import type { Int64 } from '../common/int64';
import { IdGenerator } from '../database/id-generator';
import { TransactionRunner } from '../database/transaction-runner';
import { teamNotFound, userExists, userNotFound } from './auth.errors';
import type { AccessTokenClaims } from './access-token';
import type { Principal } from './principal';
import type { Role } from './role';
import { parseScopes } from './scopes';
import { TeamsRepository } from './teams.repository';
import { type ClientUserAccess, type NewUser, type User, type UserAccess, UsersRepository } from './users.repository';

const EMPTY_SCOPES: ReadonlySet<string> = new Set();

/** A user to create; a fresh id unless one is given. */
export type UserToCreate = Omit<NewUser, 'id'> & { id?: Int64 };

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly teams: TeamsRepository,
    private readonly transactions: TransactionRunner,
    private readonly ids: IdGenerator,
  ) {}

  /**
   * The caller behind a verified token, read afresh on every request (one query), so that a change of
   * role, permission, activity or a revoked client applies to the very next request. Null when the user
   * is unknown or deactivated, or the client is unknown, revoked or bound to another user.
   */
  async findPrincipal(claims: AccessTokenClaims): Promise<Principal | null> {
    if (claims.clientId === null) {
      const access = await this.users.findAccess(claims.userId);
      return access === undefined ? null : callerOf(access, null, EMPTY_SCOPES);
    }
    const access = await this.users.findClientAccess(claims.clientId, claims.userId);
    if (access === undefined || access.clientRevoked) return null;
    return callerOf(access, claims.clientId, grantedScopes(claims.scopes, access));
  }

  /** Whether the user is an active member of the team (one a lead may be assigned to). */
  isActiveTeamMember(userId: Int64, teamId: Int64): Promise<boolean> {
    return this.users.isActiveTeamMember(userId, teamId);
  }

  /**
   * The active users of the team that are among `ids` or hold one of `roles`, by id. Inside a transaction,
   * pass its manager: the read then takes no second connection from the pool.
   */
  findActiveTeamUsers(
    teamId: Int64,
    who: { ids: readonly Int64[]; roles: readonly Role[] },
    manager?: EntityManager,
  ): Promise<Int64[]> {
    return this.users.findActiveInTeam(teamId, who, manager);
  }

  /**
   * Which of these users belong to the team, each with whether it is active; a user of another team or none
   * at all is absent from the map.
   */
  async findTeamUsers(teamId: Int64, userIds: readonly Int64[]): Promise<Map<Int64, { active: boolean }>> {
    const members = await this.users.findInTeam(teamId, [...new Set(userIds)]);
    return new Map(members.map((member) => [member.userId, { active: member.active }]));
  }

  /** The user; NOT_FOUND when there is none. */
  async get(userId: Int64): Promise<User> {
    const user = await this.users.findById(userId);
    if (user === undefined) throw new AppError(ErrorCode.NotFound, userNotFound(userId));
    return user;
  }

  /** The user to suggest a token for: the preferred one while it is active, else the active one with the lowest id. */
  async findActiveUser(preferredId: Int64): Promise<Int64 | null> {
    const preferred = await this.users.findById(preferredId);
    if (preferred?.active === true) return preferred.userId;
    return (await this.users.findFirstActiveId()) ?? null;
  }

  /** Adds an active user to an existing team; NOT_FOUND for a missing team, CONFLICT for a taken id. */
  async create(user: UserToCreate): Promise<NewUser> {
    const created = { ...user, id: user.id ?? this.ids.next() };
    if (!(await this.teams.exists(created.teamId))) {
      throw new AppError(ErrorCode.NotFound, teamNotFound(created.teamId));
    }
    if ((await this.users.findById(created.id)) !== undefined) {
      throw new AppError(ErrorCode.Conflict, userExists(created.id));
    }
    await this.transactions.run((manager) => this.users.insert(manager, created));
    return created;
  }

  /** Gives the user a role; answers the role it had (nothing is written when it is the same). */
  async setRole(userId: Int64, role: Role): Promise<Role | null> {
    const { role: previous } = await this.get(userId);
    if (previous !== role) await this.transactions.run((manager) => this.users.update(manager, userId, { role }));
    return previous;
  }

  /** Grants or withdraws ACCESS_ALL_TEAM_LEADS (every lead of the team, hidden ones aside). */
  async setAccessAllTeamLeads(userId: Int64, granted: boolean): Promise<void> {
    await this.get(userId);
    await this.transactions.run((manager) => this.users.update(manager, userId, { accessAllTeamLeads: granted }));
  }

  /**
   * Activates or deactivates the user; false when it was so already. A deactivated user's tokens and clients
   * are refused from the next request.
   */
  async setActive(userId: Int64, active: boolean): Promise<boolean> {
    const user = await this.get(userId);
    if (user.active === active) return false;
    await this.transactions.run((manager) => this.users.update(manager, userId, { active }));
    return true;
  }
}

function callerOf(access: UserAccess, clientId: string | null, scopes: ReadonlySet<string>): Principal | null {
  if (!access.active || access.role === null) return null;
  return {
    userId: access.userId,
    teamId: access.teamId,
    role: access.role,
    accessAllTeamLeads: access.accessAllTeamLeads,
    active: true,
    clientId,
    scopes,
  };
}

/** The token's scopes that the client still holds: a scope removed from a client stops working at once. */
function grantedScopes(tokenScopes: string[], access: ClientUserAccess): ReadonlySet<string> {
  const held = new Set(parseScopes(access.clientScopes));
  return new Set(tokenScopes.filter((scope) => held.has(scope)));
}
