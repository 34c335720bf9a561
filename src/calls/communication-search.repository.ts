import { Injectable } from '@nestjs/common';
import type { Int64 } from '../common/int64';
import { type SqlParam, SqlReader } from '../database/sql-reader';
import type { LeadCaller } from '../leads/lead-access';
import type { LeadManageFilter } from '../leads/leads.service';
import { Channel } from './call-enums';
import type { Call } from './call.record';
import { CALL_COLUMNS, LOG_COLUMNS, readCall, readLog, WITH_DIALER } from './calls.repository';
import type { ManualLog } from './manual-log.record';

/** Which communications of a team a search page reads. */
export interface SearchWindow {
  teamId: Int64;
  channel: Channel;
  /** UTC text `yyyy-MM-dd HH:mm:ss`: the communications at or after it... */
  from: string;
  /** ...and before it. */
  to: string;
  /** Only this agent's, or the whole team's when null. */
  agentId: Int64 | null;
  /** Only those stored at or before this time, epoch milliseconds. */
  storedBy: number;
  offset: number;
  limit: number;
}

/** A page of a search, oldest first. */
export interface SearchPage<T> {
  entries: T[];
  hasMore: boolean;
}

/**
 * The search by agent over the communications table: a team's communications of one channel in a time window,
 * oldest first (ties by id), on leads the caller may manage, a page at a time.
 *
 * A page is one statement. Its inner select walks idx_communications_team_time from the window's start, where
 * everything it filters on (agent, lead, stored time) is in the index and only the lead's access is read beside,
 * and skips the offset there; the outer one reads the page's rows. So a page costs the same however many
 * communications the team has outside the window, and the offset costs an index walk, not rows.
 */
@Injectable()
export class CommunicationSearchRepository {
  /** The index named to both engines: with an agent to filter on, either might take the agent's index instead. */
  private readonly indexHint: string;

  constructor(private readonly sql: SqlReader) {
    this.indexHint =
      sql.dialect === 'mysql'
        ? ' FORCE INDEX (idx_communications_team_time)'
        : ' INDEXED BY idx_communications_team_time';
  }

  /** A page of the window's calls on leads the caller may manage. */
  findCalls(window: SearchWindow, leads: LeadManageFilter, caller: LeadCaller): Promise<SearchPage<Call>> {
    return this.findPage(window, leads, caller, { columns: CALL_COLUMNS, joins: WITH_DIALER, read: readCall });
  }

  /** A page of the window's logged emails or texts (`window.channel`) on leads the caller may manage. */
  findLogs(window: SearchWindow, leads: LeadManageFilter, caller: LeadCaller): Promise<SearchPage<ManualLog>> {
    return this.findPage(window, leads, caller, { columns: `${LOG_COLUMNS}, c.channel`, joins: '', read: readLog });
  }

  private async findPage<Row extends object, T>(
    window: SearchWindow,
    leads: LeadManageFilter,
    caller: LeadCaller,
    records: { columns: string; joins: string; read: (row: Row) => T },
  ): Promise<SearchPage<T>> {
    const manageable = leads.where(caller);
    if (manageable === null) return { entries: [], hasMore: false };
    const pageIds = this.pageIdsSql(window, leads.join('c.lead_id'), manageable.sql);
    const rows = await this.sql.query<Row>(
      `SELECT ${records.columns} FROM (${pageIds}) p JOIN communications c ON c.id = p.id ${records.joins} ` +
        'ORDER BY p.create_time, p.id',
      this.pageIdsParams(window, manageable.params),
    );
    return page(rows.map(records.read), window.limit);
  }

  /** The ids of the page (one more than the limit, to tell whether more follow), with their times. */
  private pageIdsSql(window: SearchWindow, joinLead: string, manageable: string): string {
    return (
      `SELECT c.id, c.create_time FROM communications c${this.indexHint} ${joinLead} ` +
      'WHERE c.team_id = ? AND c.channel = ? AND c.create_time >= ? AND c.create_time < ? AND c.recorded_ms <= ?' +
      (window.agentId === null ? '' : ' AND c.agent_id = ?') +
      ` AND ${manageable} ORDER BY c.create_time, c.id LIMIT ? OFFSET ?`
    );
  }

  private pageIdsParams(window: SearchWindow, manageable: SqlParam[]): SqlParam[] {
    return [
      window.teamId,
      window.channel,
      window.from,
      window.to,
      String(window.storedBy),
      ...(window.agentId === null ? [] : [window.agentId]),
      ...manageable,
      // As text: mysql2 binds a JS number as a DOUBLE, which MySQL refuses for LIMIT.
      String(window.limit + 1),
      String(window.offset),
    ];
  }
}

function page<T>(entries: T[], limit: number): SearchPage<T> {
  return entries.length > limit ? { entries: entries.slice(0, limit), hasMore: true } : { entries, hasMore: false };
}
