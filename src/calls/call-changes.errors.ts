/** The messages of the change feed, which its API reference shows too. */
export const CURSOR_AND_SINCE = 'Give cursor or since, not both.';
export const CURSOR_NOT_OURS = 'cursor must be the nextCursor of an earlier page, as it was given.';
export const FEED_TEAM_VIEW_NOT_ALLOWED =
  "The team's change feed (teamView) requires OWNER, ADMIN or the ACCESS_ALL_TEAM_LEADS permission.";

/** A 410: what the reader missed is gone; what to do. */
export function cursorExpired(keptDays: number): string {
  return (
    `The feed keeps changes ${keptDays} days and some after this point are gone: resync (read the calls again, ` +
    'for example with the search by agent), then follow the feed with since=<the time the resync started>.'
  );
}
