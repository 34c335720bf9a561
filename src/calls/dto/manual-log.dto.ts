import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, ValidateIf } from 'class-validator';
import { oneOfMessage } from '../../common/errors/parameter-messages';
import type { Int64 } from '../../common/int64';
import {
  EmailAddress,
  Int64Id,
  Optional,
  PhoneNumber,
  Required,
  RequiredText,
  Text,
} from '../../common/validation/fields';
import { CallingOutcome, LogDirection } from '../call-enums';

export enum LogType {
  Call = 'logCall',
  Email = 'logEmail',
  Text = 'logText',
}

export const LOG_CONTENT_MAX = 5000;

type Log = { logType?: unknown };
const isCall = (log: Log) => log.logType === LogType.Call;
const isEmail = (log: Log) => log.logType === LogType.Email;
const isCallOrText = (log: Log) => log.logType === LogType.Call || log.logType === LogType.Text;

/**
 * A manual log entry. The fields of another channel than the log's are accepted and ignored (not
 * validated, not stored): a call's outcome on an email, an email's subject on a call.
 */
export class CreateManualLogDto {
  @ApiProperty({
    type: 'integer',
    format: 'int64',
    description: 'Lead to attach the log to; you must be able to manage it.',
    example: 100001,
  })
  @Required()
  @Int64Id()
  leadId!: Int64;

  @ApiProperty({
    enum: LogType,
    enumName: 'LogType',
    description: 'Channel of the log (case-sensitive).',
    example: LogType.Call,
  })
  @Required()
  @IsIn(Object.values(LogType), { message: oneOfMessage('$property', Object.values(LogType)) })
  logType!: LogType;

  @ApiProperty({
    description: `Call notes, email body or text message. Longer than ${LOG_CONTENT_MAX} characters is truncated to ${LOG_CONTENT_MAX}, not refused.`,
    example: 'Discussed Austin inventory, will send pre-approval doc tomorrow.',
  })
  @RequiredText()
  @Text()
  content!: string;

  @ApiPropertyOptional({
    maxLength: 32,
    description: 'Number called or texted (calls and texts).',
    example: '5865865860',
  })
  @ValidateIf(isCallOrText)
  @Optional()
  @Text(32)
  @PhoneNumber()
  leadPhoneNumber?: string;

  @ApiPropertyOptional({
    enum: CallingOutcome,
    enumName: 'CallingOutcome',
    description: 'Outcome of the call (calls only).',
    example: CallingOutcome.VoiceMessage,
  })
  @ValidateIf(isCall)
  @Optional()
  @IsIn(Object.values(CallingOutcome), {
    message: `$property must be one of ${Object.values(CallingOutcome).join(', ')}`,
  })
  callingOutcome?: CallingOutcome;

  @ApiPropertyOptional({
    enum: LogDirection,
    enumName: 'LogDirection',
    description: "Direction from the agent's point of view (calls, emails and texts).",
    example: LogDirection.Outbound,
  })
  @Optional()
  @IsIn(Object.values(LogDirection), { message: '$property must be outbound or inbound' })
  outboundOrInbound?: LogDirection;

  @ApiPropertyOptional({ description: "Pin the log on the lead's timeline. Default `false`.", example: false })
  @Optional()
  @IsBoolean({ message: '$property must be true or false' })
  isPin?: boolean;

  @ApiPropertyOptional({
    maxLength: 255,
    description: 'Subject (emails only).',
    example: 'Follow-up on Austin listings',
  })
  @ValidateIf(isEmail)
  @Optional()
  @Text(255)
  emailSubject?: string;

  @ApiPropertyOptional({
    maxLength: 254,
    description: 'Recipient (emails only).',
    example: 'sarah.johnson@example.com',
  })
  @ValidateIf(isEmail)
  @Optional()
  @Text(254)
  @EmailAddress()
  toEmail?: string;

  @ApiPropertyOptional({ maxLength: 254, description: 'Sender (emails only).', example: 'agent@lofty.com' })
  @ValidateIf(isEmail)
  @Optional()
  @Text(254)
  @EmailAddress()
  fromEmail?: string;
}

export class ManualLogDto {
  @ApiProperty({
    type: 'integer',
    format: 'int64',
    description: 'ID of the log: the communication id (for a logged call, the communicationId of Get Call).',
    example: 563172647619609,
  })
  id!: bigint;

  @ApiProperty({ type: 'integer', format: 'int64', example: 100001 })
  leadId!: bigint;

  @ApiPropertyOptional({ description: 'Calls and texts, when given.', example: '5865865860' })
  leadPhoneNumber?: string;

  @ApiPropertyOptional({ enum: CallingOutcome, enumName: 'CallingOutcome', description: 'Calls, when given.' })
  callingOutcome?: CallingOutcome;

  @ApiProperty({
    description: `The content, at most ${LOG_CONTENT_MAX} characters.`,
    example: 'Discussed Austin inventory, will send pre-approval doc tomorrow.',
  })
  content!: string;

  @ApiProperty({
    description: "When the log was created, 'yyyy-MM-dd HH:mm:ss' in UTC.",
    example: '2026-04-22 10:15:30',
  })
  createTime!: string;

  @ApiPropertyOptional({ enum: LogDirection, enumName: 'LogDirection', description: 'When given.' })
  outboundOrInbound?: LogDirection;

  @ApiProperty({ example: false })
  isPin!: boolean;

  @ApiProperty({ type: 'integer', format: 'int64', description: 'The agent who logged it (you).', example: 100234 })
  agentId!: bigint;

  @ApiPropertyOptional({ description: 'Emails, when given.', example: 'Follow-up on Austin listings' })
  emailSubject?: string;

  @ApiPropertyOptional({ description: 'Emails, when given.', example: 'sarah.johnson@example.com' })
  toEmail?: string;

  @ApiPropertyOptional({ description: 'Emails, when given.', example: 'agent@lofty.com' })
  fromEmail?: string;
}

export class ManualLogResponseDto {
  @ApiProperty({ type: ManualLogDto })
  logType!: ManualLogDto;
}
