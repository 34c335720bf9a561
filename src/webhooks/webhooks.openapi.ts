import { ErrorCode } from '../common/errors/error-code';
import { invalidId, notManageable } from '../common/errors/error-response.dto';
import { limitMessage, requiredMessage } from '../common/errors/parameter-messages';
import type { CallbackDoc, RouteDoc } from '../common/http/route-doc.decorator';
import { CallCallbackDto, PingCallbackDto } from './dto/webhook-callback.dto';
import {
  CreatedWebhookDto,
  DeletedWebhookDto,
  DeliveryReportDto,
  MAX_BATCH_LIMIT,
  MAX_REDELIVERY_IDS,
  PingOutcome,
  PingResultDto,
  RedeliverWebhookDto,
  RedeliveryDto,
  WebhookDto,
  WebhookListDto,
} from './dto/webhook.dto';
import { DELIVERY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signature';
import { HTTPS_REQUIRED, listNotSupported, REDELIVER_BOTH, REDELIVER_NEITHER } from './webhooks.errors';

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
  events: ['created'],
  status: 'ACTIVE',
  createTime: '2026-11-26 21:00:00',
};

/** A subscription of another user answers as one that does not exist. */
const SUBSCRIPTION_ERRORS = [invalidId('subscribeId'), notManageable()];

/** The headers of every callback, a ping's too (see `callbackHeaders`). */
const CALLBACK_HEADERS: CallbackDoc['headers'] = [
  {
    name: TIMESTAMP_HEADER,
    description:
      'When the callback was signed, epoch seconds. Refuse one more than 5 minutes away from your clock: a replay.',
    schema: { type: 'string', pattern: '^[0-9]+$', example: '1795813514' },
  },
  {
    name: SIGNATURE_HEADER,
    description:
      '`sha256=` and the hex HMAC-SHA256 of `<X-Webhook-Timestamp>.<raw body>`, keyed with the secret the ' +
      'subscription answered. Verify it on the raw bytes of the body, before parsing it, in constant time; answer ' +
      '401 to a callback that fails.',
    schema: {
      type: 'string',
      pattern: '^sha256=[0-9a-f]{64}$',
      example: 'sha256=5f8a0d4e3c1b2a6978f0e1d2c3b4a5968778695a4b3c2d1e0f9e8d7c6b5a4f3e',
    },
  },
  {
    name: DELIVERY_HEADER,
    description:
      'The id of this attempt, new at every retry: for your logs. Deduplicate by the events’ `eventId`, not by it.',
    schema: { type: 'string', pattern: '^[0-9]+$', example: '892505301655560' },
  },
];

const CALL_EVENT_EXAMPLE = {
  eventId: 892505129402368,
  timelineId: 892505129373696,
  callId: 400000012399,
  communicationType: 'MANUAL',
  leadId: 100001,
  agentId: 100234,
};

/** The callbacks a subscription receives: its Call events, and the test of a ping. */
const SUBSCRIPTION_CALLBACKS: Record<string, CallbackDoc> = {
  callEvents: {
    url: '{$request.body#/callbackUrl}',
    operationId: 'receiveCallEvents',
    summary: 'Call events (sent to your callback URL)',
    description:
      'A batch of up to `limit` Call events of the subscription, signed. Answer 2xx at once, then fetch each ' +
      '`timelineId` (Get Call, or the call batch for a whole callback). An event may come more than once (a ' +
      'retry, a redelivery): drop an `eventId` you have seen.',
    headers: CALLBACK_HEADERS,
    body: {
      type: CallCallbackDto,
      examples: {
        created: {
          summary: 'New calls',
          value: { teamId: 1, listId: 6, createdCall: [CALL_EVENT_EXAMPLE] },
        },
        updated: {
          summary: 'An edit (subscribed with "updated" among its events)',
          value: {
            teamId: 1,
            listId: 6,
            createdCall: [],
            updatedCall: [{ ...CALL_EVENT_EXAMPLE, eventId: 892505301655553, updateTime: '2026-11-27 10:00:05' }],
          },
        },
      },
    },
    answers: {
      '2XX': {
        description:
          'Received: a 2xx within WEBHOOK_TIMEOUT_MS (10 s by default) delivers the batch; the body of the answer ' +
          'is ignored.',
      },
      default: {
        description:
          'Any other answer (a 3xx is not followed), or none in time: the batch failed and its events come again, ' +
          'with backoff, for 25 hours, under the same eventIds.',
      },
    },
  },
  ping: {
    url: '{$request.body#/callbackUrl}',
    operationId: 'receivePing',
    summary: 'A ping (sent to your callback URL)',
    description:
      'The test callback of `POST /v1.0/webhook/{subscribeId}/ping`, signed as a delivery: it has `ping` and no ' +
      '`createdCall`. Answer 2xx and do nothing.',
    headers: CALLBACK_HEADERS,
    body: {
      type: PingCallbackDto,
      examples: {
        ping: {
          summary: 'A ping',
          value: {
            teamId: 1,
            listId: 6,
            ping: { subscribeId: 892505117106176, eventId: 892505301655552, sentAt: '2026-11-26 21:05:14' },
          },
        },
      },
    },
    answers: {
      '2XX': { description: 'Received: the ping answers `"delivered": true`.' },
      default: { description: 'Any other answer, or none in time: the ping answers why in `outcome`.' },
    },
  },
};

export const SUBSCRIBE: RouteDoc = {
  operationId: 'subscribeWebhook',
  summary: 'Subscribe to Call events',
  description:
    'Subscribes you to an event list of your team (listId 6, Call: every new MANUAL or LOGGED call; AUTO calls ' +
    'produce none). You receive the events of the leads the source system would notify you of: for a hidden ' +
    'lead only its assigned agent; for the others its assigned agent and the team’s OWNER and ADMIN users. ' +
    'Each callback is a POST of `{"teamId", "listId": 6, "createdCall": [{"eventId", "timelineId", "callId", ' +
    '"communicationType", "leadId", "agentId"}]}` with up to `limit` events, signed with the secret of the ' +
    'answer (headers X-Webhook-Timestamp and X-Webhook-Signature). Fetch each `timelineId` with Get Call.\n\n' +
    'With `"events": ["created", "updated"]` (or `["updated"]`), the edits of those calls come too, in an ' +
    '`updatedCall` array beside `createdCall` (there when the batch holds updates), each element with the same ' +
    'fields plus the call\'s new `updateTime`. The default, `["created"]`, tells of new calls only.\n\n' +
    'The callbacks, their headers and bodies (`CallCallbackDto`, `PingCallbackDto`) are this operation’s ' +
    '`callEvents` and `ping` callbacks.',
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
        events: ['created'],
        secret: 'whsec_3fJ0kzQ8sV1...',
      },
    },
  },
  errors: [
    {
      code: ErrorCode.MissingParameter,
      message: requiredMessage('callbackUrl'),
      summary: 'listId or callbackUrl missing',
    },
    { code: ErrorCode.ListNotSupported, message: listNotSupported(2), summary: 'Another event list' },
    {
      code: ErrorCode.InvalidParameter,
      message: `${HTTPS_REQUIRED}.`,
      summary: 'A callback URL that is not https or not public',
    },
    { code: ErrorCode.LimitNotValid, message: limitMessage(MAX_BATCH_LIMIT), summary: 'limit out of range' },
  ],
  callbacks: SUBSCRIPTION_CALLBACKS,
};

export const LIST_WEBHOOKS: RouteDoc = {
  operationId: 'listWebhooks',
  summary: 'List your subscriptions',
  description: 'Your subscriptions, each with its status (`ACTIVE`, or `PAUSED` after a day of failed deliveries).',
  answers: {
    200: { type: WebhookListDto, description: 'Your subscriptions.', example: { webhooks: [WEBHOOK_EXAMPLE] } },
  },
};

export const DELETE_WEBHOOK: RouteDoc = {
  operationId: 'deleteWebhook',
  summary: 'Delete a subscription',
  description: 'Its undelivered events are dropped with it.',
  params: [SUBSCRIBE_ID],
  answers: {
    200: {
      type: DeletedWebhookDto,
      description: 'Deleted.',
      example: { subscribeId: 892505117106176, deleted: true },
    },
  },
  errors: SUBSCRIPTION_ERRORS,
};

export const RESUME_WEBHOOK: RouteDoc = {
  operationId: 'resumeWebhook',
  summary: 'Resume a paused subscription',
  description:
    'A subscription whose every delivery failed for a day is paused; resuming it sends its held events at once.',
  params: [SUBSCRIBE_ID],
  answers: { 200: { type: WebhookDto, description: 'The subscription, active.', example: WEBHOOK_EXAMPLE } },
  errors: SUBSCRIPTION_ERRORS,
};

export const WEBHOOK_DELIVERIES: RouteDoc = {
  operationId: 'getWebhookDeliveries',
  summary: 'How a subscription’s deliveries go',
  description: 'Its status (and why it was paused), the events waiting, the events given up, and the latest attempts.',
  params: [SUBSCRIBE_ID],
  answers: {
    200: {
      type: DeliveryReportDto,
      description: 'The subscription and how its deliveries go.',
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

export const PING_WEBHOOK: RouteDoc = {
  operationId: 'pingWebhook',
  summary: 'Send a test callback',
  description:
    'Sends one signed test callback to the subscription’s URL now and answers how the receiver answered. The ' +
    'callback is a POST of `{"teamId", "listId": 6, "ping": {"subscribeId", "eventId", "sentAt"}}` (no ' +
    '`createdCall`), signed and checked against the target policy exactly as a delivery is, and waits as long ' +
    '(WEBHOOK_TIMEOUT_MS, within the request’s own deadline). A paused subscription can be pinged. The ping ' +
    'changes nothing: not the status, not the failure clock that pauses a subscription, not the delivery log. ' +
    'The answer is 200 whatever the receiver did: `delivered` and `outcome` tell.',
  params: [SUBSCRIBE_ID],
  answers: {
    200: {
      type: PingResultDto,
      description: 'The ping was sent (or refused by the target policy); how it went.',
      examples: {
        delivered: {
          summary: 'The receiver answered 2xx',
          value: {
            subscribeId: 892505117106176,
            eventId: 892505301655552,
            delivered: true,
            outcome: PingOutcome.Delivered,
            statusCode: 200,
            durationMs: 42,
          },
        },
        failing: {
          summary: 'The receiver answered 500',
          value: {
            subscribeId: 892505117106176,
            eventId: 892505301655553,
            delivered: false,
            outcome: PingOutcome.HttpStatus,
            statusCode: 500,
            durationMs: 18,
            error: 'HTTP 500',
          },
        },
        timeout: {
          summary: 'No answer in time',
          value: {
            subscribeId: 892505117106176,
            eventId: 892505301655554,
            delivered: false,
            outcome: PingOutcome.Timeout,
            durationMs: 9001,
            error: 'no answer within 9000 ms',
          },
        },
      },
    },
  },
  errors: SUBSCRIPTION_ERRORS,
};

export const REDELIVER_WEBHOOK: RouteDoc = {
  operationId: 'redeliverWebhookEvents',
  summary: 'Send events again',
  description:
    'Queues again this subscription’s events of the last 7 days, the ones named (`eventIds`, 1 to ' +
    `${MAX_REDELIVERY_IDS}) or all those since a time (\`since\`, epoch ms), under their original \`eventId\`s: ` +
    'the delivery worker sends them as any event, signed, in batches of the subscription’s limit, with the same ' +
    'retries. An event still waiting for its delivery is not queued twice; one delivered is sent again at each ' +
    'call. A paused subscription’s events wait until it is resumed. Events of another subscription are never ' +
    'touched: asked for by id, they are `notFound`.',
  params: [SUBSCRIBE_ID],
  body: {
    type: RedeliverWebhookDto,
    examples: {
      byId: { summary: 'Events by eventId', value: { eventIds: [892505129402368, 892505129402369] } },
      since: { summary: 'Every event since a time (epoch ms)', value: { since: 1795640400000 } },
    },
  },
  answers: {
    200: {
      type: RedeliveryDto,
      description: 'How many events were queued again, and the eventIds not found among this subscription’s.',
      example: { subscribeId: 892505117106176, status: 'ACTIVE', queued: 1, notFound: [892505129402369] },
    },
  },
  errors: [
    ...SUBSCRIPTION_ERRORS,
    { code: ErrorCode.MissingParameter, message: REDELIVER_NEITHER, summary: 'Neither eventIds nor since' },
    { code: ErrorCode.InvalidParameter, message: REDELIVER_BOTH, summary: 'Both eventIds and since' },
  ],
};
