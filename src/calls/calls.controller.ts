import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { UserRoute } from '../auth/route-kinds.decorator';
import { AcceptsBody } from '../common/http/request-body';
import { LeadScopedResource, LeadScopedRoute } from '../leads/lead-manage.guard';
import { CALL_ID_IN_PATH, CALL_IN_PATH } from './call.sources';
import { toCallResponse } from './call.mapper';
import type { ScopedCall } from './call.record';
import { GET_CALL, GET_CALL_V1, READ_CALL_BATCH } from './calls.openapi';
import { CallsService } from './calls.service';
import {
  BATCH_BODY_MEMBERS,
  CallBatchRequestDto,
  CallBatchResponseDto,
  WrappedCallResponseDto,
} from './dto/call-batch.dto';
import { CallResponseDto } from './dto/call-response.dto';

@ApiTags('Calls')
@Controller()
export class CallsController {
  constructor(private readonly calls: CallsService) {}

  @Get('v2.0/communication/call/:communicationId')
  @LeadScopedRoute(CALL_IN_PATH, GET_CALL)
  getCall(@LeadScopedResource(CALL_IN_PATH) found: ScopedCall): CallResponseDto {
    return toCallResponse(found.call);
  }

  @Post('v2.0/communication/call/batch')
  @HttpCode(200)
  @AcceptsBody({ members: BATCH_BODY_MEMBERS })
  @UserRoute(READ_CALL_BATCH)
  readBatch(@CurrentPrincipal() caller: Principal, @Body() body: CallBatchRequestDto): Promise<CallBatchResponseDto> {
    return this.calls.readBatch(caller, body.ids);
  }

  @Get('v1.0/calls/:callId')
  @LeadScopedRoute(CALL_ID_IN_PATH, GET_CALL_V1)
  getCallV1(@LeadScopedResource(CALL_ID_IN_PATH) found: ScopedCall): WrappedCallResponseDto {
    return { calls: toCallResponse(found.call) };
  }
}
