import { Injectable } from '@nestjs/common';
import type { Int64 } from '../common/int64';
import { SqlReader } from '../database/sql-reader';
import { sqlBool, SqlValue } from '../database/sql-values';
import { canManageLead, LeadAccess, LeadCaller } from './lead-access';

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

const LEAD_ACCESS_SELECT =
  'l.team_id AS lead_team_id, l.assigned_user_id AS lead_assigned_user_id, l.hidden AS lead_hidden, ' +
  'l.deleted_at AS lead_deleted_at, ' +
  'EXISTS (SELECT 1 FROM lead_assignees la WHERE la.lead_id = l.id AND la.user_id = ?) AS lead_caller_is_assignee';

const FIND_ACCESS_SQL = `SELECT ${LEAD_ACCESS_SELECT} FROM leads l WHERE l.id = ?`;

@Injectable()
export class LeadsService {
  constructor(private readonly sql: SqlReader) {}

  /** The one manage-permission policy; see {@link canManageLead}. */
  canManage(caller: LeadCaller, lead: LeadAccess | null): boolean {
    return canManageLead(caller, lead);
  }

  /** The access facts of a lead for this caller, or null when there is no such lead. */
  async findAccess(leadId: Int64, caller: LeadCaller): Promise<LeadAccess | null> {
    const rows = await this.sql.query<LeadAccessRow>(FIND_ACCESS_SQL, [caller.userId, leadId]);
    return rows[0] === undefined ? null : this.readAccess(rows[0]);
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
}
