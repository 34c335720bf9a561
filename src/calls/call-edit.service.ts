import { Injectable } from '@nestjs/common';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import { ifMatchTags, strongEtag } from '../common/http/conditional-requests';
import { truncateCharacters } from '../common/text';
import { nowToTheSecond } from '../common/utc-time';
import { TransactionRunner } from '../database/transaction-runner';
import { CallChangesRepository } from './call-changes.repository';
import { CALL_CHANGED, NO_RATE_SCORE_ON_LOGGED_CALL } from './call-edit.errors';
import { CallChangeType } from './call-enums';
import { callEntityTag, toCallResponse } from './call.mapper';
import type { Call, ScopedCall } from './call.record';
import { type CallChanges, CallsRepository } from './calls.repository';
import type { CallResponseDto } from './dto/call-response.dto';
import type { EditCallDto } from './dto/edit-call.dto';
import { LOG_CONTENT_MAX } from './dto/manual-log.dto';

/** A call as an edit left it: the record, as Get Call answers it, and its ETag. */
export interface EditedCall {
  call: CallResponseDto;
  etag: string;
}

/** A version as the opaque tag of a call's ETag writes it (see callEntityTag). */
const VERSION_TAG = /^[1-9][0-9]{0,9}$/;

@Injectable()
export class CallEditService {
  constructor(
    private readonly repository: CallsRepository,
    private readonly transactions: TransactionRunner,
    private readonly changes: CallChangesRepository,
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
    const stored = await this.transactions.run(async (manager) => {
      // An edit and what must go with it (its change in the feed) commit together, in this transaction.
      const applied = await this.repository.updateCall(manager, call.id, changes, nowToTheSecond(), versions);
      if (!applied) throw changed();
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

function edited(call: Call): EditedCall {
  return { call: toCallResponse(call), etag: strongEtag(callEntityTag(call)) };
}

function changed(): AppError {
  return new AppError(ErrorCode.PreconditionFailed, CALL_CHANGED);
}
