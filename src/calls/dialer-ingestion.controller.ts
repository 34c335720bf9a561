import { Body, Controller, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { RequireScopes, Scope } from '../auth/scopes';
import { ErrorCode } from '../common/errors/error-code';
import { ApiErrors, BAD_TOKEN } from '../common/errors/error-response.dto';
import { IDEMPOTENCY_ERRORS, Idempotent } from '../idempotency/idempotent.decorator';
import { IdempotencyOf } from '../idempotency/idempotency.interceptor';
import type { IdempotentRequest } from '../idempotency/idempotency.service';
import { callLocation, DialerIngestionService } from './dialer-ingestion.service';
import { DIALER_CALL_EXAMPLE } from './dto/call-examples';
import { CallResponseDto } from './dto/call-response.dto';
import { IngestDialerCallDto } from './dto/dialer-call.dto';

@ApiTags('Dialer (internal)')
@ApiBearerAuth()
@Controller('v1.0/dialer/calls')
export class DialerIngestionController {
  constructor(private readonly ingestion: DialerIngestionService) {}

  @Post()
  @RequireScopes(Scope.DialerWrite)
  @Idempotent()
  @ApiOperation({
    summary: 'Record a finished dialer call (telephony service)',
    description:
      'For the telephony service: records a dialer call (MANUAL or AUTO) with its lead, agent, outcome, rating ' +
      'and note. Only tokens of API clients holding the scope `dialer:write` are accepted; the lead and the ' +
      "agents must belong to the client's team. Idempotent on `dialerCallRecordId`: the first request answers " +
      '201, a retry of the same record 200 with the same call, the same id with other data 409. The answer is ' +
      'the call as Get Call returns it; `Location` names it.',
  })
  @ApiCreatedResponse({ type: CallResponseDto, description: 'Recorded.', example: DIALER_CALL_EXAMPLE })
  @ApiOkResponse({
    type: CallResponseDto,
    description: 'Recorded before (a retry): the same call.',
    example: DIALER_CALL_EXAMPLE,
  })
  @ApiErrors(
    {
      code: ErrorCode.InvalidParameter,
      message: "startTime must be a UTC time written as 'yyyy-MM-dd HH:mm:ss'.",
      summary: 'A field is invalid',
    },
    {
      code: ErrorCode.MissingParameter,
      message: 'dialerCallRecordId is required.',
      summary: 'A required field is missing',
    },
    {
      code: ErrorCode.PermissionDenied,
      message: "leadId: there is no lead 100001 in the client's team.",
      summary: "A lead or agent outside the client's team",
    },
    {
      code: ErrorCode.AgentInactive,
      message: "userId: 100239 is a deactivated user of the client's team.",
      summary: 'A deactivated agent (userId or agentId)',
    },
    {
      code: ErrorCode.InsufficientScope,
      message: 'This operation needs a token of an API client holding the scope dialer:write.',
      summary: 'Not a dialer:write client token',
    },
    {
      code: ErrorCode.Conflict,
      message: 'Dialer record 400000012399 was recorded before with other data; it is not changed.',
      summary: 'The dialer record exists with other data',
    },
    ...IDEMPOTENCY_ERRORS,
    BAD_TOKEN,
  )
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
