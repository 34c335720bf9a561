import { Injectable } from '@nestjs/common';
import type { LeadScoped } from '../leads/lead-access';
import { CallsService } from './calls.service';
import {
  type CallHistoryQueryDto,
  type CallHistoryResponseDto,
  type CallListQueryDto,
  type CallListResponseDto,
  DEFAULT_LIMIT,
} from './dto/call-list.dto';

/** The two list shapes of the API over one query of a lead's calls. */
@Injectable()
export class CallListsService {
  constructor(private readonly calls: CallsService) {}

  /** `GET /v1.0/calls`: a page by offset and the lead's total. */
  async page(lead: LeadScoped, query: CallListQueryDto): Promise<CallListResponseDto> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const offset = query.offset ?? 0;
    const [calls, total] = await Promise.all([
      this.calls.listCalls(lead.leadId, { limit, offset }),
      this.calls.countCalls(lead.leadId),
    ]);
    return { get_metadata: { collection: 'calls', limit, offset, total }, calls };
  }

  /** `GET /v1.0/communication/call`: a page after the keyset cursor, or by offset without one. */
  async history(lead: LeadScoped, query: CallHistoryQueryDto): Promise<CallHistoryResponseDto> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const calls = await this.calls.listCalls(
      lead.leadId,
      query.currentId === undefined
        ? { limit, offset: query.offset ?? 0 }
        : { limit, offset: 0, beforeId: query.currentId },
    );
    return { calls };
  }
}
