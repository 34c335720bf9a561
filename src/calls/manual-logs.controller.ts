import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { ErrorCode } from '../common/errors/error-code';
import { ApiErrors, BAD_TOKEN, NOT_MANAGEABLE } from '../common/errors/error-response.dto';
import { IDEMPOTENCY_ERRORS, Idempotent } from '../idempotency/idempotent.decorator';
import { IdempotencyOf } from '../idempotency/idempotency.interceptor';
import type { IdempotentRequest } from '../idempotency/idempotency.service';
import { LEAD_IN_BODY } from '../leads/lead.sources';
import { LeadScopedResource, ManagesLead } from '../leads/lead-manage.guard';
import type { LeadScoped } from '../leads/lead-access';
import { CreateManualLogDto, ManualLogResponseDto } from './dto/manual-log.dto';
import { ManualLogsService } from './manual-logs.service';

@ApiTags('Manual logs')
@ApiBearerAuth()
@Controller('v1.0/logType')
export class ManualLogsController {
  constructor(private readonly logs: ManualLogsService) {}

  @Post()
  @HttpCode(200)
  @ManagesLead(LEAD_IN_BODY)
  @Idempotent()
  @ApiOperation({
    summary: 'Add a manual log entry',
    description:
      'Logs a call, an email or a text by hand on a lead you may manage. `content` longer than 5000 characters is ' +
      'truncated to 5000. The fields of another channel are accepted and ignored. A logged call is at once ' +
      'readable with Get Call (`GET /v2.0/communication/call/{id}`) as a manually logged call; a logged email or ' +
      'text is not a call there.',
  })
  @ApiOkResponse({
    type: ManualLogResponseDto,
    description: 'The log entry, under the key `logType`, with the fields that apply to its channel.',
    example: {
      logType: {
        id: 563172647619609,
        leadId: 100001,
        leadPhoneNumber: '5865865860',
        callingOutcome: 'VoiceMessage',
        content: 'Discussed Austin inventory, will send pre-approval doc tomorrow.',
        createTime: '2026-04-22 10:15:30',
        outboundOrInbound: 'outbound',
        isPin: false,
        agentId: 100234,
      },
    },
  })
  @ApiErrors(
    { code: ErrorCode.MissingParameter, message: 'content is required.', summary: 'A required field is missing' },
    {
      code: ErrorCode.InvalidParameter,
      message: 'logType must be one of logCall, logEmail, logText.',
      summary: 'A field is invalid',
    },
    {
      code: ErrorCode.ParameterTooLong,
      message: 'leadPhoneNumber is longer than 32 characters.',
      summary: 'A field is too long',
    },
    NOT_MANAGEABLE,
    ...IDEMPOTENCY_ERRORS,
    BAD_TOKEN,
  )
  create(
    @CurrentPrincipal() caller: Principal,
    @LeadScopedResource(LEAD_IN_BODY) lead: LeadScoped,
    @Body() body: CreateManualLogDto,
    @IdempotencyOf() idempotency: IdempotentRequest | null,
  ): Promise<ManualLogResponseDto> {
    return this.logs.create(caller, lead, body, idempotency);
  }
}
