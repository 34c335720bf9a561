import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { randomBytes, randomInt } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { settlesWithin, withDeadline } from '../common/deadline';
import { type Int64Form, stringifyJson } from '../common/http/lossless-json';
import { type Int64, toJsonInt64 } from '../common/int64';
import { APP_CONFIG, type AppConfig, type WebhookConfig } from '../config/app-config';
import { databaseTimeout, isDatabaseUnavailable, isForeignKeyViolation } from '../database/database-errors';
import { IdGenerator } from '../database/id-generator';
import { TransactionRunner } from '../database/transaction-runner';
import { Metrics } from '../observability/metrics';
import { Shutdown } from '../observability/shutdown';
import { callbackHeaders } from './signature';
import { type ClaimedEvent, EVENTS_KEPT_MS, WebhookEventsRepository } from './webhook-events.repository';
import { CallEventKind } from './webhook-event.entity';
import { SubscriptionStatus } from './webhook-subscription.entity';
import { WebhookSubscriptionsRepository } from './webhook-subscriptions.repository';
import { type SendResult, WebhookSender } from './webhook.sender';

/** Subscriptions a worker serves at most per round, the longest waiting first. */
const SUBSCRIPTIONS_PER_ROUND = 50;
/** Batches of one subscription per round: a subscription with a backlog does not hold up the others. */
const BATCHES_PER_ROUND = 5;
/** Subscriptions a worker delivers to at the same time. */
const CONCURRENCY = 8;
const PRUNE_EVERY_MS = 3_600_000;
/** While the database does not answer, the worker pings it this often, and waits this long for each answer. */
const PING_EVERY_MS = 1000;
const PING_TIMEOUT_MS = 1000;
/** While the database does not answer, the warning is repeated this often. */
const OUTAGE_WARNING_EVERY_MS = 60_000;

/**
 * Delivers the outbox. Each round it claims the due events of up to 50 active subscriptions, the longest
 * waiting first, at most 5 batches of each (on MySQL with `FOR UPDATE SKIP LOCKED`, so that several
 * instances never take the same event; on SQLite there is one worker), by leasing them for WEBHOOK_LEASE_MS
 * under a token of the claim. It posts them per subscription in batches of the subscription's limit, in
 * order, renewing the lease before each batch, and records the outcome of the events it still holds. A 2xx
 * marks the batch sent. Anything else is retried with exponential backoff and jitter until the event has
 * been tried for the retry window (25 h), then given up (DEAD). A subscription whose every delivery failed
 * for 24 h is paused: its events wait, HELD, until it is resumed. A worker that dies mid-delivery loses
 * nothing: its lease runs out and the events go out again (a receiver drops a duplicate by its eventId).
 *
 * It never waits for ever. Each transaction it runs gets REQUEST_TIMEOUT_MS, as a request does, and each
 * callback WEBHOOK_TIMEOUT_MS. A round that breaks off because the database does not answer is logged, and
 * from then on the worker pings the database every second (waiting at most a second for each answer)
 * rather than start rounds that would each wait the whole time on it; it delivers again at the first
 * answer. On shutdown it starts no further batch, gives back what it claimed and has not sent, and waits
 * for the round in progress at most the time it is given.
 */
@Injectable()
export class WebhookDeliveryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private readonly settings: WebhookConfig;
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<number> | null = null;
  /** A tick (a round, or a ping while the database does not answer) is in progress. */
  private busy = false;
  private again = false;
  private lastPruneMs = 0;
  /** Since when the database has not answered (epoch ms), or null while it does. */
  private outageSince: number | null = null;
  private outageWarnedMs = 0;
  private stopping: Promise<void> | null = null;
  private readonly transactionLimitMs: number;
  private readonly shutdownGraceMs: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly events: WebhookEventsRepository,
    private readonly subscriptions: WebhookSubscriptionsRepository,
    private readonly sender: WebhookSender,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly metrics: Metrics,
    shutdown: Shutdown,
  ) {
    this.settings = config.webhooks;
    this.transactionLimitMs = config.requestTimeoutMs;
    this.shutdownGraceMs = config.shutdownGraceMs;
    // On SIGTERM the round winds down while the requests in flight are answered.
    shutdown.onDrain((limitMs) => this.stop(limitMs));
  }

  onApplicationBootstrap(): void {
    if (this.settings.worker) this.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.stop(this.shutdownGraceMs);
  }

  /**
   * Stops the loop, and waits at most `limitMs` for the round in progress, which sends no further batch
   * and gives back what it claimed and has not sent yet. A round still running after that is left: what it
   * holds goes out again once its lease runs out.
   */
  stop(limitMs: number): Promise<void> {
    this.stopping ??= this.windDown(limitMs);
    return this.stopping;
  }

  private async windDown(limitMs: number): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    if (this.round === null || (await settlesWithin(this.round, limitMs))) return;
    this.logger.warn(
      `Stopping without the delivery round in progress: it did not end within ${limitMs} ms (the database ` +
        `does not answer?). The events it holds go out again once their lease runs out (${this.leaseSeconds()} s).`,
    );
  }

  start(): void {
    this.running = true;
    this.schedule(0);
  }

  /** New events were committed: deliver them now rather than at the next poll. */
  nudge(): void {
    if (!this.running) return;
    if (this.busy) this.again = true;
    else this.schedule(0);
  }

  /** One round: claim the due events and deliver them. The number of events it took. */
  runOnce(): Promise<number> {
    this.round ??= this.deliverDue().finally(() => {
      this.round = null;
    });
    return this.round;
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
  }

  private async tick(): Promise<void> {
    if (!this.running || this.busy) return;
    this.busy = true;
    let next = this.settings.pollMs;
    try {
      if (this.outageSince !== null) await this.ping();
      if (this.running && ((await this.runOnce()) > 0 || this.again)) next = 0;
    } catch (error) {
      const retryMs = this.failed(error);
      next = this.again ? 0 : retryMs;
    } finally {
      this.busy = false;
    }
    this.again = false;
    if (this.running) this.schedule(next);
  }

  /** While the database does not answer: resolves once it answers a ping, rejects if it does not in time. */
  private async ping(): Promise<void> {
    await withDeadline(this.events.ping(), PING_TIMEOUT_MS, () =>
      databaseTimeout(`No answer from the database within ${PING_TIMEOUT_MS} ms`),
    );
    const seconds = Math.round((Date.now() - (this.outageSince ?? Date.now())) / 1000);
    this.outageSince = null;
    this.logger.log(`The database answers again (after ${seconds} s): webhook delivery goes on`);
  }

  /** Logs why a round (or a ping) failed; the time until the next try. */
  private failed(error: unknown): number {
    const message = (error as Error).message;
    if (!isDatabaseUnavailable(error)) {
      this.logger.error(`Delivery round failed: ${message}`);
      return this.settings.pollMs;
    }
    const now = Date.now();
    if (this.outageSince === null) {
      this.outageSince = now;
      this.outageWarnedMs = now;
      this.logger.warn(
        `Webhook delivery waits: the database does not answer (${message}). The worker pings it every ` +
          `${PING_EVERY_MS / 1000} s and delivers again at its first answer; the events of a round that broke ` +
          `off go out again once their lease runs out (${this.leaseSeconds()} s).`,
      );
    } else if (now - this.outageWarnedMs >= OUTAGE_WARNING_EVERY_MS) {
      this.outageWarnedMs = now;
      this.logger.warn(
        `Webhook delivery still waits: the database has not answered for ${Math.round((now - this.outageSince) / 1000)} s ` +
          `(${message}). The worker pings it every ${PING_EVERY_MS / 1000} s.`,
      );
    }
    return PING_EVERY_MS;
  }

  /** A transaction of the worker's: bounded, from the wait for its connection to its commit, as a request is. */
  private inTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.transactions.runWithin(this.transactionLimitMs, work);
  }

  private leaseSeconds(): number {
    return Math.ceil(this.settings.leaseMs / 1000);
  }

  private async deliverDue(): Promise<number> {
    const now = this.clock.now();
    await this.pruneOld(now);
    const claimed = await this.claim(now);
    const bySubscription = new Map<string, ClaimedEvent[]>();
    for (const event of claimed) {
      bySubscription.set(event.subscriptionId, [...(bySubscription.get(event.subscriptionId) ?? []), event]);
    }
    const queue = [...bySubscription.values()];
    // A database that does not answer breaks the round off: the subscriptions after it would wait on it too.
    const unavailable: Error[] = [];
    await Promise.all(
      Array.from({ length: Math.min(CONCURRENCY, queue.length) }, async () => {
        for (let events = queue.shift(); events !== undefined && unavailable.length === 0; events = queue.shift()) {
          await this.deliverSubscription(events).catch((error: unknown) => {
            if (isDatabaseUnavailable(error)) unavailable.push(error as Error);
            else this.deliveryFailed(events, error);
          });
        }
      }),
    );
    if (unavailable.length > 0) throw unavailable[0];
    return claimed.length;
  }

  private claim(now: number): Promise<ClaimedEvent[]> {
    const request = {
      nowMs: now,
      lease: randomBytes(16).toString('hex'),
      leaseUntilMs: now + this.settings.leaseMs,
      subscriptions: SUBSCRIPTIONS_PER_ROUND,
      batchesPerSubscription: BATCHES_PER_ROUND,
    };
    return this.inTransaction((manager) => this.events.claim(manager, request));
  }

  /**
   * Posts a subscription's events in order, a batch at a time; after a failure the rest waits with it. Before
   * each batch the lease is renewed: a batch the worker no longer wholly holds (its lease ran out and another
   * worker took it, or the subscription was paused) is left to whoever holds it now. Once the worker stops,
   * the batches not sent yet are given back.
   */
  private async deliverSubscription(events: ClaimedEvent[]): Promise<void> {
    const { batchLimit, lease } = events[0];
    for (let start = 0; start < events.length; start += batchLimit) {
      const batch = events.slice(start, start + batchLimit);
      if (this.stopping !== null || !(await this.renewLease(batch))) {
        await this.release(events.slice(start), lease, null);
        return;
      }
      const result = await this.post(batch);
      if (result.ok) {
        await this.recordSuccess(batch, result);
      } else {
        const retryAt = await this.recordFailure(batch, result);
        await this.release(events.slice(start + batchLimit), lease, retryAt);
        return;
      }
    }
  }

  /** Extends the lease of the batch; false unless the claim still holds every event of it, pending. */
  private renewLease(batch: ClaimedEvent[]): Promise<boolean> {
    const ids = batch.map((event) => event.id);
    const until = this.clock.now() + this.settings.leaseMs;
    return this.inTransaction((manager) => this.events.renewLease(manager, ids, batch[0].lease, until));
  }

  /** Gives the events the claim still holds back to the next round, at `retryAt` if given. */
  private async release(events: ClaimedEvent[], lease: string, retryAt: number | null): Promise<void> {
    if (events.length === 0) return;
    const ids = events.map((event) => event.id);
    await this.inTransaction((manager) => this.events.release(manager, ids, lease, retryAt));
  }

  /** A delivery that broke off (its subscription was deleted meanwhile, a statement failed): logged. */
  private deliveryFailed(events: ClaimedEvent[], error: unknown): void {
    const { subscriptionId } = events[0];
    if (isForeignKeyViolation(error)) {
      this.logger.log(`Subscription ${subscriptionId} was deleted during its delivery`);
      return;
    }
    // The lease runs out and the events go out again.
    this.logger.error(`Delivery to subscription ${subscriptionId} failed: ${(error as Error).message}`);
  }

  private post(batch: ClaimedEvent[]): Promise<SendResult> {
    const { teamId, listId, callbackUrl, secret, int64 } = batch[0];
    const body = callbackBody(teamId, listId, batch, int64);
    const timestamp = Math.floor(this.clock.now() / 1000);
    return this.sender.send(callbackUrl, body, callbackHeaders(secret, timestamp, body, this.ids.next()));
  }

  private async recordSuccess(batch: ClaimedEvent[], result: SendResult): Promise<void> {
    this.metrics.webhookDeliveries.inc({ result: 'success' });
    this.metrics.webhookEventsSent.inc(batch.length);
    const now = this.clock.now();
    const ids = batch.map((event) => event.id);
    await this.inTransaction(async (manager) => {
      // The subscription first: two workers recording batches of one subscription queue up on its row.
      await this.subscriptions.clearFailing(manager, batch[0].subscriptionId);
      await this.events.markSent(manager, ids, now);
      await this.recordDelivery(manager, batch, result, now);
    });
  }

  /** Reschedules the batch (or gives up on the events past the retry window); the time of the next try. */
  private async recordFailure(batch: ClaimedEvent[], result: SendResult): Promise<number> {
    this.metrics.webhookDeliveries.inc({ result: 'failure' });
    const now = this.clock.now();
    const ids = batch.map((event) => event.id);
    const attempt = Math.max(...batch.map((event) => event.attempts)) + 1;
    const retryAt = now + this.backoff(attempt);
    const error = (result.error ?? 'failed').slice(0, 500);
    const { subscriptionId, callbackUrl } = batch[0];
    const paused = await this.inTransaction(async (manager) => {
      // The subscription first: two workers recording batches of one subscription queue up on its row.
      const subscription = await this.subscriptions.markFailing(manager, subscriptionId, now);
      await this.events.markFailed(manager, ids, batch[0].lease, {
        nowMs: now,
        giveUpFirstTriedBy: now - this.settings.retryWindowMs,
        error,
        retryAtMs: retryAt,
      });
      await this.recordDelivery(manager, batch, result, now);
      if (
        subscription?.status !== SubscriptionStatus.Active ||
        now - subscription.failingSinceMs < this.settings.pauseAfterMs
      ) {
        return null;
      }
      const since = new Date(subscription.failingSinceMs).toISOString();
      const reason = `Every delivery failed since ${since}; the last one: ${error}`.slice(0, 500);
      await this.subscriptions.pause(manager, subscriptionId, reason, now);
      await this.events.holdPending(manager, subscriptionId);
      return reason;
    });
    this.logger.warn(
      `Callback to ${callbackUrl} failed (subscription ${subscriptionId}, ${batch.length} event(s), attempt ${attempt}): ` +
        `${error}; next attempt in ${Math.round((retryAt - now) / 1000)} s`,
    );
    if (paused !== null) this.logger.warn(`Paused subscription ${subscriptionId}: ${paused}`);
    return retryAt;
  }

  private recordDelivery(
    manager: EntityManager,
    batch: ClaimedEvent[],
    result: SendResult,
    now: number,
  ): Promise<void> {
    return this.events.insertDelivery(manager, {
      id: this.ids.next(),
      subscriptionId: batch[0].subscriptionId,
      attemptedMs: now,
      eventCount: batch.length,
      statusCode: result.statusCode,
      error: result.error === null ? null : result.error.slice(0, 500),
      durationMs: result.durationMs,
      success: result.ok,
    });
  }

  /** Exponential, from WEBHOOK_RETRY_BASE_MS, capped, with full jitter over its upper half. */
  private backoff(attempt: number): number {
    const ceiling = Math.min(this.settings.retryMaxMs, this.settings.retryBaseMs * 2 ** Math.min(attempt - 1, 30));
    return Math.ceil(ceiling / 2) + randomInt(Math.max(1, Math.floor(ceiling / 2)));
  }

  /** Drops what is older than 7 days: delivery records, and events delivered (kept for redelivery till then). */
  private async pruneOld(now: number): Promise<void> {
    if (now - this.lastPruneMs < PRUNE_EVERY_MS) return;
    this.lastPruneMs = now;
    await this.inTransaction((manager) => this.events.prune(manager, now - EVENTS_KEPT_MS));
  }
}

/**
 * The Call callback of a batch (`CallCallbackDto` of the document): its creations in `createdCall` (always there,
 * empty or not) and, when it holds any, its updates in `updatedCall`, each in the batch's order. The payloads are
 * stored as JSON already, int64 ids exact and in the subscription's form (numbers, or strings): the body is
 * assembled, not re-serialized, and its `teamId` written in that form too.
 */
export function callbackBody(
  teamId: Int64,
  listId: number,
  batch: readonly Pick<ClaimedEvent, 'kind' | 'payload'>[],
  int64: Int64Form,
): string {
  const created = batch.filter((event) => event.kind !== CallEventKind.Updated).map((event) => event.payload);
  const updated = batch.filter((event) => event.kind === CallEventKind.Updated).map((event) => event.payload);
  return (
    `{"teamId":${stringifyJson(toJsonInt64(teamId), int64)},"listId":${listId},"createdCall":[${created.join(',')}]` +
    `${updated.length === 0 ? '' : `,"updatedCall":[${updated.join(',')}]`}}`
  );
}
