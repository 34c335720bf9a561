import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { LeadScopedRoute } from '../auth/route-kinds.decorator';
import { LeadInQueryLoader } from '../leads/lead-loaders';
import { LeadScopedResource, ManagesLead } from '../leads/lead-manage.guard';
import type { LeadRef } from '../leads/leads.service';
import { CallListsService } from './call-lists.service';
import { CALL_HISTORY, LIST_CALLS } from './calls.openapi';
import {
  CallHistoryQueryDto,
  CallHistoryResponseDto,
  CallListQueryDto,
  CallListResponseDto,
} from './dto/call-list.dto';

@ApiTags('Calls')
@Controller()
export class CallListsController {
  constructor(private readonly lists: CallListsService) {}

  @Get('v1.0/calls')
  @ManagesLead(LeadInQueryLoader)
  @LeadScopedRoute(LIST_CALLS)
  list(@LeadScopedResource() lead: LeadRef, @Query() query: CallListQueryDto): Promise<CallListResponseDto> {
    return this.lists.page(lead, query);
  }

  @Get('v1.0/communication/call')
  @ManagesLead(LeadInQueryLoader)
  @LeadScopedRoute(CALL_HISTORY)
  history(@LeadScopedResource() lead: LeadRef, @Query() query: CallHistoryQueryDto): Promise<CallHistoryResponseDto> {
    return this.lists.history(lead, query);
  }
}
