import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import { stringifyJson } from '../common/http/lossless-json';
import type { Int64 } from '../common/int64';
import { UsersService } from '../auth/users.service';
import { isUniqueViolation } from '../database/database-errors';
import { nowToTheSecond, parseUtc } from '../common/utc-time';
import { IdempotencyService, type IdempotentRequest } from '../idempotency/idempotency.service';
import { LeadsService } from '../leads/leads.service';
import { CallEventsOutbox } from '../webhooks/call-events.outbox';
import { CallChangesRepository } from './call-changes.repository';
import { CallChangeType, Channel, CommunicationSource } from './call-enums';
import { CallsRepository, type StoredDialerCall } from './calls.repository';
import { CallsService } from './calls.service';
import {
  deactivatedTeamUser,
  noLeadInTeam,
  notATeamUser,
  recordedBeforeWithOtherData,
} from './dialer-ingestion.errors';
import type { IngestDialerCallDto } from './dto/dialer-call.dto';
import type { CallResponseDto } from './dto/call-response.dto';

export interface IngestedCall {
  call: CallResponseDto;
  /** False when the dialer record was stored before: a retry, answered with what was stored then. */
  created: boolean;
}

/** Finished dialer calls reported by the telephony service, recorded once each. */
@Injectable()
export class DialerIngestionService {
  constructor(
    private readonly repository: CallsRepository,
    private readonly idempotency: IdempotencyService,
    private readonly leads: LeadsService,
    private readonly users: UsersService,
    private readonly calls: CallsService,
    private readonly events: CallEventsOutbox,
    private readonly changes: CallChangesRepository,
  ) {}

  /**
   * Records the dialer call and its timeline communication in one transaction. Idempotent on the dialer
   * record id: a retry of the same record (also one racing the first) gets the communication stored the
   * first time; the same id with different data is a CONFLICT. With an Idempotency-Key, the answer of a call
   * recorded here is stored with it.
   */
  async ingest(
    caller: Principal,
    input: IngestDialerCallDto,
    idempotency: IdempotentRequest | null,
  ): Promise<IngestedCall> {
    await this.requireTeamMembers(caller.teamId, input);
    const payloadHash = fingerprint(input);
    // With an Idempotency-Key the key is looked at first, in the transaction: a retry racing the request that
    // recorded the call gets that request's answer (201), not this shortcut's (200).
    const stored = idempotency === null ? await this.repository.findByDialerRecord(input.dialerCallRecordId) : null;
    if (stored !== null) {
      return this.replay(stored, payloadHash, input.dialerCallRecordId);
    }
    let call: CallResponseDto;
    try {
      call = await this.idempotency.run(
        idempotency,
        async (manager) => {
          const id = await this.insert(manager, caller.teamId, input, payloadHash);
          if (input.communicationType === CommunicationSource.Manual) {
            // A MANUAL call is a Call event; an AUTO call is not.
            await this.events.record(manager, {
              timelineId: id,
              callId: input.dialerCallRecordId,
              communicationType: 'MANUAL',
              leadId: input.leadId,
              agentId: input.agentId ?? input.userId,
            });
          }
          await this.changes.append(manager, {
            communicationId: id,
            teamId: caller.teamId,
            leadId: input.leadId,
            agentId: input.agentId ?? input.userId,
            changeType: CallChangeType.Created,
          });
          return this.calls.getStoredCall(id, manager);
        },
        callLocation,
      );
      this.events.committed();
    } catch (error) {
      const raced = isUniqueViolation(error)
        ? await this.repository.findByDialerRecord(input.dialerCallRecordId)
        : null;
      if (raced === null) throw error;
      return this.replay(raced, payloadHash, input.dialerCallRecordId);
    }
    return { call, created: true };
  }

  /** Stores the call of a lead of `teamId` (see requireTeamMembers). */
  private async insert(
    manager: EntityManager,
    teamId: Int64,
    input: IngestDialerCallDto,
    payloadHash: string,
  ): Promise<Int64> {
    const now = nowToTheSecond();
    await this.repository.insertDialerRecord(manager, {
      id: input.dialerCallRecordId,
      userId: input.userId,
      userPhoneNumber: input.userPhoneNumber ?? null,
      leadPhoneNumber: input.leadPhoneNumber ?? null,
      direction: input.direction,
      status: input.status,
      startTime: parseUtc(input.startTime),
      endTime: input.endTime === undefined ? null : parseUtc(input.endTime),
      duration: input.duration,
      recordingSwitch: input.recordingSwitch,
      showUserNumber: input.showUserNumber ?? null,
      isMachineAnswered: input.isMachineAnswered,
      price: input.price === undefined ? null : input.price.toFixed(4),
      elapsedSeconds: input.elapsedTime === undefined ? null : seconds(input.elapsedTime),
      payloadHash,
      createdAt: now,
    });
    return this.repository.insertCommunication(manager, {
      leadId: input.leadId,
      teamId,
      agentId: input.agentId ?? input.userId,
      channel: Channel.Call,
      source: input.communicationType,
      dialerCallRecordId: input.dialerCallRecordId,
      logPhoneNumber: null,
      logDirection: null,
      content: null,
      isPin: false,
      emailSubject: null,
      toEmail: null,
      fromEmail: null,
      callingOutcome: input.callingOutcome ?? null,
      rateScore: input.rateScore ?? null,
      note: input.note ?? null,
      createTime: parseUtc(input.startTime),
      updateTime: now,
    });
  }

  private async replay(
    stored: StoredDialerCall,
    payloadHash: string,
    dialerCallRecordId: Int64,
  ): Promise<IngestedCall> {
    if (stored.payloadHash !== payloadHash) {
      throw new AppError(ErrorCode.Conflict, recordedBeforeWithOtherData(dialerCallRecordId));
    }
    return { call: await this.calls.getStoredCall(stored.communicationId), created: false };
  }

  /**
   * The lead and the agents must belong to the client's team, and the agents be active; a deleted lead takes
   * no new calls. The rule is the team's, not the client's user's: the dialer is the team's system and records
   * what happened, so a hidden lead of the team takes calls too (who may then read them is the lead's rule).
   */
  private async requireTeamMembers(teamId: Int64, input: IngestDialerCallDto): Promise<void> {
    const lead = await this.leads.findFacts(input.leadId);
    if (lead === null || lead.teamId !== teamId || lead.deleted) {
      throw new AppError(ErrorCode.PermissionDenied, noLeadInTeam(input.leadId));
    }
    const agentId = input.agentId ?? input.userId;
    const members = await this.users.findTeamUsers(teamId, [input.userId, agentId]);
    for (const [field, id] of [
      ['userId', input.userId],
      ['agentId', agentId],
    ] as const) {
      const member = members.get(id);
      if (member === undefined) {
        throw new AppError(ErrorCode.PermissionDenied, notATeamUser(field, id));
      }
      if (!member.active) {
        throw new AppError(ErrorCode.AgentInactive, deactivatedTeamUser(field, id));
      }
    }
  }
}

/** Where Get Call answers the call. */
export function callLocation(call: CallResponseDto): string {
  return `/v2.0/communication/call/${call.id}`;
}

/** SHA-256 of the record as validated, every field in a fixed order. */
function fingerprint(input: IngestDialerCallDto): string {
  const canonical = [
    input.dialerCallRecordId,
    input.communicationType,
    input.leadId,
    input.userId,
    input.agentId ?? input.userId,
    input.userPhoneNumber,
    input.leadPhoneNumber,
    input.direction,
    input.status,
    input.startTime,
    input.endTime,
    input.duration,
    input.callingOutcome,
    input.rateScore,
    input.recordingSwitch,
    input.showUserNumber,
    input.note,
    input.isMachineAnswered,
    input.price === undefined ? undefined : input.price.toFixed(4),
    input.elapsedTime === undefined ? undefined : seconds(input.elapsedTime),
  ].map((value) => (value === undefined ? null : value));
  return createHash('sha256').update(stringifyJson(canonical)).digest('hex');
}

function seconds(minutesSeconds: string): number {
  const [minutes, secs] = minutesSeconds.split(':').map(Number);
  return minutes * 60 + secs;
}
