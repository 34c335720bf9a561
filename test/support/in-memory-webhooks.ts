import type { EntityManager } from 'typeorm';
import { Int64Form } from '../../src/common/http/lossless-json';
import type { Int64 } from '../../src/common/int64';
import { formatUtc } from '../../src/common/utc-time';
import { CallEventKind, EventStatus } from '../../src/webhooks/webhook-event.entity';
import type {
  ClaimedEvent,
  ClaimRequest,
  FailedAttempt,
  NewWebhookEvent,
  RedeliveryRequest,
  WebhookBacklog,
  WebhookDelivery,
  WebhookEventsRepository,
} from '../../src/webhooks/webhook-events.repository';
import { SubscriptionStatus } from '../../src/webhooks/webhook-subscription.entity';
import type {
  NewWebhookSubscription,
  WebhookSubscription,
  WebhookSubscriptionsRepository,
} from '../../src/webhooks/webhook-subscriptions.repository';

/*
 * The webhook tables in memory, behind fakes of the two repositories that keep the repositories' rules (what
 * a claim takes, what a lease protects, when an event is given up), for the unit tests of the webhooks
 * module's services. Times are epoch ms.
 */

export interface StoredSubscription extends WebhookSubscription {
  secret: string;
  failingSinceMs: number | null;
}

export interface StoredEvent {
  id: Int64;
  eventId: Int64;
  subscriptionId: Int64;
  payload: string;
  kind: CallEventKind;
  status: EventStatus;
  attempts: number;
  createdMs: number;
  nextAttemptMs: number;
  firstAttemptMs: number | null;
  leaseUntilMs: number;
  leaseOwner: string | null;
  lastError: string | null;
  sentMs: number | null;
}

export type StoredDelivery = WebhookDelivery & { id: Int64; subscriptionId: Int64 };

export class WebhookTables {
  readonly subscriptions = new Map<Int64, StoredSubscription>();
  readonly events = new Map<Int64, StoredEvent>();
  deliveries: StoredDelivery[] = [];
  /** The users who hear about the events of each lead, by the source system's rule, and their team. */
  readonly leadRecipients = new Map<Int64, { teamId: Int64; userIds: Int64[] }>();
  private lastId = 1_000;

  /** A subscription, active unless told otherwise. */
  subscribe(fields: Partial<StoredSubscription> = {}): StoredSubscription {
    const subscription: StoredSubscription = {
      id: this.nextId(),
      teamId: '1',
      userId: '100234',
      listId: 6,
      callbackUrl: 'https://hooks.example.com/calls',
      batchLimit: 100,
      events: [CallEventKind.Created],
      int64: Int64Form.Number,
      status: SubscriptionStatus.Active,
      pausedReason: null,
      createdAt: '2026-11-26 21:00:00',
      secret: 'whsec_test',
      failingSinceMs: null,
      ...fields,
    };
    this.subscriptions.set(subscription.id, subscription);
    return subscription;
  }

  /** An event of the subscription, pending and due at `createdMs` unless told otherwise. */
  event(subscriptionId: Int64, fields: Partial<StoredEvent> = {}): StoredEvent {
    const id = this.nextId();
    const createdMs = fields.createdMs ?? 0;
    const event: StoredEvent = {
      id,
      eventId: id,
      subscriptionId,
      payload: `{"eventId":${id}}`,
      kind: CallEventKind.Created,
      status: EventStatus.Pending,
      attempts: 0,
      createdMs,
      nextAttemptMs: createdMs,
      firstAttemptMs: null,
      leaseUntilMs: 0,
      leaseOwner: null,
      lastError: null,
      sentMs: null,
      ...fields,
    };
    this.events.set(id, event);
    return event;
  }

  eventsOf(subscriptionId: Int64): StoredEvent[] {
    return [...this.events.values()].filter((event) => event.subscriptionId === subscriptionId).sort(byId);
  }

  nextId(): Int64 {
    return String(++this.lastId);
  }
}

type SubscriptionsFake = Pick<
  WebhookSubscriptionsRepository,
  | 'findById'
  | 'findSecret'
  | 'listByUser'
  | 'countByUser'
  | 'findForUsers'
  | 'insert'
  | 'delete'
  | 'activate'
  | 'clearFailing'
  | 'markFailing'
  | 'pause'
>;

export class InMemorySubscriptions implements SubscriptionsFake {
  constructor(private readonly tables: WebhookTables) {}

  findById(id: Int64): Promise<WebhookSubscription | null> {
    const subscription = this.tables.subscriptions.get(id);
    return Promise.resolve(subscription === undefined ? null : publicFields(subscription));
  }

  findSecret(id: Int64): Promise<string | null> {
    return Promise.resolve(this.tables.subscriptions.get(id)?.secret ?? null);
  }

  listByUser(userId: Int64): Promise<WebhookSubscription[]> {
    const mine = [...this.tables.subscriptions.values()].filter((s) => s.userId === userId);
    mine.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || byId(a, b));
    return Promise.resolve(mine.map(publicFields));
  }

  countByUser(userId: Int64): Promise<number> {
    return Promise.resolve([...this.tables.subscriptions.values()].filter((s) => s.userId === userId).length);
  }

  findForUsers(
    _manager: EntityManager,
    teamId: Int64,
    listId: number,
    userIds: readonly Int64[],
    kind: CallEventKind,
  ): Promise<{ id: Int64; paused: boolean; int64: Int64Form }[]> {
    return Promise.resolve(
      [...this.tables.subscriptions.values()]
        .filter(
          (s) => s.teamId === teamId && s.listId === listId && userIds.includes(s.userId) && s.events.includes(kind),
        )
        .sort(byId)
        .map((s) => ({ id: s.id, paused: s.status === SubscriptionStatus.Paused, int64: s.int64 })),
    );
  }

  insert(_manager: EntityManager, subscription: NewWebhookSubscription): Promise<void> {
    this.tables.subscriptions.set(subscription.id, {
      ...subscription,
      status: SubscriptionStatus.Active,
      pausedReason: null,
      failingSinceMs: null,
      createdAt: formatUtc(subscription.createdAt),
    });
    return Promise.resolve();
  }

  delete(_manager: EntityManager, id: Int64): Promise<void> {
    this.tables.subscriptions.delete(id);
    for (const event of this.tables.eventsOf(id)) this.tables.events.delete(event.id);
    this.tables.deliveries = this.tables.deliveries.filter((delivery) => delivery.subscriptionId !== id);
    return Promise.resolve();
  }

  activate(_manager: EntityManager, id: Int64): Promise<void> {
    this.update(id, { status: SubscriptionStatus.Active, pausedReason: null, failingSinceMs: null });
    return Promise.resolve();
  }

  clearFailing(_manager: EntityManager, id: Int64): Promise<void> {
    this.update(id, { failingSinceMs: null });
    return Promise.resolve();
  }

  markFailing(
    _manager: EntityManager,
    id: Int64,
    nowMs: number,
  ): Promise<{ status: SubscriptionStatus; failingSinceMs: number } | null> {
    const subscription = this.tables.subscriptions.get(id);
    if (subscription === undefined) return Promise.resolve(null);
    subscription.failingSinceMs ??= nowMs;
    return Promise.resolve({ status: subscription.status, failingSinceMs: subscription.failingSinceMs });
  }

  pause(_manager: EntityManager, id: Int64, reason: string): Promise<void> {
    this.update(id, { status: SubscriptionStatus.Paused, pausedReason: reason });
    return Promise.resolve();
  }

  private update(id: Int64, fields: Partial<StoredSubscription>): void {
    const subscription = this.tables.subscriptions.get(id);
    if (subscription !== undefined) Object.assign(subscription, fields);
  }
}

type EventsFake = Pick<
  WebhookEventsRepository,
  | 'ping'
  | 'insert'
  | 'claim'
  | 'renewLease'
  | 'release'
  | 'markSent'
  | 'markFailed'
  | 'holdPending'
  | 'releaseHeld'
  | 'redeliver'
  | 'insertDelivery'
  | 'prune'
  | 'backlog'
  | 'countDead'
  | 'countFailedDeliveries'
  | 'recentDeliveries'
>;

export class InMemoryEvents implements EventsFake {
  /** Set to make every statement fail, as a database that does not answer does. */
  failure: Error | null = null;

  constructor(private readonly tables: WebhookTables) {}

  ping(): Promise<void> {
    return this.answer(undefined);
  }

  insert(_manager: EntityManager, events: readonly NewWebhookEvent[]): Promise<void> {
    for (const { held, ...event } of events) {
      this.tables.event(event.subscriptionId, {
        ...event,
        status: held ? EventStatus.Held : EventStatus.Pending,
        nextAttemptMs: event.createdMs,
      });
    }
    return this.answer(undefined);
  }

  claim(_manager: EntityManager, request: ClaimRequest): Promise<ClaimedEvent[]> {
    const due = (event: StoredEvent) =>
      event.status === EventStatus.Pending &&
      event.nextAttemptMs <= request.nowMs &&
      event.leaseUntilMs <= request.nowMs;
    const active = [...this.tables.subscriptions.values()]
      .filter((s) => s.status === SubscriptionStatus.Active)
      .map((s) => ({ subscription: s, events: this.tables.eventsOf(s.id).filter(due) }))
      .filter(({ events }) => events.length > 0)
      .sort((a, b) => earliest(a.events) - earliest(b.events))
      .slice(0, request.subscriptions);
    const claimed: ClaimedEvent[] = [];
    for (const { subscription, events } of active) {
      const taken = events
        .sort((a, b) => a.nextAttemptMs - b.nextAttemptMs || byId(a, b))
        .slice(0, subscription.batchLimit * request.batchesPerSubscription);
      for (const event of taken) {
        event.leaseUntilMs = request.leaseUntilMs;
        event.leaseOwner = request.lease;
        claimed.push({
          id: event.id,
          lease: request.lease,
          subscriptionId: subscription.id,
          payload: event.payload,
          kind: event.kind,
          attempts: event.attempts,
          callbackUrl: subscription.callbackUrl,
          batchLimit: subscription.batchLimit,
          secret: subscription.secret,
          teamId: subscription.teamId,
          listId: subscription.listId,
          int64: subscription.int64,
        });
      }
    }
    return this.answer(claimed.sort((a, b) => byId({ id: a.subscriptionId }, { id: b.subscriptionId }) || byId(a, b)));
  }

  renewLease(_manager: EntityManager, ids: readonly Int64[], lease: string, untilMs: number): Promise<boolean> {
    const held = this.held(ids, lease).filter((event) => event.status === EventStatus.Pending);
    for (const event of held) event.leaseUntilMs = untilMs;
    return this.answer(held.length === ids.length);
  }

  release(_manager: EntityManager, ids: readonly Int64[], lease: string, retryAtMs: number | null): Promise<void> {
    for (const event of this.held(ids, lease)) {
      Object.assign(event, { leaseUntilMs: 0, leaseOwner: null, nextAttemptMs: retryAtMs ?? event.nextAttemptMs });
    }
    return this.answer(undefined);
  }

  markSent(_manager: EntityManager, ids: readonly Int64[], nowMs: number): Promise<void> {
    for (const id of ids) {
      const event = this.tables.events.get(id);
      if (event === undefined) continue;
      Object.assign(event, {
        status: EventStatus.Sent,
        sentMs: nowMs,
        attempts: event.attempts + 1,
        firstAttemptMs: event.firstAttemptMs ?? nowMs,
        leaseUntilMs: 0,
        leaseOwner: null,
        lastError: null,
      });
    }
    return this.answer(undefined);
  }

  markFailed(_manager: EntityManager, ids: readonly Int64[], lease: string, attempt: FailedAttempt): Promise<void> {
    for (const event of this.held(ids, lease).filter((e) => e.status === EventStatus.Pending)) {
      const firstAttemptMs = event.firstAttemptMs ?? attempt.nowMs;
      Object.assign(event, {
        status: firstAttemptMs <= attempt.giveUpFirstTriedBy ? EventStatus.Dead : EventStatus.Pending,
        attempts: event.attempts + 1,
        firstAttemptMs,
        lastError: attempt.error,
        leaseUntilMs: 0,
        leaseOwner: null,
        nextAttemptMs: attempt.retryAtMs,
      });
    }
    return this.answer(undefined);
  }

  holdPending(_manager: EntityManager, subscriptionId: Int64): Promise<void> {
    for (const event of this.tables.eventsOf(subscriptionId).filter((e) => e.status === EventStatus.Pending)) {
      Object.assign(event, { status: EventStatus.Held, leaseUntilMs: 0, leaseOwner: null });
    }
    return this.answer(undefined);
  }

  releaseHeld(_manager: EntityManager, subscriptionId: Int64, nowMs: number): Promise<void> {
    for (const event of this.tables.eventsOf(subscriptionId).filter((e) => e.status === EventStatus.Held)) {
      Object.assign(event, {
        status: EventStatus.Pending,
        nextAttemptMs: nowMs,
        firstAttemptMs: null,
        leaseUntilMs: 0,
      });
    }
    return this.answer(undefined);
  }

  redeliver(_manager: EntityManager, request: RedeliveryRequest): Promise<Int64[]> {
    const found = this.tables
      .eventsOf(request.subscriptionId)
      .filter(
        (event) =>
          event.createdMs >= request.createdSinceMs &&
          (request.eventIds === null || request.eventIds.includes(event.eventId)),
      );
    for (const event of found) {
      if (event.status === EventStatus.Sent || event.status === EventStatus.Dead) {
        Object.assign(event, {
          status: request.held ? EventStatus.Held : EventStatus.Pending,
          nextAttemptMs: request.nowMs,
          firstAttemptMs: null,
          attempts: 0,
          lastError: null,
          leaseUntilMs: 0,
          leaseOwner: null,
        });
      } else if (event.status === EventStatus.Pending) {
        event.nextAttemptMs = Math.min(event.nextAttemptMs, request.nowMs);
      }
    }
    return this.answer(found.map((event) => event.eventId));
  }

  insertDelivery(_manager: EntityManager, delivery: StoredDelivery): Promise<void> {
    this.tables.deliveries.push(delivery);
    return this.answer(undefined);
  }

  prune(_manager: EntityManager, beforeMs: number): Promise<void> {
    this.tables.deliveries = this.tables.deliveries.filter((delivery) => delivery.attemptedMs >= beforeMs);
    for (const event of [...this.tables.events.values()]) {
      if (event.status === EventStatus.Sent && (event.sentMs ?? 0) < beforeMs) this.tables.events.delete(event.id);
    }
    return this.answer(undefined);
  }

  backlog(subscriptionId?: Int64): Promise<WebhookBacklog> {
    const waiting = [...this.tables.events.values()].filter(
      (event) =>
        (event.status === EventStatus.Pending || event.status === EventStatus.Held) &&
        (subscriptionId === undefined || event.subscriptionId === subscriptionId),
    );
    return this.answer({
      waiting: waiting.length,
      oldestMs: waiting.length === 0 ? null : Math.min(...waiting.map((event) => event.createdMs)),
    });
  }

  countDead(subscriptionId: Int64): Promise<number> {
    return this.answer(this.tables.eventsOf(subscriptionId).filter((e) => e.status === EventStatus.Dead).length);
  }

  countFailedDeliveries(subscriptionId: Int64, sinceMs: number): Promise<number> {
    return this.answer(
      this.tables.deliveries.filter(
        (d) => d.subscriptionId === subscriptionId && d.attemptedMs >= sinceMs && !d.success,
      ).length,
    );
  }

  recentDeliveries(subscriptionId: Int64, limit: number): Promise<WebhookDelivery[]> {
    return this.answer(
      this.tables.deliveries
        .filter((delivery) => delivery.subscriptionId === subscriptionId)
        .sort((a, b) => byId(b, a))
        .slice(0, limit)
        .map(({ id: _id, subscriptionId: _subscription, ...delivery }) => delivery),
    );
  }

  private held(ids: readonly Int64[], lease: string): StoredEvent[] {
    return ids
      .map((id) => this.tables.events.get(id))
      .filter((event): event is StoredEvent => event?.leaseOwner === lease);
  }

  private answer<T>(value: T): Promise<T> {
    return this.failure === null ? Promise.resolve(value) : Promise.reject(this.failure);
  }
}

function publicFields({ secret: _secret, failingSinceMs: _failing, ...subscription }: StoredSubscription) {
  return subscription;
}

function earliest(events: StoredEvent[]): number {
  return Math.min(...events.map((event) => event.nextAttemptMs));
}

function byId(a: { id: Int64 }, b: { id: Int64 }): number {
  return BigInt(a.id) < BigInt(b.id) ? -1 : BigInt(a.id) > BigInt(b.id) ? 1 : 0;
}
