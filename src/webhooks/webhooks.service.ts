import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { Clock } from '../common/clock';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import { type Int64, toJsonInt64 } from '../common/int64';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { IdGenerator } from '../database/id-generator';
import { formatUtc, sqlDateTime } from '../database/sql-values';
import { TransactionRunner } from '../database/transaction-runner';
import { nowToTheSecond } from '../database/utc';
import { IdempotencyService, type IdempotentRequest } from '../idempotency/idempotency.service';
import { CALL_LIST_ID } from './call-events.outbox';
import {
  type CreatedWebhookDto,
  type CreateWebhookDto,
  DEFAULT_BATCH_LIMIT,
  type DeletedWebhookDto,
  MAX_CALLBACK_URL_LENGTH,
  type DeliveryReportDto,
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
import { EventStatus } from './webhook-event.entity';
import { SubscriptionStatus, WebhookSubscriptionEntity } from './webhook-subscription.entity';
import { listNotSupported } from './webhooks.errors';

const MAX_SUBSCRIPTIONS_PER_USER = 25;
const RECENT_DELIVERIES = 50;
/** How long subscribing waits for the callback host to resolve: a slow DNS must not hold the request. */
const LOOKUP_TIMEOUT_MS = 3_000;

/** The subscriptions of a user: create, list, delete, resume, and how their deliveries go. */
@Injectable()
export class WebhooksService {
  private readonly policy: TargetPolicyOptions;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly idempotency: IdempotencyService,
  ) {
    this.policy = { allowLoopbackHttp: config.webhooks.allowLoopbackHttp };
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
    const subscriptions = this.dataSource.getRepository(WebhookSubscriptionEntity);
    if ((await subscriptions.countBy({ userId: caller.userId })) >= MAX_SUBSCRIPTIONS_PER_USER) {
      throw new AppError(
        ErrorCode.InvalidParameter,
        `You have ${MAX_SUBSCRIPTIONS_PER_USER} subscriptions already: delete one first.`,
      );
    }
    const now = nowToTheSecond();
    const subscription = {
      id: this.ids.next(),
      teamId: caller.teamId,
      userId: caller.userId,
      listId: input.listId,
      callbackUrl,
      batchLimit: input.limit ?? DEFAULT_BATCH_LIMIT,
      secret: `whsec_${randomBytes(24).toString('base64url')}`,
      status: SubscriptionStatus.Active,
      pausedReason: null,
      failingSinceMs: null,
      createdAt: now,
      updatedAt: now,
    };
    return this.idempotency.run(idempotency, async (manager) => {
      await manager.insert(WebhookSubscriptionEntity, subscription);
      return { ...webhookFields(subscription), secret: subscription.secret };
    });
  }

  async list(caller: Principal): Promise<WebhookListDto> {
    const subscriptions = await this.dataSource
      .getRepository(WebhookSubscriptionEntity)
      .find({ where: { userId: caller.userId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return { webhooks: subscriptions.map(toWebhookDto) };
  }

  async remove(caller: Principal, subscribeId: Int64): Promise<DeletedWebhookDto> {
    const subscription = await this.own(caller, subscribeId);
    // Its events and delivery records go with it (ON DELETE CASCADE).
    await this.transactions.run((manager) => manager.delete(WebhookSubscriptionEntity, { id: subscription.id }));
    return { subscribeId: toJsonInt64(subscription.id), deleted: true };
  }

  /** Resumes a paused subscription: its held events go out at once, the retry clock starting afresh. */
  async resume(caller: Principal, subscribeId: Int64): Promise<WebhookDto> {
    const subscription = await this.own(caller, subscribeId);
    const now = this.clock.now();
    await this.transactions.run(async (manager) => {
      await manager.update(
        WebhookSubscriptionEntity,
        { id: subscription.id },
        { status: SubscriptionStatus.Active, pausedReason: null, failingSinceMs: null, updatedAt: nowToTheSecond() },
      );
      await manager.query(
        'UPDATE webhook_events SET status = ?, next_attempt_ms = ?, first_attempt_ms = NULL, lease_until_ms = 0 ' +
          'WHERE subscription_id = ? AND status = ?',
        [EventStatus.Pending, now, subscription.id, EventStatus.Held],
      );
    });
    return toWebhookDto({ ...subscription, status: SubscriptionStatus.Active, pausedReason: null });
  }

  /** The backlog, failures and recent delivery attempts of one of the caller's subscriptions. */
  async report(caller: Principal, subscribeId: Int64): Promise<DeliveryReportDto> {
    const subscription = await this.own(caller, subscribeId);
    const since = this.clock.now() - 24 * 3_600_000;
    const [[backlog], [failed], [failedDeliveries], deliveries] = await Promise.all([
      this.dataSource.query<{ waiting: unknown; oldest: unknown }[]>(
        'SELECT COUNT(*) AS waiting, MIN(created_ms) AS oldest FROM webhook_events WHERE subscription_id = ? AND status IN (?, ?)',
        [subscription.id, EventStatus.Pending, EventStatus.Held],
      ),
      this.dataSource.query<{ dead: unknown }[]>(
        'SELECT COUNT(*) AS dead FROM webhook_events WHERE subscription_id = ? AND status = ?',
        [subscription.id, EventStatus.Dead],
      ),
      this.dataSource.query<{ failures: unknown }[]>(
        'SELECT COUNT(*) AS failures FROM webhook_deliveries WHERE subscription_id = ? AND attempted_ms >= ? AND success = 0',
        [subscription.id, since],
      ),
      this.dataSource.query<Record<string, unknown>[]>(
        'SELECT attempted_ms, event_count, status_code, error, duration_ms, success FROM webhook_deliveries ' +
          `WHERE subscription_id = ? ORDER BY id DESC LIMIT ${RECENT_DELIVERIES}`,
        [subscription.id],
      ),
    ]);
    const report: DeliveryReportDto = {
      webhook: toWebhookDto(subscription),
      backlog: Number(backlog.waiting),
      failedEvents: Number(failed.dead),
      failedDeliveries24h: Number(failedDeliveries.failures),
      recentDeliveries: deliveries.map((row) => ({
        time: formatUtc(new Date(Number(row.attempted_ms))),
        events: Number(row.event_count),
        success: Number(row.success) === 1 || row.success === true,
        ...(row.status_code === null ? {} : { statusCode: Number(row.status_code) }),
        ...(typeof row.error === 'string' ? { error: row.error } : {}),
        durationMs: Number(row.duration_ms),
      })),
    };
    if (backlog.oldest !== null) report.oldestWaiting = formatUtc(new Date(Number(backlog.oldest)));
    return report;
  }

  /** The caller's own subscription; anyone else's is the same PERMISSION_DENIED as none at all. */
  private async own(caller: Principal, subscribeId: Int64): Promise<WebhookSubscriptionEntity> {
    const subscription = await this.dataSource.getRepository(WebhookSubscriptionEntity).findOneBy({ id: subscribeId });
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

/** The fields every answer about a subscription starts with, in their order. */
function webhookFields(
  subscription: Pick<WebhookSubscriptionEntity, 'id' | 'teamId' | 'listId' | 'callbackUrl' | 'batchLimit'>,
) {
  return {
    subscribeId: toJsonInt64(subscription.id),
    teamId: toJsonInt64(subscription.teamId),
    listId: subscription.listId,
    callbackUrl: subscription.callbackUrl,
    limit: subscription.batchLimit,
  };
}

function toWebhookDto(
  subscription: Pick<
    WebhookSubscriptionEntity,
    'id' | 'teamId' | 'listId' | 'callbackUrl' | 'batchLimit' | 'status' | 'pausedReason' | 'createdAt'
  >,
): WebhookDto {
  const dto = { ...webhookFields(subscription), status: subscription.status } as WebhookDto;
  if (subscription.pausedReason !== null) dto.pausedReason = subscription.pausedReason;
  dto.createTime = sqlDateTime(subscription.createdAt) as string;
  return dto;
}
