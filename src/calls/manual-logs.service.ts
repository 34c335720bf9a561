import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import type { Int64 } from '../common/int64';
import { truncateCharacters } from '../common/text';
import { formatUtc } from '../common/utc-time';
import { nowToTheSecond } from '../common/utc-time';
import { IdempotencyService, type IdempotentRequest } from '../idempotency/idempotency.service';
import type { LeadScoped } from '../leads/lead-access';
import { LeadsService } from '../leads/leads.service';
import { CallEventsOutbox } from '../webhooks/call-events.outbox';
import { CallChangesRepository } from './call-changes.repository';
import { CallChangeType, Channel, CommunicationSource, LogSort, type MessageChannel, SortOrder } from './call-enums';
import { CallsRepository, type NewCommunication } from './calls.repository';
import { DEFAULT_LIMIT, MAX_LIMIT } from './dto/call-list.dto';
import type { ManualLogListQueryDto, ManualLogListResponseDto } from './dto/manual-log-list.dto';
import { type CreateManualLogDto, LOG_CONTENT_MAX, type ManualLogResponseDto, LogType } from './dto/manual-log.dto';
import { toManualLogEntry } from './manual-log.mapper';
import type { LogPage, ManualLog, ScopedLog } from './manual-log.record';
import { LOG_WINDOW_EXCEEDED, MAX_LOG_WINDOW } from './manual-logs.errors';

const CHANNELS: Record<LogType, Channel> = {
  [LogType.Call]: Channel.Call,
  [LogType.Email]: Channel.Email,
  [LogType.Text]: Channel.Text,
};

@Injectable()
export class ManualLogsService {
  constructor(
    private readonly repository: CallsRepository,
    private readonly idempotency: IdempotencyService,
    private readonly events: CallEventsOutbox,
    private readonly leads: LeadsService,
    private readonly changes: CallChangesRepository,
  ) {}

  /**
   * Records a log written by hand on a lead the caller may manage (LeadManageGuard checked it). A logged
   * call is at once a call of Get Call, built from the log; a logged email or text is not a call. With an
   * Idempotency-Key, the answer is stored with the log.
   */
  async create(
    caller: Principal,
    lead: LeadScoped,
    input: CreateManualLogDto,
    idempotency: IdempotentRequest | null,
  ): Promise<ManualLogResponseDto> {
    const channel = CHANNELS[input.logType];
    const callOrText = channel === Channel.Call || channel === Channel.Text;
    const now = nowToTheSecond();
    const log: NewCommunication = {
      leadId: lead.leadId,
      teamId: lead.leadAccess.teamId,
      agentId: caller.userId,
      channel,
      source: CommunicationSource.Logged,
      dialerCallRecordId: null,
      logPhoneNumber: callOrText ? (input.leadPhoneNumber ?? null) : null,
      logDirection: input.outboundOrInbound ?? null,
      content: truncateCharacters(input.content, LOG_CONTENT_MAX).text,
      isPin: input.isPin ?? false,
      emailSubject: channel === Channel.Email ? (input.emailSubject ?? null) : null,
      toEmail: channel === Channel.Email ? (input.toEmail ?? null) : null,
      fromEmail: channel === Channel.Email ? (input.fromEmail ?? null) : null,
      callingOutcome: channel === Channel.Call ? (input.callingOutcome ?? null) : null,
      rateScore: null,
      note: null,
      createTime: now,
      updateTime: now,
    };
    const answer = await this.idempotency.run(idempotency, async (manager) => {
      const stored = await this.repository.insertCommunication(manager, log);
      if (channel === Channel.Call) {
        // A logged call is a Call event; a logged email or text is not.
        await this.events.record(manager, {
          timelineId: stored,
          callId: stored,
          communicationType: 'LOGGED',
          leadId: lead.leadId,
          agentId: caller.userId,
        });
        await this.changes.append(manager, {
          communicationId: stored,
          teamId: log.teamId,
          leadId: lead.leadId,
          agentId: caller.userId,
          changeType: CallChangeType.Created,
        });
      }
      return { logType: toManualLogEntry(asManualLog(stored, log)) };
    });
    this.events.committed();
    return answer;
  }

  /**
   * The email or text with this communication id together with its lead's access facts for the caller, in one
   * query; null when there is no such communication or it is of another channel. Whether the caller may see it
   * is the lead policy's decision (see LeadManageGuard).
   */
  findWithLeadAccess(channel: MessageChannel, communicationId: Int64, caller: Principal): Promise<ScopedLog | null> {
    return this.repository.findLogWithLeadAccess(channel, communicationId, caller, this.leads.accessQuery);
  }

  /**
   * `GET /v1.0/logType`: a page of the lead's manual logs of one channel, in one query, with the source's
   * leniency (see {@link logPage}).
   */
  async list(lead: LeadScoped, query: ManualLogListQueryDto): Promise<ManualLogListResponseDto> {
    const logs = await this.repository.listLogs(lead.leadId, CHANNELS[query.logType], logPage(query));
    return { logType: logs.map(toManualLogEntry) };
  }
}

/** The log just stored, as a list reads it back. */
function asManualLog(id: Int64, log: NewCommunication): ManualLog {
  return {
    id,
    leadId: log.leadId,
    agentId: log.agentId,
    channel: log.channel,
    source: log.source,
    phoneNumber: log.logPhoneNumber,
    direction: log.logDirection,
    content: log.content,
    isPin: log.isPin,
    callingOutcome: log.callingOutcome,
    emailSubject: log.emailSubject,
    toEmail: log.toEmail,
    fromEmail: log.fromEmail,
    createTime: formatUtc(log.createTime),
  };
}

/**
 * The page a list query asks for, read as the source reads it: a limit outside 1 to 1,000 is 10, an offset
 * below 0 is 0, and `offset + limit` may not pass 20,000 (400). A cursor above 0 pages by id after it, offset
 * and sort ignored. Newest first unless `order=asc`.
 */
function logPage(query: ManualLogListQueryDto): LogPage {
  const limit = query.limit !== undefined && query.limit >= 1 && query.limit <= MAX_LIMIT ? query.limit : DEFAULT_LIMIT;
  const order = query.order ?? SortOrder.Desc;
  if (query.currentId !== undefined) return { afterId: query.currentId, order, limit };
  const offset = Math.max(0, query.offset ?? 0);
  if (offset + limit > MAX_LOG_WINDOW) throw new AppError(ErrorCode.InvalidParameter, LOG_WINDOW_EXCEEDED);
  return { sort: query.sort ?? LogSort.CreateTime, order, offset, limit };
}
