import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ErrorCode } from '../../common/errors/error-code';
import { limitMessage } from '../../common/errors/parameter-messages';
import { EpochMillis, Optional } from '../../common/validation/fields';
import { CallChangeType } from '../call-enums';
import { CallResponseDto } from './call-response.dto';

export const FEED_DEFAULT_LIMIT = 100;
export const FEED_MAX_LIMIT = 1000;

const LIMIT_NOT_VALID = { message: limitMessage(FEED_MAX_LIMIT), context: { code: ErrorCode.LimitNotValid } };
const CURSOR_NOT_VALID = { message: 'cursor must be the nextCursor of an earlier page, as it was given.' };

/** A query number as a number; anything else stays as it came, for the validators to refuse. */
const toNumber = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : value;

/** `true` and `false` as booleans; anything else stays as it came, for the validator to refuse. */
const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

export class CallChangesQueryDto {
  @ApiPropertyOptional({
    description:
      'Where to go on from: the `nextCursor` of the page before. Without `cursor` and `since`, the feed starts at ' +
      'the oldest change kept.',
    example: 'djEuMTAy',
  })
  @Optional()
  @IsString(CURSOR_NOT_VALID)
  @MaxLength(64, CURSOR_NOT_VALID)
  @Matches(/^[A-Za-z0-9_-]+$/, CURSOR_NOT_VALID)
  cursor?: string;

  @ApiPropertyOptional({
    type: 'integer',
    format: 'int64',
    description:
      'Start from a time instead, epoch milliseconds: the changes made at or after it (by the database clock), ' +
      'and maybe a few just before. For the first read after a resync: the time the resync started. Not with ' +
      '`cursor`.',
    example: 1776902460000,
  })
  @Optional()
  @Transform(toNumber)
  @EpochMillis()
  since?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: FEED_MAX_LIMIT,
    default: FEED_DEFAULT_LIMIT,
    description: 'Changes per page.',
  })
  @Optional()
  @Transform(toNumber)
  @IsInt(LIMIT_NOT_VALID)
  @Min(1, LIMIT_NOT_VALID)
  @Max(FEED_MAX_LIMIT, LIMIT_NOT_VALID)
  limit?: number;

  @ApiPropertyOptional({
    type: 'boolean',
    default: false,
    description:
      "The changes of your whole team's calls on the leads you may manage, not only of yours; needs OWNER, ADMIN " +
      'or ACCESS_ALL_TEAM_LEADS (403 ACCESS_ALL_TEAM_LEADS otherwise). Keep it the same along one cursor.',
  })
  @Optional()
  @Transform(toBoolean)
  @IsBoolean({ message: '$property must be true or false.' })
  teamView?: boolean;
}

/** A change of the feed: the call as it is now, and what the change did. */
export class CallChangeDto extends CallResponseDto {
  @ApiProperty({
    enum: CallChangeType,
    enumName: 'CallChangeType',
    description:
      '`created`: the call was stored (by the dialer, or logged by hand); `updated`: it was edited. The record is ' +
      'the call as it is now, so a later change of the same call may already show.',
    example: CallChangeType.Created,
  })
  changeType!: CallChangeType;
}

/** A page of the change feed. */
export class CallChangePageDto {
  @ApiProperty({ type: 'integer', description: 'The limit asked for (100 when none was).', example: 100 })
  limit!: number;

  @ApiProperty({ type: [CallChangeDto], description: 'The changes, in the order they committed.' })
  pageData!: CallChangeDto[];

  @ApiProperty({
    description:
      'Where the next page starts: send it back as `cursor`. Opaque. Given also when the page is empty: keep it, ' +
      'and ask again later.',
    example: 'djEuMTAy',
  })
  nextCursor!: string;

  @ApiProperty({
    description: 'Whether more changes are there already: if so, ask for the next page at once.',
    example: false,
  })
  hasMore!: boolean;
}
