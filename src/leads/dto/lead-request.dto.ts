import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import type { Int64 } from '../../common/int64';
import { EmailAddress, Int64Id, Optional, PhoneNumber, Required, Text } from '../../common/validation/fields';

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
  @PhoneNumber()
  phoneNumber?: string;

  @ApiPropertyOptional({ maxLength: 254, example: 'sarah.johnson@example.com' })
  @Optional()
  @Text(254)
  @EmailAddress()
  email?: string;

  @ApiPropertyOptional({ description: 'Create the lead hidden (private). Default `false`.', example: false })
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
