import { toJsonInt64 } from '../common/int64';
import type { LeadResponseDto } from './dto/lead-response.dto';
import type { Lead } from './lead.record';

/** The lead DTO, keys in a fixed order, absent where the lead has no value. */
export function toLeadResponse(lead: Lead): LeadResponseDto {
  const dto = {} as LeadResponseDto;
  dto.id = toJsonInt64(lead.id);
  dto.teamId = toJsonInt64(lead.teamId);
  if (lead.assignedUserId !== null) dto.assignedUserId = toJsonInt64(lead.assignedUserId);
  if (lead.firstName !== null) dto.firstName = lead.firstName;
  if (lead.lastName !== null) dto.lastName = lead.lastName;
  if (lead.phoneNumber !== null) dto.phoneNumber = lead.phoneNumber;
  if (lead.email !== null) dto.email = lead.email;
  dto.hidden = lead.hidden;
  dto.createTime = lead.createTime;
  dto.updateTime = lead.updateTime;
  return dto;
}
