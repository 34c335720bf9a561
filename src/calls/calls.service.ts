import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import type { Int64 } from '../common/int64';
import { SqlReader } from '../database/sql-reader';
import type { SqlValue } from '../database/sql-values';
import type { LeadAccessRow } from '../leads/leads.service';
import { LeadsService } from '../leads/leads.service';
import { Channel } from './call-enums';
import { CALL_COLUMNS, type CallRecord, type CallRow } from './call-record';
import { toCallResponse } from './call.mapper';
import type { CallResponseDto } from './dto/call-response.dto';

const COUNT_SQL = `SELECT COUNT(*) AS total FROM communications c WHERE c.lead_id = ? AND c.channel = '${Channel.Call}'`;

@Injectable()
export class CallsService {
  private readonly findCallSql: string;
  private readonly pageSql =
    `SELECT ${CALL_COLUMNS} FROM communications c ` +
    'LEFT JOIN dialer_call_records d ON d.id = c.dialer_call_record_id ' +
    `WHERE c.lead_id = ? AND c.channel = '${Channel.Call}' ORDER BY c.id DESC LIMIT ? OFFSET ?`;
  private readonly keysetPageSql: string;
  private readonly storedCallSql =
    `SELECT ${CALL_COLUMNS} FROM communications c ` +
    'LEFT JOIN dialer_call_records d ON d.id = c.dialer_call_record_id ' +
    `WHERE c.id = ? AND c.channel = '${Channel.Call}'`;

  constructor(
    private readonly sql: SqlReader,
    private readonly leads: LeadsService,
  ) {
    // MariaDB reads the cursor page through the (lead_id, channel) prefix of the index and skips the newer
    // calls one by one unless told to use the index: a page deep in a long history then costs as much as
    // the calls before it. SQLite picks the range on (lead_id, channel, id) by itself.
    const hint = sql.dialect === 'mysql' ? ' FORCE INDEX (idx_communications_lead_channel)' : '';
    this.keysetPageSql =
      `SELECT ${CALL_COLUMNS} FROM communications c${hint} ` +
      'LEFT JOIN dialer_call_records d ON d.id = c.dialer_call_record_id ' +
      `WHERE c.lead_id = ? AND c.channel = '${Channel.Call}' AND c.id < ? ORDER BY c.id DESC LIMIT ?`;
    const access = leads.accessSql('c.lead_id');
    // No existence leak, also in time: when there is no such communication, a stand-in row (the first
    // communication) is read in its place, with the same joins, so that a missing id, a communication that
    // is not a call and a call of a lead the caller may not manage cost the same; findCall tells them apart.
    this.findCallSql =
      `SELECT ${CALL_COLUMNS}, c.channel, ${access.select} ` +
      `FROM communications c ${access.join} ` +
      'LEFT JOIN dialer_call_records d ON d.id = c.dialer_call_record_id ' +
      'WHERE c.id = COALESCE((SELECT x.id FROM communications x WHERE x.id = ?), ' +
      '(SELECT MIN(y.id) FROM communications y))';
  }

  /**
   * A page of the lead's calls, newest first, in one query (no query per call): by offset, or after the
   * keyset cursor `beforeId` (exclusive), which walks the (lead_id, channel, id) index and costs the same
   * from the first page to the last.
   */
  async listCalls(
    leadId: Int64,
    page: { limit: number; offset: number; beforeId?: Int64 },
  ): Promise<CallResponseDto[]> {
    const rows =
      page.beforeId === undefined
        ? await this.sql.query<CallRow>(this.pageSql, [leadId, String(page.limit), String(page.offset)])
        : await this.sql.query<CallRow>(this.keysetPageSql, [leadId, page.beforeId, String(page.limit)]);
    return rows.map(toCallResponse);
  }

  /** How many calls the lead has (an index-only count). */
  async countCalls(leadId: Int64): Promise<number> {
    const [row] = await this.sql.query<{ total: SqlValue }>(COUNT_SQL, [leadId]);
    return Number(row?.total ?? 0);
  }

  /**
   * A call just stored or looked up by an internal caller, as Get Call answers it (no access check); read in
   * the transaction of `manager` when given, which sees the call it is writing.
   */
  async getStoredCall(communicationId: Int64, manager?: EntityManager): Promise<CallResponseDto> {
    const [row] =
      manager === undefined
        ? await this.sql.query<CallRow>(this.storedCallSql, [communicationId])
        : await this.sql.queryIn<CallRow>(manager, this.storedCallSql, [communicationId]);
    if (row === undefined) throw new Error(`Communication ${communicationId} is not a stored call`);
    return toCallResponse(row);
  }

  /**
   * The call with this communication id together with its lead's access facts for the caller, in one
   * query; null when there is no such communication or it is not a call. Whether the caller may see it
   * is the lead policy's decision (see LeadManageGuard).
   */
  async findCall(communicationId: Int64, caller: Principal): Promise<CallRecord | null> {
    const rows = await this.sql.query<CallRow & LeadAccessRow & { channel: SqlValue }>(this.findCallSql, [
      caller.userId,
      communicationId,
    ]);
    const row = rows[0];
    if (row === undefined) return null;
    const record = { row, leadAccess: this.leads.readAccess(row) };
    return String(row.id) === communicationId && row.channel === Channel.Call ? record : null;
  }
}
