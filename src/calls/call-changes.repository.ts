import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Int64 } from '../common/int64';
import { type SqlParam, SqlReader } from '../database/sql-reader';
import type { SqlValue } from '../database/sql-values';
import type { LeadCaller } from '../leads/lead-access';
import type { LeadManageFilter } from '../leads/leads.service';
import { CallChangeMarksEntity } from './call-change.entity';
import type { CallChangeType } from './call-enums';
import type { CallChange } from './call.record';
import { CALL_COLUMNS, type CallRow, readCall, WITH_DIALER } from './calls.repository';

/** A change to append to the feed: which call, whose, and what happened to it. */
export interface NewCallChange {
  communicationId: Int64;
  teamId: Int64;
  leadId: Int64;
  agentId: Int64;
  changeType: CallChangeType;
}

/** Which changes a page of the feed reads. */
export interface FeedQuery {
  teamId: Int64;
  /** Only the changes of this agent's calls, or the team's when null. */
  agentId: Int64 | null;
  /** The changes after this `seq` (exclusive). */
  afterSeq: Int64;
  limit: number;
}

/** Where the feed stands: the marks row, read in the same statement as a page. */
export interface FeedMarks {
  /** Every change up to it had committed when the page was read (see append). */
  lastSeq: Int64;
  /** The changes up to it may have been purged... */
  purgedSeq: Int64;
  /** ...and so may every change before this time (epoch ms). */
  purgedMs: number;
}

export interface FeedPage {
  /** At most `limit + 1`, in `seq` order: one more than the limit tells that more follow. */
  changes: CallChange[];
  marks: FeedMarks;
}

/** The purge's bound: the changes up to `seq` are older than `beforeMs`. */
export interface PurgeBound {
  seq: Int64;
  beforeMs: number;
}

type MarksRow = { last_seq: SqlValue; purged_seq: SqlValue; purged_ms: SqlValue };
type PageRow = MarksRow & CallRow & { seq: SqlValue; change_type: SqlValue };

const MARKS_SQL = 'SELECT m.last_seq, m.purged_seq, m.purged_ms FROM call_change_marks m WHERE m.id = 1';
const NEXT_SEQ_SQL = 'UPDATE call_change_marks SET last_seq = last_seq + 1 WHERE id = 1';
const SINCE_SQL = 'SELECT seq FROM call_changes WHERE changed_ms >= ? ORDER BY changed_ms, seq LIMIT 1';
const OLDEST_SQL = 'SELECT MIN(seq) AS seq FROM call_changes';
const PURGE_BOUND_SQL = 'SELECT seq FROM call_changes WHERE changed_ms < ? ORDER BY changed_ms DESC, seq DESC LIMIT 1';
/** Changes deleted per statement of the purge (seqs have no gap: a range of this width holds at most as many). */
const PURGE_BATCH = 1000n;

/** The database's clock in epoch milliseconds, read by the statement that takes a change's `seq`. */
function nowMsSql(dialect: 'sqlite' | 'mysql'): string {
  return dialect === 'mysql'
    ? 'CAST(UNIX_TIMESTAMP(NOW(3)) * 1000 AS SIGNED)'
    : "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)";
}

/**
 * The change feed of calls (call_changes, call_change_marks). A page is one statement: the marks row and, beside
 * it, the page's changes on the team's index from the reader's `seq` on, each with its call as it is now. Reading
 * the marks in the page's own statement is what makes a page safe to follow (see CallChangesService).
 */
@Injectable()
export class CallChangesRepository {
  private readonly hint: { team: string; agent: string };

  private readonly insertSql: string;

  constructor(private readonly sql: SqlReader) {
    this.insertSql =
      'INSERT INTO call_changes (seq, communication_id, team_id, lead_id, agent_id, change_type, changed_ms) ' +
      `SELECT m.last_seq, ?, ?, ?, ?, ?, ${nowMsSql(sql.dialect)} FROM call_change_marks m WHERE m.id = 1`;
    // Both engines are told the index: with an agent and a lead join to filter on, either may pick another one.
    const hint = (index: string) => (sql.dialect === 'mysql' ? ` FORCE INDEX (${index})` : ` INDEXED BY ${index}`);
    this.hint = { team: hint('idx_call_changes_team'), agent: hint('idx_call_changes_team_agent') };
  }

  /**
   * Appends a change of a call to the feed, in the transaction that makes it (`manager`). The change takes the next
   * `seq` by incrementing the marks row, which it then holds locked until its transaction ends: the next change
   * waits there, so that `seq`s are given in the order the changes commit, and a transaction that rolls back gives
   * its `seq` back (no gap). SQLite runs one transaction at a time anyway. It should be the last write of its
   * transaction, to hold the lock for as short a time as it can.
   */
  async append(manager: EntityManager, change: NewCallChange): Promise<void> {
    await manager.query(NEXT_SEQ_SQL);
    await manager.query(this.insertSql, [
      change.communicationId,
      change.teamId,
      change.leadId,
      change.agentId,
      change.changeType,
    ]);
  }

  /**
   * A page of the changes after `query.afterSeq`, on leads the caller may manage (by `leads`), with the marks as
   * the same statement saw them.
   */
  async findPage(query: FeedQuery, leads: LeadManageFilter, caller: LeadCaller): Promise<FeedPage> {
    const manageable = leads.where(caller);
    if (manageable === null) return { changes: [], marks: await this.findMarks() };
    const ownOnly = query.agentId !== null;
    const pageSql =
      `SELECT ch.seq, ch.communication_id, ch.change_type FROM call_changes ch${ownOnly ? this.hint.agent : this.hint.team} ` +
      `${leads.join('ch.lead_id')} WHERE ch.team_id = ?${ownOnly ? ' AND ch.agent_id = ?' : ''} AND ch.seq > ? ` +
      `AND ${manageable.sql} ORDER BY ch.seq LIMIT ?`;
    const params: SqlParam[] = [
      query.teamId,
      ...(query.agentId === null ? [] : [query.agentId]),
      query.afterSeq,
      ...manageable.params,
      // As text: mysql2 binds a JS number as a DOUBLE, which MySQL refuses for LIMIT.
      String(query.limit + 1),
    ];
    const rows = await this.sql.query<PageRow>(
      `SELECT m.last_seq, m.purged_seq, m.purged_ms, p.seq, p.change_type, ${CALL_COLUMNS} ` +
        `FROM call_change_marks m LEFT JOIN (${pageSql}) p ON 1 = 1 ` +
        `LEFT JOIN communications c ON c.id = p.communication_id ${WITH_DIALER} WHERE m.id = 1 ORDER BY p.seq`,
      params,
    );
    const changes: CallChange[] = [];
    for (const row of rows) {
      if (row.seq === null || row.seq === undefined) continue;
      changes.push({
        seq: String(row.seq),
        changeType: String(row.change_type) as CallChangeType,
        call: readCall(row),
      });
    }
    return { changes, marks: readMarks(rows[0]) };
  }

  async findMarks(): Promise<FeedMarks> {
    const [row] = await this.sql.query<MarksRow>(MARKS_SQL, []);
    return readMarks(row);
  }

  /** The `seq` of the first change at or after this time (epoch ms), or null when there is none yet. */
  async findFirstSince(sinceMs: number): Promise<Int64 | null> {
    const [row] = await this.sql.query<{ seq: SqlValue }>(SINCE_SQL, [String(sinceMs)]);
    return row === undefined ? null : String(row.seq);
  }

  /** The `seq` of the oldest change kept, or null when none is. */
  async findOldestSeq(): Promise<Int64 | null> {
    const [row] = await this.sql.query<{ seq: SqlValue }>(OLDEST_SQL, []);
    return row === undefined || row.seq === null ? null : String(row.seq);
  }

  /** The last change older than `beforeMs`, or null when there is none: how far a purge goes. */
  async findPurgeBound(beforeMs: number): Promise<PurgeBound | null> {
    const [row] = await this.sql.query<{ seq: SqlValue }>(PURGE_BOUND_SQL, [String(beforeMs)]);
    return row === undefined ? null : { seq: String(row.seq), beforeMs };
  }

  /**
   * Moves the purge mark to `bound` (never back); whether it moved. Committed before the changes are deleted, so
   * that a page that misses a deleted change also sees the mark that tells it.
   */
  async markPurged(manager: EntityManager, bound: PurgeBound): Promise<boolean> {
    const moved = await manager
      .createQueryBuilder()
      .update(CallChangeMarksEntity)
      .set({ purgedSeq: bound.seq, purgedMs: String(bound.beforeMs) })
      .where('id = 1 AND purged_seq < :seq', { seq: bound.seq })
      .execute();
    return moved.affected === 1;
  }

  /** Deletes the next batch of the changes after `fromSeq` up to `toSeq`; where the batch ended. */
  async deletePurged(manager: EntityManager, fromSeq: Int64, toSeq: Int64): Promise<Int64> {
    const end = BigInt(fromSeq) + PURGE_BATCH < BigInt(toSeq) ? String(BigInt(fromSeq) + PURGE_BATCH) : toSeq;
    await manager.query('DELETE FROM call_changes WHERE seq > ? AND seq <= ?', [fromSeq, end]);
    return end;
  }
}

function readMarks(row: MarksRow | undefined): FeedMarks {
  if (row === undefined) throw new Error('The call_change_marks row is missing: run the migrations');
  return { lastSeq: String(row.last_seq), purgedSeq: String(row.purged_seq), purgedMs: Number(row.purged_ms) };
}
