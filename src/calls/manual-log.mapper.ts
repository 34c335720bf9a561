import { toJsonInt64 } from '../common/int64';
import { CallingOutcome, Channel, LogDirection } from './call-enums';
import { oneOf, text } from './call.mapper';
import type { ManualLogDto } from './dto/manual-log.dto';
import type { ManualLog } from './manual-log.record';

const CALLING_OUTCOMES: ReadonlySet<string> = new Set(Object.values(CallingOutcome));
const LOG_DIRECTIONS: ReadonlySet<string> = new Set(Object.values(LogDirection));

/**
 * A manual log entry, as `POST /v1.0/logType` answers it and `GET /v1.0/logType` lists it: the fields that
 * apply to the log's channel (a call its number, outcome and direction; an email its direction, subject and
 * addresses; a text its number and direction), each only when the log has it.
 */
export function toManualLogEntry(log: ManualLog): ManualLogDto {
  const call = log.channel === Channel.Call;
  const email = log.channel === Channel.Email;
  const dto = {} as ManualLogDto;
  dto.id = toJsonInt64(log.id);
  dto.leadId = toJsonInt64(log.leadId);
  setIfPresent(dto, 'leadPhoneNumber', email ? null : text(log.phoneNumber));
  setIfPresent(dto, 'callingOutcome', call ? oneOf<CallingOutcome>(CALLING_OUTCOMES, log.callingOutcome) : null);
  dto.content = log.content ?? '';
  dto.createTime = log.createTime;
  setIfPresent(dto, 'outboundOrInbound', oneOf<LogDirection>(LOG_DIRECTIONS, log.direction));
  dto.isPin = log.isPin;
  dto.agentId = toJsonInt64(log.agentId);
  setIfPresent(dto, 'emailSubject', email ? text(log.emailSubject) : null);
  setIfPresent(dto, 'toEmail', email ? text(log.toEmail) : null);
  setIfPresent(dto, 'fromEmail', email ? text(log.fromEmail) : null);
  return dto;
}

function setIfPresent<K extends keyof ManualLogDto>(dto: ManualLogDto, key: K, value: ManualLogDto[K] | null): void {
  if (value !== null && value !== undefined) dto[key] = value;
}
