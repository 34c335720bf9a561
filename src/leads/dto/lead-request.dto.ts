import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, Matches } from 'class-validator';
import type { Int64 } from '../../common/int64';
import { Int64Id, Optional, Required, Text } from '../../common/validation/fields';

/** Digits with the usual separators, an optional leading +, at least three digits. */
export const PHONE_NUMBER = /^\+?(?=(?:[^0-9]*[0-9]){3})[0-9 ().-]+$/;

export class CreateLeadDto {
  @ApiPropertyOptional({ maxLength: 100, example: 'Sarah' })
  @Optional()
  @Text(100)
  firstName?: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'Johnson' })
  @Optional()
  @Text(100)
  lastName?: string;

  @ApiPropertyOptional({ maxLength: 32, example: '+14155550199' })
  @Optional()
  @Text(32)
  @Matches(PHONE_NUMBER, { message: '$property must be a phone number' })
  phoneNumber?: string;

  @ApiPropertyOptional({ maxLength: 254, example: 'sarah.johnson@example.com' })
  @Optional()
  @Text(254)
  @IsEmail({}, { message: '$property must be an email address' })
  email?: string;

  @ApiPropertyOptional({ description: 'Create the lead hidden (private).', default: false })
  @Optional()
  @IsBoolean({ message: '$property must be true or false' })
  hidden?: boolean;

  @ApiPropertyOptional({
    type: 'integer',
    format: 'int64',
    description: 'The agent to assign, an active user of your team; you by default.',
    example: 100234,
  })
  @Optional()
  @Int64Id()
  assignedUserId?: Int64;
}

export class AssignLeadDto {
  @ApiProperty({
    type: 'integer',
    format: 'int64',
    description: 'The new assigned agent, an active user of the lead’s team.',
    example: 100235,
  })
  @Required()
  @Int64Id()
  assignedUserId!: Int64;
}
