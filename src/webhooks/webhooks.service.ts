import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import type { Principal } from '../auth/principal';
import { Clock } from '../common/clock';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import { Int64Form, stringifyJson } from '../common/http/lossless-json';
import { type Int64, toJsonInt64 } from '../common/int64';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { IdGenerator } from '../database/id-generator';
import { formatUtc } from '../common/utc-time';
import { TransactionRunner } from '../database/transaction-runner';
import { nowToTheSecond } from '../common/utc-time';
import { IdempotencyService, type IdempotentRequest } from '../idempotency/idempotency.service';
import { CALL_LIST_ID } from './call-events.outbox';
import {
  type CreatedWebhookDto,
  type CreateWebhookDto,
  DEFAULT_BATCH_LIMIT,
  CALL_EVENT_KINDS,
  DEFAULT_EVENTS,
  type DeletedWebhookDto,
  MAX_CALLBACK_URL_LENGTH,
  type DeliveryReportDto,
  PingOutcome,
  type PingResultDto,
  type RedeliverWebhookDto,
  type RedeliveryDto,
  type WebhookDto,
  type WebhookListDto,
} from './dto/webhook.dto';
import {
  checkHost,
  type HostCheck,
  normalizeCallbackUrl,
  policyFor,
  type TargetPolicyOptions,
  urlHost,
} from './target-policy';
import type { PingCallbackDto } from './dto/webhook-callback.dto';
import { callbackHeaders } from './signature';
import { EVENTS_KEPT_MS, type WebhookBacklog, WebhookEventsRepository } from './webhook-events.repository';
import { SubscriptionStatus } from './webhook-subscription.entity';
import { type WebhookSubscription, WebhookSubscriptionsRepository } from './webhook-subscriptions.repository';
import { toCreatedWebhookDto, toDeliveryDto, toWebhookDto } from './webhook.mapper';
import { WebhookSender } from './webhook.sender';
import { listNotSupported, REDELIVER_BOTH, REDELIVER_NEITHER } from './webhooks.errors';

const MAX_SUBSCRIPTIONS_PER_USER = 25;
const RECENT_DELIVERIES = 50;
/** How long subscribing waits for the callback host to resolve: a slow DNS must not hold the request. */
const LOOKUP_TIMEOUT_MS = 3_000;
/** Of the request's deadline, what a ping leaves for answering once the receiver's time is up. */
const PING_ANSWER_MARGIN_MS = 1_000;

/** The subscriptions of a user: create, list, delete, resume, and how their deliveries go. */
@Injectable()
export class WebhooksService {
  private readonly policy: TargetPolicyOptions;
  private readonly pingTimeoutMs: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly subscriptions: WebhookSubscriptionsRepository,
    private readonly events: WebhookEventsRepository,
    private readonly transactions: TransactionRunner,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly idempotency: IdempotencyService,
    private readonly sender: WebhookSender,
  ) {
    this.policy = { allowLoopbackHttp: config.webhooks.allowLoopbackHttp };
    // A delivery's timeout, unless the request's own deadline would cut the ping's answer off first.
    this.pingTimeoutMs = Math.max(
      1,
      Math.min(config.webhooks.timeoutMs, config.requestTimeoutMs - PING_ANSWER_MARGIN_MS),
    );
  }

  /** With an Idempotency-Key, the answer (with its secret) is stored with the subscription. */
  async subscribe(
    caller: Principal,
    input: CreateWebhookDto,
    idempotency: IdempotentRequest | null,
  ): Promise<CreatedWebhookDto> {
    if (input.listId !== CALL_LIST_ID) {
      throw new AppError(ErrorCode.ListNotSupported, listNotSupported(input.listId));
    }
    const callbackUrl = await this.requireSafeTarget(input.callbackUrl);
    if ((await this.subscriptions.countByUser(caller.userId)) >= MAX_SUBSCRIPTIONS_PER_USER) {
      throw new AppError(
        ErrorCode.InvalidParameter,
        `You have ${MAX_SUBSCRIPTIONS_PER_USER} subscriptions already: delete one first.`,
      );
    }
    const subscription = {
      id: this.ids.next(),
      teamId: caller.teamId,
      userId: caller.userId,
      listId: input.listId,
      callbackUrl,
      batchLimit: input.limit ?? DEFAULT_BATCH_LIMIT,
      // In one order, whatever the order asked: as the subscription is listed later.
      events: CALL_EVENT_KINDS.filter((kind) => (input.events ?? DEFAULT_EVENTS).includes(kind)),
      int64: input.int64 ?? Int64Form.Number,
      secret: `whsec_${randomBytes(24).toString('base64url')}`,
      createdAt: nowToTheSecond(),
    };
    return this.idempotency.run(idempotency, async (manager) => {
      await this.subscriptions.insert(manager, subscription);
      return toCreatedWebhookDto(subscription);
    });
  }

  async list(caller: Principal): Promise<WebhookListDto> {
    return { webhooks: (await this.subscriptions.listByUser(caller.userId)).map(toWebhookDto) };
  }

  async remove(caller: Principal, subscribeId: Int64): Promise<DeletedWebhookDto> {
    const subscription = await this.own(caller, subscribeId);
    await this.transactions.run((manager) => this.subscriptions.delete(manager, subscription.id));
    return { subscribeId: toJsonInt64(subscription.id), deleted: true };
  }

  /** Resumes a paused subscription: its held events go out at once, the retry clock starting afresh. */
  async resume(caller: Principal, subscribeId: Int64): Promise<WebhookDto> {
    const subscription = await this.own(caller, subscribeId);
    const now = this.clock.now();
    await this.transactions.run(async (manager) => {
      await this.subscriptions.activate(manager, subscription.id, nowToTheSecond());
      await this.events.releaseHeld(manager, subscription.id, now);
    });
    return toWebhookDto({ ...subscription, status: SubscriptionStatus.Active, pausedReason: null });
  }

  /** The backlog, failures and recent delivery attempts of one of the caller's subscriptions. */
  async report(caller: Principal, subscribeId: Int64): Promise<DeliveryReportDto> {
    const subscription = await this.own(caller, subscribeId);
    const since = this.clock.now() - 24 * 3_600_000;
    const [backlog, failedEvents, failedDeliveries24h, deliveries] = await Promise.all([
      this.events.backlog(subscription.id),
      this.events.countDead(subscription.id),
      this.events.countFailedDeliveries(subscription.id, since),
      this.events.recentDeliveries(subscription.id, RECENT_DELIVERIES),
    ]);
    const report: DeliveryReportDto = {
      webhook: toWebhookDto(subscription),
      backlog: backlog.waiting,
      failedEvents,
      failedDeliveries24h,
      recentDeliveries: deliveries.map(toDeliveryDto),
    };
    if (backlog.oldestMs !== null) report.oldestWaiting = formatUtc(new Date(backlog.oldestMs));
    return report;
  }

  /**
   * Sends one signed test callback to the subscription's URL now, as a delivery is sent (same target policy,
   * headers and signature), and tells how the receiver answered. It changes nothing: neither the subscription's
   * status nor its failure clock, and it is not an entry of the delivery log, which tells of Call events.
   */
  async ping(caller: Principal, subscribeId: Int64): Promise<PingResultDto> {
    const subscription = await this.own(caller, subscribeId);
    const secret = await this.subscriptions.findSecret(subscription.id);
    if (secret === null) throw new AppError(ErrorCode.PermissionDenied);
    const eventId = this.ids.next();
    const now = this.clock.now();
    const body = stringifyJson(
      {
        teamId: toJsonInt64(subscription.teamId),
        listId: subscription.listId,
        ping: {
          subscribeId: toJsonInt64(subscription.id),
          eventId: toJsonInt64(eventId),
          sentAt: formatUtc(new Date(now)),
        },
      } satisfies PingCallbackDto,
      subscription.int64,
    );
    const timestamp = Math.floor(now / 1000);
    const result = await this.sender.send(
      subscription.callbackUrl,
      body,
      callbackHeaders(secret, timestamp, body, this.ids.next()),
      this.pingTimeoutMs,
    );
    return {
      subscribeId: toJsonInt64(subscription.id),
      eventId: toJsonInt64(eventId),
      delivered: result.ok,
      outcome: result.failure ?? PingOutcome.Delivered,
      ...(result.statusCode === null ? {} : { statusCode: result.statusCode }),
      durationMs: result.durationMs,
      ...(result.error === null ? {} : { error: result.error }),
    };
  }

  /**
   * Queues again, for this subscription only, its events of the last 7 days (the ones named, or the ones since a
   * time), under their original eventIds, for the delivery worker to send as it sends any event. A paused
   * subscription's events wait for its resume. An event already waiting is not queued twice.
   */
  async redeliver(caller: Principal, subscribeId: Int64, input: RedeliverWebhookDto): Promise<RedeliveryDto> {
    const { eventIds, since } = input;
    if (eventIds === undefined && since === undefined) {
      throw new AppError(ErrorCode.MissingParameter, REDELIVER_NEITHER);
    }
    if (eventIds !== undefined && since !== undefined) {
      throw new AppError(ErrorCode.InvalidParameter, REDELIVER_BOTH);
    }
    const subscription = await this.own(caller, subscribeId);
    const now = this.clock.now();
    const kept = now - EVENTS_KEPT_MS;
    const asked = eventIds === undefined ? null : [...new Set(eventIds)];
    const found = await this.transactions.run((manager) =>
      this.events.redeliver(manager, {
        subscriptionId: subscription.id,
        eventIds: asked,
        createdSinceMs: Math.max(kept, since ?? kept),
        nowMs: now,
        held: subscription.status === SubscriptionStatus.Paused,
      }),
    );
    const foundIds = new Set(found);
    return {
      subscribeId: toJsonInt64(subscription.id),
      status: subscription.status,
      queued: found.length,
      notFound: (asked ?? []).filter((id) => !foundIds.has(id)).map(toJsonInt64),
    };
  }

  /** The events of every subscription not delivered yet: what the metrics show. */
  backlog(): Promise<WebhookBacklog> {
    return this.events.backlog();
  }

  /** The caller's own subscription; anyone else's is the same PERMISSION_DENIED as none at all. */
  private async own(caller: Principal, subscribeId: Int64): Promise<WebhookSubscription> {
    const subscription = await this.subscriptions.findById(subscribeId);
    if (subscription === null || subscription.userId !== caller.userId) {
      throw new AppError(ErrorCode.PermissionDenied);
    }
    return subscription;
  }

  /**
   * The URL, normalized, by the policy, and every address its host resolves to now. No answer names a
   * resolved address (it would tell how internal names resolve); a lookup that fails or outlasts
   * LOOKUP_TIMEOUT_MS gets one generic answer.
   */
  private async requireSafeTarget(text: string): Promise<string> {
    const { url, refusal } = normalizeCallbackUrl(text, this.policy);
    if (url === null) throw new AppError(ErrorCode.InvalidParameter, `${refusal}.`);
    // Normalizing percent-encodes what the URL may not hold as such (é is %C3%A9): check the length again.
    if (url.length > MAX_CALLBACK_URL_LENGTH) {
      throw new AppError(
        ErrorCode.ParameterTooLong,
        `callbackUrl is longer than ${MAX_CALLBACK_URL_LENGTH} characters once normalized.`,
      );
    }
    const parsed = new URL(url);
    const host = urlHost(parsed);
    if (isIP(host) !== 0) return url;
    let checked: HostCheck;
    try {
      checked = await checkHost(host, policyFor(parsed, this.policy), { timeoutMs: LOOKUP_TIMEOUT_MS });
    } catch {
      throw new AppError(ErrorCode.InvalidParameter, 'callbackUrl: its host name does not resolve.');
    }
    if (checked.refusal !== null) throw new AppError(ErrorCode.InvalidParameter, `${checked.refusal}.`);
    return url;
  }
}
