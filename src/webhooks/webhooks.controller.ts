import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { UserRoute } from '../auth/route-kinds.decorator';
import type { Int64 } from '../common/int64';
import { Int64IdPipe } from '../common/int64-id.pipe';
import { AcceptsBody } from '../common/http/request-body';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { IdempotencyOf } from '../idempotency/idempotency.interceptor';
import type { IdempotentRequest } from '../idempotency/idempotency.service';
import {
  CreatedWebhookDto,
  CreateWebhookDto,
  DeletedWebhookDto,
  DeliveryReportDto,
  PingResultDto,
  RedeliverWebhookDto,
  REDELIVERY_BODY_MEMBERS,
  RedeliveryDto,
  WebhookDto,
  WebhookListDto,
} from './dto/webhook.dto';
import {
  DELETE_WEBHOOK,
  LIST_WEBHOOKS,
  PING_WEBHOOK,
  REDELIVER_WEBHOOK,
  RESUME_WEBHOOK,
  SUBSCRIBE,
  WEBHOOK_DELIVERIES,
} from './webhooks.openapi';
import { WebhooksService } from './webhooks.service';

@ApiTags('Webhooks')
@Controller('v1.0')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post('webhook')
  @HttpCode(200)
  @Idempotent()
  @UserRoute(SUBSCRIBE)
  subscribe(
    @CurrentPrincipal() caller: Principal,
    @Body() body: CreateWebhookDto,
    @IdempotencyOf() idempotency: IdempotentRequest | null,
  ): Promise<CreatedWebhookDto> {
    return this.webhooks.subscribe(caller, body, idempotency);
  }

  @Get('webhooks')
  @UserRoute(LIST_WEBHOOKS)
  list(@CurrentPrincipal() caller: Principal): Promise<WebhookListDto> {
    return this.webhooks.list(caller);
  }

  @Delete('webhook/:subscribeId')
  @UserRoute(DELETE_WEBHOOK)
  remove(
    @CurrentPrincipal() caller: Principal,
    @Param('subscribeId', Int64IdPipe) subscribeId: Int64,
  ): Promise<DeletedWebhookDto> {
    return this.webhooks.remove(caller, subscribeId);
  }

  @Post('webhook/:subscribeId/resume')
  @HttpCode(200)
  @UserRoute(RESUME_WEBHOOK)
  resume(
    @CurrentPrincipal() caller: Principal,
    @Param('subscribeId', Int64IdPipe) subscribeId: Int64,
  ): Promise<WebhookDto> {
    return this.webhooks.resume(caller, subscribeId);
  }

  @Post('webhook/:subscribeId/ping')
  @HttpCode(200)
  @UserRoute(PING_WEBHOOK)
  ping(
    @CurrentPrincipal() caller: Principal,
    @Param('subscribeId', Int64IdPipe) subscribeId: Int64,
  ): Promise<PingResultDto> {
    return this.webhooks.ping(caller, subscribeId);
  }

  @Post('webhook/:subscribeId/redeliver')
  @HttpCode(200)
  @AcceptsBody({ members: REDELIVERY_BODY_MEMBERS })
  @UserRoute(REDELIVER_WEBHOOK)
  redeliver(
    @CurrentPrincipal() caller: Principal,
    @Param('subscribeId', Int64IdPipe) subscribeId: Int64,
    @Body() body: RedeliverWebhookDto,
  ): Promise<RedeliveryDto> {
    return this.webhooks.redeliver(caller, subscribeId, body);
  }

  @Get('webhook/:subscribeId/deliveries')
  @UserRoute(WEBHOOK_DELIVERIES)
  deliveries(
    @CurrentPrincipal() caller: Principal,
    @Param('subscribeId', Int64IdPipe) subscribeId: Int64,
  ): Promise<DeliveryReportDto> {
    return this.webhooks.report(caller, subscribeId);
  }
}
