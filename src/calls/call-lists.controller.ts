import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '../common/errors/error-code';
import { ApiErrors, BAD_TOKEN, INVALID_ID, NOT_MANAGEABLE } from '../common/errors/error-response.dto';
import { LEAD_IN_QUERY } from '../leads/lead.sources';
import { LeadScopedResource, ManagesLead } from '../leads/lead-manage.guard';
import type { LeadScoped } from '../leads/lead-access';
import { CallListsService } from './call-lists.service';
import { DIALER_CALL_EXAMPLE, LOGGED_CALL_EXAMPLE } from './dto/call-examples';
import {
  CallHistoryQueryDto,
  CallHistoryResponseDto,
  CallListQueryDto,
  CallListResponseDto,
} from './dto/call-list.dto';

const LIST_ERRORS = [
  INVALID_ID('leadId'),
  { code: ErrorCode.MissingParameter, message: 'leadId is required.', summary: 'No leadId' },
  { code: ErrorCode.LimitNotValid, message: 'limit must be an integer from 1 to 1000.', summary: 'limit out of range' },
  NOT_MANAGEABLE,
  BAD_TOKEN,
];

@ApiTags('Calls')
@ApiBearerAuth()
@Controller()
export class CallListsController {
  constructor(private readonly lists: CallListsService) {}

  @Get('v1.0/calls')
  @ManagesLead(LEAD_IN_QUERY)
  @ApiOperation({
    summary: 'List calls of a lead',
    description:
      'The calls of a lead you may manage (dialer and logged), newest first, a page at a time by offset, with ' +
      'pagination metadata. Each call is the record of Get Call.',
  })
  @ApiOkResponse({
    type: CallListResponseDto,
    example: {
      get_metadata: { collection: 'calls', limit: 10, offset: 0, total: 2 },
      calls: [LOGGED_CALL_EXAMPLE, DIALER_CALL_EXAMPLE],
    },
  })
  @ApiErrors(...LIST_ERRORS)
  list(
    @LeadScopedResource(LEAD_IN_QUERY) lead: LeadScoped,
    @Query() query: CallListQueryDto,
  ): Promise<CallListResponseDto> {
    return this.lists.page(lead, query);
  }

  @Get('v1.0/communication/call')
  @ManagesLead(LEAD_IN_QUERY)
  @ApiOperation({
    summary: 'Call history of a lead',
    description:
      'The calls of a lead you may manage, newest first. Page with the keyset cursor `currentId`: pass the id of ' +
      'the last call you received to get the calls older than it (it is exclusive); an empty `calls` is the end. ' +
      'Without `currentId`, `offset` pages from the newest call. The cursor costs the same on every page.',
  })
  @ApiOkResponse({ type: CallHistoryResponseDto, example: { calls: [LOGGED_CALL_EXAMPLE, DIALER_CALL_EXAMPLE] } })
  @ApiErrors(...LIST_ERRORS)
  history(
    @LeadScopedResource(LEAD_IN_QUERY) lead: LeadScoped,
    @Query() query: CallHistoryQueryDto,
  ): Promise<CallHistoryResponseDto> {
    return this.lists.history(lead, query);
  }
}
