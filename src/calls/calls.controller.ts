import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { LeadScopedRoute } from '../auth/route-kinds.decorator';
import { LeadScopedResource, ManagesLead } from '../leads/lead-manage.guard';
import { CALL_IN_PATH } from './call.sources';
import { toCallResponse } from './call.mapper';
import type { ScopedCall } from './call.record';
import { GET_CALL } from './calls.openapi';
import { CallResponseDto } from './dto/call-response.dto';

@ApiTags('Calls')
@Controller('v2.0/communication/call')
export class CallsController {
  @Get(':communicationId')
  @ManagesLead(CALL_IN_PATH)
  @LeadScopedRoute(GET_CALL)
  getCall(@LeadScopedResource(CALL_IN_PATH) found: ScopedCall): CallResponseDto {
    return toCallResponse(found.call);
  }
}
