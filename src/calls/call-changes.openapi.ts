import { ErrorCode } from '../common/errors/error-code';
import { limitMessage } from '../common/errors/parameter-messages';
import type { RouteDoc } from '../common/http/route-doc.decorator';
import { CURSOR_AND_SINCE, cursorExpired, FEED_TEAM_VIEW_NOT_ALLOWED } from './call-changes.errors';
import { DIALER_CALL_EXAMPLE, LOGGED_CALL_EXAMPLE } from './dto/call-examples';
import { CallChangePageDto, FEED_MAX_LIMIT } from './dto/call-changes.dto';

export const CALL_CHANGES: RouteDoc = {
  operationId: 'listCallChanges',
  summary: 'Follow the changes of calls',
  description:
    'Every call stored (by the dialer, or logged by hand) or edited, in the order the changes committed, each as ' +
    'the record of Get Call now plus `changeType`: your own calls (you are their agent), or with `teamView` your ' +
    "team's, either way on the leads you may manage (as the search by agent). For a copy of the calls kept in " +
    'sync (a warehouse, another CRM): start with no `cursor` (from the oldest change kept) or with `since`, then ' +
    "send each answer's `nextCursor` back, at once while `hasMore`, later otherwise.\n\n" +
    'The guarantee: following `nextCursor` you see every change exactly once, or a later state of its call ' +
    'in its place, and never miss one, even when transactions commit out of order; there is no depth limit, and a ' +
    'page costs the same however long the history. A call changed twice shows twice, both times as it is now.\n\n' +
    'Changes are kept `CALL_CHANGES_KEPT_DAYS` (30 by default). A cursor (or a `since`) older than that gets ' +
    '410 CURSOR_EXPIRED: resync, then follow the feed with `since` = the time the resync started.',
  answers: {
    200: {
      type: CallChangePageDto,
      description: 'A page of changes; `nextCursor` is where the next one starts.',
      example: {
        limit: 100,
        pageData: [
          { ...LOGGED_CALL_EXAMPLE, changeType: 'created' },
          { ...DIALER_CALL_EXAMPLE, rateScore: 3, updateTime: '2026-04-23 09:30:12', changeType: 'updated' },
        ],
        nextCursor: 'djEuMTAy',
        hasMore: false,
      },
    },
  },
  errors: [
    { code: ErrorCode.InvalidParameter, message: CURSOR_AND_SINCE, summary: 'A bad cursor, since or teamView' },
    { code: ErrorCode.LimitNotValid, message: limitMessage(FEED_MAX_LIMIT), summary: 'limit out of range' },
    {
      code: ErrorCode.AccessAllTeamLeads,
      message: FEED_TEAM_VIEW_NOT_ALLOWED,
      summary: 'teamView without the permission',
    },
    { code: ErrorCode.CursorExpired, message: cursorExpired(30), summary: 'The cursor is older than the retention' },
  ],
};
