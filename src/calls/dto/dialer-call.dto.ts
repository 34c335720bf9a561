import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, Matches, Max, Min, ValidateBy } from 'class-validator';
import type { Int64 } from '../../common/int64';
import { Int64Id, Optional, PhoneNumber, Required, Text, UtcDateTime } from '../../common/validation/fields';
import { CallDirection, CallingOutcome, CallStatus, CommunicationSource } from '../call-enums';

export const DIALER_SOURCES = [CommunicationSource.Manual, CommunicationSource.Auto] as const;
export const MAX_PRICE = 999999.9999;

/** A USD amount of at most 4 decimals that DECIMAL(10,4) holds exactly. */
function isPrice(value: unknown): boolean {
  return (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= 0 &&
    value <= MAX_PRICE &&
    Number(value.toFixed(4)) === value
  );
}

/**
 * A finished dialer call, as the telephony service reports it: the fields of the call record of Get Call,
 * with the same names and formats, plus whether the agent placed it (MANUAL) or the dialer did (AUTO).
 */
export class IngestDialerCallDto {
  @ApiProperty({
    type: 'integer',
    format: 'int64',
    description: "The dialer's record id; a retry with the same id stores nothing twice.",
    example: 400000012399,
  })
  @Required()
  @Int64Id()
  dialerCallRecordId!: Int64;

  @ApiProperty({
    enum: DIALER_SOURCES,
    description: 'MANUAL: placed by the agent; AUTO: placed by the dialer.',
    example: 'MANUAL',
  })
  @Required()
  @IsIn(DIALER_SOURCES, { message: '$property must be MANUAL or AUTO' })
  communicationType!: (typeof DIALER_SOURCES)[number];

  @ApiProperty({ type: 'integer', format: 'int64', description: "A lead of the client's team.", example: 100001 })
  @Required()
  @Int64Id()
  leadId!: Int64;

  @ApiProperty({
    type: 'integer',
    format: 'int64',
    description: "The agent on the call, a user of the client's team.",
    example: 100234,
  })
  @Required()
  @Int64Id()
  userId!: Int64;

  @ApiPropertyOptional({
    type: 'integer',
    format: 'int64',
    description: 'The related agent; the agent on the call by default.',
    example: 100234,
  })
  @Optional()
  @Int64Id()
  agentId?: Int64;

  @ApiPropertyOptional({ maxLength: 32, example: '+14155550100' })
  @Optional()
  @Text(32)
  @PhoneNumber()
  userPhoneNumber?: string;

  @ApiPropertyOptional({ maxLength: 32, example: '+14155550199' })
  @Optional()
  @Text(32)
  @PhoneNumber()
  leadPhoneNumber?: string;

  @ApiProperty({ enum: CallDirection, enumName: 'CallDirection', example: CallDirection.Outbound })
  @Required()
  @IsIn(Object.values(CallDirection), { message: '$property must be Outbound or Inbound' })
  direction!: CallDirection;

  @ApiProperty({ enum: CallStatus, enumName: 'CallStatus', example: CallStatus.Completed })
  @Required()
  @IsIn(Object.values(CallStatus), { message: `$property must be one of ${Object.values(CallStatus).join(', ')}` })
  status!: CallStatus;

  @ApiProperty({ description: "'yyyy-MM-dd HH:mm:ss' in UTC.", example: '2026-04-22 10:15:00' })
  @Required()
  @UtcDateTime()
  startTime!: string;

  @ApiPropertyOptional({
    description: "'yyyy-MM-dd HH:mm:ss' in UTC, not before startTime.",
    example: '2026-04-22 10:18:45',
  })
  @Optional()
  @UtcDateTime()
  @ValidateBy({
    name: 'notBeforeStart',
    validator: {
      validate: (value: unknown, args) =>
        typeof value === 'string' && value >= String((args?.object as { startTime?: unknown }).startTime),
      defaultMessage: () => '$property must not be before startTime',
    },
  })
  endTime?: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Talk time in seconds.', example: 225 })
  @Required()
  @IsInt({ message: '$property must be an integer' })
  @Min(0)
  @Max(2_147_483_647)
  duration!: number;

  @ApiPropertyOptional({ enum: CallingOutcome, enumName: 'CallingOutcome', example: CallingOutcome.Talked })
  @Optional()
  @IsIn(Object.values(CallingOutcome), {
    message: `$property must be one of ${Object.values(CallingOutcome).join(', ')}`,
  })
  callingOutcome?: CallingOutcome;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 5, example: 4 })
  @Optional()
  @IsInt({ message: '$property must be an integer' })
  @Min(0)
  @Max(5)
  rateScore?: number;

  @ApiProperty({ example: true })
  @Required()
  @IsBoolean({ message: '$property must be true or false' })
  recordingSwitch!: boolean;

  @ApiPropertyOptional({ maxLength: 32, example: '+14155550100' })
  @Optional()
  @Text(32)
  @PhoneNumber()
  showUserNumber?: string;

  @ApiPropertyOptional({ maxLength: 5000, example: 'Discussed pre-approval timeline.' })
  @Optional()
  @Text(5000)
  note?: string;

  @ApiProperty({ example: false })
  @Required()
  @IsBoolean({ message: '$property must be true or false' })
  isMachineAnswered!: boolean;

  @ApiPropertyOptional({
    type: 'number',
    minimum: 0,
    maximum: MAX_PRICE,
    description: 'USD, at most 4 decimals.',
    example: 0.02,
  })
  @Optional()
  @ValidateBy({
    name: 'isPrice',
    validator: {
      validate: isPrice,
      defaultMessage: () => `$property must be a number from 0 to ${MAX_PRICE} with at most 4 decimals`,
    },
  })
  price?: number;

  @ApiPropertyOptional({
    description: "Time from dialing to connection, 'mm:ss' (minutes may pass 59).",
    example: '00:08',
  })
  @Optional()
  @Matches(/^\d{2,6}:[0-5]\d$/, { message: "$property must be written 'mm:ss'" })
  elapsedTime?: string;
}
