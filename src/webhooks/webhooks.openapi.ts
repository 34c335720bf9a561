import { ErrorCode } from '../common/errors/error-code';
import { invalidId, notManageable } from '../common/errors/error-response.dto';
import { limitMessage } from '../common/errors/parameter-messages';
import type { RouteDoc } from '../common/http/route-doc.decorator';
import {
  CreatedWebhookDto,
  DeletedWebhookDto,
  DeliveryReportDto,
  MAX_BATCH_LIMIT,
  WebhookDto,
  WebhookListDto,
} from './dto/webhook.dto';
import { HTTPS_REQUIRED, listNotSupported } from './webhooks.errors';

const SUBSCRIBE_ID = {
  name: 'subscribeId',
  description: 'ID of one of your subscriptions.',
  schema: { type: 'integer', format: 'int64', minimum: 1, example: 892505117106176 },
} as const;

const WEBHOOK_EXAMPLE = {
  subscribeId: 892505117106176,
  teamId: 1,
  listId: 6,
  callbackUrl: 'https://hooks.example.com/lofty/calls',
  limit: 100,
  status: 'ACTIVE',
  createTime: '2026-11-26 21:00:00',
};

/** A subscription of another user answers as one that does not exist. */
const SUBSCRIPTION_ERRORS = [invalidId('subscribeId'), notManageable()];

export const SUBSCRIBE: RouteDoc = {
  summary: 'Subscribe to Call events',
  description:
    'Subscribes you to an event list of your team (listId 6, Call: every new MANUAL or LOGGED call; AUTO calls ' +
    'produce none). You receive the events of the leads the source system would notify you of: for a hidden ' +
    'lead only its assigned agent; for the others its assigned agent and the team’s OWNER and ADMIN users. ' +
    'Each callback is a POST of `{"teamId", "listId": 6, "createdCall": [{"eventId", "timelineId", "callId", ' +
    '"communicationType", "leadId", "agentId"}]}` with up to `limit` events, signed with the secret of the ' +
    'answer (headers X-Webhook-Timestamp and X-Webhook-Signature). Fetch each `timelineId` with Get Call.',
  answers: {
    200: {
      type: CreatedWebhookDto,
      description: 'Subscribed. The secret is shown this once.',
      example: {
        subscribeId: 892505117106176,
        teamId: 1,
        listId: 6,
        callbackUrl: 'https://hooks.example.com/lofty/calls',
        limit: 100,
        secret: 'whsec_3fJ0kzQ8sV1...',
      },
    },
  },
  errors: [
    { code: ErrorCode.ListNotSupported, message: listNotSupported(2), summary: 'Another event list' },
    {
      code: ErrorCode.InvalidParameter,
      message: `${HTTPS_REQUIRED}.`,
      summary: 'A callback URL that is not https or not public',
    },
    { code: ErrorCode.LimitNotValid, message: limitMessage(MAX_BATCH_LIMIT), summary: 'limit out of range' },
  ],
};

export const LIST_WEBHOOKS: RouteDoc = {
  summary: 'List your subscriptions',
  answers: { 200: { type: WebhookListDto, example: { webhooks: [WEBHOOK_EXAMPLE] } } },
};

export const DELETE_WEBHOOK: RouteDoc = {
  summary: 'Delete a subscription',
  description: 'Its undelivered events are dropped with it.',
  params: [SUBSCRIBE_ID],
  answers: { 200: { type: DeletedWebhookDto, example: { subscribeId: 892505117106176, deleted: true } } },
  errors: SUBSCRIPTION_ERRORS,
};

export const RESUME_WEBHOOK: RouteDoc = {
  summary: 'Resume a paused subscription',
  description:
    'A subscription whose every delivery failed for a day is paused; resuming it sends its held events at once.',
  params: [SUBSCRIBE_ID],
  answers: { 200: { type: WebhookDto, example: WEBHOOK_EXAMPLE } },
  errors: SUBSCRIPTION_ERRORS,
};

export const WEBHOOK_DELIVERIES: RouteDoc = {
  summary: 'How a subscription’s deliveries go',
  description: 'Its status (and why it was paused), the events waiting, the events given up, and the latest attempts.',
  params: [SUBSCRIBE_ID],
  answers: {
    200: {
      type: DeliveryReportDto,
      example: {
        webhook: WEBHOOK_EXAMPLE,
        backlog: 0,
        failedEvents: 0,
        failedDeliveries24h: 1,
        recentDeliveries: [
          { time: '2026-11-26 21:05:14', events: 2, success: true, statusCode: 200, durationMs: 31 },
          {
            time: '2026-11-26 21:05:09',
            events: 2,
            success: false,
            statusCode: 503,
            error: 'HTTP 503',
            durationMs: 12,
          },
        ],
      },
    },
  },
  errors: SUBSCRIPTION_ERRORS,
};
