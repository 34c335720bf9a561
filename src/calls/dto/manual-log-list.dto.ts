import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt } from 'class-validator';
import { ErrorCode } from '../../common/errors/error-code';
import { oneOfMessage } from '../../common/errors/parameter-messages';
import type { Int64 } from '../../common/int64';
import { Int64Id, Optional, Required } from '../../common/validation/fields';
import { LogSort, SortOrder } from '../call-enums';
import { CURSOR_NOT_VALID, LIMIT_NOT_AN_INTEGER, MAX_LOG_WINDOW, OFFSET_NOT_AN_INTEGER } from '../manual-logs.errors';
import { DEFAULT_LIMIT, MAX_LIMIT } from './call-list.dto';
import { LogType, ManualLogDto } from './manual-log.dto';

const INTEGER = /^-?[0-9]+$/;

/**
 * A query integer of any sign as a number (one past 2^53 as the largest safe integer of its sign: the
 * service reads every value out of range alike), for the service's leniency to clamp; anything else stays as
 * it came, for the validators to refuse.
 */
const toAnyInteger = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string' || !INTEGER.test(value)) return value;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : Math.sign(n) * Number.MAX_SAFE_INTEGER;
};

/** The cursor: a positive int64 as its canonical string; zero or negative is no cursor (the source's rule). */
const toCursor = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && INTEGER.test(value) && /^(-|0+$)/.test(value) ? undefined : value;

/** `GET /v1.0/logType`: the source's leniency on offset and limit is the service's to apply. */
export class ManualLogListQueryDto {
  @ApiProperty({
    type: 'integer',
    format: 'int64',
    minimum: 1,
    description: 'Lead whose manual logs to return; you must be able to manage it.',
    example: 100001,
  })
  @Required()
  @Int64Id()
  leadId!: Int64;

  @ApiProperty({
    enum: LogType,
    enumName: 'LogType',
    description: 'Channel of the logs (case-sensitive).',
    example: LogType.Call,
  })
  @Required()
  @IsIn(Object.values(LogType), { message: oneOfMessage('$property', Object.values(LogType)) })
  logType!: LogType;

  @ApiPropertyOptional({
    type: 'integer',
    default: 0,
    description: 'Zero-based index of the first log. Below 0 is read as 0; ignored when `currentId` is given.',
  })
  @Optional()
  @Transform(toAnyInteger)
  @IsInt({ message: OFFSET_NOT_AN_INTEGER })
  offset?: number;

  @ApiPropertyOptional({
    type: 'integer',
    default: DEFAULT_LIMIT,
    description:
      `Logs per page, 1 to ${MAX_LIMIT}; a value outside is read as ${DEFAULT_LIMIT}. ` +
      `\`offset + limit\` is at most ${MAX_LOG_WINDOW}.`,
  })
  @Optional()
  @Transform(toAnyInteger)
  @IsInt({ message: LIMIT_NOT_AN_INTEGER, context: { code: ErrorCode.LimitNotValid } })
  limit?: number;

  @ApiPropertyOptional({
    enum: LogSort,
    enumName: 'LogSort',
    default: LogSort.CreateTime,
    description:
      'Order by creation time (ties by id; the default) or by id. Ignored with `currentId`, which pages by id.',
  })
  @Optional()
  @IsIn(Object.values(LogSort), { message: oneOfMessage('$property', Object.values(LogSort)) })
  sort?: LogSort;

  @ApiPropertyOptional({
    enum: SortOrder,
    enumName: 'SortOrder',
    default: SortOrder.Desc,
    description: '`desc` newest first (the default), `asc` oldest first.',
  })
  @Optional()
  @IsIn(Object.values(SortOrder), { message: oneOfMessage('$property', Object.values(SortOrder)) })
  order?: SortOrder;

  @ApiPropertyOptional({
    type: 'integer',
    format: 'int64',
    description:
      'Keyset cursor: the logs after this id (exclusive) in the `order` asked, by id: older ones with `desc`, ' +
      'newer ones with `asc`. Pass the `id` of the last log of a page to get the next one; an empty page is the ' +
      'end. When above 0, `offset` and `sort` are ignored; 0 or below is no cursor.',
    example: 563172647619609,
  })
  @Optional()
  @Transform(toCursor)
  @Int64Id({ message: CURSOR_NOT_VALID })
  currentId?: Int64;
}

export class ManualLogListResponseDto {
  @ApiProperty({ type: [ManualLogDto], description: 'The page, in the order asked; empty past the last log.' })
  logType!: ManualLogDto[];
}
