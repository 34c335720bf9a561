import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const TIME = "formatted as 'yyyy-MM-dd HH:mm:ss' in UTC";

/** A lead. A field without a value is absent; int64 ids are exact JSON numbers. */
export class LeadResponseDto {
  @ApiProperty({ type: 'integer', format: 'int64', description: 'ID of the lead.', example: 100001 })
  id!: bigint;

  @ApiProperty({ type: 'integer', format: 'int64', description: 'The team the lead belongs to.', example: 1 })
  teamId!: bigint;

  @ApiPropertyOptional({
    type: 'integer',
    format: 'int64',
    description: 'The assigned agent (primary owner); absent when the lead has none.',
    example: 100234,
  })
  assignedUserId?: bigint;

  @ApiPropertyOptional({ description: 'First name.', example: 'Sarah' })
  firstName?: string;

  @ApiPropertyOptional({ description: 'Last name.', example: 'Johnson' })
  lastName?: string;

  @ApiPropertyOptional({ description: 'Phone number.', example: '+14155550199' })
  phoneNumber?: string;

  @ApiPropertyOptional({ description: 'Email address.', example: 'sarah.johnson@example.com' })
  email?: string;

  @ApiProperty({ description: 'A hidden (private) lead: only its assignees may manage it.', example: false })
  hidden!: boolean;

  @ApiProperty({ description: `When the lead was created, ${TIME}.`, example: '2026-04-01 09:00:00' })
  createTime!: string;

  @ApiProperty({ description: `When the lead was last updated, ${TIME}.`, example: '2026-04-01 09:00:00' })
  updateTime!: string;
}
