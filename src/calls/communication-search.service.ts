import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { Clock } from '../common/clock';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import { formatUtc } from '../common/utc-time';
import { LeadsService } from '../leads/leads.service';
import { toCallResponse } from './call.mapper';
import { toEmailResponse, toTextResponse } from './email-text.mapper';
import { CommunicationSearchRepository, type SearchWindow } from './communication-search.repository';
import { END_NOT_AFTER_START, TEAM_VIEW_NOT_ALLOWED, TOO_DEEP, WINDOW_TOO_WIDE } from './communication-search.errors';
import {
  COMMUNICATION_CHANNELS,
  type CommunicationPageDto,
  CommunicationType,
  SEARCH_DEFAULT_LIMIT,
  SEARCH_DEPTH_MAX,
  SEARCH_WINDOW_MAX_MS,
  type SearchCommunicationsDto,
} from './dto/communication-search.dto';

/** The search by agent: a page of the communications of a time window, the caller's or its team's. */
@Injectable()
export class CommunicationSearchService {
  constructor(
    private readonly repository: CommunicationSearchRepository,
    private readonly leads: LeadsService,
    private readonly clock: Clock,
  ) {}

  /**
   * Without `teamView`, the caller's own communications (it is their agent); with it, those of the caller's whole
   * team. Either way only on the leads the caller may manage, so a hidden lead shows only to its assigned agent and
   * assignees.
   */
  async search(caller: Principal, query: SearchCommunicationsDto): Promise<CommunicationPageDto> {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? SEARCH_DEFAULT_LIMIT;
    if (query.endTime <= query.startTime) throw new AppError(ErrorCode.InvalidParameter, END_NOT_AFTER_START);
    if (query.endTime - query.startTime > SEARCH_WINDOW_MAX_MS) {
      throw new AppError(ErrorCode.InvalidParameter, WINDOW_TOO_WIDE);
    }
    if (offset + limit > SEARCH_DEPTH_MAX) throw new AppError(ErrorCode.InvalidParameter, TOO_DEEP);
    const teamView = query.teamView ?? false;
    if (teamView && !this.leads.mayManageTeamLeads(caller)) {
      throw new AppError(ErrorCode.AccessAllTeamLeads, TEAM_VIEW_NOT_ALLOWED);
    }
    const asOf = query.asOf ?? this.clock.now();
    const window: SearchWindow = {
      teamId: caller.teamId,
      channel: COMMUNICATION_CHANNELS[query.type],
      // Times are stored to the second: one at second s is in [startTime, endTime) when s is in
      // [ceil(startTime / 1000), ceil(endTime / 1000)).
      from: toTheSecondAfter(query.startTime),
      to: toTheSecondAfter(query.endTime),
      agentId: teamView ? null : caller.userId,
      storedBy: asOf,
      offset,
      limit,
    };
    const found = await this.read(query.type, window, caller);
    // An int64 of the answer, written as ids are: a string when the request asks for int64 as strings.
    return { offset, limit, pageData: found.entries, hasMore: found.hasMore, asOf: BigInt(asOf) };
  }

  private async read(
    type: CommunicationType,
    window: SearchWindow,
    caller: Principal,
  ): Promise<{ entries: object[]; hasMore: boolean }> {
    switch (type) {
      case CommunicationType.Call: {
        const page = await this.repository.findCalls(window, this.leads.manageFilter, caller);
        return { entries: page.entries.map(toCallResponse), hasMore: page.hasMore };
      }
      case CommunicationType.Email: {
        const page = await this.repository.findLogs(window, this.leads.manageFilter, caller);
        return { entries: page.entries.map(toEmailResponse), hasMore: page.hasMore };
      }
      case CommunicationType.Text: {
        const page = await this.repository.findLogs(window, this.leads.manageFilter, caller);
        return { entries: page.entries.map(toTextResponse), hasMore: page.hasMore };
      }
    }
  }
}

/** The first whole second at or after `epochMs`, as UTC text. */
function toTheSecondAfter(epochMs: number): string {
  return formatUtc(new Date(Math.ceil(epochMs / 1000) * 1000));
}
