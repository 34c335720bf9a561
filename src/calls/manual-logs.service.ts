import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { toJsonInt64 } from '../common/int64';
import { truncateCharacters } from '../common/text';
import { formatUtc } from '../common/utc-time';
import { nowToTheSecond } from '../common/utc-time';
import { IdempotencyService, type IdempotentRequest } from '../idempotency/idempotency.service';
import type { LeadScoped } from '../leads/lead-access';
import { CallEventsOutbox } from '../webhooks/call-events.outbox';
import { Channel, CommunicationSource } from './call-enums';
import { CallsRepository, type NewCommunication } from './calls.repository';
import { type CreateManualLogDto, LOG_CONTENT_MAX, type ManualLogResponseDto, LogType } from './dto/manual-log.dto';

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
      logDirection: callOrText ? (input.outboundOrInbound ?? null) : null,
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
      }
      return { logType: toManualLog(stored, log) };
    });
    this.events.committed();
    return answer;
  }
}

function toManualLog(id: string, log: NewCommunication) {
  const dto = {} as ManualLogResponseDto['logType'];
  dto.id = toJsonInt64(id);
  dto.leadId = toJsonInt64(log.leadId);
  if (log.logPhoneNumber !== null) dto.leadPhoneNumber = log.logPhoneNumber;
  if (log.callingOutcome !== null) dto.callingOutcome = log.callingOutcome;
  dto.content = log.content ?? '';
  dto.createTime = formatUtc(log.createTime);
  if (log.logDirection !== null) dto.outboundOrInbound = log.logDirection;
  dto.isPin = log.isPin;
  dto.agentId = toJsonInt64(log.agentId);
  if (log.emailSubject !== null) dto.emailSubject = log.emailSubject;
  if (log.toEmail !== null) dto.toEmail = log.toEmail;
  if (log.fromEmail !== null) dto.fromEmail = log.fromEmail;
  return dto;
}
