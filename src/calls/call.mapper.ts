import { toJsonInt64 } from '../common/int64';
import { CallDirection, CallingOutcome, CallStatus, LogDirection } from './call-enums';
import type { Call, CallChange, DialerRecord } from './call.record';
import type { CallChangeDto } from './dto/call-changes.dto';
import type { CallResponseDto } from './dto/call-response.dto';

/**
 * Builds the call DTO by hand, keys in the contract's order. A dialer call (one with a dialer record)
 * carries every telephony field; a manually logged call is built from the log itself and has no
 * dialer-only key at all. A value the system does not have is left out, never written as null.
 */
export function toCallResponse(call: Call): CallResponseDto {
  return call.dialer === null ? loggedCall(call) : dialerCall(call, call.dialer);
}

/**
 * The opaque tag of the call record's strong ETag: its version, which every change of the record moves (the
 * answer of Get Call is made of the communication and its dialer record, which is never changed once stored).
 */
export function callEntityTag(call: Call): string {
  return String(call.version);
}

function dialerCall(call: Call, dialer: DialerRecord): CallResponseDto {
  const dto = {} as CallResponseDto;
  dto.id = toJsonInt64(call.id);
  dto.dialerCallRecordId = toJsonInt64(dialer.id);
  dto.userId = toJsonInt64(dialer.userId);
  setIfPresent(dto, 'userPhoneNumber', text(dialer.userPhoneNumber));
  dto.leadId = toJsonInt64(call.leadId);
  setIfPresent(dto, 'leadPhoneNumber', text(dialer.leadPhoneNumber));
  setIfPresent(dto, 'direction', oneOf(CALL_DIRECTIONS, dialer.direction));
  setIfPresent(dto, 'status', oneOf(CALL_STATUSES, dialer.status));
  setIfPresent(dto, 'startTime', dialer.startTime);
  setIfPresent(dto, 'endTime', dialer.endTime);
  setIfPresent(dto, 'duration', count(dialer.duration));
  setIfPresent(dto, 'callingOutcome', oneOf(CALLING_OUTCOMES, call.callingOutcome));
  setIfPresent(dto, 'rateScore', rating(call.rateScore));
  dto.recordingSwitch = dialer.recordingSwitch;
  setIfPresent(dto, 'showUserNumber', text(dialer.showUserNumber));
  dto.createTime = call.createTime;
  dto.updateTime = call.updateTime;
  setIfPresent(dto, 'note', text(call.note));
  dto.isMachineAnswered = dialer.isMachineAnswered;
  setIfPresent(dto, 'price', usd(dialer.price));
  dto.agentId = toJsonInt64(call.agentId);
  setIfPresent(dto, 'elapsedTime', minutesSeconds(count(dialer.elapsedSeconds)));
  return dto;
}

function loggedCall(call: Call): CallResponseDto {
  const dto = {} as CallResponseDto;
  dto.id = toJsonInt64(call.id);
  dto.userId = toJsonInt64(call.agentId);
  dto.leadId = toJsonInt64(call.leadId);
  setIfPresent(dto, 'leadPhoneNumber', text(call.logPhoneNumber));
  setIfPresent(dto, 'direction', fromLogDirection(call.logDirection));
  setIfPresent(dto, 'callingOutcome', oneOf(CALLING_OUTCOMES, call.callingOutcome));
  dto.createTime = call.createTime;
  dto.updateTime = call.updateTime;
  setIfPresent(dto, 'note', text(call.content));
  dto.agentId = toJsonInt64(call.agentId);
  return dto;
}

function setIfPresent<K extends keyof CallResponseDto>(
  dto: CallResponseDto,
  key: K,
  value: CallResponseDto[K] | null,
): void {
  if (value !== null && value !== undefined) dto[key] = value;
}

const CALL_DIRECTIONS: ReadonlySet<string> = new Set(Object.values(CallDirection));
const CALL_STATUSES: ReadonlySet<string> = new Set(Object.values(CallStatus));
const CALLING_OUTCOMES: ReadonlySet<string> = new Set(Object.values(CallingOutcome));

/*
 * The service writes only valid values; a row written by other means that holds something else (an
 * unknown enum value, an empty text, a negative count) is treated as having no value and left out, so
 * that the answer never leaves the documented types.
 */
export function oneOf<T extends string>(allowed: ReadonlySet<string>, value: string | null): T | null {
  return value !== null && allowed.has(value) ? (value as T) : null;
}

export function text(value: string | null): string | null {
  return value === '' ? null : value;
}

function count(n: number | null): number | null {
  return n !== null && Number.isInteger(n) && n >= 0 ? n : null;
}

function rating(value: number | null): number | null {
  const n = count(value);
  return n !== null && n <= 5 ? n : null;
}

export function fromLogDirection(value: string | null): CallDirection | null {
  // Only the two values a log may carry; anything else means the log has no direction.
  switch (value) {
    case LogDirection.Outbound:
      return CallDirection.Outbound;
    case LogDirection.Inbound:
      return CallDirection.Inbound;
    default:
      return null;
  }
}

/**
 * DECIMAL(10,4) arrives as a string from MySQL ("0.0200") and as a number from SQLite; the repository
 * reads both as the double whose shortest form is that decimal (any value of at most 10 significant
 * digits converts exactly), so the JSON number printed is exact: 0.02, never 0.0200 or
 * 0.020000000000000004. Unknown or negative: absent.
 */
export function usd(amount: number | null): number | null {
  if (amount === null) return null;
  // SQLite keeps whatever double it was given (DECIMAL is only an affinity there): round to the column's
  // 4 decimals, as MySQL does on write.
  return Number.isFinite(amount) && amount >= 0 ? Number(amount.toFixed(4)) : null;
}

/** `mm:ss`, the minutes running past 59 when they must (75:03). */
export function minutesSeconds(totalSeconds: number | null): string | null {
  if (totalSeconds === null) return null;
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${minutes < 10 ? '0' : ''}${minutes}:${seconds < 10 ? '0' : ''}${seconds}`;
}

/** A change of the feed: the call as Get Call answers it now, and what the change did. */
export function toCallChange(change: CallChange): CallChangeDto {
  const dto = toCallResponse(change.call) as CallChangeDto;
  dto.changeType = change.changeType;
  return dto;
}
