import { toJsonInt64 } from '../common/int64';
import { sqlBool, sqlDateTime, sqlInt, sqlString, type SqlValue } from '../database/sql-values';
import { CallDirection, CallingOutcome, CallStatus, LogDirection } from './call-enums';
import type { CallRow } from './call-record';
import type { CallResponseDto } from './dto/call-response.dto';

/**
 * Builds the call DTO by hand, keys in the contract's order. A dialer call (one with a dialer record)
 * carries every telephony field; a manually logged call is built from the log itself and has no
 * dialer-only key at all. A value the system does not have is left out, never written as null.
 */
export function toCallResponse(row: CallRow): CallResponseDto {
  return row.dialer_id === null || row.dialer_id === undefined ? loggedCall(row) : dialerCall(row);
}

function dialerCall(row: CallRow): CallResponseDto {
  const dto = {} as CallResponseDto;
  dto.id = int64(row.id);
  dto.dialerCallRecordId = int64(row.dialer_id);
  dto.userId = int64(row.dialer_user_id);
  setIfPresent(dto, 'userPhoneNumber', text(row.user_phone_number));
  dto.leadId = int64(row.lead_id);
  setIfPresent(dto, 'leadPhoneNumber', text(row.lead_phone_number));
  setIfPresent(dto, 'direction', oneOf(CALL_DIRECTIONS, row.direction));
  setIfPresent(dto, 'status', oneOf(CALL_STATUSES, row.status));
  setIfPresent(dto, 'startTime', sqlDateTime(row.start_time));
  setIfPresent(dto, 'endTime', sqlDateTime(row.end_time));
  setIfPresent(dto, 'duration', count(row.duration));
  setIfPresent(dto, 'callingOutcome', oneOf(CALLING_OUTCOMES, row.calling_outcome));
  setIfPresent(dto, 'rateScore', rating(row.rate_score));
  dto.recordingSwitch = sqlBool(row.recording_switch);
  setIfPresent(dto, 'showUserNumber', text(row.show_user_number));
  dto.createTime = sqlDateTime(row.create_time) as string;
  dto.updateTime = sqlDateTime(row.update_time) as string;
  setIfPresent(dto, 'note', text(row.note));
  dto.isMachineAnswered = sqlBool(row.is_machine_answered);
  setIfPresent(dto, 'price', usd(row.price));
  dto.agentId = int64(row.agent_id);
  setIfPresent(dto, 'elapsedTime', minutesSeconds(count(row.elapsed_seconds)));
  return dto;
}

function loggedCall(row: CallRow): CallResponseDto {
  const dto = {} as CallResponseDto;
  dto.id = int64(row.id);
  dto.userId = int64(row.agent_id);
  dto.leadId = int64(row.lead_id);
  setIfPresent(dto, 'leadPhoneNumber', text(row.log_phone_number));
  setIfPresent(dto, 'direction', fromLogDirection(row.log_direction));
  setIfPresent(dto, 'callingOutcome', oneOf(CALLING_OUTCOMES, row.calling_outcome));
  dto.createTime = sqlDateTime(row.create_time) as string;
  dto.updateTime = sqlDateTime(row.update_time) as string;
  setIfPresent(dto, 'note', text(row.content));
  dto.agentId = int64(row.agent_id);
  return dto;
}

function setIfPresent<K extends keyof CallResponseDto>(
  dto: CallResponseDto,
  key: K,
  value: CallResponseDto[K] | null,
): void {
  if (value !== null && value !== undefined) dto[key] = value;
}

function int64(value: SqlValue): bigint {
  return toJsonInt64(String(value));
}

const CALL_DIRECTIONS: ReadonlySet<string> = new Set(Object.values(CallDirection));
const CALL_STATUSES: ReadonlySet<string> = new Set(Object.values(CallStatus));
const CALLING_OUTCOMES: ReadonlySet<string> = new Set(Object.values(CallingOutcome));

/*
 * The service writes only valid values; a row written by other means that holds something else (an
 * unknown enum value, an empty text, a negative count) is treated as having no value and left out, so
 * that the answer never leaves the documented types.
 */
function oneOf<T extends string>(allowed: ReadonlySet<string>, value: SqlValue): T | null {
  return typeof value === 'string' && allowed.has(value) ? (value as T) : null;
}

function text(value: SqlValue): string | null {
  const string = sqlString(value);
  return string === '' ? null : string;
}

function count(value: SqlValue): number | null {
  const n = sqlInt(value);
  return n !== null && Number.isInteger(n) && n >= 0 ? n : null;
}

function rating(value: SqlValue): number | null {
  const n = count(value);
  return n !== null && n <= 5 ? n : null;
}

function fromLogDirection(value: SqlValue): CallDirection | null {
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
 * DECIMAL(10,4) arrives as a string from MySQL ("0.0200") and as a number from SQLite. Any value of at
 * most 10 significant digits converts to the double whose shortest form is that decimal, so the JSON
 * number printed is exact: 0.02, never 0.0200 or 0.020000000000000004. Unknown or negative: absent.
 */
export function usd(value: SqlValue): number | null {
  if (value === null || value === undefined) return null;
  const amount = Number(value);
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
