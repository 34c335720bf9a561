import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CallDirection, EmailEventType, MessageType } from '../call-enums';

/** An email as `GET /v2.0/communication/email/{communicationId}` answers it: a logged email. */
export const EMAIL_EXAMPLE = {
  id: 892504829734913,
  leadId: 100001,
  direction: 'Outbound',
  agentId: 100234,
  eventType: 'Sent',
  emailEventTime: '2026-04-22 11:05:00',
  emailType: 'Manual',
  emailSubject: 'Follow-up on Austin listings',
};

/**
 * An email record, as `GET /v2.0/communication/email/{communicationId}` answers it (and the search lists it): a
 * bare object, keys in this order. A key the email has no value for is absent (never null); the source's
 * `fromPond` is never given, as the service keeps no lead pond. int64 fields are exact JSON numbers, also
 * above 2^53.
 */
export class EmailResponseDto {
  @ApiProperty({
    type: 'integer',
    format: 'int64',
    description: 'ID of the email (the communication id).',
    example: EMAIL_EXAMPLE.id,
  })
  id!: bigint;

  @ApiProperty({ type: 'integer', format: 'int64', description: 'ID of the lead.', example: EMAIL_EXAMPLE.leadId })
  leadId!: bigint;

  @ApiPropertyOptional({
    enum: CallDirection,
    enumName: 'CallDirection',
    description: "Direction from the agent's point of view: the log's `outboundOrInbound`, when given.",
    example: CallDirection.Outbound,
  })
  direction?: CallDirection;

  @ApiProperty({
    type: 'integer',
    format: 'int64',
    description: 'User ID of the agent (for a logged email, who logged it).',
    example: EMAIL_EXAMPLE.agentId,
  })
  agentId!: bigint;

  @ApiPropertyOptional({
    enum: EmailEventType,
    enumName: 'EmailEventType',
    description:
      'What happened to the email. A logged outbound email is `Sent`; a logged inbound email, or one without a ' +
      'direction, has none (no event of the list describes an email received).',
    example: EmailEventType.Sent,
  })
  eventType?: EmailEventType;

  @ApiProperty({
    description: "When the email event happened (for a logged email, when it was logged), 'yyyy-MM-dd HH:mm:ss' UTC.",
    example: EMAIL_EXAMPLE.emailEventTime,
  })
  emailEventTime!: string;

  @ApiPropertyOptional({
    enum: MessageType,
    enumName: 'MessageType',
    description: '`Manual` for an email logged by hand, `Auto` for one sent by an automation.',
    example: MessageType.Manual,
  })
  emailType?: MessageType;

  @ApiPropertyOptional({ description: 'Subject, when given.', example: EMAIL_EXAMPLE.emailSubject })
  emailSubject?: string;
}
