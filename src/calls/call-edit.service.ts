import { Injectable } from '@nestjs/common';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import { ifMatchTags } from '../common/http/conditional-requests';
import { truncateCharacters } from '../common/text';
import { formatUtc, nowToTheSecond } from '../common/utc-time';
import { TransactionRunner } from '../database/transaction-runner';
import { CallChangesRepository } from './call-changes.repository';
import { CALL_CHANGED, NO_RATE_SCORE_ON_LOGGED_CALL } from './call-edit.errors';
import { CallChangeType, CommunicationSource } from './call-enums';
import { CallEventsOutbox, type CallUpdated } from '../webhooks/call-events.outbox';
import { callEntityTag, toCallResponse } from './call.mapper';
import type { Call, ScopedCall } from './call.record';
import { type CallChanges, CallsRepository } from './calls.repository';
import type { CallResponseDto } from './dto/call-response.dto';
import type { EditCallDto } from './dto/edit-call.dto';
import { LOG_CONTENT_MAX } from './dto/manual-log.dto';

/** A call as an edit left it: the record, as Get Call answers it, and its ETag. */
export interface EditedCall {
  call: CallResponseDto;
  /** The opaque tag of its ETag (see callEntityTag). */
  tag: string;
}

/** A version as the opaque tag of a call's ETag writes it (see callEntityTag). */
const VERSION_TAG = /^[1-9][0-9]{0,9}$/;

@Injectable()
export class CallEditService {
  constructor(
    private readonly repository: CallsRepository,
    private readonly transactions: TransactionRunner,
    private readonly changes: CallChangesRepository,
    private readonly events: CallEventsOutbox,
  ) {}

  /**
   * `PATCH /v2.0/communication/call/{communicationId}` on a call of a lead the caller may manage (LeadManageGuard
   * checked it): sets the fields given (`null` clears one), moves the update time and the version, and answers
   * the record with its new ETag. With `If-Match`, only if the call is still at a version it names (412
   * otherwise), tested in the UPDATE itself. An edit without a field changes nothing (If-Match still applies).
   */
  async edit(found: ScopedCall, input: EditCallDto, ifMatch: string | undefined): Promise<EditedCall> {
    const { call } = found;
    if (input.rateScore !== undefined && call.dialer === null) {
      throw new AppError(ErrorCode.InvalidParameter, NO_RATE_SCORE_ON_LOGGED_CALL);
    }
    const versions = ifMatch === undefined ? null : versionsNamed(ifMatch);
    const changes = changesOf(call, input);
    if (changes === null) {
      if (versions !== null && !versions.includes(call.version)) throw changed();
      return edited(call);
    }
    if (versions?.length === 0) throw changed();
    const updateTime = nowToTheSecond();
    const stored = await this.transactions.run(async (manager) => {
      // An edit and what must go with it (its update event, its change in the feed) commit together.
      const applied = await this.repository.updateCall(manager, call.id, changes, updateTime, versions);
      if (!applied) throw changed();
      const event = updateEvent(call, formatUtc(updateTime));
      if (event !== null) await this.events.recordUpdate(manager, event);
      await this.changes.append(manager, {
        communicationId: call.id,
        teamId: found.leadAccess.teamId,
        leadId: call.leadId,
        agentId: call.agentId,
        changeType: CallChangeType.Updated,
      });
      return this.repository.findStored(call.id, manager);
    });
    if (stored === null) throw new Error(`Communication ${call.id} is not a stored call`);
    this.events.committed();
    return edited(stored);
  }
}

/**
 * The versions an If-Match header names, or null for `*` (any: the call exists). A tag that is not one of a call's
 * ETags (a weak one, another format) names none, so that it can only fail.
 */
function versionsNamed(ifMatch: string): number[] | null {
  const tags = ifMatchTags(ifMatch);
  return tags === '*' ? null : tags.filter((tag) => VERSION_TAG.test(tag)).map(Number);
}

/**
 * The columns the edit changes, or null when it gives no field. A note is truncated as a manual log's content is,
 * and an empty one clears it (Get Call never answers an empty note); a logged call's note is its log's content.
 */
function changesOf(call: Call, input: EditCallDto): CallChanges | null {
  const changes: CallChanges = {};
  if (input.callingOutcome !== undefined) changes.callingOutcome = input.callingOutcome;
  if (input.rateScore !== undefined) changes.rateScore = input.rateScore;
  if (input.note !== undefined) {
    const note = input.note === null || input.note === '' ? null : truncateCharacters(input.note, LOG_CONTENT_MAX).text;
    if (call.dialer === null) changes.content = note;
    else changes.note = note;
  }
  return Object.keys(changes).length === 0 ? null : changes;
}

/**
 * The Call event of an edit, as the creation's tells the call: for the calls that are Call events, a MANUAL dialer
 * call (its `callId` the dialer record's) and a LOGGED one (its own); an AUTO call is none.
 */
function updateEvent(call: Call, updateTime: string): CallUpdated | null {
  const base = { timelineId: call.id, leadId: call.leadId, agentId: call.agentId, updateTime };
  if (call.source === CommunicationSource.Logged) return { ...base, callId: call.id, communicationType: 'LOGGED' };
  if (call.source === CommunicationSource.Manual && call.dialer !== null) {
    return { ...base, callId: call.dialer.id, communicationType: 'MANUAL' };
  }
  return null;
}

function edited(call: Call): EditedCall {
  return { call: toCallResponse(call), tag: callEntityTag(call) };
}

function changed(): AppError {
  return new AppError(ErrorCode.PreconditionFailed, CALL_CHANGED);
}
