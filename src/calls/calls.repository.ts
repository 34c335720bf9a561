import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Int64 } from '../common/int64';
import { IdGenerator } from '../database/id-generator';
import { insertWithFreshId } from '../database/insert-with-fresh-id';
import { SqlReader } from '../database/sql-reader';
import { sqlBool, sqlDateTime, sqlInt, sqlString, type SqlValue } from '../database/sql-values';
import type { LeadCaller, LeadScoped } from '../leads/lead-access';
import type { LeadAccessQuery } from '../leads/leads.service';
import {
  type CallingOutcome,
  Channel,
  CommunicationSource,
  LogSort,
  type MessageChannel,
  SortOrder,
} from './call-enums';
import type { Call, ScopedCall } from './call.record';
import type { LogPage, ManualLog, ScopedLog } from './manual-log.record';
import { CommunicationEntity } from './communication.entity';
import { DialerCallRecordEntity } from './dialer-call-record.entity';

/** A communication to store; its id is drawn on insert, and when it was stored is the time of the insert. */
export type NewCommunication = Omit<
  CommunicationEntity,
  'id' | 'recordedMs' | 'version' | 'lead' | 'agent' | 'dialerCallRecord'
>;

/** A dialer record to store, as its entity holds it. */
export type NewDialerRecord = Omit<DialerCallRecordEntity, never>;

/** What was stored for a dialer record: its communication and the fingerprint of the data it came with. */
export interface StoredDialerCall {
  communicationId: Int64;
  payloadHash: string | null;
}

/**
 * What an edit changes of a call's columns: its outcome, its rating, and its note, which for a logged call is its
 * log's content (what Get Call answers as its note).
 */
export interface CallChanges {
  callingOutcome?: CallingOutcome | null;
  rateScore?: number | null;
  note?: string | null;
  content?: string | null;
}

/** A call as read from the database: the communication and, for a dialer call, its dialer record. */
export interface CallRow {
  id: SqlValue;
  lead_id: SqlValue;
  agent_id: SqlValue;
  source: SqlValue;
  log_phone_number: SqlValue;
  log_direction: SqlValue;
  content: SqlValue;
  calling_outcome: SqlValue;
  rate_score: SqlValue;
  note: SqlValue;
  create_time: SqlValue;
  update_time: SqlValue;
  version: SqlValue;
  /** The dialer record's id: null for a manually logged call. */
  dialer_id: SqlValue;
  dialer_user_id: SqlValue;
  user_phone_number: SqlValue;
  lead_phone_number: SqlValue;
  direction: SqlValue;
  status: SqlValue;
  start_time: SqlValue;
  end_time: SqlValue;
  duration: SqlValue;
  recording_switch: SqlValue;
  show_user_number: SqlValue;
  is_machine_answered: SqlValue;
  price: SqlValue;
  elapsed_seconds: SqlValue;
}

export const CALL_COLUMNS =
  'c.id, c.lead_id, c.agent_id, c.source, c.log_phone_number, c.log_direction, c.content, c.calling_outcome, ' +
  'c.rate_score, c.note, c.create_time, c.update_time, c.version, d.id AS dialer_id, d.user_id AS dialer_user_id, ' +
  'd.user_phone_number, d.lead_phone_number, d.direction, d.status, d.start_time, d.end_time, d.duration, ' +
  'd.recording_switch, d.show_user_number, d.is_machine_answered, d.price, d.elapsed_seconds';

export const WITH_DIALER = 'LEFT JOIN dialer_call_records d ON d.id = c.dialer_call_record_id';

/** A communication as a manual log stores it. */
export interface LogRow {
  id: SqlValue;
  lead_id: SqlValue;
  agent_id: SqlValue;
  channel: SqlValue;
  source: SqlValue;
  log_phone_number: SqlValue;
  log_direction: SqlValue;
  content: SqlValue;
  is_pin: SqlValue;
  calling_outcome: SqlValue;
  email_subject: SqlValue;
  to_email: SqlValue;
  from_email: SqlValue;
  create_time: SqlValue;
}

export const LOG_COLUMNS =
  'c.id, c.lead_id, c.agent_id, c.source, c.log_phone_number, c.log_direction, c.content, c.is_pin, ' +
  'c.calling_outcome, c.email_subject, c.to_email, c.from_email, c.create_time';

/** What the read of one communication by id selects for a channel, and how it makes the scoped record. */
interface ChannelRead<T> {
  readonly columns: string;
  readonly joins: string;
  scope(row: object, lead: LeadScoped): T;
}

const CALL_READ: ChannelRead<ScopedCall> = {
  columns: CALL_COLUMNS,
  joins: WITH_DIALER,
  scope: (row, lead) => ({ ...lead, call: readCall(row as CallRow) }),
};
const LOG_READ: ChannelRead<ScopedLog> = {
  columns: LOG_COLUMNS,
  joins: '',
  scope: (row, lead) => ({ ...lead, log: readLog(row as LogRow) }),
};

/** The statements of a lead's manual logs of a channel, by offset in each order and after a cursor by id. */
interface LogListSql {
  page: Record<LogSort, Record<SortOrder, string>>;
  after: Record<SortOrder, string>;
}

/*
 * A lead's manual logs of a channel, each statement on the index of its order, whose columns start
 * (lead_id, channel, source): by id, or by creation time with the id breaking ties, so that a page by offset
 * never repeats nor skips a log. MariaDB takes the creation-time index for a cursor page (and sorts the lead's
 * logs) unless told: each statement names its index there. SQLite picks them by itself.
 */
function logListSql(dialect: 'sqlite' | 'mysql'): LogListSql {
  const from = (index: string) =>
    `SELECT ${LOG_COLUMNS}, c.channel FROM communications c${dialect === 'mysql' ? ` FORCE INDEX (${index})` : ''} ` +
    `WHERE c.lead_id = ? AND c.channel = ? AND c.source = '${CommunicationSource.Logged}'`;
  const byTime = from('idx_communications_lead_log_time');
  const byId = from('idx_communications_lead_log_id');
  return {
    page: {
      [LogSort.CreateTime]: {
        [SortOrder.Asc]: `${byTime} ORDER BY c.create_time ASC, c.id ASC LIMIT ? OFFSET ?`,
        [SortOrder.Desc]: `${byTime} ORDER BY c.create_time DESC, c.id DESC LIMIT ? OFFSET ?`,
      },
      [LogSort.Id]: {
        [SortOrder.Asc]: `${byId} ORDER BY c.id ASC LIMIT ? OFFSET ?`,
        [SortOrder.Desc]: `${byId} ORDER BY c.id DESC LIMIT ? OFFSET ?`,
      },
    },
    after: {
      [SortOrder.Asc]: `${byId} AND c.id > ? ORDER BY c.id ASC LIMIT ?`,
      [SortOrder.Desc]: `${byId} AND c.id < ? ORDER BY c.id DESC LIMIT ?`,
    },
  };
}

const COUNT_SQL = `SELECT COUNT(*) AS total FROM communications c WHERE c.lead_id = ? AND c.channel = '${Channel.Call}'`;
const PAGE_SQL =
  `SELECT ${CALL_COLUMNS} FROM communications c ${WITH_DIALER} ` +
  `WHERE c.lead_id = ? AND c.channel = '${Channel.Call}' ORDER BY c.id DESC LIMIT ? OFFSET ?`;
const STORED_CALL_SQL = `SELECT ${CALL_COLUMNS} FROM communications c ${WITH_DIALER} WHERE c.id = ? AND c.channel = '${Channel.Call}'`;
const DIALER_CALL_SQL =
  'SELECT c.id, d.payload_hash FROM dialer_call_records d ' +
  'JOIN communications c ON c.dialer_call_record_id = d.id WHERE d.id = ?';

/** The communications table (calls, logged emails and texts) and the dialer records of calls. */
@Injectable()
export class CallsRepository {
  private readonly keysetPageSql: string;
  /** The FROM clause of a batch: its ids, and the communication each of them reads (see findManyWithLeadAccess). */
  private readonly batchFrom: string;
  private readonly logSql: LogListSql;
  private readonly findSql = new Map<ChannelRead<unknown>, { access: LeadAccessQuery; sql: string }>();
  private findManySql: { access: LeadAccessQuery; sql: string } | null = null;

  constructor(
    private readonly sql: SqlReader,
    private readonly ids: IdGenerator,
  ) {
    // MariaDB reads the cursor page through the (lead_id, channel) prefix of the index and skips the newer
    // calls one by one unless told to use the index: a page deep in a long history then costs as much as
    // the calls before it. SQLite picks the range on (lead_id, channel, id) by itself.
    const hint = sql.dialect === 'mysql' ? ' FORCE INDEX (idx_communications_lead_channel)' : '';
    this.keysetPageSql =
      `SELECT ${CALL_COLUMNS} FROM communications c${hint} ${WITH_DIALER} ` +
      `WHERE c.lead_id = ? AND c.channel = '${Channel.Call}' AND c.id < ? ORDER BY c.id DESC LIMIT ?`;
    // The ids come as one JSON array parameter, so that one prepared statement serves any number of them.
    // A missing id reads a stand-in row with the same joins, so that it costs what an id that exists costs. On
    // MySQL a row lives in the leaf of its primary key, so the lookup of an id touches the same page whether the
    // id exists or not, and the stand-in is the first communication (as for Get Call). On SQLite a row lives
    // apart from the id's index: a stand-in read over and over stays in cache and made missing ids about a fifth
    // cheaper, so there each id reads the first communication from it on (itself when it exists, a different row
    // for different missing ids), with a range seek that MariaDB cannot do per row.
    this.batchFrom =
      sql.dialect === 'mysql'
        ? "JSON_TABLE(?, '$[*]' COLUMNS (asked_id BIGINT PATH '$')) q " +
          'LEFT JOIN communications x ON x.id = q.asked_id ' +
          'CROSS JOIN (SELECT MIN(y.id) AS id FROM communications y) f ' +
          'JOIN communications c ON c.id = COALESCE(x.id, f.id)'
        : '(SELECT CAST(j.value AS INTEGER) AS asked_id FROM json_each(?) j) q ' +
          'JOIN communications c ON c.id = COALESCE(' +
          '(SELECT MIN(y.id) FROM communications y WHERE y.id >= q.asked_id), (SELECT MIN(y.id) FROM communications y))';
    this.logSql = logListSql(sql.dialect);
  }

  /**
   * The call with this communication id and its lead's access facts for the caller, in one statement; null
   * when there is no such communication or it is not a call (see {@link findScoped}).
   */
  findWithLeadAccess(communicationId: Int64, caller: LeadCaller, access: LeadAccessQuery): Promise<ScopedCall | null> {
    return this.findScoped(CALL_READ, Channel.Call, communicationId, caller, access);
  }

  /**
   * The email or text (by `channel`) with this communication id, as its log stores it, and its lead's access
   * facts for the caller, in one statement; null when there is no such communication or it is of another
   * channel (see {@link findScoped}).
   */
  findLogWithLeadAccess(
    channel: MessageChannel,
    communicationId: Int64,
    caller: LeadCaller,
    access: LeadAccessQuery,
  ): Promise<ScopedLog | null> {
    return this.findScoped(LOG_READ, channel, communicationId, caller, access);
  }

  /**
   * The calls among these communication ids, each with its lead's access facts for the caller, by id, in one
   * statement whatever their number; an id that is missing or not a call is absent from the answer. No existence
   * leak, also in time: every id reads one full row with the same joins, a missing one a stand-in row (see the
   * constructor), so the statement's work grows with the number of ids and not with how many of them are missing,
   * not calls, or calls of leads the caller may not manage.
   */
  async findManyWithLeadAccess(
    communicationIds: readonly Int64[],
    caller: LeadCaller,
    access: LeadAccessQuery,
  ): Promise<Map<Int64, ScopedCall>> {
    const found = new Map<Int64, ScopedCall>();
    if (communicationIds.length === 0) return found;
    const rows = await this.sql.query<CallRow & { asked_id: SqlValue; channel: SqlValue }>(
      this.findManySqlFor(access),
      [...access.params(caller), JSON.stringify(communicationIds)],
    );
    for (const row of rows) {
      const call = readCall(row);
      if (call.id === String(row.asked_id) && row.channel === Channel.Call) {
        found.set(call.id, { leadId: call.leadId, leadAccess: access.read(row), call });
      }
    }
    return found;
  }

  /** A stored call; read in the transaction of `manager` when given, which sees the call it is writing. */
  async findStored(communicationId: Int64, manager?: EntityManager): Promise<Call | null> {
    const [row] =
      manager === undefined
        ? await this.sql.query<CallRow>(STORED_CALL_SQL, [communicationId])
        : await this.sql.queryIn<CallRow>(manager, STORED_CALL_SQL, [communicationId]);
    return row === undefined ? null : readCall(row);
  }

  /** A page of the lead's calls, newest first, by offset. */
  async listByLead(leadId: Int64, limit: number, offset: number): Promise<Call[]> {
    const rows = await this.sql.query<CallRow>(PAGE_SQL, [leadId, String(limit), String(offset)]);
    return rows.map(readCall);
  }

  /** A page of the lead's calls older than `beforeId` (exclusive), newest first, on the index. */
  async listByLeadBefore(leadId: Int64, beforeId: Int64, limit: number): Promise<Call[]> {
    const rows = await this.sql.query<CallRow>(this.keysetPageSql, [leadId, beforeId, String(limit)]);
    return rows.map(readCall);
  }

  /** How many calls the lead has (an index-only count). */
  async countByLead(leadId: Int64): Promise<number> {
    const [row] = await this.sql.query<{ total: SqlValue }>(COUNT_SQL, [leadId]);
    return Number(row?.total ?? 0);
  }

  /** A page of the lead's manual logs of one channel (see {@link LogPage}), in one statement on an index. */
  async listLogs(leadId: Int64, channel: Channel, page: LogPage): Promise<ManualLog[]> {
    const rows =
      'afterId' in page
        ? await this.sql.query<LogRow>(this.logSql.after[page.order], [
            leadId,
            channel,
            page.afterId,
            String(page.limit),
          ])
        : await this.sql.query<LogRow>(this.logSql.page[page.sort][page.order], [
            leadId,
            channel,
            String(page.limit),
            String(page.offset),
          ]);
    return rows.map(readLog);
  }

  async findByDialerRecord(dialerCallRecordId: Int64): Promise<StoredDialerCall | null> {
    const [row] = await this.sql.query<{ id: SqlValue; payload_hash: SqlValue }>(DIALER_CALL_SQL, [dialerCallRecordId]);
    return row === undefined ? null : { communicationId: String(row.id), payloadHash: sqlString(row.payload_hash) };
  }

  /** Stores a communication under a fresh id (see insertWithFreshId); answers the id. */
  insertCommunication(manager: EntityManager, communication: NewCommunication): Promise<Int64> {
    return insertWithFreshId(manager, this.ids, CommunicationEntity, {
      ...communication,
      recordedMs: String(Date.now()),
    });
  }

  async insertDialerRecord(manager: EntityManager, record: NewDialerRecord): Promise<void> {
    await manager.insert(DialerCallRecordEntity, record);
  }

  /**
   * Applies the changes to the call and moves its update time and its version, in one UPDATE; with `versions`,
   * only if the call's version is one of them at that moment: the UPDATE locks the row and tests the version of
   * the latest commit (on MySQL a second UPDATE waits for the first to end, then finds the new version), so that
   * two edits conditional on the same version cannot both apply. Whether the call was changed.
   */
  async updateCall(
    manager: EntityManager,
    communicationId: Int64,
    changes: CallChanges,
    updateTime: Date,
    versions: readonly number[] | null,
  ): Promise<boolean> {
    const update = manager
      .createQueryBuilder()
      .update(CommunicationEntity)
      .set({ ...changes, updateTime, version: () => 'version + 1' })
      .where('id = :id AND channel = :channel', { id: communicationId, channel: Channel.Call });
    if (versions !== null) update.andWhere('version IN (:...versions)', { versions });
    const result = await update.execute();
    return result.affected === 1;
  }

  /**
   * The communication of this channel with this id and its lead's access facts, in one statement; null when
   * there is no such communication or it is of another channel. No existence leak, also in time: when there is
   * no such communication, a stand-in row (the first communication) is read in its place, with the same joins,
   * so that a missing id, a communication of another channel and one of a lead the caller may not manage cost
   * the same.
   */
  private async findScoped<T>(
    read: ChannelRead<T>,
    channel: Channel,
    communicationId: Int64,
    caller: LeadCaller,
    access: LeadAccessQuery,
  ): Promise<T | null> {
    const rows = await this.sql.query<{ id: SqlValue; lead_id: SqlValue; channel: SqlValue }>(
      this.findSqlFor(read, access),
      [...access.params(caller), communicationId],
    );
    const row = rows[0];
    if (row === undefined) return null;
    const found = read.scope(row, { leadId: String(row.lead_id), leadAccess: access.read(row) });
    return String(row.id) === communicationId && row.channel === channel ? found : null;
  }

  private findSqlFor(read: ChannelRead<unknown>, access: LeadAccessQuery): string {
    let cached = this.findSql.get(read);
    if (cached?.access !== access) {
      cached = {
        access,
        sql:
          `SELECT ${read.columns}, c.channel, ${access.select} ` +
          `FROM communications c ${access.join('c.lead_id')} ${read.joins} ` +
          'WHERE c.id = COALESCE((SELECT x.id FROM communications x WHERE x.id = ?), ' +
          '(SELECT MIN(y.id) FROM communications y))',
      };
      this.findSql.set(read, cached);
    }
    return cached.sql;
  }

  private findManySqlFor(access: LeadAccessQuery): string {
    if (this.findManySql?.access !== access) {
      this.findManySql = {
        access,
        sql:
          `SELECT q.asked_id, ${CALL_COLUMNS}, c.channel, ${access.select} ` +
          `FROM ${this.batchFrom} ${access.join('c.lead_id')} ${WITH_DIALER}`,
      };
    }
    return this.findManySql.sql;
  }
}

/** A row of the call columns as a typed call, alike from both engines. */
export function readCall(row: CallRow): Call {
  return {
    id: String(row.id),
    leadId: String(row.lead_id),
    agentId: String(row.agent_id),
    source: String(row.source) as CommunicationSource,
    logPhoneNumber: sqlString(row.log_phone_number),
    logDirection: sqlString(row.log_direction),
    content: sqlString(row.content),
    callingOutcome: sqlString(row.calling_outcome),
    rateScore: sqlInt(row.rate_score),
    note: sqlString(row.note),
    createTime: sqlDateTime(row.create_time) as string,
    updateTime: sqlDateTime(row.update_time) as string,
    version: Number(row.version),
    dialer:
      row.dialer_id === null || row.dialer_id === undefined
        ? null
        : {
            id: String(row.dialer_id),
            userId: String(row.dialer_user_id),
            userPhoneNumber: sqlString(row.user_phone_number),
            leadPhoneNumber: sqlString(row.lead_phone_number),
            direction: sqlString(row.direction),
            status: sqlString(row.status),
            startTime: sqlDateTime(row.start_time),
            endTime: sqlDateTime(row.end_time),
            duration: sqlInt(row.duration),
            recordingSwitch: sqlBool(row.recording_switch),
            showUserNumber: sqlString(row.show_user_number),
            isMachineAnswered: sqlBool(row.is_machine_answered),
            price: row.price === null || row.price === undefined ? null : Number(row.price),
            elapsedSeconds: sqlInt(row.elapsed_seconds),
          },
  };
}

/** A row of the log columns as a typed manual log, alike from both engines. */
export function readLog(row: LogRow): ManualLog {
  return {
    id: String(row.id),
    leadId: String(row.lead_id),
    agentId: String(row.agent_id),
    channel: String(row.channel) as Channel,
    source: String(row.source),
    phoneNumber: sqlString(row.log_phone_number),
    direction: sqlString(row.log_direction),
    content: sqlString(row.content),
    isPin: sqlBool(row.is_pin),
    callingOutcome: sqlString(row.calling_outcome),
    emailSubject: sqlString(row.email_subject),
    toEmail: sqlString(row.to_email),
    fromEmail: sqlString(row.from_email),
    createTime: sqlDateTime(row.create_time) as string,
  };
}
