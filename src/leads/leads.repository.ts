import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Int64 } from '../common/int64';
import { type SqlParam, SqlReader } from '../database/sql-reader';
import { sqlBool, sqlDateTime, sqlString, type SqlValue } from '../database/sql-values';
import { type LeadAccess, type LeadCaller, mayManageOwnLeadsOnly, mayManageNoLead } from './lead-access';
import { LeadEntity } from './lead.entity';
import type { Lead } from './lead.record';

/**
 * Lets another module's repository read a lead's access facts in its own statement, so that a lead-scoped
 * resource and the right to see it come back in one round trip. The statement joins the lead as `l` with
 * {@link join}, puts {@link select} in its select list and {@link params} where that list stands among its
 * parameters, and reads the facts back from each row with {@link read}.
 */
export interface LeadAccessQuery {
  readonly select: string;
  join(leadIdColumn: string): string;
  params(caller: LeadCaller): SqlParam[];
  read(row: object): LeadAccess;
}

/**
 * Lets another module's repository keep, in its own statement, only the rows whose lead the caller may manage: the
 * policy of canManageLead written as a condition on the lead joined as `l` (with {@link join}). {@link where} gives
 * the condition with its own parameters, which the statement binds where the condition stands; null when the caller
 * may manage no lead at all.
 */
export interface LeadManageFilter {
  join(leadIdColumn: string): string;
  where(caller: LeadCaller): { sql: string; params: SqlParam[] } | null;
}

/** The facts of a lead that decide who hears of its events and whether it takes new calls. */
export interface LeadFacts {
  teamId: Int64;
  assignedUserId: Int64 | null;
  hidden: boolean;
  deleted: boolean;
}

interface AccessRow {
  lead_team_id: SqlValue;
  lead_assigned_user_id: SqlValue;
  lead_hidden: SqlValue;
  lead_deleted_at: SqlValue;
  lead_caller_is_assignee: SqlValue;
}

interface LeadRow {
  id: SqlValue;
  team_id: SqlValue;
  assigned_user_id: SqlValue;
  first_name: SqlValue;
  last_name: SqlValue;
  phone_number: SqlValue;
  email: SqlValue;
  hidden: SqlValue;
  created_at: SqlValue;
  updated_at: SqlValue;
}

const ACCESS_SELECT =
  'l.team_id AS lead_team_id, l.assigned_user_id AS lead_assigned_user_id, l.hidden AS lead_hidden, ' +
  'l.deleted_at AS lead_deleted_at, ' +
  'EXISTS (SELECT 1 FROM lead_assignees la WHERE la.lead_id = l.id AND la.user_id = ?) AS lead_caller_is_assignee';

const LEAD_COLUMNS =
  'l.id, l.team_id, l.assigned_user_id, l.first_name, l.last_name, l.phone_number, l.email, l.hidden, ' +
  'l.created_at, l.updated_at';

const FIND_ACCESS_SQL = `SELECT ${ACCESS_SELECT} FROM leads l WHERE l.id = ?`;
const FIND_LEAD_SQL = `SELECT ${LEAD_COLUMNS}, ${ACCESS_SELECT} FROM leads l WHERE l.id = ?`;
const FIND_FACTS_SQL = 'SELECT l.team_id, l.assigned_user_id, l.hidden, l.deleted_at FROM leads l WHERE l.id = ?';

const ACCESS_QUERY: LeadAccessQuery = {
  select: ACCESS_SELECT,
  join: (leadIdColumn) => `JOIN leads l ON l.id = ${leadIdColumn}`,
  params: (caller) => [caller.userId],
  read: (row) => readAccess(row as AccessRow),
};

const IS_ASSIGNEE = 'EXISTS (SELECT 1 FROM lead_assignees la WHERE la.lead_id = l.id AND la.user_id = ?)';
const MANAGED_BY_ASSIGNMENT = `l.team_id = ? AND l.deleted_at IS NULL AND (l.assigned_user_id = ? OR ${IS_ASSIGNEE}`;

const MANAGE_FILTER: LeadManageFilter = {
  join: (leadIdColumn) => `JOIN leads l ON l.id = ${leadIdColumn}`,
  where: (caller) => {
    if (mayManageNoLead(caller)) return null;
    const params = [caller.teamId, caller.userId, caller.userId];
    // The team's visible leads too, for an owner, an admin or a holder of ACCESS_ALL_TEAM_LEADS.
    const sql = mayManageOwnLeadsOnly(caller)
      ? `${MANAGED_BY_ASSIGNMENT})`
      : `${MANAGED_BY_ASSIGNMENT} OR l.hidden = 0)`;
    return { sql, params };
  },
};

/** The leads table and the lead assignees it is read with. */
@Injectable()
export class LeadsRepository {
  constructor(private readonly sql: SqlReader) {}

  get accessQuery(): LeadAccessQuery {
    return ACCESS_QUERY;
  }

  get manageFilter(): LeadManageFilter {
    return MANAGE_FILTER;
  }

  async findAccess(leadId: Int64, caller: LeadCaller): Promise<LeadAccess | null> {
    const [row] = await this.sql.query<AccessRow>(FIND_ACCESS_SQL, [...ACCESS_QUERY.params(caller), leadId]);
    return row === undefined ? null : readAccess(row);
  }

  async findWithAccess(leadId: Int64, caller: LeadCaller): Promise<{ lead: Lead; leadAccess: LeadAccess } | null> {
    const [row] = await this.sql.query<LeadRow & AccessRow>(FIND_LEAD_SQL, [...ACCESS_QUERY.params(caller), leadId]);
    return row === undefined ? null : { lead: readLead(row), leadAccess: readAccess(row) };
  }

  /** Read in the transaction of `manager` when given (on MySQL its connection, not a second one). */
  async findFacts(leadId: Int64, manager?: EntityManager): Promise<LeadFacts | null> {
    type Row = { team_id: SqlValue; assigned_user_id: SqlValue; hidden: SqlValue; deleted_at: SqlValue };
    const [row] =
      manager === undefined
        ? await this.sql.query<Row>(FIND_FACTS_SQL, [leadId])
        : await this.sql.queryIn<Row>(manager, FIND_FACTS_SQL, [leadId]);
    return row === undefined
      ? null
      : {
          teamId: String(row.team_id),
          assignedUserId: sqlString(row.assigned_user_id),
          hidden: sqlBool(row.hidden),
          deleted: row.deleted_at !== null && row.deleted_at !== undefined,
        };
  }

  async insert(manager: EntityManager, lead: Lead, now: Date): Promise<void> {
    await manager.insert(LeadEntity, {
      id: lead.id,
      teamId: lead.teamId,
      assignedUserId: lead.assignedUserId,
      firstName: lead.firstName,
      lastName: lead.lastName,
      phoneNumber: lead.phoneNumber,
      email: lead.email,
      hidden: lead.hidden,
      deletedAt: null,
      createdAt: now,
      updatedAt: now,
    });
  }

  async updateAssignedUser(manager: EntityManager, leadId: Int64, assignedUserId: Int64, now: Date): Promise<void> {
    await manager.update(LeadEntity, { id: leadId }, { assignedUserId, updatedAt: now });
  }
}

function readAccess(row: AccessRow): LeadAccess {
  return {
    teamId: String(row.lead_team_id),
    assignedUserId: sqlString(row.lead_assigned_user_id),
    hidden: sqlBool(row.lead_hidden),
    deleted: row.lead_deleted_at !== null && row.lead_deleted_at !== undefined,
    callerIsOtherAssignee: sqlBool(row.lead_caller_is_assignee),
  };
}

function readLead(row: LeadRow): Lead {
  return {
    id: String(row.id),
    teamId: String(row.team_id),
    assignedUserId: sqlString(row.assigned_user_id),
    firstName: sqlString(row.first_name),
    lastName: sqlString(row.last_name),
    phoneNumber: sqlString(row.phone_number),
    email: sqlString(row.email),
    hidden: sqlBool(row.hidden),
    createTime: sqlDateTime(row.created_at) as string,
    updateTime: sqlDateTime(row.updated_at) as string,
  };
}
