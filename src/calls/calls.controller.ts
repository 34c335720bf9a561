import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { LeadScopedRoute } from '../auth/route-kinds.decorator';
import { LeadScopedResource, ManagesLead } from '../leads/lead-manage.guard';
import { CallByIdLoader } from './call-by-id.loader';
import { toCallResponse } from './call.mapper';
import type { CallRecord } from './call-record';
import { GET_CALL } from './calls.openapi';
import { CallResponseDto } from './dto/call-response.dto';

@ApiTags('Calls')
@Controller('v2.0/communication/call')
export class CallsController {
  @Get(':communicationId')
  @ManagesLead(CallByIdLoader)
  @LeadScopedRoute(GET_CALL)
  getCall(@LeadScopedResource() call: CallRecord): CallResponseDto {
    return toCallResponse(call.row);
  }
}
