import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CallDirection, CallingOutcome, CallStatus } from '../call-enums';

const DIALER_ONLY = 'Dialer calls only; omitted for manually logged calls.';
const TIME = "formatted as 'yyyy-MM-dd HH:mm:ss' in UTC";

/**
 * A call record, as `GET /v2.0/communication/call/{communicationId}` answers it: a bare object, keys in
 * this order. A key the call has no value for is absent (never null). int64 fields are exact JSON numbers,
 * also above 2^53.
 */
export class CallResponseDto {
  @ApiProperty({
    type: 'integer',
    format: 'int64',
    description: 'ID of the call (the communication id).',
    example: 563172647619608,
  })
  id!: bigint;

  @ApiPropertyOptional({
    type: 'integer',
    format: 'int64',
    description: `Internal dialer call record ID. ${DIALER_ONLY}`,
    example: 400000012345,
  })
  dialerCallRecordId?: bigint;

  @ApiProperty({
    type: 'integer',
    format: 'int64',
    description: 'User ID of the agent on the call (for a logged call, the agent who logged it).',
    example: 100234,
  })
  userId!: bigint;

  @ApiPropertyOptional({ description: `Phone number used by the agent. ${DIALER_ONLY}`, example: '+14155550100' })
  userPhoneNumber?: string;

  @ApiProperty({ type: 'integer', format: 'int64', description: 'ID of the lead on the call.', example: 100001 })
  leadId!: bigint;

  @ApiPropertyOptional({
    description: 'Phone number of the lead (for a logged call, the number written in the log).',
    example: '+14155550199',
  })
  leadPhoneNumber?: string;

  @ApiPropertyOptional({
    enum: CallDirection,
    enumName: 'CallDirection',
    description: "Direction of the call from the agent's point of view (for a logged call, inferred from the log).",
    example: CallDirection.Outbound,
  })
  direction?: CallDirection;

  @ApiPropertyOptional({
    enum: CallStatus,
    enumName: 'CallStatus',
    description: `Final call status. ${DIALER_ONLY}`,
    example: CallStatus.Completed,
  })
  status?: CallStatus;

  @ApiPropertyOptional({
    description: `Start time of the call, ${TIME}. ${DIALER_ONLY}`,
    example: '2026-04-22 10:15:00',
  })
  startTime?: string;

  @ApiPropertyOptional({ description: `End time of the call, ${TIME}. ${DIALER_ONLY}`, example: '2026-04-22 10:18:45' })
  endTime?: string;

  @ApiPropertyOptional({
    type: 'integer',
    format: 'int32',
    description: `Call duration (talk time) in seconds. ${DIALER_ONLY}`,
    example: 225,
  })
  duration?: number;

  @ApiPropertyOptional({
    enum: CallingOutcome,
    enumName: 'CallingOutcome',
    description: 'Outcome tag assigned by the agent, when set.',
    example: CallingOutcome.Talked,
  })
  callingOutcome?: CallingOutcome;

  @ApiPropertyOptional({
    type: 'integer',
    format: 'int32',
    minimum: 0,
    maximum: 5,
    description: `Agent's subjective rating of the call, 0-5, when set. ${DIALER_ONLY}`,
    example: 4,
  })
  rateScore?: number;

  @ApiPropertyOptional({ description: `Whether the call was recorded. ${DIALER_ONLY}`, example: true })
  recordingSwitch?: boolean;

  @ApiPropertyOptional({
    description: `Phone number displayed to the lead (caller ID). ${DIALER_ONLY}`,
    example: '+14155550100',
  })
  showUserNumber?: string;

  @ApiProperty({ description: `Creation time of the call record, ${TIME}.`, example: '2026-04-22 10:15:00' })
  createTime!: string;

  @ApiProperty({ description: `Last-updated time of the call record, ${TIME}.`, example: '2026-04-22 10:18:45' })
  updateTime!: string;

  @ApiPropertyOptional({
    description: "Free-text note entered by the agent for the call, when set (for a logged call, the log's content).",
    example: 'Discussed pre-approval timeline.',
  })
  note?: string;

  @ApiPropertyOptional({
    description: `Whether the call was answered by a voicemail / answering machine. ${DIALER_ONLY}`,
    example: false,
  })
  isMachineAnswered?: boolean;

  @ApiPropertyOptional({
    type: 'number',
    format: 'double',
    description: `Cost of the call in USD, exact to 4 decimals. ${DIALER_ONLY}`,
    example: 0.02,
  })
  price?: number;

  @ApiProperty({ type: 'integer', format: 'int64', description: 'User ID of the related agent.', example: 100234 })
  agentId!: bigint;

  @ApiPropertyOptional({
    description: `Time from dialing to connection, formatted as 'mm:ss' (minutes may pass 59, e.g. '75:03'). ${DIALER_ONLY}`,
    example: '00:08',
  })
  elapsedTime?: string;
}
