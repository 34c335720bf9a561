import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Int64Form } from '../common/http/lossless-json';
import type { Int64 } from '../common/int64';
import { SqlReader } from '../database/sql-reader';
import { sqlBool, sqlInt, sqlString, type SqlValue } from '../database/sql-values';
import { type CallEventKind, EventStatus, WebhookEventEntity } from './webhook-event.entity';
import { SubscriptionStatus } from './webhook-subscription.entity';
import { int64FormOfRow } from './webhook-subscriptions.repository';

/**
 * How long delivered events and delivery records are kept (pruned by when they were sent or attempted, so every
 * event created within it is still there): redelivery reaches back as far.
 */
export const EVENTS_KEPT_MS = 7 * 24 * 3_600_000;

/** Which events of a subscription to send again. */
export interface RedeliveryRequest {
  subscriptionId: Int64;
  /** These events (by their eventId), or null for all of them. */
  eventIds: readonly Int64[] | null;
  /** Only events created at or after then. */
  createdSinceMs: number;
  nowMs: number;
  /** The subscription is paused: the events wait, HELD, for it to be resumed. */
  held: boolean;
}

/** An event of the outbox, for one subscription, as the transaction of its call writes it. */
export interface NewWebhookEvent {
  id: Int64;
  /** The same in every subscription the event goes to. */
  eventId: Int64;
  subscriptionId: Int64;
  /** The JSON element of the callback's event array... */
  payload: string;
  /** ...and which array: `createdCall` or `updatedCall`. */
  kind: CallEventKind;
  /** Held when the subscription is paused. */
  held: boolean;
  createdMs: number;
}

/** An event a claim holds, with what its delivery needs of its subscription. */
export interface ClaimedEvent {
  id: Int64;
  /** The token of the claim that holds the event. */
  lease: string;
  subscriptionId: Int64;
  payload: string;
  kind: CallEventKind;
  attempts: number;
  callbackUrl: string;
  batchLimit: number;
  secret: string;
  teamId: Int64;
  listId: number;
  /** How the subscription's callbacks write int64 values (its events' payloads are stored so). */
  int64: Int64Form;
}

export interface ClaimRequest {
  nowMs: number;
  /** The claim's token, and until when it holds the events. */
  lease: string;
  leaseUntilMs: number;
  /** Subscriptions served at most, the longest waiting first. */
  subscriptions: number;
  /** Events taken of each subscription at most, as a multiple of its batch limit. */
  batchesPerSubscription: number;
}

/** A failed delivery's outcome for its events. */
export interface FailedAttempt {
  nowMs: number;
  /** An event first tried at or before then is given up (DEAD). */
  giveUpFirstTriedBy: number;
  error: string;
  retryAtMs: number;
}

/** One callback attempt. */
export interface WebhookDelivery {
  attemptedMs: number;
  eventCount: number;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  success: boolean;
}

/** Events not delivered yet (pending, or held by a paused subscription), and when the oldest was written. */
export interface WebhookBacklog {
  waiting: number;
  oldestMs: number | null;
}

interface ClaimedRow {
  id: SqlValue;
  subscription_id: SqlValue;
  payload: SqlValue;
  kind: SqlValue;
  attempts: SqlValue;
  callback_url: SqlValue;
  batch_limit: SqlValue;
  secret: SqlValue;
  team_id: SqlValue;
  list_id: SqlValue;
  int64_strings: SqlValue;
}

interface DeliveryRow {
  attempted_ms: SqlValue;
  event_count: SqlValue;
  status_code: SqlValue;
  error: SqlValue;
  duration_ms: SqlValue;
  success: SqlValue;
}

const DUE = 'e.status = ? AND e.next_attempt_ms <= ? AND e.lease_until_ms <= ?';

/**
 * The outbox (webhook_events) and the log of delivery attempts (webhook_deliveries). Times are epoch ms. On
 * MySQL several instances claim side by side; SQLite has one worker.
 */
@Injectable()
export class WebhookEventsRepository {
  constructor(private readonly sql: SqlReader) {}

  /** Resolves once the database answers. */
  async ping(): Promise<void> {
    await this.sql.query('SELECT 1', []);
  }

  async insert(manager: EntityManager, events: readonly NewWebhookEvent[]): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(WebhookEventEntity)
      .values(
        events.map((event) => ({
          id: event.id,
          eventId: event.eventId,
          subscriptionId: event.subscriptionId,
          payload: event.payload,
          kind: event.kind,
          status: event.held ? EventStatus.Held : EventStatus.Pending,
          attempts: 0,
          createdMs: String(event.createdMs),
          nextAttemptMs: String(event.createdMs),
          firstAttemptMs: null,
          leaseUntilMs: '0',
          leaseOwner: null,
          lastError: null,
          sentMs: null,
        })),
      )
      .updateEntity(false)
      .execute();
  }

  /**
   * Leases the due events of the active subscriptions that waited longest (events of a paused or deleted
   * subscription are not taken, whatever their status says), in order: on MySQL skipping the rows another
   * claim has locked, so that two instances never take the same event.
   */
  async claim(manager: EntityManager, request: ClaimRequest): Promise<ClaimedEvent[]> {
    const { nowMs, lease } = request;
    const skipLocked = this.sql.dialect === 'mysql' ? ' FOR UPDATE SKIP LOCKED' : '';
    const subscriptions = await this.sql.queryIn<{ subscription_id: SqlValue; batch_limit: SqlValue }>(
      manager,
      'SELECT e.subscription_id, MIN(s.batch_limit) AS batch_limit FROM webhook_events e ' +
        `JOIN webhook_subscriptions s ON s.id = e.subscription_id AND s.status = ? WHERE ${DUE} ` +
        `GROUP BY e.subscription_id ORDER BY MIN(e.next_attempt_ms) LIMIT ${request.subscriptions}`,
      [SubscriptionStatus.Active, EventStatus.Pending, nowMs, nowMs],
    );
    const ids: Int64[] = [];
    for (const subscription of subscriptions) {
      const limit = Number(subscription.batch_limit) * request.batchesPerSubscription;
      const rows = await this.sql.queryIn<{ id: SqlValue }>(
        manager,
        `SELECT e.id FROM webhook_events e WHERE e.subscription_id = ? AND ${DUE} ` +
          `ORDER BY e.next_attempt_ms, e.id LIMIT ${limit}${skipLocked}`,
        [String(subscription.subscription_id), EventStatus.Pending, nowMs, nowMs],
      );
      for (const row of rows) ids.push(String(row.id));
    }
    if (ids.length === 0) return [];
    await manager.query(`UPDATE webhook_events SET lease_until_ms = ?, lease_owner = ? WHERE id IN (${marks(ids)})`, [
      request.leaseUntilMs,
      lease,
      ...ids,
    ]);
    const rows = await this.sql.queryIn<ClaimedRow>(
      manager,
      'SELECT e.id, e.subscription_id, e.payload, e.kind, e.attempts, s.callback_url, s.batch_limit, s.secret, s.team_id, ' +
        's.list_id, s.int64_strings FROM webhook_events e JOIN webhook_subscriptions s ON s.id = e.subscription_id ' +
        `WHERE e.id IN (${marks(ids)}) ` +
        'ORDER BY e.subscription_id, e.id',
      ids,
    );
    return rows.map((row) => ({
      id: String(row.id),
      lease,
      subscriptionId: String(row.subscription_id),
      payload: String(row.payload),
      kind: String(row.kind) as CallEventKind,
      attempts: Number(row.attempts),
      callbackUrl: String(row.callback_url),
      batchLimit: Number(row.batch_limit),
      secret: String(row.secret),
      teamId: String(row.team_id),
      listId: Number(row.list_id),
      int64: int64FormOfRow(row.int64_strings),
    }));
  }

  /** Extends the claim's lease on these events; false unless it still holds every one of them, pending. */
  async renewLease(manager: EntityManager, ids: readonly Int64[], lease: string, untilMs: number): Promise<boolean> {
    await manager.query(
      `UPDATE webhook_events SET lease_until_ms = ? WHERE id IN (${marks(ids)}) AND lease_owner = ? AND status = ?`,
      [untilMs, ...ids, lease, EventStatus.Pending],
    );
    const [held] = await this.sql.queryIn<{ n: SqlValue }>(
      manager,
      `SELECT COUNT(*) AS n FROM webhook_events WHERE id IN (${marks(ids)}) AND lease_owner = ? AND status = ?`,
      [...ids, lease, EventStatus.Pending],
    );
    return sqlInt(held?.n) === ids.length;
  }

  /** Gives the events the claim still holds back to the next round, due at `retryAtMs` if given. */
  async release(manager: EntityManager, ids: readonly Int64[], lease: string, retryAtMs: number | null): Promise<void> {
    await manager.query(
      'UPDATE webhook_events SET lease_until_ms = 0, lease_owner = NULL, ' +
        `next_attempt_ms = COALESCE(?, next_attempt_ms) WHERE id IN (${marks(ids)}) AND lease_owner = ?`,
      [retryAtMs, ...ids, lease],
    );
  }

  async markSent(manager: EntityManager, ids: readonly Int64[], nowMs: number): Promise<void> {
    await manager.query(
      'UPDATE webhook_events SET status = ?, sent_ms = ?, attempts = attempts + 1, ' +
        'first_attempt_ms = COALESCE(first_attempt_ms, ?), lease_until_ms = 0, lease_owner = NULL, last_error = NULL ' +
        `WHERE id IN (${marks(ids)})`,
      [EventStatus.Sent, nowMs, nowMs, ...ids],
    );
  }

  /**
   * Reschedules the events the claim still holds, pending, to `retryAtMs`, and gives up (DEAD) on those first
   * tried by `giveUpFirstTriedBy`.
   */
  async markFailed(
    manager: EntityManager,
    ids: readonly Int64[],
    lease: string,
    attempt: FailedAttempt,
  ): Promise<void> {
    // status first: MySQL evaluates SET left to right with the new values, SQLite with the old ones.
    await manager.query(
      'UPDATE webhook_events SET status = CASE WHEN COALESCE(first_attempt_ms, ?) <= ? THEN ? ELSE ? END, ' +
        'attempts = attempts + 1, first_attempt_ms = COALESCE(first_attempt_ms, ?), last_error = ?, ' +
        `lease_until_ms = 0, lease_owner = NULL, next_attempt_ms = ? WHERE id IN (${marks(ids)}) ` +
        'AND lease_owner = ? AND status = ?',
      [
        attempt.nowMs,
        attempt.giveUpFirstTriedBy,
        EventStatus.Dead,
        EventStatus.Pending,
        attempt.nowMs,
        attempt.error,
        attempt.retryAtMs,
        ...ids,
        lease,
        EventStatus.Pending,
      ],
    );
  }

  /** The subscription was paused: its pending events wait, held, whoever leased them. */
  async holdPending(manager: EntityManager, subscriptionId: Int64): Promise<void> {
    await manager.query(
      'UPDATE webhook_events SET status = ?, lease_until_ms = 0, lease_owner = NULL WHERE subscription_id = ? AND status = ?',
      [EventStatus.Held, subscriptionId, EventStatus.Pending],
    );
  }

  /** The subscription was resumed: its held events are due at `nowMs`, their retry clock starting afresh. */
  async releaseHeld(manager: EntityManager, subscriptionId: Int64, nowMs: number): Promise<void> {
    await manager.query(
      'UPDATE webhook_events SET status = ?, next_attempt_ms = ?, first_attempt_ms = NULL, lease_until_ms = 0 ' +
        'WHERE subscription_id = ? AND status = ?',
      [EventStatus.Pending, nowMs, subscriptionId, EventStatus.Held],
    );
  }

  /**
   * Queues the requested events of the subscription again, under their own eventId: a delivered or given-up one
   * is due now (HELD if the subscription is paused) with a fresh retry clock; one still waiting (pending) is due
   * now, keeping its retry clock; a held one waits for the resume as it did. The eventIds found, each once.
   */
  async redeliver(manager: EntityManager, request: RedeliveryRequest): Promise<Int64[]> {
    const { nowMs } = request;
    const eventFilter = request.eventIds === null ? '' : ` AND event_id IN (${marks(request.eventIds)})`;
    const scope = `WHERE subscription_id = ? AND created_ms >= ?${eventFilter}`;
    const scopeParams = [request.subscriptionId, request.createdSinceMs, ...(request.eventIds ?? [])];
    const found = await this.sql.queryIn<{ event_id: SqlValue }>(
      manager,
      `SELECT event_id FROM webhook_events ${scope} ORDER BY id`,
      scopeParams,
    );
    if (found.length === 0) return [];
    await manager.query(
      'UPDATE webhook_events SET status = ?, next_attempt_ms = ?, first_attempt_ms = NULL, attempts = 0, ' +
        `last_error = NULL, lease_until_ms = 0, lease_owner = NULL ${scope} AND status IN (?, ?)`,
      [
        request.held ? EventStatus.Held : EventStatus.Pending,
        nowMs,
        ...scopeParams,
        EventStatus.Sent,
        EventStatus.Dead,
      ],
    );
    await manager.query(
      `UPDATE webhook_events SET next_attempt_ms = ? ${scope} AND status = ? AND next_attempt_ms > ?`,
      [nowMs, ...scopeParams, EventStatus.Pending, nowMs],
    );
    return found.map((row) => String(row.event_id));
  }

  async insertDelivery(
    manager: EntityManager,
    delivery: WebhookDelivery & { id: Int64; subscriptionId: Int64 },
  ): Promise<void> {
    await manager.query(
      'INSERT INTO webhook_deliveries (id, subscription_id, attempted_ms, event_count, status_code, error, duration_ms, success) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [
        delivery.id,
        delivery.subscriptionId,
        delivery.attemptedMs,
        delivery.eventCount,
        delivery.statusCode,
        delivery.error,
        delivery.durationMs,
        delivery.success ? 1 : 0,
      ],
    );
  }

  /** Drops the delivery records, and the events delivered, from before `beforeMs`. */
  async prune(manager: EntityManager, beforeMs: number): Promise<void> {
    await manager.query('DELETE FROM webhook_deliveries WHERE attempted_ms < ?', [beforeMs]);
    await manager.query('DELETE FROM webhook_events WHERE status = ? AND sent_ms < ?', [EventStatus.Sent, beforeMs]);
  }

  /** Of every subscription, or of one. */
  async backlog(subscriptionId?: Int64): Promise<WebhookBacklog> {
    const [row] = await this.sql.query<{ waiting: SqlValue; oldest: SqlValue }>(
      'SELECT COUNT(*) AS waiting, MIN(created_ms) AS oldest FROM webhook_events WHERE status IN (?, ?)' +
        (subscriptionId === undefined ? '' : ' AND subscription_id = ?'),
      [EventStatus.Pending, EventStatus.Held, ...(subscriptionId === undefined ? [] : [subscriptionId])],
    );
    return { waiting: sqlInt(row?.waiting) ?? 0, oldestMs: sqlInt(row?.oldest) };
  }

  /** The subscription's events given up on. */
  async countDead(subscriptionId: Int64): Promise<number> {
    const [row] = await this.sql.query<{ n: SqlValue }>(
      'SELECT COUNT(*) AS n FROM webhook_events WHERE subscription_id = ? AND status = ?',
      [subscriptionId, EventStatus.Dead],
    );
    return sqlInt(row?.n) ?? 0;
  }

  async countFailedDeliveries(subscriptionId: Int64, sinceMs: number): Promise<number> {
    const [row] = await this.sql.query<{ n: SqlValue }>(
      'SELECT COUNT(*) AS n FROM webhook_deliveries WHERE subscription_id = ? AND attempted_ms >= ? AND success = 0',
      [subscriptionId, sinceMs],
    );
    return sqlInt(row?.n) ?? 0;
  }

  /** The subscription's latest delivery attempts, the latest first. */
  async recentDeliveries(subscriptionId: Int64, limit: number): Promise<WebhookDelivery[]> {
    const rows = await this.sql.query<DeliveryRow>(
      'SELECT attempted_ms, event_count, status_code, error, duration_ms, success FROM webhook_deliveries ' +
        `WHERE subscription_id = ? ORDER BY id DESC LIMIT ${limit}`,
      [subscriptionId],
    );
    return rows.map((row) => ({
      attemptedMs: Number(row.attempted_ms),
      eventCount: Number(row.event_count),
      statusCode: sqlInt(row.status_code),
      error: sqlString(row.error),
      durationMs: Number(row.duration_ms),
      success: sqlBool(row.success),
    }));
  }
}

function marks(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}
