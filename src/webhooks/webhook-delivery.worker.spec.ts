import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { InMemoryEvents, InMemorySubscriptions, WebhookTables } from '../../test/support/in-memory-webhooks';
import { Int64Form } from '../common/http/lossless-json';
import { loadAppConfig } from '../config/app-config';
import type { IdGenerator } from '../database/id-generator';
import type { TransactionRunner } from '../database/transaction-runner';
import { Metrics } from '../observability/metrics';
import { Shutdown } from '../observability/shutdown';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyCallback } from './signature';
import { WebhookDeliveryWorker } from './webhook-delivery.worker';
import { CallEventKind, EventStatus } from './webhook-event.entity';
import type { WebhookEventsRepository } from './webhook-events.repository';
import { SubscriptionStatus } from './webhook-subscription.entity';
import type { WebhookSubscriptionsRepository } from './webhook-subscriptions.repository';
import { type SendResult, SendFailure, type WebhookSender } from './webhook.sender';

const NOW = 1_780_000_000_000;
const HOUR = 3_600_000;
/** WEBHOOK_RETRY_BASE_MS as configured below. */
const BASE_MS = 5_000;

interface Callback {
  url: string;
  body: string;
  headers: Record<string, string>;
}

const OK: SendResult = { ok: true, statusCode: 200, error: null, failure: null, durationMs: 31 };
const UNAVAILABLE: SendResult = {
  ok: false,
  statusCode: 503,
  error: 'HTTP 503',
  failure: SendFailure.HttpStatus,
  durationMs: 12,
};

describe('WebhookDeliveryWorker', () => {
  let tables: WebhookTables;
  let events: InMemoryEvents;
  let now: number;
  /** The callbacks posted, in order. */
  let posted: Callback[];
  /** What the receiver answers; by default 200. */
  let answer: (callback: Callback) => SendResult;
  let worker: WebhookDeliveryWorker;

  // The failures these tests provoke are logged as warnings.
  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  beforeEach(() => {
    tables = new WebhookTables();
    events = new InMemoryEvents(tables);
    now = NOW;
    posted = [];
    answer = () => OK;
    const sender: Pick<WebhookSender, 'send'> = {
      send: (url, body, headers) => {
        const callback = { url, body, headers };
        posted.push(callback);
        return Promise.resolve(answer(callback));
      },
    };
    const transactions: Pick<TransactionRunner, 'runWithin'> = {
      runWithin: (_limitMs, work) => work({} as EntityManager),
    };
    const metrics = new Metrics({ options: { type: 'better-sqlite3' }, driver: {} } as DataSource);
    worker = new WebhookDeliveryWorker(
      loadAppConfig({ WEBHOOK_WORKER: 'false', WEBHOOK_RETRY_BASE_MS: String(BASE_MS) }),
      transactions as TransactionRunner,
      events as unknown as WebhookEventsRepository,
      new InMemorySubscriptions(tables) as unknown as WebhookSubscriptionsRepository,
      sender as WebhookSender,
      { now: () => now },
      { next: () => tables.nextId() } as IdGenerator,
      metrics,
      new Shutdown(metrics),
    );
  });

  it('posts the due events of a subscription as one signed batch, in order, and marks them sent', async () => {
    const subscription = tables.subscribe({ teamId: '9007199254740993' });
    const first = tables.event(subscription.id, { createdMs: NOW - 2000, payload: '{"eventId":1}' });
    const second = tables.event(subscription.id, { createdMs: NOW - 1000, payload: '{"eventId":2}' });
    await expect(worker.runOnce()).resolves.toBe(2);
    expect(posted).toHaveLength(1);
    const [callback] = posted;
    expect(callback.url).toBe(subscription.callbackUrl);
    expect(callback.body).toBe('{"teamId":9007199254740993,"listId":6,"createdCall":[{"eventId":1},{"eventId":2}]}');
    expect(callback.headers[TIMESTAMP_HEADER]).toBe(String(NOW / 1000));
    const signed = { timestamp: callback.headers[TIMESTAMP_HEADER], signature: callback.headers[SIGNATURE_HEADER] };
    expect(verifyCallback(subscription.secret, signed, callback.body, NOW / 1000)).toBe(true);
    for (const event of [first, second]) {
      expect(tables.events.get(event.id)).toMatchObject({
        status: EventStatus.Sent,
        sentMs: NOW,
        attempts: 1,
        firstAttemptMs: NOW,
        leaseOwner: null,
      });
    }
    expect(tables.deliveries).toEqual([
      expect.objectContaining({ subscriptionId: subscription.id, eventCount: 2, statusCode: 200, success: true }),
    ]);
  });

  it('writes the teamId of a subscription of int64 strings as a string, as its stored payloads are', async () => {
    const subscription = tables.subscribe({ teamId: '9007199254740993', int64: Int64Form.String });
    tables.event(subscription.id, { createdMs: NOW - 1, payload: '{"eventId":"1"}' });
    await worker.runOnce();
    expect(posted.map((callback) => callback.body)).toEqual([
      '{"teamId":"9007199254740993","listId":6,"createdCall":[{"eventId":"1"}]}',
    ]);
  });

  it('posts the updates of a batch in updatedCall beside its creations, each array in order', async () => {
    const subscription = tables.subscribe({ events: [CallEventKind.Created, CallEventKind.Updated] });
    const events: [string, CallEventKind][] = [
      ['{"eventId":1}', CallEventKind.Created],
      ['{"eventId":2}', CallEventKind.Updated],
      ['{"eventId":3}', CallEventKind.Created],
      ['{"eventId":4}', CallEventKind.Updated],
    ];
    events.forEach(([payload, kind], i) => tables.event(subscription.id, { createdMs: NOW - 4000 + i, payload, kind }));
    await worker.runOnce();
    expect(posted.map((callback) => callback.body)).toEqual([
      '{"teamId":1,"listId":6,"createdCall":[{"eventId":1},{"eventId":3}],"updatedCall":[{"eventId":2},{"eventId":4}]}',
    ]);
  });

  it('posts a batch of updates only with an empty createdCall, which receivers of creations always find', async () => {
    const subscription = tables.subscribe({ events: [CallEventKind.Updated] });
    tables.event(subscription.id, { createdMs: NOW - 1, payload: '{"eventId":7}', kind: CallEventKind.Updated });
    await worker.runOnce();
    expect(posted.map((callback) => callback.body)).toEqual([
      '{"teamId":1,"listId":6,"createdCall":[],"updatedCall":[{"eventId":7}]}',
    ]);
  });

  it('sends a subscription’s events in batches of its limit', async () => {
    const subscription = tables.subscribe({ batchLimit: 2 });
    for (let i = 0; i < 5; i++) tables.event(subscription.id, { createdMs: NOW - 100 + i });
    await expect(worker.runOnce()).resolves.toBe(5);
    expect(
      posted.map((callback) => (JSON.parse(callback.body) as { createdCall: unknown[] }).createdCall.length),
    ).toEqual([2, 2, 1]);
  });

  it('takes at most 5 batches of a subscription per round: the rest waits for the next', async () => {
    const subscription = tables.subscribe({ batchLimit: 2 });
    for (let i = 0; i < 12; i++) tables.event(subscription.id, { createdMs: NOW - 100 + i });
    await expect(worker.runOnce()).resolves.toBe(10);
    expect(tables.eventsOf(subscription.id).filter((event) => event.status === EventStatus.Pending)).toHaveLength(2);
    await expect(worker.runOnce()).resolves.toBe(2);
  });

  it('leaves the events of a paused subscription, and those not due yet', async () => {
    const paused = tables.subscribe({ status: SubscriptionStatus.Paused });
    tables.event(paused.id, { createdMs: NOW - 1000 });
    const active = tables.subscribe();
    tables.event(active.id, { createdMs: NOW - 1000, nextAttemptMs: NOW + 1 });
    await expect(worker.runOnce()).resolves.toBe(0);
    expect(posted).toEqual([]);
  });

  it('schedules a failed delivery again with exponential backoff and jitter, the subscription failing since then', async () => {
    const subscription = tables.subscribe();
    const event = tables.event(subscription.id, { createdMs: NOW - 1000 });
    answer = () => UNAVAILABLE;
    await expect(worker.runOnce()).resolves.toBe(1);
    const afterFirst = tables.events.get(event.id);
    expect(afterFirst).toMatchObject({
      status: EventStatus.Pending,
      attempts: 1,
      firstAttemptMs: NOW,
      lastError: 'HTTP 503',
      leaseOwner: null,
      leaseUntilMs: 0,
    });
    expect(afterFirst?.nextAttemptMs).toBeGreaterThanOrEqual(NOW + BASE_MS / 2);
    expect(afterFirst?.nextAttemptMs).toBeLessThan(NOW + BASE_MS);
    expect(tables.subscriptions.get(subscription.id)?.failingSinceMs).toBe(NOW);
    expect(tables.deliveries).toEqual([
      expect.objectContaining({ eventCount: 1, statusCode: 503, error: 'HTTP 503', success: false }),
    ]);

    now = NOW + BASE_MS;
    await expect(worker.runOnce()).resolves.toBe(1);
    const afterSecond = tables.events.get(event.id);
    expect(afterSecond).toMatchObject({ status: EventStatus.Pending, attempts: 2, firstAttemptMs: NOW });
    expect(afterSecond?.nextAttemptMs).toBeGreaterThanOrEqual(now + BASE_MS);
    expect(afterSecond?.nextAttemptMs).toBeLessThan(now + 2 * BASE_MS);
    expect(tables.subscriptions.get(subscription.id)?.failingSinceMs).toBe(NOW);
  });

  it('keeps the events after a failed batch back, due with it', async () => {
    const subscription = tables.subscribe({ batchLimit: 1 });
    const first = tables.event(subscription.id, { createdMs: NOW - 2000 });
    const second = tables.event(subscription.id, { createdMs: NOW - 1000 });
    answer = () => UNAVAILABLE;
    await worker.runOnce();
    expect(posted).toHaveLength(1);
    const retryAt = tables.events.get(first.id)?.nextAttemptMs;
    expect(tables.events.get(second.id)).toMatchObject({
      status: EventStatus.Pending,
      attempts: 0,
      nextAttemptMs: retryAt,
      leaseOwner: null,
    });
  });

  it('gives up on an event tried for the whole retry window (DEAD)', async () => {
    const subscription = tables.subscribe();
    const event = tables.event(subscription.id, {
      createdMs: NOW - 26 * HOUR,
      firstAttemptMs: NOW - 25 * HOUR,
      attempts: 30,
    });
    answer = () => UNAVAILABLE;
    await worker.runOnce();
    expect(tables.events.get(event.id)).toMatchObject({ status: EventStatus.Dead, attempts: 31 });
  });

  it('pauses a subscription whose every delivery failed for 24 h, holding its events', async () => {
    const subscription = tables.subscribe({ batchLimit: 1, failingSinceMs: NOW - 24 * HOUR });
    const first = tables.event(subscription.id, { createdMs: NOW - 2000 });
    const second = tables.event(subscription.id, { createdMs: NOW - 1000 });
    answer = () => UNAVAILABLE;
    await worker.runOnce();
    expect(tables.subscriptions.get(subscription.id)).toMatchObject({
      status: SubscriptionStatus.Paused,
      pausedReason: `Every delivery failed since ${new Date(NOW - 24 * HOUR).toISOString()}; the last one: HTTP 503`,
    });
    for (const event of [first, second]) {
      expect(tables.events.get(event.id)).toMatchObject({ status: EventStatus.Held, leaseOwner: null });
    }
    now += HOUR;
    await expect(worker.runOnce()).resolves.toBe(0);
  });

  it('does not pause a subscription failing for less than 24 h', async () => {
    const subscription = tables.subscribe({ failingSinceMs: NOW - 24 * HOUR + 1 });
    tables.event(subscription.id, { createdMs: NOW - 1000 });
    answer = () => UNAVAILABLE;
    await worker.runOnce();
    expect(tables.subscriptions.get(subscription.id)).toMatchObject({
      status: SubscriptionStatus.Active,
      pausedReason: null,
      failingSinceMs: NOW - 24 * HOUR + 1,
    });
  });

  it('counts a subscription failing no longer once a delivery succeeds', async () => {
    const subscription = tables.subscribe({ failingSinceMs: NOW - HOUR });
    tables.event(subscription.id, { createdMs: NOW - 1000 });
    await worker.runOnce();
    expect(tables.subscriptions.get(subscription.id)?.failingSinceMs).toBeNull();
  });

  it('leaves a batch whose lease it lost to another claim: neither posted nor marked', async () => {
    const subscription = tables.subscribe({ batchLimit: 1 });
    const first = tables.event(subscription.id, { createdMs: NOW - 2000 });
    const second = tables.event(subscription.id, { createdMs: NOW - 1000 });
    answer = () => {
      // While the first batch is posted, the second one's lease runs out and another worker claims it.
      Object.assign(tables.events.get(second.id) ?? {}, { leaseOwner: 'another claim', leaseUntilMs: NOW + 60_000 });
      return OK;
    };
    await expect(worker.runOnce()).resolves.toBe(2);
    expect(posted).toHaveLength(1);
    expect(tables.events.get(first.id)?.status).toBe(EventStatus.Sent);
    expect(tables.events.get(second.id)).toMatchObject({
      status: EventStatus.Pending,
      attempts: 0,
      leaseOwner: 'another claim',
      leaseUntilMs: NOW + 60_000,
    });
  });

  it('does not reschedule a failed batch whose lease another claim holds now', async () => {
    const subscription = tables.subscribe();
    const event = tables.event(subscription.id, { createdMs: NOW - 1000 });
    answer = () => {
      Object.assign(tables.events.get(event.id) ?? {}, { leaseOwner: 'another claim' });
      return UNAVAILABLE;
    };
    await worker.runOnce();
    expect(tables.events.get(event.id)).toMatchObject({
      attempts: 0,
      nextAttemptMs: NOW - 1000,
      leaseOwner: 'another claim',
    });
  });

  it('once stopping, posts no further batch and gives back what it claimed', async () => {
    const subscription = tables.subscribe({ batchLimit: 1 });
    const first = tables.event(subscription.id, { createdMs: NOW - 2000 });
    const second = tables.event(subscription.id, { createdMs: NOW - 1000 });
    let stopped: Promise<void> | undefined;
    answer = () => {
      stopped = worker.stop(1000);
      return OK;
    };
    await worker.runOnce();
    await stopped;
    expect(posted).toHaveLength(1);
    expect(tables.events.get(first.id)?.status).toBe(EventStatus.Sent);
    expect(tables.events.get(second.id)).toMatchObject({
      status: EventStatus.Pending,
      leaseOwner: null,
      leaseUntilMs: 0,
      nextAttemptMs: NOW - 1000,
    });
  });

  it('drops the delivery records and the delivered events older than 7 days, nothing else', async () => {
    const subscription = tables.subscribe();
    const old = NOW - 7 * 24 * HOUR - 1;
    const oldSent = tables.event(subscription.id, { status: EventStatus.Sent, createdMs: old, sentMs: old });
    const recentSent = tables.event(subscription.id, { status: EventStatus.Sent, createdMs: old, sentMs: old + 2 });
    const oldDead = tables.event(subscription.id, { status: EventStatus.Dead, createdMs: old });
    const delivery = {
      subscriptionId: subscription.id,
      eventCount: 1,
      statusCode: 200,
      error: null,
      durationMs: 1,
      success: true,
    };
    tables.deliveries.push({ ...delivery, id: '1', attemptedMs: old }, { ...delivery, id: '2', attemptedMs: old + 2 });
    await worker.runOnce();
    expect(tables.events.has(oldSent.id)).toBe(false);
    expect(tables.events.has(recentSent.id)).toBe(true);
    expect(tables.events.has(oldDead.id)).toBe(true);
    expect(tables.deliveries.map((d) => d.id)).toEqual(['2']);
  });

  it('breaks a round off when the database does not answer, with the database’s error', async () => {
    const subscription = tables.subscribe();
    tables.event(subscription.id, { createdMs: NOW - 1000 });
    const silent = Object.assign(new Error('No answer from the database within 10000 ms'), {
      code: 'DATABASE_TIMEOUT',
    });
    events.failure = silent;
    await expect(worker.runOnce()).rejects.toBe(silent);
    expect(posted).toEqual([]);
  });
});
