import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { ErrorCode } from '../../common/errors/error-code';
import { limitMessage } from '../../common/errors/parameter-messages';
import type { Int64 } from '../../common/int64';
import { Int64Id, Optional, Required } from '../../common/validation/fields';
import { CallResponseDto } from './call-response.dto';

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 1000;
const MAX_OFFSET = 1_000_000;

/** A query integer as a number; anything else stays as it came, for the validators to refuse. */
const toInteger = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value;

const LIMIT_NOT_VALID = {
  message: limitMessage(MAX_LIMIT),
  context: { code: ErrorCode.LimitNotValid },
};
const OFFSET_NOT_VALID = { message: `offset must be an integer from 0 to ${MAX_OFFSET}` };

export class CallListQueryDto {
  @ApiProperty({
    type: 'integer',
    format: 'int64',
    minimum: 1,
    description: 'Lead whose calls to return; you must be able to manage it.',
    example: 100001,
  })
  @Required()
  @Int64Id()
  leadId!: Int64;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_LIMIT,
    default: DEFAULT_LIMIT,
    description: 'Calls per page.',
  })
  @Optional()
  @Transform(toInteger)
  @IsInt(LIMIT_NOT_VALID)
  @Min(1, LIMIT_NOT_VALID)
  @Max(MAX_LIMIT, LIMIT_NOT_VALID)
  limit?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: MAX_OFFSET,
    default: 0,
    description: 'Zero-based index of the first call, newest first.',
  })
  @Optional()
  @Transform(toInteger)
  @IsInt(OFFSET_NOT_VALID)
  @Min(0, OFFSET_NOT_VALID)
  @Max(MAX_OFFSET, OFFSET_NOT_VALID)
  offset?: number;
}

export class CallHistoryQueryDto extends CallListQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    format: 'int64',
    minimum: 1,
    description:
      'Keyset cursor: the calls older than this communication id (exclusive), newest first. Pass the `id` of the ' +
      'last call of a page to get the next one; an empty page is the end. When given, `offset` is ignored.',
    example: 563172647619609,
  })
  @Optional()
  @Int64Id()
  currentId?: Int64;
}

export class ListMetadataDto {
  @ApiProperty({ enum: ['calls'], example: 'calls' })
  collection!: 'calls';

  @ApiProperty({ type: 'integer', example: 10 })
  limit!: number;

  @ApiProperty({ type: 'integer', example: 0 })
  offset!: number;

  @ApiProperty({ type: 'integer', description: 'All the calls of the lead.', example: 3 })
  total!: number;
}

export class CallListResponseDto {
  @ApiProperty({ type: ListMetadataDto })
  get_metadata!: ListMetadataDto;

  @ApiProperty({ type: [CallResponseDto], description: 'The page, newest first.' })
  calls!: CallResponseDto[];
}

export class CallHistoryResponseDto {
  @ApiProperty({ type: [CallResponseDto], description: 'The page, newest first; empty past the last call.' })
  calls!: CallResponseDto[];
}
