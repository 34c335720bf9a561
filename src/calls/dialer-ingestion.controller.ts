import { Body, Controller, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { ClientRoute } from '../auth/route-kinds.decorator';
import { Scope } from '../auth/scopes';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { IdempotencyOf } from '../idempotency/idempotency.interceptor';
import type { IdempotentRequest } from '../idempotency/idempotency.service';
import { INGEST_DIALER_CALL } from './calls.openapi';
import { callLocation, DialerIngestionService } from './dialer-ingestion.service';
import { CallResponseDto } from './dto/call-response.dto';
import { IngestDialerCallDto } from './dto/dialer-call.dto';

@ApiTags('Dialer (internal)')
@Controller('v1.0/dialer/calls')
export class DialerIngestionController {
  constructor(private readonly ingestion: DialerIngestionService) {}

  @Post()
  @Idempotent()
  @ClientRoute(Scope.DialerWrite, INGEST_DIALER_CALL)
  async ingest(
    @CurrentPrincipal() client: Principal,
    @Body() body: IngestDialerCallDto,
    @IdempotencyOf() idempotency: IdempotentRequest | null,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CallResponseDto> {
    const { call, created } = await this.ingestion.ingest(client, body, idempotency);
    response.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    response.location(callLocation(call));
    return call;
  }
}
