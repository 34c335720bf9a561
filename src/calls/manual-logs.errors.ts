import { INT64_MAX } from '../common/int64';

/** The refusals of the manual-log routes, also the reference's examples. */

/** The deepest a page by offset reaches (`offset + limit`), as the source system caps its offset lists. */
export const MAX_LOG_WINDOW = 20_000;

export const LOG_WINDOW_EXCEEDED = `offset + limit must be at most ${MAX_LOG_WINDOW}: page further with currentId.`;

export const CURSOR_NOT_VALID = `currentId must be a decimal integer up to ${INT64_MAX}.`;

export const LIMIT_NOT_AN_INTEGER = 'limit must be an integer.';

export const OFFSET_NOT_AN_INTEGER = 'offset must be an integer.';
