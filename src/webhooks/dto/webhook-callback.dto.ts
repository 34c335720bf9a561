import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * The bodies the service POSTs to a subscription's callback URL, documented as the OpenAPI callbacks of the
 * subscribe operation (named schemas, so that a client generator makes their types). The service types what it
 * writes with them (`satisfies`), so the document and the bytes cannot part.
 */

/** The calls that are Call events: a dialer's MANUAL call and a LOGGED (manual log) call; an AUTO call is none. */
export const CALL_EVENT_TYPES = ['MANUAL', 'LOGGED'] as const;
export type CallEventType = (typeof CALL_EVENT_TYPES)[number];

export class CallEventDto {
  @ApiProperty({
    type: 'integer',
    format: 'int64',
    description:
      'The event’s stable id, the same in every retry and redelivery: drop an event whose eventId you have seen.',
    example: 892505129402368,
  })
  eventId!: bigint;

  @ApiProperty({
    type: 'integer',
    format: 'int64',
    description:
      'The communication id of the call: pass it to Get Call (`GET /v2.0/communication/call/{communicationId}`) ' +
      'or, for a whole callback, to the call batch (`POST /v2.0/communication/call/batch`).',
    example: 892505129373696,
  })
  timelineId!: bigint;

  @ApiProperty({
    type: 'integer',
    format: 'int64',
    description:
      'Legacy: the dialer record id of a MANUAL call (not a communication id), the log’s own id of a LOGGED ' +
      'one. Prefer `timelineId`.',
    example: 400000012399,
  })
  callId!: bigint;

  @ApiProperty({
    enum: CALL_EVENT_TYPES,
    enumName: 'CallEventType',
    description: 'MANUAL: a call the dialer recorded; LOGGED: a call logged by hand.',
    example: 'MANUAL',
  })
  communicationType!: CallEventType;

  @ApiProperty({ type: 'integer', format: 'int64', description: 'The lead of the call.', example: 100001 })
  leadId!: bigint;

  @ApiProperty({ type: 'integer', format: 'int64', description: 'The agent of the call.', example: 100234 })
  agentId!: bigint;
}

export class CallUpdateEventDto extends CallEventDto {
  @ApiProperty({
    description: 'The call’s new `updateTime`, `yyyy-MM-dd HH:mm:ss` UTC, as Get Call answers it.',
    example: '2026-11-27 10:00:05',
  })
  updateTime!: string;
}

export class CallCallbackDto {
  @ApiProperty({ type: 'integer', format: 'int64', description: 'The team of the calls.', example: 1 })
  teamId!: bigint;

  @ApiProperty({ type: 'integer', description: 'The event list: 6, Call.', example: 6 })
  listId!: number;

  @ApiProperty({
    type: [CallEventDto],
    description:
      'The calls stored, in the order their events were written; always there, empty when the batch holds only ' +
      'updates.',
  })
  createdCall!: CallEventDto[];

  @ApiPropertyOptional({
    type: [CallUpdateEventDto],
    description:
      'The calls edited (subscriptions with `updated` among their `events`), there only when the batch holds ' +
      'any. A call may be in both arrays: apply `createdCall` first.',
  })
  updatedCall?: CallUpdateEventDto[];
}

export class PingEventDto {
  @ApiProperty({ type: 'integer', format: 'int64', description: 'The subscription pinged.', example: 892505117106176 })
  subscribeId!: bigint;

  @ApiProperty({
    type: 'integer',
    format: 'int64',
    description: 'A fresh id, never a Call event’s; the ping’s answer names it too.',
    example: 892505301655552,
  })
  eventId!: bigint;

  @ApiProperty({ description: 'When it was sent, `yyyy-MM-dd HH:mm:ss` UTC.', example: '2026-11-26 21:05:14' })
  sentAt!: string;
}

export class PingCallbackDto {
  @ApiProperty({ type: 'integer', format: 'int64', description: 'The team of the subscription.', example: 1 })
  teamId!: bigint;

  @ApiProperty({ type: 'integer', description: 'The subscription’s event list: 6, Call.', example: 6 })
  listId!: number;

  @ApiProperty({ type: PingEventDto, description: 'The test: answer 2xx and do nothing.' })
  ping!: PingEventDto;
}
