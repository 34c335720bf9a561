import { toJsonInt64 } from '../common/int64';
import { CallDirection, CommunicationSource, EmailEventType, MessageType } from './call-enums';
import { fromLogDirection, text } from './call.mapper';
import type { EmailResponseDto } from './dto/email-response.dto';
import type { TextResponseDto } from './dto/text-response.dto';
import type { ManualLog } from './manual-log.record';

/**
 * Builds the email record by hand, keys in the source's order, from what the email's log stores: the log's
 * direction, `Sent` for an outbound email, its time and subject. A value the email does not have is left out,
 * never written as null.
 */
export function toEmailResponse(email: ManualLog): EmailResponseDto {
  const dto = {} as EmailResponseDto;
  const direction = fromLogDirection(email.direction);
  dto.id = toJsonInt64(email.id);
  dto.leadId = toJsonInt64(email.leadId);
  if (direction !== null) dto.direction = direction;
  dto.agentId = toJsonInt64(email.agentId);
  // Sent, Opened and Bounced are what happens to an email the agent sends; none describes one received.
  if (direction === CallDirection.Outbound) dto.eventType = EmailEventType.Sent;
  dto.emailEventTime = email.createTime;
  const type = messageType(email.source);
  if (type !== null) dto.emailType = type;
  const subject = text(email.emailSubject);
  if (subject !== null) dto.emailSubject = subject;
  return dto;
}

/** Builds the text record by hand, keys in the source's order, from what the text's log stores. */
export function toTextResponse(message: ManualLog): TextResponseDto {
  const dto = {} as TextResponseDto;
  const direction = fromLogDirection(message.direction);
  dto.id = toJsonInt64(message.id);
  dto.leadId = toJsonInt64(message.leadId);
  if (direction !== null) dto.direction = direction;
  dto.agentId = toJsonInt64(message.agentId);
  dto.textTime = message.createTime;
  const type = messageType(message.source);
  if (type !== null) dto.textType = type;
  const content = text(message.content);
  if (content !== null) dto.textContent = content;
  return dto;
}

/** Written by hand (a manual log, or a dialer's manual send) or by an automation; another source, unknown. */
const MESSAGE_TYPES: ReadonlyMap<string, MessageType> = new Map([
  [CommunicationSource.Logged, MessageType.Manual],
  [CommunicationSource.Manual, MessageType.Manual],
  [CommunicationSource.Auto, MessageType.Auto],
]);

function messageType(source: string): MessageType | null {
  return MESSAGE_TYPES.get(source) ?? null;
}
