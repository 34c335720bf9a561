import { SEARCH_DEPTH_MAX, SEARCH_WINDOW_MAX_MS } from './dto/communication-search.dto';

/** The messages of the search by agent, which its API reference shows too. */
export const END_NOT_AFTER_START = 'endTime must be after startTime.';
export const WINDOW_TOO_WIDE = `endTime must be at most 24 hours (${SEARCH_WINDOW_MAX_MS} ms) after startTime.`;
export const TOO_DEEP =
  `offset + limit must be at most ${SEARCH_DEPTH_MAX}: narrow the window (startTime, endTime) to read further, ` +
  'for example from the time of the last entry you received.';
export const TEAM_VIEW_NOT_ALLOWED =
  'Team-wide communication search (teamView) requires OWNER, ADMIN or the ACCESS_ALL_TEAM_LEADS permission.';
