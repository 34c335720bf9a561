import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { ErrorCode } from '../../common/errors/error-code';
import { limitMessage } from '../../common/errors/parameter-messages';
import { Optional, Required, Text } from '../../common/validation/fields';
import { SubscriptionStatus } from '../webhook-subscription.entity';

export const DEFAULT_BATCH_LIMIT = 100;
export const MAX_BATCH_LIMIT = 5000;
export const MAX_CALLBACK_URL_LENGTH = 2048;

const LIMIT_NOT_VALID = {
  message: limitMessage(MAX_BATCH_LIMIT),
  context: { code: ErrorCode.LimitNotValid },
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
    default: DEFAULT_BATCH_LIMIT,
    description: 'The most events in one callback.',
  })
  @Optional()
  @IsInt(LIMIT_NOT_VALID)
  @Min(1, LIMIT_NOT_VALID)
  @Max(MAX_BATCH_LIMIT, LIMIT_NOT_VALID)
  limit?: number;
}

/** The fields of a subscription in every answer about it. */
abstract class WebhookFieldsDto {
  @ApiProperty({ type: 'integer', format: 'int64', example: 892505117106176 })
  subscribeId!: bigint;

  @ApiProperty({ type: 'integer', format: 'int64', example: 1 })
  teamId!: bigint;

  @ApiProperty({ example: 6 })
  listId!: number;

  @ApiProperty({ example: 'https://hooks.example.com/lofty/calls' })
  callbackUrl!: string;

  @ApiProperty({ example: 100 })
  limit!: number;
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

  @ApiProperty({ description: 'Events in the callback.', example: 3 })
  events!: number;

  @ApiProperty({ example: true })
  success!: boolean;

  @ApiPropertyOptional({ description: 'The HTTP status the callback got, if any.', example: 200 })
  statusCode?: number;

  @ApiPropertyOptional({ description: 'Why it failed.', example: 'HTTP 503' })
  error?: string;

  @ApiProperty({ example: 38 })
  durationMs!: number;
}

export class DeliveryReportDto {
  @ApiProperty({ type: WebhookDto })
  webhook!: WebhookDto;

  @ApiProperty({ description: 'Events waiting to be delivered (held ones included).', example: 0 })
  backlog!: number;

  @ApiPropertyOptional({ description: 'When the oldest waiting event was created.', example: '2026-11-26 21:04:59' })
  oldestWaiting?: string;

  @ApiProperty({ description: 'Events given up after a day of failed attempts.', example: 0 })
  failedEvents!: number;

  @ApiProperty({ description: 'Deliveries of the last 24 hours that failed.', example: 0 })
  failedDeliveries24h!: number;

  @ApiProperty({ type: [DeliveryDto], description: 'The 50 latest delivery attempts, newest first.' })
  recentDeliveries!: DeliveryDto[];
}
