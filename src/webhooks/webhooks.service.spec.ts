import type { EntityManager } from 'typeorm';
import { InMemoryEvents, InMemorySubscriptions, WebhookTables } from '../../test/support/in-memory-webhooks';
import type { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import { Int64Form } from '../common/http/lossless-json';
import { loadAppConfig } from '../config/app-config';
import type { IdGenerator } from '../database/id-generator';
import type { TransactionRunner } from '../database/transaction-runner';
import type { IdempotencyService } from '../idempotency/idempotency.service';
import { verifyCallback } from './signature';
import { EventStatus } from './webhook-event.entity';
import type { WebhookEventsRepository } from './webhook-events.repository';
import { SubscriptionStatus } from './webhook-subscription.entity';
import type { WebhookSubscriptionsRepository } from './webhook-subscriptions.repository';
import { type SendResult, SendFailure, type WebhookSender } from './webhook.sender';
import { WebhooksService } from './webhooks.service';

const NOW = 1_780_000_000_000;
const HOUR = 3_600_000;

function caller(userId: string, teamId = '1'): Principal {
  return {
    userId,
    teamId,
    role: Role.Agent,
    accessAllTeamLeads: false,
    active: true,
    clientId: null,
    scopes: new Set(),
  };
}

/** A sender that records what it is asked to send and answers as told. */
class FakeSender implements Pick<WebhookSender, 'send'> {
  readonly sent: { url: string; body: string; headers: Record<string, string>; timeoutMs?: number }[] = [];
  answer: SendResult = { ok: true, statusCode: 204, error: null, failure: null, durationMs: 17 };

  send(url: string, body: string, headers: Record<string, string>, timeoutMs?: number): Promise<SendResult> {
    this.sent.push({ url, body, headers, timeoutMs });
    return Promise.resolve(this.answer);
  }
}

const DAY = 24 * HOUR;

const agent = caller('100234');
const colleague = caller('100235');

function refusal(code: ErrorCode, message?: string) {
  return expect.objectContaining({ code, ...(message === undefined ? {} : { message }) }) as AppError;
}

describe('WebhooksService', () => {
  let tables: WebhookTables;
  let service: WebhooksService;
  let sender: FakeSender;

  beforeEach(() => {
    sender = new FakeSender();
    tables = new WebhookTables();
    const manager = {} as EntityManager;
    const transactions: Pick<TransactionRunner, 'run'> = { run: (work) => work(manager) };
    const idempotency: Pick<IdempotencyService, 'run'> = { run: (_request, work) => work(manager) };
    service = new WebhooksService(
      loadAppConfig({}),
      new InMemorySubscriptions(tables) as unknown as WebhookSubscriptionsRepository,
      new InMemoryEvents(tables) as unknown as WebhookEventsRepository,
      transactions as TransactionRunner,
      { next: () => tables.nextId() } as IdGenerator,
      { now: () => NOW },
      idempotency as IdempotencyService,
      sender as unknown as WebhookSender,
    );
  });

  describe('subscribe', () => {
    it('subscribes the caller to the Call list of their team, showing the secret this once', async () => {
      const created = await service.subscribe(agent, { listId: 6, callbackUrl: 'https://8.8.8.8/hooks' }, null);
      expect(created).toEqual({
        subscribeId: expect.any(BigInt) as bigint,
        teamId: 1n,
        listId: 6,
        callbackUrl: 'https://8.8.8.8/hooks',
        limit: 100,
        events: ['created'],
        secret: expect.stringMatching(/^whsec_[A-Za-z0-9_-]{32}$/) as string,
      });
      await expect(service.list(agent)).resolves.toEqual({
        webhooks: [
          {
            subscribeId: created.subscribeId,
            teamId: 1n,
            listId: 6,
            callbackUrl: 'https://8.8.8.8/hooks',
            limit: 100,
            events: ['created'],
            status: SubscriptionStatus.Active,
            createTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/) as string,
          },
        ],
      });
    });

    it('keeps the limit asked for', async () => {
      await expect(
        service.subscribe(agent, { listId: 6, callbackUrl: 'https://8.8.8.8/hooks', limit: 5000 }, null),
      ).resolves.toMatchObject({ limit: 5000 });
    });

    it('keeps the int64 form asked for, and says so in its answers; numbers by default', async () => {
      const created = await service.subscribe(
        agent,
        { listId: 6, callbackUrl: 'https://8.8.8.8/hooks', int64: Int64Form.String },
        null,
      );
      expect(created).toMatchObject({ int64: 'string' });
      expect(tables.subscriptions.get(String(created.subscribeId))?.int64).toBe(Int64Form.String);
      const byDefault = await service.subscribe(agent, { listId: 6, callbackUrl: 'https://8.8.8.8/hooks' }, null);
      expect(tables.subscriptions.get(String(byDefault.subscribeId))?.int64).toBe(Int64Form.Number);
      await expect(service.list(agent)).resolves.toMatchObject({
        webhooks: [{ int64: 'string' }, expect.not.objectContaining({ int64: expect.anything() as unknown })],
      });
    });

    it('refuses another event list with LIST_NOT_SUPPORTED', async () => {
      await expect(service.subscribe(agent, { listId: 2, callbackUrl: 'https://8.8.8.8/hooks' }, null)).rejects.toEqual(
        refusal(ErrorCode.ListNotSupported, 'listId 2 cannot be subscribed to yet: only 6 (Call) is offered.'),
      );
      expect(tables.subscriptions.size).toBe(0);
    });

    it('refuses a callback URL that is not https', async () => {
      await expect(service.subscribe(agent, { listId: 6, callbackUrl: 'http://8.8.8.8/hooks' }, null)).rejects.toEqual(
        refusal(ErrorCode.InvalidParameter),
      );
      expect(tables.subscriptions.size).toBe(0);
    });

    it('refuses a callback URL to a private address', async () => {
      await expect(
        service.subscribe(agent, { listId: 6, callbackUrl: 'https://10.0.0.1/hooks' }, null),
      ).rejects.toEqual(refusal(ErrorCode.InvalidParameter));
    });

    it('refuses a 26th subscription of the same user, whoever else subscribed', async () => {
      for (let i = 0; i < 25; i++) tables.subscribe({ userId: agent.userId });
      tables.subscribe({ userId: colleague.userId });
      await expect(service.subscribe(agent, { listId: 6, callbackUrl: 'https://8.8.8.8/hooks' }, null)).rejects.toEqual(
        refusal(ErrorCode.InvalidParameter, 'You have 25 subscriptions already: delete one first.'),
      );
      await expect(
        service.subscribe(colleague, { listId: 6, callbackUrl: 'https://8.8.8.8/hooks' }, null),
      ).resolves.toMatchObject({ listId: 6 });
    });
  });

  describe('list', () => {
    it('lists the caller’s subscriptions only, the oldest first, with why one was paused', async () => {
      const later = tables.subscribe({ userId: agent.userId, createdAt: '2026-11-26 21:00:01' });
      const earlier = tables.subscribe({
        userId: agent.userId,
        createdAt: '2026-11-26 21:00:00',
        status: SubscriptionStatus.Paused,
        pausedReason: 'Every delivery failed',
      });
      tables.subscribe({ userId: colleague.userId });
      const { webhooks } = await service.list(agent);
      expect(webhooks.map((webhook) => webhook.subscribeId)).toEqual([BigInt(earlier.id), BigInt(later.id)]);
      expect(webhooks[0]).toEqual({
        subscribeId: BigInt(earlier.id),
        teamId: 1n,
        listId: 6,
        callbackUrl: earlier.callbackUrl,
        limit: 100,
        events: ['created'],
        status: SubscriptionStatus.Paused,
        pausedReason: 'Every delivery failed',
        createTime: '2026-11-26 21:00:00',
      });
    });
  });

  describe('remove', () => {
    it('deletes the caller’s subscription with its events', async () => {
      const subscription = tables.subscribe({ userId: agent.userId });
      tables.event(subscription.id);
      await expect(service.remove(agent, subscription.id)).resolves.toEqual({
        subscribeId: BigInt(subscription.id),
        deleted: true,
      });
      expect(tables.subscriptions.size).toBe(0);
      expect(tables.events.size).toBe(0);
    });

    it('answers PERMISSION_DENIED for another user’s subscription and for none, deleting nothing', async () => {
      const theirs = tables.subscribe({ userId: colleague.userId });
      await expect(service.remove(agent, theirs.id)).rejects.toEqual(refusal(ErrorCode.PermissionDenied));
      await expect(service.remove(agent, '999999')).rejects.toEqual(refusal(ErrorCode.PermissionDenied));
      expect(tables.subscriptions.has(theirs.id)).toBe(true);
    });
  });

  describe('resume', () => {
    it('activates a paused subscription and sends its held events at once, their retry clock afresh', async () => {
      const subscription = tables.subscribe({
        userId: agent.userId,
        status: SubscriptionStatus.Paused,
        pausedReason: 'Every delivery failed',
        failingSinceMs: NOW - 25 * HOUR,
      });
      const held = tables.event(subscription.id, {
        status: EventStatus.Held,
        createdMs: NOW - 2 * HOUR,
        firstAttemptMs: NOW - 2 * HOUR,
        attempts: 4,
      });
      const dead = tables.event(subscription.id, { status: EventStatus.Dead });
      await expect(service.resume(agent, subscription.id)).resolves.toEqual({
        subscribeId: BigInt(subscription.id),
        teamId: 1n,
        listId: 6,
        callbackUrl: subscription.callbackUrl,
        limit: 100,
        events: ['created'],
        status: SubscriptionStatus.Active,
        createTime: subscription.createdAt,
      });
      expect(tables.subscriptions.get(subscription.id)).toMatchObject({
        status: SubscriptionStatus.Active,
        pausedReason: null,
        failingSinceMs: null,
      });
      expect(tables.events.get(held.id)).toMatchObject({
        status: EventStatus.Pending,
        nextAttemptMs: NOW,
        firstAttemptMs: null,
        attempts: 4,
      });
      expect(tables.events.get(dead.id)?.status).toBe(EventStatus.Dead);
    });

    it('answers PERMISSION_DENIED for another user’s subscription, leaving it paused', async () => {
      const theirs = tables.subscribe({ userId: colleague.userId, status: SubscriptionStatus.Paused });
      await expect(service.resume(agent, theirs.id)).rejects.toEqual(refusal(ErrorCode.PermissionDenied));
      expect(tables.subscriptions.get(theirs.id)?.status).toBe(SubscriptionStatus.Paused);
    });
  });

  describe('report', () => {
    it('tells the backlog, the events given up, the failures of the last 24 h and the latest attempts', async () => {
      const subscription = tables.subscribe({ userId: agent.userId });
      const other = tables.subscribe({ userId: agent.userId });
      tables.event(subscription.id, { createdMs: Date.UTC(2026, 10, 26, 21, 4, 59, 500) });
      tables.event(subscription.id, { status: EventStatus.Held, createdMs: Date.UTC(2026, 10, 26, 21, 5) });
      tables.event(subscription.id, { status: EventStatus.Sent });
      tables.event(subscription.id, { status: EventStatus.Dead });
      tables.event(other.id, { createdMs: 1 });
      tables.event(other.id, { status: EventStatus.Dead });
      const attempt = { subscriptionId: subscription.id, eventCount: 2, durationMs: 12 };
      tables.deliveries.push(
        { ...attempt, id: '1', attemptedMs: NOW - 25 * HOUR, statusCode: 503, error: 'HTTP 503', success: false },
        { ...attempt, id: '2', attemptedMs: NOW - HOUR, statusCode: null, error: 'no answer', success: false },
        {
          ...attempt,
          id: '3',
          attemptedMs: Date.UTC(2026, 10, 26, 21, 5, 14),
          statusCode: 200,
          error: null,
          success: true,
        },
        {
          ...attempt,
          id: '4',
          subscriptionId: other.id,
          attemptedMs: NOW,
          statusCode: 500,
          error: 'HTTP 500',
          success: false,
        },
      );
      const report = await service.report(agent, subscription.id);
      expect(report).toEqual({
        webhook: expect.objectContaining({ subscribeId: BigInt(subscription.id) }) as object,
        backlog: 2,
        failedEvents: 1,
        failedDeliveries24h: 1,
        recentDeliveries: [
          { time: '2026-11-26 21:05:14', events: 2, success: true, statusCode: 200, durationMs: 12 },
          { time: expect.any(String) as string, events: 2, success: false, error: 'no answer', durationMs: 12 },
          {
            time: expect.any(String) as string,
            events: 2,
            success: false,
            statusCode: 503,
            error: 'HTTP 503',
            durationMs: 12,
          },
        ],
        oldestWaiting: '2026-11-26 21:04:59',
      });
    });

    it('tells no oldest waiting event when none waits', async () => {
      const subscription = tables.subscribe({ userId: agent.userId });
      await expect(service.report(agent, subscription.id)).resolves.not.toHaveProperty('oldestWaiting');
    });

    it('answers PERMISSION_DENIED for another user’s subscription', async () => {
      const theirs = tables.subscribe({ userId: colleague.userId });
      await expect(service.report(agent, theirs.id)).rejects.toEqual(refusal(ErrorCode.PermissionDenied));
    });
  });

  describe('ping', () => {
    it('sends a signed ping callback to the subscription’s URL and tells how the receiver answered', async () => {
      const subscription = tables.subscribe({ userId: agent.userId, callbackUrl: 'https://hooks.example.com/p' });
      const result = await service.ping(agent, subscription.id);
      expect(result).toEqual({
        subscribeId: BigInt(subscription.id),
        eventId: expect.any(BigInt) as bigint,
        delivered: true,
        outcome: 'DELIVERED',
        statusCode: 204,
        durationMs: 17,
      });
      const [callback] = sender.sent;
      expect(callback.url).toBe('https://hooks.example.com/p');
      expect(callback.body).toBe(
        `{"teamId":1,"listId":6,"ping":{"subscribeId":${subscription.id},"eventId":${result.eventId},` +
          `"sentAt":"${new Date(NOW).toISOString().slice(0, 19).replace('T', ' ')}"}}`,
      );
      const headers = {
        timestamp: callback.headers['X-Webhook-Timestamp'],
        signature: callback.headers['X-Webhook-Signature'],
      };
      expect(verifyCallback('whsec_test', headers, callback.body, Math.floor(NOW / 1000))).toBe(true);
      expect(callback.headers['X-Webhook-Delivery']).toMatch(/^\d+$/);
    });

    it('writes the ping’s ids as strings for a subscription that asked for them', async () => {
      const subscription = tables.subscribe({ userId: agent.userId, int64: Int64Form.String });
      const result = await service.ping(agent, subscription.id);
      expect(sender.sent[0].body).toMatch(
        new RegExp(
          `^\\{"teamId":"1","listId":6,"ping":\\{"subscribeId":"${subscription.id}","eventId":"${result.eventId}",`,
        ),
      );
    });

    it('waits as long as a delivery, unless the request’s deadline would cut its answer off', async () => {
      const subscription = tables.subscribe({ userId: agent.userId });
      await service.ping(agent, subscription.id);
      // WEBHOOK_TIMEOUT_MS and REQUEST_TIMEOUT_MS are both 10 s by default: a second is left for the answer.
      expect(sender.sent[0].timeoutMs).toBe(9_000);
    });

    it('tells a failure, and changes nothing of the subscription: status, failure clock, delivery log', async () => {
      const subscription = tables.subscribe({ userId: agent.userId, status: SubscriptionStatus.Paused });
      const before = structuredClone(tables.subscriptions.get(subscription.id));
      sender.answer = { ok: false, statusCode: 500, error: 'HTTP 500', failure: SendFailure.HttpStatus, durationMs: 5 };
      await expect(service.ping(agent, subscription.id)).resolves.toMatchObject({
        delivered: false,
        outcome: 'HTTP_STATUS',
        statusCode: 500,
        error: 'HTTP 500',
      });
      sender.answer = {
        ok: false,
        statusCode: null,
        error: 'no answer within 9000 ms',
        failure: SendFailure.Timeout,
        durationMs: 9001,
      };
      const timedOut = await service.ping(agent, subscription.id);
      expect(timedOut).toMatchObject({ delivered: false, outcome: 'TIMEOUT', error: 'no answer within 9000 ms' });
      expect(timedOut).not.toHaveProperty('statusCode');
      expect(tables.subscriptions.get(subscription.id)).toEqual(before);
      expect(tables.deliveries).toEqual([]);
      expect(tables.events.size).toBe(0);
    });

    it('answers PERMISSION_DENIED for another user’s subscription, sending nothing', async () => {
      const theirs = tables.subscribe({ userId: colleague.userId });
      await expect(service.ping(agent, theirs.id)).rejects.toEqual(refusal(ErrorCode.PermissionDenied));
      await expect(service.ping(agent, '999999')).rejects.toEqual(refusal(ErrorCode.PermissionDenied));
      expect(sender.sent).toEqual([]);
    });
  });

  describe('redeliver', () => {
    it('queues the named events of the last 7 days again, due now with a fresh retry clock', async () => {
      const subscription = tables.subscribe({ userId: agent.userId });
      const sent = tables.event(subscription.id, { status: EventStatus.Sent, createdMs: NOW - DAY, attempts: 1 });
      const dead = tables.event(subscription.id, {
        status: EventStatus.Dead,
        createdMs: NOW - 2 * DAY,
        attempts: 9,
        firstAttemptMs: NOW - 2 * DAY,
        lastError: 'HTTP 500',
      });
      const old = tables.event(subscription.id, { status: EventStatus.Sent, createdMs: NOW - 7 * DAY - 1 });
      const untouched = tables.event(subscription.id, { status: EventStatus.Sent, createdMs: NOW - DAY });
      const result = await service.redeliver(agent, subscription.id, {
        eventIds: [sent.eventId, dead.eventId, old.eventId, '424242', sent.eventId],
      });
      expect(result).toEqual({
        subscribeId: BigInt(subscription.id),
        status: 'ACTIVE',
        queued: 2,
        notFound: [BigInt(old.eventId), 424242n],
      });
      for (const event of [sent, dead]) {
        expect(tables.events.get(event.id)).toMatchObject({
          status: EventStatus.Pending,
          nextAttemptMs: NOW,
          firstAttemptMs: null,
          attempts: 0,
          lastError: null,
        });
      }
      expect(tables.events.get(old.id)?.status).toBe(EventStatus.Sent);
      expect(tables.events.get(untouched.id)?.status).toBe(EventStatus.Sent);
    });

    it('queues every event since a time, no further back than 7 days', async () => {
      const subscription = tables.subscribe({ userId: agent.userId });
      const before = tables.event(subscription.id, { status: EventStatus.Sent, createdMs: NOW - 3 * DAY });
      const after = tables.event(subscription.id, { status: EventStatus.Sent, createdMs: NOW - DAY });
      const old = tables.event(subscription.id, { status: EventStatus.Sent, createdMs: NOW - 8 * DAY });
      await expect(service.redeliver(agent, subscription.id, { since: NOW - 2 * DAY })).resolves.toMatchObject({
        queued: 1,
        notFound: [],
      });
      expect(tables.events.get(after.id)?.status).toBe(EventStatus.Pending);
      expect(tables.events.get(before.id)?.status).toBe(EventStatus.Sent);
      await expect(service.redeliver(agent, subscription.id, { since: 0 })).resolves.toMatchObject({ queued: 2 });
      expect(tables.events.get(before.id)?.status).toBe(EventStatus.Pending);
      expect(tables.events.get(old.id)?.status).toBe(EventStatus.Sent);
    });

    it('does not queue an event twice: one still waiting is made due now, keeping its retry clock', async () => {
      const subscription = tables.subscribe({ userId: agent.userId });
      const retrying = tables.event(subscription.id, {
        createdMs: NOW - HOUR,
        nextAttemptMs: NOW + HOUR,
        firstAttemptMs: NOW - HOUR,
        attempts: 3,
      });
      await expect(service.redeliver(agent, subscription.id, { eventIds: [retrying.eventId] })).resolves.toMatchObject({
        queued: 1,
        notFound: [],
      });
      expect(tables.events.get(retrying.id)).toMatchObject({
        status: EventStatus.Pending,
        nextAttemptMs: NOW,
        firstAttemptMs: NOW - HOUR,
        attempts: 3,
      });
      expect(tables.eventsOf(subscription.id)).toHaveLength(1);
    });

    it('holds the events of a paused subscription until it is resumed', async () => {
      const subscription = tables.subscribe({ userId: agent.userId, status: SubscriptionStatus.Paused });
      const sent = tables.event(subscription.id, { status: EventStatus.Sent, createdMs: NOW - DAY });
      await expect(service.redeliver(agent, subscription.id, { since: 0 })).resolves.toMatchObject({
        status: 'PAUSED',
        queued: 1,
      });
      expect(tables.events.get(sent.id)?.status).toBe(EventStatus.Held);
      expect(tables.subscriptions.get(subscription.id)?.status).toBe(SubscriptionStatus.Paused);
    });

    it('never touches another subscription’s events, even the same eventId: they are not found', async () => {
      const mine = tables.subscribe({ userId: agent.userId });
      const other = tables.subscribe({ userId: agent.userId });
      const theirs = tables.event(other.id, { status: EventStatus.Sent, createdMs: NOW - DAY });
      await expect(service.redeliver(agent, mine.id, { eventIds: [theirs.eventId] })).resolves.toMatchObject({
        queued: 0,
        notFound: [BigInt(theirs.eventId)],
      });
      expect(tables.events.get(theirs.id)?.status).toBe(EventStatus.Sent);
    });

    it('needs exactly one of eventIds and since', async () => {
      const subscription = tables.subscribe({ userId: agent.userId });
      await expect(service.redeliver(agent, subscription.id, {})).rejects.toEqual(
        refusal(
          ErrorCode.MissingParameter,
          'eventIds or since is required: the events to send again, by id or since a time.',
        ),
      );
      await expect(service.redeliver(agent, subscription.id, { eventIds: ['1'], since: 0 })).rejects.toEqual(
        refusal(ErrorCode.InvalidParameter, 'Give eventIds or since, not both.'),
      );
    });

    it('answers PERMISSION_DENIED for another user’s subscription, queuing nothing', async () => {
      const theirs = tables.subscribe({ userId: colleague.userId });
      const sent = tables.event(theirs.id, { status: EventStatus.Sent, createdMs: NOW - DAY });
      await expect(service.redeliver(agent, theirs.id, { since: 0 })).rejects.toEqual(
        refusal(ErrorCode.PermissionDenied),
      );
      expect(tables.events.get(sent.id)?.status).toBe(EventStatus.Sent);
    });
  });

  it('tells the backlog of every subscription, for the metrics', async () => {
    const one = tables.subscribe();
    const two = tables.subscribe({ status: SubscriptionStatus.Paused });
    tables.event(one.id, { createdMs: 2000 });
    tables.event(two.id, { status: EventStatus.Held, createdMs: 1000 });
    tables.event(two.id, { status: EventStatus.Sent, createdMs: 500 });
    await expect(service.backlog()).resolves.toEqual({ waiting: 2, oldestMs: 1000 });
  });
});
