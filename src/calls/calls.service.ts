import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { type Int64, toJsonInt64 } from '../common/int64';
import { LeadsService } from '../leads/leads.service';
import type { Call, ScopedCall } from './call.record';
import { toCallResponse } from './call.mapper';
import { CallsRepository } from './calls.repository';
import type { CallBatchResponseDto } from './dto/call-batch.dto';
import type { CallResponseDto } from './dto/call-response.dto';

@Injectable()
export class CallsService {
  constructor(
    private readonly repository: CallsRepository,
    private readonly leads: LeadsService,
  ) {}

  /**
   * The call with this communication id together with its lead's access facts for the caller, in one
   * query; null when there is no such communication or it is not a call. Whether the caller may see it
   * is the lead policy's decision (see LeadManageGuard).
   */
  findWithLeadAccess(communicationId: Int64, caller: Principal): Promise<ScopedCall | null> {
    return this.repository.findWithLeadAccess(communicationId, caller, this.leads.accessQuery);
  }

  /**
   * Many calls at once: the records of the ids the caller may read, in the order asked, and the ids it may not,
   * in the order asked, without telling why (no such communication, not a call, or a lead the caller may not
   * manage: Get Call's PERMISSION_DENIED, applied to each id by the same lead policy). An id asked twice is
   * answered once, at its first place. One statement, whatever the number of ids.
   */
  async readBatch(caller: Principal, communicationIds: readonly Int64[]): Promise<CallBatchResponseDto> {
    const asked = [...new Set(communicationIds)];
    const found = await this.repository.findManyWithLeadAccess(asked, caller, this.leads.accessQuery);
    const answer: CallBatchResponseDto = { calls: [], denied: [] };
    for (const id of asked) {
      const scoped = found.get(id);
      if (scoped !== undefined && this.leads.canManage(caller, scoped.leadAccess)) {
        answer.calls.push(toCallResponse(scoped.call));
      } else {
        answer.denied.push(toJsonInt64(id));
      }
    }
    return answer;
  }

  /**
   * A page of the lead's calls, newest first, in one query (no query per call): by offset, or after the
   * keyset cursor `beforeId` (exclusive), which walks the (lead_id, channel, id) index and costs the same
   * from the first page to the last.
   */
  async listCalls(
    leadId: Int64,
    page: { limit: number; offset: number; beforeId?: Int64 },
  ): Promise<CallResponseDto[]> {
    const calls =
      page.beforeId === undefined
        ? await this.repository.listByLead(leadId, page.limit, page.offset)
        : await this.repository.listByLeadBefore(leadId, page.beforeId, page.limit);
    return calls.map(toCallResponse);
  }

  /** How many calls the lead has. */
  countCalls(leadId: Int64): Promise<number> {
    return this.repository.countByLead(leadId);
  }

  /**
   * A call just stored or looked up by an internal caller, as Get Call answers it (no access check); read in
   * the transaction of `manager` when given, which sees the call it is writing.
   */
  async getStoredCall(communicationId: Int64, manager?: EntityManager): Promise<CallResponseDto> {
    const call: Call | null = await this.repository.findStored(communicationId, manager);
    if (call === null) throw new Error(`Communication ${communicationId} is not a stored call`);
    return toCallResponse(call);
  }
}
