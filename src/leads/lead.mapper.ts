import { toJsonInt64 } from '../common/int64';
import { sqlBool, sqlDateTime, sqlString, type SqlValue } from '../database/sql-values';
import type { LeadResponseDto } from './dto/lead-response.dto';
import type { LeadRow } from './lead-record';

/** The lead DTO, keys in a fixed order, absent where the lead has no value. */
export function toLeadResponse(row: LeadRow): LeadResponseDto {
  const dto = {} as LeadResponseDto;
  dto.id = toJsonInt64(String(row.id));
  dto.teamId = toJsonInt64(String(row.team_id));
  const assigned = sqlString(row.assigned_user_id);
  if (assigned !== null) dto.assignedUserId = toJsonInt64(assigned);
  setText(dto, 'firstName', row.first_name);
  setText(dto, 'lastName', row.last_name);
  setText(dto, 'phoneNumber', row.phone_number);
  setText(dto, 'email', row.email);
  dto.hidden = sqlBool(row.hidden);
  dto.createTime = sqlDateTime(row.created_at) as string;
  dto.updateTime = sqlDateTime(row.updated_at) as string;
  return dto;
}

function setText(dto: LeadResponseDto, key: 'firstName' | 'lastName' | 'phoneNumber' | 'email', value: SqlValue): void {
  const text = sqlString(value);
  if (text !== null) dto[key] = text;
}
