import { Body, Controller, Get, Headers, HttpCode, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { UserRoute } from '../auth/route-kinds.decorator';
import { answerNotModified, setEntityTag } from '../common/http/conditional-requests';
import { AcceptsBody } from '../common/http/request-body';
import { LeadScopedResource, LeadScopedRoute } from '../leads/lead-manage.guard';
import { CALL_ID_IN_PATH, CALL_IN_PATH } from './call.sources';
import { CallEditService } from './call-edit.service';
import { callEntityTag, toCallResponse } from './call.mapper';
import type { ScopedCall } from './call.record';
import { EDIT_CALL, GET_CALL, GET_CALL_V1, READ_CALL_BATCH } from './calls.openapi';
import { CallsService } from './calls.service';
import {
  BATCH_BODY_MEMBERS,
  CallBatchRequestDto,
  CallBatchResponseDto,
  WrappedCallResponseDto,
} from './dto/call-batch.dto';
import { CallResponseDto } from './dto/call-response.dto';
import { EditCallDto } from './dto/edit-call.dto';

@ApiTags('Calls')
@Controller()
export class CallsController {
  constructor(
    private readonly calls: CallsService,
    private readonly edits: CallEditService,
  ) {}

  @Get('v2.0/communication/call/:communicationId')
  @LeadScopedRoute(CALL_IN_PATH, GET_CALL)
  getCall(
    @LeadScopedResource(CALL_IN_PATH) found: ScopedCall,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): CallResponseDto | undefined {
    return answerNotModified(request, response, callEntityTag(found.call)) ? undefined : toCallResponse(found.call);
  }

  @Patch('v2.0/communication/call/:communicationId')
  @LeadScopedRoute(CALL_IN_PATH, EDIT_CALL)
  async editCall(
    @LeadScopedResource(CALL_IN_PATH) found: ScopedCall,
    @Body() body: EditCallDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CallResponseDto> {
    const edited = await this.edits.edit(found, body, ifMatch);
    setEntityTag(response, edited.tag);
    return edited.call;
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
