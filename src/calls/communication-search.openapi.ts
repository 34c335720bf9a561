import { ApiExtraModels } from '@nestjs/swagger';
import { ErrorCode } from '../common/errors/error-code';
import { limitMessage, oneOfMessage, requiredMessage } from '../common/errors/parameter-messages';
import type { RouteDoc } from '../common/http/route-doc.decorator';
import { END_NOT_AFTER_START, TEAM_VIEW_NOT_ALLOWED, TOO_DEEP, WINDOW_TOO_WIDE } from './communication-search.errors';
import { DIALER_CALL_EXAMPLE, LOGGED_CALL_EXAMPLE } from './dto/call-examples';
import { CallResponseDto } from './dto/call-response.dto';
import { EmailResponseDto } from './dto/email-response.dto';
import { TextResponseDto } from './dto/text-response.dto';
import { CommunicationPageDto, CommunicationType, SEARCH_MAX_LIMIT } from './dto/communication-search.dto';

/** The records a page may hold, for the `oneOf` of its items. */
export const SEARCH_MODELS = ApiExtraModels(CallResponseDto, EmailResponseDto, TextResponseDto);

export const SEARCH_BY_AGENT: RouteDoc = {
  operationId: 'searchCommunications',
  summary: 'Search communications by agent',
  description:
    'The calls, logged emails or logged texts of a time window of at most 24 hours, oldest first (ties by id), ' +
    'a page at a time: your own (you are their agent), or with `teamView` those of your whole team. Either way ' +
    'only those on leads you may manage: a hidden lead shows only to its assigned agent and assignees. A call is ' +
    'in the window by its start time, a logged call, email or text by the time it was logged.\n\n' +
    'Recovering after missed webhooks: read the window since the last event you processed, and follow `hasMore` ' +
    "with `offset`, sending back the first page's `asOf` so that calls stored meanwhile shift no page. Past " +
    "`offset + limit` = 20000, narrow the window instead (start the next one at the last entry's time).\n\n" +
    `Bad input is 400 naming the field: an unknown type (${oneOfMessage('type', Object.values(CommunicationType))}), ` +
    `an endTime not after startTime (${END_NOT_AFTER_START}), a window over 24 hours, a limit outside 1 to ` +
    `${SEARCH_MAX_LIMIT} (LIMIT_NOT_VALID), offset + limit over 20000 (${TOO_DEEP}).`,
  answers: {
    200: {
      type: CommunicationPageDto,
      description: 'Page of communication entries.',
      example: {
        offset: 0,
        limit: 10,
        pageData: [DIALER_CALL_EXAMPLE, LOGGED_CALL_EXAMPLE],
        hasMore: false,
        asOf: 1776902460000,
      },
    },
  },
  errors: [
    // One example per code; the other refusals of the same code: an unknown type, an endTime not after startTime,
    // offset + limit over 20000 (see the description).
    { code: ErrorCode.InvalidParameter, message: WINDOW_TOO_WIDE, summary: 'A bad field, or a window over 24 hours' },
    {
      code: ErrorCode.MissingParameter,
      message: requiredMessage('startTime'),
      summary: 'type, startTime or endTime missing',
    },
    { code: ErrorCode.LimitNotValid, message: limitMessage(SEARCH_MAX_LIMIT), summary: 'limit out of range' },
    { code: ErrorCode.AccessAllTeamLeads, message: TEAM_VIEW_NOT_ALLOWED, summary: 'teamView without the permission' },
  ],
};
