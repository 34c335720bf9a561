import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, Max, Min } from 'class-validator';
import { ErrorCode } from '../../common/errors/error-code';
import { limitMessage, oneOfMessage } from '../../common/errors/parameter-messages';
import { EpochMillis, Optional, Required } from '../../common/validation/fields';
import { Channel } from '../call-enums';
import { CallResponseDto } from './call-response.dto';
import { EmailResponseDto } from './email-response.dto';
import { TextResponseDto } from './text-response.dto';

/** The kinds of communication a search reads, as the source names them. */
export enum CommunicationType {
  Call = 'CALL',
  Email = 'EMAIL',
  Text = 'TEXT',
}

export const COMMUNICATION_CHANNELS: Record<CommunicationType, Channel> = {
  [CommunicationType.Call]: Channel.Call,
  [CommunicationType.Email]: Channel.Email,
  [CommunicationType.Text]: Channel.Text,
};

/** The widest window one search may read: 24 hours. */
export const SEARCH_WINDOW_MAX_MS = 24 * 60 * 60 * 1000;
/** How far a search may page into its window (`offset + limit`), as the source caps its offset lists. */
export const SEARCH_DEPTH_MAX = 20_000;
export const SEARCH_DEFAULT_LIMIT = 10;
export const SEARCH_MAX_LIMIT = 1000;

const LIMIT_NOT_VALID = { message: limitMessage(SEARCH_MAX_LIMIT), context: { code: ErrorCode.LimitNotValid } };
const OFFSET_NOT_VALID = { message: `offset must be an integer from 0 to ${SEARCH_DEPTH_MAX - 1}.` };

export class SearchCommunicationsDto {
  @ApiProperty({
    enum: CommunicationType,
    enumName: 'CommunicationType',
    description: 'Which communications: calls, logged emails or logged texts.',
    example: CommunicationType.Call,
  })
  @Required()
  @IsIn(Object.values(CommunicationType), { message: oneOfMessage('$property', Object.values(CommunicationType)) })
  type!: CommunicationType;

  @ApiProperty({
    type: 'integer',
    format: 'int64',
    description:
      'Start of the window, epoch milliseconds (inclusive). A call is in the window by its start, a logged ' +
      'call, email or text by the time it was logged.',
    example: 1776816000000,
  })
  @Required()
  @EpochMillis()
  startTime!: number;

  @ApiProperty({
    type: 'integer',
    format: 'int64',
    description: 'End of the window, epoch milliseconds (exclusive); after startTime, and at most 24 hours after it.',
    example: 1776902400000,
  })
  @Required()
  @EpochMillis()
  endTime!: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    description:
      `Zero-based index of the first entry, oldest first; offset + limit at most ${SEARCH_DEPTH_MAX}. ` +
      'Default `0`.',
  })
  @Optional()
  @IsInt(OFFSET_NOT_VALID)
  @Min(0, OFFSET_NOT_VALID)
  @Max(SEARCH_DEPTH_MAX - 1, OFFSET_NOT_VALID)
  offset?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: SEARCH_MAX_LIMIT,
    description: `Entries per page. Default \`${SEARCH_DEFAULT_LIMIT}\`.`,
  })
  @Optional()
  @IsInt(LIMIT_NOT_VALID)
  @Min(1, LIMIT_NOT_VALID)
  @Max(SEARCH_MAX_LIMIT, LIMIT_NOT_VALID)
  limit?: number;

  @ApiPropertyOptional({
    description:
      "The whole team's communications on the leads you may manage, not only yours; needs OWNER, ADMIN or " +
      'ACCESS_ALL_TEAM_LEADS (403 ACCESS_ALL_TEAM_LEADS otherwise). Default `false`.',
  })
  @Optional()
  @IsBoolean({ message: '$property must be true or false.' })
  teamView?: boolean;

  @ApiPropertyOptional({
    type: 'integer',
    format: 'int64',
    description:
      'Snapshot bound, epoch milliseconds: leave out what was stored after it. Send back the `asOf` of the ' +
      "first page with every following page of the same window: a call stored meanwhile (a dialer's late " +
      'upload) then shifts no page, so that paging never repeats nor skips an entry.',
    example: 1776902460000,
  })
  @Optional()
  @EpochMillis()
  asOf?: number;
}

/** A page of a search. */
export class CommunicationPageDto {
  @ApiProperty({ type: 'integer', description: 'The offset asked for.', example: 0 })
  offset!: number;

  @ApiProperty({ type: 'integer', description: 'The limit asked for (10 when none was).', example: 10 })
  limit!: number;

  @ApiProperty({
    description:
      'The entries, oldest first (ties by id): for CALL the records of Get Call; for EMAIL and TEXT those of ' +
      'Get Email and Get Text.',
    type: 'array',
    items: {
      oneOf: [
        { $ref: getSchemaPath(CallResponseDto) },
        { $ref: getSchemaPath(EmailResponseDto) },
        { $ref: getSchemaPath(TextResponseDto) },
      ],
    },
  })
  pageData!: object[];

  @ApiProperty({ description: 'Whether entries follow this page in the window.', example: false })
  hasMore!: boolean;

  @ApiProperty({
    type: 'integer',
    format: 'int64',
    description: 'The snapshot bound this page was read with (the one sent, or the time of this page).',
    example: 1776902460000,
  })
  asOf!: bigint;
}
