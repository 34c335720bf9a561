import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CallDirection, MessageType } from '../call-enums';

/** A text as `GET /v2.0/communication/text/{communicationId}` answers it: a logged text. */
export const TEXT_EXAMPLE = {
  id: 892504829734914,
  leadId: 100001,
  direction: 'Inbound',
  agentId: 100234,
  textTime: '2026-04-22 11:30:00',
  textType: 'Manual',
  textContent: 'Can we see the house on Elm St. on Saturday?',
};

/**
 * A text record, as `GET /v2.0/communication/text/{communicationId}` answers it (and the search lists it): a
 * bare object, keys in this order. A key the text has no value for is absent (never null); the source's
 * `textOutcome` (delivery) is never given, as a logged text has none. int64 fields are exact JSON numbers,
 * also above 2^53.
 */
export class TextResponseDto {
  @ApiProperty({
    type: 'integer',
    format: 'int64',
    description: 'ID of the text (the communication id).',
    example: TEXT_EXAMPLE.id,
  })
  id!: bigint;

  @ApiProperty({ type: 'integer', format: 'int64', description: 'ID of the lead.', example: TEXT_EXAMPLE.leadId })
  leadId!: bigint;

  @ApiPropertyOptional({
    enum: CallDirection,
    enumName: 'CallDirection',
    description: "Direction from the agent's point of view: the log's `outboundOrInbound`, when given.",
    example: CallDirection.Inbound,
  })
  direction?: CallDirection;

  @ApiProperty({
    type: 'integer',
    format: 'int64',
    description: 'User ID of the agent (for a logged text, who logged it).',
    example: TEXT_EXAMPLE.agentId,
  })
  agentId!: bigint;

  @ApiProperty({
    description:
      "When the text was sent or received (for a logged text, when it was logged), 'yyyy-MM-dd HH:mm:ss' UTC.",
    example: TEXT_EXAMPLE.textTime,
  })
  textTime!: string;

  @ApiPropertyOptional({
    enum: MessageType,
    enumName: 'MessageType',
    description: '`Manual` for a text logged by hand, `Auto` for one sent by an automation.',
    example: MessageType.Manual,
  })
  textType?: MessageType;

  @ApiPropertyOptional({ description: 'The message, when given.', example: TEXT_EXAMPLE.textContent })
  textContent?: string;
}
