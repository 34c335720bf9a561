import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import type { Int64 } from '../common/int64';
import { SqlReader } from '../database/sql-reader';
import type { LeadAccessRow } from '../leads/leads.service';
import { LeadsService } from '../leads/leads.service';
import { Channel } from './call-enums';
import { CALL_COLUMNS, CallRecord, CallRow } from './call-record';

@Injectable()
export class CallsService {
  private readonly findCallSql: string;

  constructor(
    private readonly sql: SqlReader,
    private readonly leads: LeadsService,
  ) {
    const access = leads.accessSql('c.lead_id');
    this.findCallSql =
      `SELECT ${CALL_COLUMNS}, ${access.select} ` +
      `FROM communications c ${access.join} ` +
      'LEFT JOIN dialer_call_records d ON d.id = c.dialer_call_record_id ' +
      `WHERE c.id = ? AND c.channel = '${Channel.Call}'`;
  }

  /**
   * The call with this communication id together with its lead's access facts for the caller, in one
   * query; null when there is no such communication or it is not a call. Whether the caller may see it
   * is the lead policy's decision (see LeadManageGuard).
   */
  async findCall(communicationId: Int64, caller: Principal): Promise<CallRecord | null> {
    const rows = await this.sql.query<CallRow & LeadAccessRow>(this.findCallSql, [caller.userId, communicationId]);
    const row = rows[0];
    return row === undefined ? null : { row, leadAccess: this.leads.readAccess(row) };
  }
}
