import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsInt, Max, Min } from 'class-validator';
import { ErrorCode } from '../../common/errors/error-code';
import { Int64Form } from '../../common/http/lossless-json';
import { limitMessage } from '../../common/errors/parameter-messages';
import type { Int64 } from '../../common/int64';
import { EpochMillis, Int64IdList, Optional, Required, Text } from '../../common/validation/fields';
import { SendFailure } from '../webhook.sender';
import { CallEventKind } from '../webhook-event.entity';
import { SubscriptionStatus } from '../webhook-subscription.entity';

export const DEFAULT_BATCH_LIMIT = 100;
export const MAX_BATCH_LIMIT = 5000;
export const MAX_CALLBACK_URL_LENGTH = 2048;
/** The most eventIds one redelivery may name. */
export const MAX_REDELIVERY_IDS = 1000;
/**
 * Keys and array items a redelivery's body may hold: twice the most ids, so that a list somewhat too long is
 * refused by the rule of `eventIds` (naming it) rather than as a body no operation takes.
 */
export const REDELIVERY_BODY_MEMBERS = 2 * MAX_REDELIVERY_IDS;

const LIMIT_NOT_VALID = {
  message: limitMessage(MAX_BATCH_LIMIT),
  context: { code: ErrorCode.LimitNotValid },
};

/** What a subscription hears of when it does not say. */
export const DEFAULT_EVENTS: readonly CallEventKind[] = [CallEventKind.Created];
export const CALL_EVENT_KINDS: readonly CallEventKind[] = Object.values(CallEventKind);
const EVENTS_NOT_VALID = {
  message: `events must be a non-empty list of distinct values among ${CALL_EVENT_KINDS.map((kind) => `"${kind}"`).join(', ')}.`,
};

export class CreateWebhookDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: 12,
    description:
      'The event list: 6 is Call (MANUAL and LOGGED calls; AUTO calls produce no event). The others are not offered yet.',
    example: 6,
  })
  @Required()
  @IsInt({ message: '$property must be an integer from 1 to 12' })
  @Min(1, { message: '$property must be an integer from 1 to 12' })
  @Max(12, { message: '$property must be an integer from 1 to 12' })
  listId!: number;

  @ApiProperty({
    maxLength: MAX_CALLBACK_URL_LENGTH,
    description:
      'An https URL that resolves to a public address; redirects are not followed. No whitespace, control ' +
      'characters or backslashes. It is stored and shown normalized (`HTTPS://Hooks.Example.com:443/calls` ' +
      'is `https://hooks.example.com/calls`).',
    example: 'https://hooks.example.com/lofty/calls',
  })
  @Required()
  @Text(MAX_CALLBACK_URL_LENGTH)
  callbackUrl!: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_BATCH_LIMIT,
    description: `The most events in one callback. Default \`${DEFAULT_BATCH_LIMIT}\`.`,
  })
  @Optional()
  @IsInt(LIMIT_NOT_VALID)
  @Min(1, LIMIT_NOT_VALID)
  @Max(MAX_BATCH_LIMIT, LIMIT_NOT_VALID)
  limit?: number;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', enum: [...CALL_EVENT_KINDS] },
    description:
      'What to hear of: `created` (a call was stored, in `createdCall`), `updated` (a call was edited, in ' +
      `\`updatedCall\`), or both. Default \`${JSON.stringify(DEFAULT_EVENTS)}\`.`,
    example: ['created', 'updated'],
  })
  @Optional()
  @IsArray(EVENTS_NOT_VALID)
  @ArrayNotEmpty(EVENTS_NOT_VALID)
  @ArrayMaxSize(CALL_EVENT_KINDS.length, EVENTS_NOT_VALID)
  @ArrayUnique(EVENTS_NOT_VALID)
  @IsIn([...CALL_EVENT_KINDS], { ...EVENTS_NOT_VALID, each: true })
  events?: CallEventKind[];

  @ApiPropertyOptional({
    enum: Int64Form,
    enumName: 'Int64Form',
    description:
      'How the callbacks write int64 values (ids, `teamId`): `number`, exact JSON numbers, or `string`, strings of ' +
      'digits, for a receiver whose JSON parser rounds numbers above 2^53 (JavaScript’s). Default `number`.',
    example: Int64Form.String,
  })
  @Optional()
  @IsIn(Object.values(Int64Form), { message: '$property must be "number" or "string".' })
  int64?: Int64Form;
}

/** The fields of a subscription in every answer about it. */
abstract class WebhookFieldsDto {
  @ApiProperty({ type: 'integer', format: 'int64', example: 892505117106176 })
  subscribeId!: bigint;

  @ApiProperty({ type: 'integer', format: 'int64', example: 1 })
  teamId!: bigint;

  @ApiProperty({ type: 'integer', example: 6 })
  listId!: number;

  @ApiProperty({ example: 'https://hooks.example.com/lofty/calls' })
  callbackUrl!: string;

  @ApiProperty({ type: 'integer', example: 100 })
  limit!: number;

  @ApiProperty({
    type: 'array',
    items: { type: 'string', enum: [...CALL_EVENT_KINDS] },
    description: 'What it hears of: calls `created`, calls `updated`.',
    example: ['created'],
  })
  events!: CallEventKind[];

  @ApiPropertyOptional({
    enum: [Int64Form.String],
    description: '`string` when its callbacks write int64 values as strings; absent when they write numbers.',
  })
  int64?: Int64Form.String;
}

export class WebhookDto extends WebhookFieldsDto {
  @ApiProperty({
    enum: SubscriptionStatus,
    enumName: 'SubscriptionStatus',
    description: 'PAUSED after a day of failed deliveries, until resumed.',
    example: SubscriptionStatus.Active,
  })
  status!: SubscriptionStatus;

  @ApiPropertyOptional({ description: 'Why the subscription was paused.' })
  pausedReason?: string;

  @ApiProperty({ example: '2026-11-26 21:00:00' })
  createTime!: string;
}

export class CreatedWebhookDto extends WebhookFieldsDto {
  @ApiProperty({
    description: 'The key of the callbacks’ HMAC-SHA256 signatures. Shown this once: keep it.',
    example: 'whsec_3fJ0kzQ8sV1...',
  })
  secret!: string;
}

export class WebhookListDto {
  @ApiProperty({ type: [WebhookDto] })
  webhooks!: WebhookDto[];
}

export class DeletedWebhookDto {
  @ApiProperty({ type: 'integer', format: 'int64', example: 892505117106176 })
  subscribeId!: bigint;

  @ApiProperty({ example: true })
  deleted!: true;
}

export class DeliveryDto {
  @ApiProperty({ example: '2026-11-26 21:05:12' })
  time!: string;

  @ApiProperty({ type: 'integer', description: 'Events in the callback.', example: 3 })
  events!: number;

  @ApiProperty({ example: true })
  success!: boolean;

  @ApiPropertyOptional({ type: 'integer', description: 'The HTTP status the callback got, if any.', example: 200 })
  statusCode?: number;

  @ApiPropertyOptional({ description: 'Why it failed.', example: 'HTTP 503' })
  error?: string;

  @ApiProperty({ type: 'integer', example: 38 })
  durationMs!: number;
}

export class DeliveryReportDto {
  @ApiProperty({ type: WebhookDto })
  webhook!: WebhookDto;

  @ApiProperty({ type: 'integer', description: 'Events waiting to be delivered (held ones included).', example: 0 })
  backlog!: number;

  @ApiPropertyOptional({ description: 'When the oldest waiting event was created.', example: '2026-11-26 21:04:59' })
  oldestWaiting?: string;

  @ApiProperty({ type: 'integer', description: 'Events given up after a day of failed attempts.', example: 0 })
  failedEvents!: number;

  @ApiProperty({ type: 'integer', description: 'Deliveries of the last 24 hours that failed.', example: 0 })
  failedDeliveries24h!: number;

  @ApiProperty({ type: [DeliveryDto], description: 'The 50 latest delivery attempts, newest first.' })
  recentDeliveries!: DeliveryDto[];
}

/** How a ping went; DELIVERED, or why not. */
export const PingOutcome = { Delivered: 'DELIVERED', ...SendFailure } as const;
export type PingOutcome = (typeof PingOutcome)[keyof typeof PingOutcome];

export class PingResultDto {
  @ApiProperty({ type: 'integer', format: 'int64', example: 892505117106176 })
  subscribeId!: bigint;

  @ApiProperty({
    type: 'integer',
    format: 'int64',
    description: 'The `ping.eventId` of the test callback: a fresh id, never one of a Call event.',
    example: 892505301655552,
  })
  eventId!: bigint;

  @ApiProperty({ description: 'The receiver answered 2xx within the timeout.', example: true })
  delivered!: boolean;

  @ApiProperty({
    enum: Object.values(PingOutcome),
    enumName: 'PingOutcome',
    description:
      'DELIVERED, or why not: HTTP_STATUS (answered, not 2xx), REDIRECT (a 3xx: redirects are not followed), ' +
      'TIMEOUT (no answer in time), TARGET_REFUSED (the URL or the address its host resolves to is not allowed: ' +
      'no connection was made), TLS (the TLS handshake failed), CONNECTION (refused, reset, the host name does ' +
      'not resolve).',
    example: PingOutcome.Delivered,
  })
  outcome!: PingOutcome;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'The HTTP status the receiver answered, if it answered.',
    example: 200,
  })
  statusCode?: number;

  @ApiProperty({
    type: 'integer',
    description: 'From the start of the request to its answer (or failure), in ms.',
    example: 42,
  })
  durationMs!: number;

  @ApiPropertyOptional({
    description: 'Why it failed, as the delivery log tells it.',
    example: 'connect ECONNREFUSED 203.0.113.7:443',
  })
  error?: string;
}

export class RedeliverWebhookDto {
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'integer', format: 'int64', minimum: 1 },
    minItems: 1,
    maxItems: MAX_REDELIVERY_IDS,
    description:
      `1 to ${MAX_REDELIVERY_IDS} \`eventId\`s of this subscription’s events of the last 7 days, each a JSON ` +
      'integer (exact also above 2^53) or a string of decimal digits. Give this or `since`, not both.',
    example: [892505129402368, 892505129402369],
  })
  @Optional()
  @Int64IdList(MAX_REDELIVERY_IDS)
  eventIds?: Int64[];

  @ApiPropertyOptional({
    type: 'integer',
    format: 'int64',
    description:
      'Every event of this subscription created at or after this time (epoch ms); events older than 7 days are ' +
      'not kept, so an earlier time means the last 7 days. Give this or `eventIds`, not both.',
    example: 1795640400000,
  })
  @Optional()
  @EpochMillis()
  since?: number;
}

export class RedeliveryDto {
  @ApiProperty({ type: 'integer', format: 'int64', example: 892505117106176 })
  subscribeId!: bigint;

  @ApiProperty({
    enum: SubscriptionStatus,
    enumName: 'SubscriptionStatus',
    description: 'PAUSED: the events queued wait, with the others, until the subscription is resumed.',
    example: SubscriptionStatus.Active,
  })
  status!: SubscriptionStatus;

  @ApiProperty({
    type: 'integer',
    description: 'Events queued to be sent again (or still waiting for their delivery).',
    example: 2,
  })
  queued!: number;

  @ApiProperty({
    type: 'array',
    items: { type: 'integer', format: 'int64' },
    description:
      'The `eventIds` asked for that are not events of this subscription of the last 7 days, in the order asked ' +
      '(always empty with `since`).',
    example: [],
  })
  notFound!: bigint[];
}
