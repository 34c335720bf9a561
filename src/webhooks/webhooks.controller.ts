import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { ErrorCode } from '../common/errors/error-code';
import { ApiErrors, BAD_TOKEN, INVALID_ID, NOT_MANAGEABLE } from '../common/errors/error-response.dto';
import type { Int64 } from '../common/int64';
import { Int64IdPipe } from '../common/int64-id.pipe';
import { IDEMPOTENCY_ERRORS, Idempotent } from '../idempotency/idempotent.decorator';
import { IdempotencyOf } from '../idempotency/idempotency.interceptor';
import type { IdempotentRequest } from '../idempotency/idempotency.service';
import {
  CreatedWebhookDto,
  CreateWebhookDto,
  DeletedWebhookDto,
  DeliveryReportDto,
  WebhookDto,
  WebhookListDto,
} from './dto/webhook.dto';
import { WebhooksService } from './webhooks.service';

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

@ApiTags('Webhooks')
@ApiBearerAuth()
@Controller('v1.0')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post('webhook')
  @HttpCode(200)
  @Idempotent()
  @ApiOperation({
    summary: 'Subscribe to Call events',
    description:
      'Subscribes you to an event list of your team (listId 6, Call: every new MANUAL or LOGGED call; AUTO calls ' +
      'produce none). You receive the events of the leads the source system would notify you of: for a hidden ' +
      'lead only its assigned agent; for the others its assigned agent and the team’s OWNER and ADMIN users. ' +
      'Each callback is a POST of `{"teamId", "listId": 6, "createdCall": [{"eventId", "timelineId", "callId", ' +
      '"communicationType", "leadId", "agentId"}]}` with up to `limit` events, signed with the secret of the ' +
      'answer (headers X-Webhook-Timestamp and X-Webhook-Signature). Fetch each `timelineId` with Get Call.',
  })
  @ApiOkResponse({
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
  })
  @ApiErrors(
    {
      code: ErrorCode.ListNotSupported,
      message: 'listId 2 cannot be subscribed to yet: only 6 (Call) is offered.',
      summary: 'Another event list',
    },
    {
      code: ErrorCode.InvalidParameter,
      message: 'callbackUrl must be an https URL.',
      summary: 'A callback URL that is not https or not public',
    },
    {
      code: ErrorCode.LimitNotValid,
      message: 'limit must be an integer from 1 to 5000.',
      summary: 'limit out of range',
    },
    ...IDEMPOTENCY_ERRORS,
    BAD_TOKEN,
  )
  subscribe(
    @CurrentPrincipal() caller: Principal,
    @Body() body: CreateWebhookDto,
    @IdempotencyOf() idempotency: IdempotentRequest | null,
  ): Promise<CreatedWebhookDto> {
    return this.webhooks.subscribe(caller, body, idempotency);
  }

  @Get('webhooks')
  @ApiOperation({ summary: 'List your subscriptions' })
  @ApiOkResponse({ type: WebhookListDto, example: { webhooks: [WEBHOOK_EXAMPLE] } })
  @ApiErrors(BAD_TOKEN)
  list(@CurrentPrincipal() caller: Principal): Promise<WebhookListDto> {
    return this.webhooks.list(caller);
  }

  @Delete('webhook/:subscribeId')
  @ApiOperation({ summary: 'Delete a subscription', description: 'Its undelivered events are dropped with it.' })
  @ApiParam(SUBSCRIBE_ID)
  @ApiOkResponse({ type: DeletedWebhookDto, example: { subscribeId: 892505117106176, deleted: true } })
  @ApiErrors(INVALID_ID('subscribeId'), NOT_MANAGEABLE, BAD_TOKEN)
  remove(
    @CurrentPrincipal() caller: Principal,
    @Param('subscribeId', Int64IdPipe) subscribeId: Int64,
  ): Promise<DeletedWebhookDto> {
    return this.webhooks.remove(caller, subscribeId);
  }

  @Post('webhook/:subscribeId/resume')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Resume a paused subscription',
    description:
      'A subscription whose every delivery failed for a day is paused; resuming it sends its held events at once.',
  })
  @ApiParam(SUBSCRIBE_ID)
  @ApiOkResponse({ type: WebhookDto, example: WEBHOOK_EXAMPLE })
  @ApiErrors(INVALID_ID('subscribeId'), NOT_MANAGEABLE, BAD_TOKEN)
  resume(
    @CurrentPrincipal() caller: Principal,
    @Param('subscribeId', Int64IdPipe) subscribeId: Int64,
  ): Promise<WebhookDto> {
    return this.webhooks.resume(caller, subscribeId);
  }

  @Get('webhook/:subscribeId/deliveries')
  @ApiOperation({
    summary: 'How a subscription’s deliveries go',
    description:
      'Its status (and why it was paused), the events waiting, the events given up, and the latest attempts.',
  })
  @ApiParam(SUBSCRIBE_ID)
  @ApiOkResponse({
    type: DeliveryReportDto,
    example: {
      webhook: WEBHOOK_EXAMPLE,
      backlog: 0,
      failedEvents: 0,
      failedDeliveries24h: 1,
      recentDeliveries: [
        { time: '2026-11-26 21:05:14', events: 2, success: true, statusCode: 200, durationMs: 31 },
        { time: '2026-11-26 21:05:09', events: 2, success: false, statusCode: 503, error: 'HTTP 503', durationMs: 12 },
      ],
    },
  })
  @ApiErrors(INVALID_ID('subscribeId'), NOT_MANAGEABLE, BAD_TOKEN)
  deliveries(
    @CurrentPrincipal() caller: Principal,
    @Param('subscribeId', Int64IdPipe) subscribeId: Int64,
  ): Promise<DeliveryReportDto> {
    return this.webhooks.report(caller, subscribeId);
  }
}
