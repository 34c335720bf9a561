import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { LEAD_IN_QUERY } from '../leads/lead.sources';
import { LeadScopedResource, LeadScopedRoute } from '../leads/lead-manage.guard';
import type { LeadScoped } from '../leads/lead-access';
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
  @LeadScopedRoute(LEAD_IN_QUERY, LIST_CALLS)
  list(
    @LeadScopedResource(LEAD_IN_QUERY) lead: LeadScoped,
    @Query() query: CallListQueryDto,
  ): Promise<CallListResponseDto> {
    return this.lists.page(lead, query);
  }

  @Get('v1.0/communication/call')
  @LeadScopedRoute(LEAD_IN_QUERY, CALL_HISTORY)
  history(
    @LeadScopedResource(LEAD_IN_QUERY) lead: LeadScoped,
    @Query() query: CallHistoryQueryDto,
  ): Promise<CallHistoryResponseDto> {
    return this.lists.history(lead, query);
  }
}
