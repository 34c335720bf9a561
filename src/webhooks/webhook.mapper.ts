import { Int64Form } from '../common/http/lossless-json';
import { toJsonInt64 } from '../common/int64';
import { formatUtc } from '../common/utc-time';
import type { CreatedWebhookDto, DeliveryDto, WebhookDto } from './dto/webhook.dto';
import type { WebhookDelivery } from './webhook-events.repository';
import type { NewWebhookSubscription, WebhookSubscription } from './webhook-subscriptions.repository';

type WebhookFields = Pick<
  WebhookSubscription,
  'id' | 'teamId' | 'listId' | 'callbackUrl' | 'batchLimit' | 'events' | 'int64'
>;

/** The fields every answer about a subscription starts with, in their order. */
function webhookFields(subscription: WebhookFields) {
  return {
    subscribeId: toJsonInt64(subscription.id),
    teamId: toJsonInt64(subscription.teamId),
    listId: subscription.listId,
    callbackUrl: subscription.callbackUrl,
    limit: subscription.batchLimit,
    events: [...subscription.events],
    // Only when asked: the answers about a subscription of numbers, the default, stay as they were.
    ...(subscription.int64 === Int64Form.String ? { int64: Int64Form.String as const } : {}),
  };
}

export function toWebhookDto(subscription: WebhookSubscription): WebhookDto {
  return {
    ...webhookFields(subscription),
    status: subscription.status,
    ...(subscription.pausedReason === null ? {} : { pausedReason: subscription.pausedReason }),
    createTime: subscription.createdAt,
  };
}

/** The one answer that shows the secret. */
export function toCreatedWebhookDto(subscription: NewWebhookSubscription): CreatedWebhookDto {
  return { ...webhookFields(subscription), secret: subscription.secret };
}

export function toDeliveryDto(delivery: WebhookDelivery): DeliveryDto {
  return {
    time: formatUtc(new Date(delivery.attemptedMs)),
    events: delivery.eventCount,
    success: delivery.success,
    ...(delivery.statusCode === null ? {} : { statusCode: delivery.statusCode }),
    ...(delivery.error === null ? {} : { error: delivery.error }),
    durationMs: delivery.durationMs,
  };
}
