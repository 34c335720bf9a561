import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import { UsersService } from '../auth/users.service';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import type { Int64 } from '../common/int64';
import { IdGenerator } from '../database/id-generator';
import { SqlReader } from '../database/sql-reader';
import { sqlBool, type SqlValue } from '../database/sql-values';
import { TransactionRunner } from '../database/transaction-runner';
import { nowToTheSecond } from '../database/utc';
import { IdempotencyService, type IdempotentRequest } from '../idempotency/idempotency.service';
import type { CreateLeadDto } from './dto/lead-request.dto';
import type { LeadResponseDto } from './dto/lead-response.dto';
import { canManageLead, type LeadAccess, type LeadCaller } from './lead-access';
import { LEAD_COLUMNS, type LeadRecord, type LeadRow } from './lead-record';
import { LeadEntity } from './lead.entity';
import { NO_NAME_GIVEN, notAnActiveTeamUser, REASSIGN_NOT_ALLOWED } from './leads.errors';
import { toLeadResponse } from './lead.mapper';

/**
 * SQL that reads a lead's access facts inside another module's query, so that a lead-scoped resource and
 * the right to see it come back in one round trip. The select list holds one `?`, bound to the caller's
 * user id, which comes before any parameter of the query's WHERE clause.
 */
export interface LeadAccessSql {
  select: string;
  join: string;
}

export interface LeadAccessRow {
  lead_team_id: SqlValue;
  lead_assigned_user_id: SqlValue;
  lead_hidden: SqlValue;
  lead_deleted_at: SqlValue;
  lead_caller_is_assignee: SqlValue;
}

/** A lead named by a request, with its access facts for the caller. */
export interface LeadRef {
  leadId: Int64;
  leadAccess: LeadAccess;
}

const LEAD_ACCESS_SELECT =
  'l.team_id AS lead_team_id, l.assigned_user_id AS lead_assigned_user_id, l.hidden AS lead_hidden, ' +
  'l.deleted_at AS lead_deleted_at, ' +
  'EXISTS (SELECT 1 FROM lead_assignees la WHERE la.lead_id = l.id AND la.user_id = ?) AS lead_caller_is_assignee';

const FIND_ACCESS_SQL = `SELECT ${LEAD_ACCESS_SELECT} FROM leads l WHERE l.id = ?`;
const EVENT_LEAD_SQL = 'SELECT l.team_id, l.assigned_user_id, l.hidden FROM leads l WHERE l.id = ?';
const FIND_LEAD_SQL = `SELECT ${LEAD_COLUMNS}, ${LEAD_ACCESS_SELECT} FROM leads l WHERE l.id = ?`;

@Injectable()
export class LeadsService {
  constructor(
    private readonly sql: SqlReader,
    private readonly transactions: TransactionRunner,
    private readonly ids: IdGenerator,
    private readonly users: UsersService,
    private readonly idempotency: IdempotencyService,
  ) {}

  /** The one manage-permission policy; see {@link canManageLead}. */
  canManage(caller: LeadCaller, lead: LeadAccess | null): boolean {
    return canManageLead(caller, lead);
  }

  /** The access facts of a lead for this caller, or null when there is no such lead. */
  async findAccess(leadId: Int64, caller: LeadCaller): Promise<LeadRef | null> {
    const rows = await this.sql.query<LeadAccessRow>(FIND_ACCESS_SQL, [caller.userId, leadId]);
    return rows[0] === undefined ? null : { leadId, leadAccess: this.readAccess(rows[0]) };
  }

  /** The lead with its access facts for this caller, or null when there is no such lead. */
  async findLead(leadId: Int64, caller: LeadCaller): Promise<LeadRecord | null> {
    const rows = await this.sql.query<LeadRow & LeadAccessRow>(FIND_LEAD_SQL, [caller.userId, leadId]);
    return rows[0] === undefined ? null : { row: rows[0], leadAccess: this.readAccess(rows[0]) };
  }

  /** Lets another module read the access facts of the lead at `leadIdColumn` in its own query. */
  accessSql(leadIdColumn: string): LeadAccessSql {
    return { select: LEAD_ACCESS_SELECT, join: `JOIN leads l ON l.id = ${leadIdColumn}` };
  }

  readAccess(row: LeadAccessRow): LeadAccess {
    return {
      teamId: String(row.lead_team_id),
      assignedUserId:
        row.lead_assigned_user_id === null || row.lead_assigned_user_id === undefined
          ? null
          : String(row.lead_assigned_user_id),
      hidden: sqlBool(row.lead_hidden),
      deleted: row.lead_deleted_at !== null && row.lead_deleted_at !== undefined,
      callerIsOtherAssignee: sqlBool(row.lead_caller_is_assignee),
    };
  }

  /**
   * Who hears about the events of this lead (the source system's rule): a hidden lead, only its assigned
   * agent; any other, its assigned agent and the team's OWNER and ADMIN users. Only active users of the
   * lead's team; null when there is no such lead.
   */
  async findEventRecipients(leadId: Int64): Promise<{ teamId: Int64; userIds: Int64[] } | null> {
    const [lead] = await this.sql.query<{ team_id: SqlValue; assigned_user_id: SqlValue; hidden: SqlValue }>(
      EVENT_LEAD_SQL,
      [leadId],
    );
    if (lead === undefined) return null;
    const teamId = String(lead.team_id);
    const assigned = lead.assigned_user_id === null ? null : String(lead.assigned_user_id);
    const userIds = new Set<Int64>();
    if (assigned !== null && (await this.users.findTeamUsers(teamId, [assigned])).get(assigned)?.active === true) {
      userIds.add(assigned);
    }
    if (!sqlBool(lead.hidden)) {
      for (const id of await this.users.findActiveTeamManagers(teamId)) userIds.add(id);
    }
    return { teamId, userIds: [...userIds] };
  }

  /**
   * A new lead in the caller's team, assigned to the caller unless another active member is named. With an
   * Idempotency-Key, the answer is stored with the lead.
   */
  async create(
    caller: Principal,
    input: CreateLeadDto,
    idempotency: IdempotentRequest | null,
  ): Promise<LeadResponseDto> {
    if (![input.firstName, input.lastName, input.phoneNumber, input.email].some((v) => v !== undefined && v !== '')) {
      throw new AppError(ErrorCode.MissingParameter, NO_NAME_GIVEN);
    }
    const assignedUserId = input.assignedUserId ?? caller.userId;
    await this.requireActiveTeamMember(assignedUserId, caller.teamId);
    const now = nowToTheSecond();
    const lead: Omit<LeadEntity, 'team' | 'assignedUser'> = {
      id: this.ids.next(),
      teamId: caller.teamId,
      assignedUserId,
      firstName: input.firstName ?? null,
      lastName: input.lastName ?? null,
      phoneNumber: input.phoneNumber ?? null,
      email: input.email ?? null,
      hidden: input.hidden ?? false,
      deletedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    return this.idempotency.run(idempotency, async (manager) => {
      await manager.insert(LeadEntity, lead);
      return toLeadResponse({
        id: lead.id,
        team_id: lead.teamId,
        assigned_user_id: lead.assignedUserId,
        first_name: lead.firstName,
        last_name: lead.lastName,
        phone_number: lead.phoneNumber,
        email: lead.email,
        hidden: lead.hidden,
        created_at: now,
        updated_at: now,
      });
    });
  }

  /**
   * Gives the lead another assigned agent. Only an OWNER, an ADMIN or a holder of ACCESS_ALL_TEAM_LEADS
   * may, on a lead they may manage (the guard checked that); the new agent must be an active member of
   * the lead's team.
   */
  async reassign(caller: Principal, lead: LeadRecord, assignedUserId: Int64): Promise<LeadResponseDto> {
    if (caller.role !== Role.Owner && caller.role !== Role.Admin && !caller.accessAllTeamLeads) {
      throw new AppError(ErrorCode.InsufficientRole, REASSIGN_NOT_ALLOWED);
    }
    await this.requireActiveTeamMember(assignedUserId, lead.leadAccess.teamId);
    const now = nowToTheSecond();
    const id = String(lead.row.id);
    await this.transactions.run((manager) => manager.update(LeadEntity, { id }, { assignedUserId, updatedAt: now }));
    return toLeadResponse({ ...lead.row, assigned_user_id: assignedUserId, updated_at: now });
  }

  private async requireActiveTeamMember(userId: Int64, teamId: Int64): Promise<void> {
    if (!(await this.users.isActiveTeamMember(userId, teamId))) {
      throw new AppError(ErrorCode.InvalidParameter, notAnActiveTeamUser(userId));
    }
  }
}
