import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Int64Form } from '../common/http/lossless-json';
import type { Int64 } from '../common/int64';
import { SqlReader } from '../database/sql-reader';
import { sqlBool, sqlDateTime, sqlInt, sqlString, type SqlValue } from '../database/sql-values';
import { formatUtc } from '../common/utc-time';
import { CallEventKind } from './webhook-event.entity';
import { SubscriptionStatus, WebhookSubscriptionEntity } from './webhook-subscription.entity';

/** A subscription as its subscriber sees it. */
export interface WebhookSubscription {
  id: Int64;
  teamId: Int64;
  userId: Int64;
  listId: number;
  callbackUrl: string;
  batchLimit: number;
  /** What it hears of: calls created, calls updated (at least one of them). */
  events: CallEventKind[];
  /** How its callbacks write int64 values. */
  int64: Int64Form;
  status: SubscriptionStatus;
  pausedReason: string | null;
  /** UTC, `yyyy-MM-dd HH:mm:ss`. */
  createdAt: string;
}

export interface NewWebhookSubscription extends Omit<WebhookSubscription, 'createdAt' | 'status' | 'pausedReason'> {
  secret: string;
  createdAt: Date;
}

interface SubscriptionRow {
  id: SqlValue;
  team_id: SqlValue;
  user_id: SqlValue;
  list_id: SqlValue;
  callback_url: SqlValue;
  batch_limit: SqlValue;
  on_created: SqlValue;
  on_updated: SqlValue;
  int64_strings: SqlValue;
  status: SqlValue;
  paused_reason: SqlValue;
  created_at: SqlValue;
}

const COLUMNS =
  'id, team_id, user_id, list_id, callback_url, batch_limit, on_created, on_updated, int64_strings, status, ' +
  'paused_reason, created_at';
/** The column that says whether a subscription hears of an event of this kind. */
const HEARS: Record<CallEventKind, string> = {
  [CallEventKind.Created]: 's.on_created',
  [CallEventKind.Updated]: 's.on_updated',
};
const FIND_SQL = `SELECT ${COLUMNS} FROM webhook_subscriptions WHERE id = ?`;
const LIST_SQL = `SELECT ${COLUMNS} FROM webhook_subscriptions WHERE user_id = ? ORDER BY created_at, id`;
const SECRET_SQL = 'SELECT secret FROM webhook_subscriptions WHERE id = ?';
const COUNT_SQL = 'SELECT COUNT(*) AS n FROM webhook_subscriptions WHERE user_id = ?';

/** The webhook_subscriptions table. */
@Injectable()
export class WebhookSubscriptionsRepository {
  constructor(private readonly sql: SqlReader) {}

  async findById(id: Int64): Promise<WebhookSubscription | null> {
    const [row] = await this.sql.query<SubscriptionRow>(FIND_SQL, [id]);
    return row === undefined ? null : toSubscription(row);
  }

  /** The key of the subscription's signatures, or null when it is gone. */
  async findSecret(id: Int64): Promise<string | null> {
    const [row] = await this.sql.query<{ secret: SqlValue }>(SECRET_SQL, [id]);
    return row === undefined ? null : String(row.secret);
  }

  /** The user's subscriptions, the oldest first. */
  async listByUser(userId: Int64): Promise<WebhookSubscription[]> {
    return (await this.sql.query<SubscriptionRow>(LIST_SQL, [userId])).map(toSubscription);
  }

  async countByUser(userId: Int64): Promise<number> {
    const [row] = await this.sql.query<{ n: SqlValue }>(COUNT_SQL, [userId]);
    return sqlInt(row?.n) ?? 0;
  }

  /**
   * The subscriptions of these users of the team to the list that hear of events of this kind, each with whether it
   * is paused and how its callbacks write int64 values, read in the transaction that writes the event.
   */
  async findForUsers(
    manager: EntityManager,
    teamId: Int64,
    listId: number,
    userIds: readonly Int64[],
    kind: CallEventKind,
  ): Promise<{ id: Int64; paused: boolean; int64: Int64Form }[]> {
    if (userIds.length === 0) return [];
    const rows = await this.sql.queryIn<{ id: SqlValue; status: SqlValue; int64_strings: SqlValue }>(
      manager,
      'SELECT s.id, s.status, s.int64_strings FROM webhook_subscriptions s WHERE s.team_id = ? AND s.list_id = ? ' +
        `AND s.user_id IN (${userIds.map(() => '?').join(', ')}) AND ${HEARS[kind]} = 1 ORDER BY s.id`,
      [teamId, listId, ...userIds],
    );
    return rows.map((row) => ({
      id: String(row.id),
      paused: row.status === SubscriptionStatus.Paused,
      int64: int64FormOfRow(row.int64_strings),
    }));
  }

  async insert(manager: EntityManager, subscription: NewWebhookSubscription): Promise<void> {
    const { events, int64, ...fields } = subscription;
    await manager.insert(WebhookSubscriptionEntity, {
      ...fields,
      onCreated: events.includes(CallEventKind.Created),
      onUpdated: events.includes(CallEventKind.Updated),
      int64Strings: int64 === Int64Form.String,
      status: SubscriptionStatus.Active,
      pausedReason: null,
      failingSinceMs: null,
      updatedAt: subscription.createdAt,
    });
  }

  /** Its events and delivery records go with it (ON DELETE CASCADE). */
  async delete(manager: EntityManager, id: Int64): Promise<void> {
    await manager.delete(WebhookSubscriptionEntity, { id });
  }

  /** Active again, with no failure counted against it. */
  async activate(manager: EntityManager, id: Int64, updatedAt: Date): Promise<void> {
    await manager.update(
      WebhookSubscriptionEntity,
      { id },
      { status: SubscriptionStatus.Active, pausedReason: null, failingSinceMs: null, updatedAt },
    );
  }

  /** A delivery succeeded: the subscription is no longer failing. */
  async clearFailing(manager: EntityManager, id: Int64): Promise<void> {
    await manager.query('UPDATE webhook_subscriptions SET failing_since_ms = NULL WHERE id = ?', [id]);
  }

  /**
   * A delivery failed: the subscription is failing since now unless it was already. Its status and since
   * when it fails, or null when it is gone.
   */
  async markFailing(
    manager: EntityManager,
    id: Int64,
    nowMs: number,
  ): Promise<{ status: SubscriptionStatus; failingSinceMs: number } | null> {
    await manager.query(
      'UPDATE webhook_subscriptions SET failing_since_ms = COALESCE(failing_since_ms, ?) WHERE id = ?',
      [nowMs, id],
    );
    const [row] = await this.sql.queryIn<{ failing_since_ms: SqlValue; status: SqlValue }>(
      manager,
      'SELECT failing_since_ms, status FROM webhook_subscriptions WHERE id = ?',
      [id],
    );
    return row === undefined
      ? null
      : { status: row.status as SubscriptionStatus, failingSinceMs: Number(row.failing_since_ms) };
  }

  async pause(manager: EntityManager, id: Int64, reason: string, nowMs: number): Promise<void> {
    await manager.query('UPDATE webhook_subscriptions SET status = ?, paused_reason = ?, updated_at = ? WHERE id = ?', [
      SubscriptionStatus.Paused,
      reason,
      formatUtc(new Date(nowMs)),
      id,
    ]);
  }
}

function toSubscription(row: SubscriptionRow): WebhookSubscription {
  return {
    id: String(row.id),
    teamId: String(row.team_id),
    userId: String(row.user_id),
    listId: Number(row.list_id),
    callbackUrl: String(row.callback_url),
    batchLimit: Number(row.batch_limit),
    events: [
      ...(sqlBool(row.on_created) ? [CallEventKind.Created] : []),
      ...(sqlBool(row.on_updated) ? [CallEventKind.Updated] : []),
    ],
    int64: int64FormOfRow(row.int64_strings),
    status: row.status as SubscriptionStatus,
    pausedReason: sqlString(row.paused_reason),
    createdAt: sqlDateTime(row.created_at) as string,
  };
}

/** The form of a subscription's int64 values, from its `int64_strings` column (shared with the events' claim). */
export function int64FormOfRow(strings: SqlValue): Int64Form {
  return sqlBool(strings) ? Int64Form.String : Int64Form.Number;
}
