import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { IdempotencyOf } from '../idempotency/idempotency.interceptor';
import type { IdempotentRequest } from '../idempotency/idempotency.service';
import { LEAD_IN_BODY, LEAD_IN_QUERY } from '../leads/lead.sources';
import { LeadScopedResource, LeadScopedRoute } from '../leads/lead-manage.guard';
import type { LeadScoped } from '../leads/lead-access';
import { LIST_MANUAL_LOGS, LOG_MANUALLY } from './calls.openapi';
import { ManualLogListQueryDto, ManualLogListResponseDto } from './dto/manual-log-list.dto';
import { CreateManualLogDto, ManualLogResponseDto } from './dto/manual-log.dto';
import { ManualLogsService } from './manual-logs.service';

@ApiTags('Manual logs')
@Controller('v1.0/logType')
export class ManualLogsController {
  constructor(private readonly logs: ManualLogsService) {}

  @Post()
  @HttpCode(200)
  @Idempotent()
  @LeadScopedRoute(LEAD_IN_BODY, LOG_MANUALLY)
  create(
    @CurrentPrincipal() caller: Principal,
    @LeadScopedResource(LEAD_IN_BODY) lead: LeadScoped,
    @Body() body: CreateManualLogDto,
    @IdempotencyOf() idempotency: IdempotentRequest | null,
  ): Promise<ManualLogResponseDto> {
    return this.logs.create(caller, lead, body, idempotency);
  }

  @Get()
  @LeadScopedRoute(LEAD_IN_QUERY, LIST_MANUAL_LOGS)
  list(
    @LeadScopedResource(LEAD_IN_QUERY) lead: LeadScoped,
    @Query() query: ManualLogListQueryDto,
  ): Promise<ManualLogListResponseDto> {
    return this.logs.list(lead, query);
  }
}
