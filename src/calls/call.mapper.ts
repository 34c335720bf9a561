import { sqlBool, sqlDateTime, sqlInt, sqlString, SqlValue } from '../database/sql-values';
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
  setIfPresent(dto, 'userPhoneNumber', sqlString(row.user_phone_number));
  dto.leadId = int64(row.lead_id);
  setIfPresent(dto, 'leadPhoneNumber', sqlString(row.lead_phone_number));
  dto.direction = row.direction as CallDirection;
  dto.status = row.status as CallStatus;
  setIfPresent(dto, 'startTime', sqlDateTime(row.start_time));
  setIfPresent(dto, 'endTime', sqlDateTime(row.end_time));
  setIfPresent(dto, 'duration', sqlInt(row.duration));
  setIfPresent(dto, 'callingOutcome', sqlString(row.calling_outcome) as CallingOutcome | null);
  setIfPresent(dto, 'rateScore', sqlInt(row.rate_score));
  dto.recordingSwitch = sqlBool(row.recording_switch);
  setIfPresent(dto, 'showUserNumber', sqlString(row.show_user_number));
  dto.createTime = sqlDateTime(row.create_time) as string;
  dto.updateTime = sqlDateTime(row.update_time) as string;
  setIfPresent(dto, 'note', sqlString(row.note));
  dto.isMachineAnswered = sqlBool(row.is_machine_answered);
  setIfPresent(dto, 'price', usd(row.price));
  dto.agentId = int64(row.agent_id);
  setIfPresent(dto, 'elapsedTime', minutesSeconds(sqlInt(row.elapsed_seconds)));
  return dto;
}

function loggedCall(row: CallRow): CallResponseDto {
  const dto = {} as CallResponseDto;
  dto.id = int64(row.id);
  dto.userId = int64(row.agent_id);
  dto.leadId = int64(row.lead_id);
  setIfPresent(dto, 'leadPhoneNumber', sqlString(row.log_phone_number));
  setIfPresent(dto, 'direction', fromLogDirection(row.log_direction));
  setIfPresent(dto, 'callingOutcome', sqlString(row.calling_outcome) as CallingOutcome | null);
  dto.createTime = sqlDateTime(row.create_time) as string;
  dto.updateTime = sqlDateTime(row.update_time) as string;
  setIfPresent(dto, 'note', sqlString(row.content));
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
  return BigInt(value as string);
}

function fromLogDirection(value: SqlValue): CallDirection | null {
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
 * number printed is exact: 0.02, never 0.0200 or 0.020000000000000004.
 */
export function usd(value: SqlValue): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** `mm:ss`, the minutes running past 59 when they must (75:03). */
export function minutesSeconds(totalSeconds: number | null): string | null {
  if (totalSeconds === null) return null;
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${minutes < 10 ? '0' : ''}${minutes}:${seconds < 10 ? '0' : ''}${seconds}`;
}
