import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '../common/errors/error-code';
import { ApiErrors } from '../common/errors/error-response.dto';
import { LeadScopedResource, ManagesLead } from '../leads/lead-manage.guard';
import { CALL_IN_PATH } from './call.sources';
import { toCallResponse } from './call.mapper';
import type { ScopedCall } from './call.record';
import { CallResponseDto } from './dto/call-response.dto';
import { DIALER_CALL_EXAMPLE, LOGGED_CALL_EXAMPLE } from './dto/call-examples';

@ApiTags('Calls')
@ApiBearerAuth()
@Controller('v2.0/communication/call')
export class CallsController {
  @Get(':communicationId')
  @ManagesLead(CALL_IN_PATH)
  @ApiOperation({
    summary: 'Get a call by ID',
    description:
      'Returns the call identified by the given communication ID. The communication must be a call record, ' +
      'and the caller must have manage permission on the owning lead; otherwise 400 PERMISSION_DENIED is ' +
      'returned (no existence leak). Manually logged calls (those with no backing dialer record) are ' +
      'populated from the communication content itself: leadPhoneNumber from the logged number and direction ' +
      'inferred from the log; dialer-only fields (elapsedTime, status, etc.) are omitted.\n\n' +
      'Webhook follow-up: when a Call webhook is delivered, pass each `createdCall[].timelineId` from the ' +
      'payload as the communicationId path parameter to fetch the full record. The legacy ' +
      '`createdCall[].callId` points at the dialer record for MANUAL calls and is not interchangeable: prefer ' +
      '`timelineId`.',
  })
  @ApiParam({
    name: 'communicationId',
    description: 'Communication ID of the call (the `timelineId` of a Call webhook event), decimal digits.',
    schema: { type: 'integer', format: 'int64', minimum: 1, example: 563172647619608 },
  })
  @ApiOkResponse({
    type: CallResponseDto,
    description: 'Call retrieved successfully.',
    examples: {
      dialer: { summary: 'A dialer call (MANUAL)', value: DIALER_CALL_EXAMPLE },
      logged: { summary: 'A manually logged call (LOGGED)', value: LOGGED_CALL_EXAMPLE },
    },
  })
  @ApiErrors(
    {
      code: ErrorCode.InvalidParameter,
      message: 'communicationId must be a decimal integer from 1 to 9223372036854775807.',
      summary: 'communicationId is not a positive int64',
    },
    {
      code: ErrorCode.PermissionDenied,
      message: 'The resource does not exist or you do not have permission to access it.',
      summary: 'No such call, not a call, or its lead is not manageable by the caller',
    },
    {
      code: ErrorCode.BadCredentials,
      message: 'Missing access token: send the header "Authorization: Bearer <access_token>".',
      summary: 'Missing, invalid or expired token, or unknown or deactivated user',
    },
  )
  getCall(@LeadScopedResource(CALL_IN_PATH) found: ScopedCall): CallResponseDto {
    return toCallResponse(found.call);
  }
}
