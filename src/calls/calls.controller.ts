import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { LeadScopedResource, LeadScopedRoute } from '../leads/lead-manage.guard';
import { CALL_IN_PATH } from './call.sources';
import { toCallResponse } from './call.mapper';
import type { ScopedCall } from './call.record';
import { GET_CALL } from './calls.openapi';
import { CallResponseDto } from './dto/call-response.dto';

@ApiTags('Calls')
@Controller('v2.0/communication/call')
export class CallsController {
  @Get(':communicationId')
  @LeadScopedRoute(CALL_IN_PATH, GET_CALL)
  getCall(@LeadScopedResource(CALL_IN_PATH) found: ScopedCall): CallResponseDto {
    return toCallResponse(found.call);
  }
}
