/** A Date from a `yyyy-MM-dd HH:mm:ss` wall-clock time in UTC (never the process's time zone). */
export function utc(text: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!match) throw new Error(`Not a yyyy-MM-dd HH:mm:ss time: ${text}`);
  const [, y, mo, d, h, mi, s] = match.map(Number);
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}

/** The current time truncated to whole seconds, as DATETIME columns keep it on every engine. */
export function nowToTheSecond(): Date {
  return new Date(Math.floor(Date.now() / 1000) * 1000);
}
