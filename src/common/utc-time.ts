/*
 * Times as the API writes them and the DATETIME columns hold them: `yyyy-MM-dd HH:mm:ss` in UTC, to the
 * second, never in the process's time zone. Every formatting and parsing of such a time goes through here.
 */

const UTC_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `yyyy-MM-dd HH:mm:ss` in UTC. */
export function formatUtc(date: Date): string {
  return (
    `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  );
}

/** The Date of a `yyyy-MM-dd HH:mm:ss` wall-clock time in UTC; throws on any other text. */
export function parseUtc(text: string): Date {
  const match = UTC_DATE_TIME.exec(text);
  if (!match) throw new Error(`Not a yyyy-MM-dd HH:mm:ss time: ${text}`);
  const [, y, mo, d, h, mi, s] = match.map(Number);
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}

/** True for a real `yyyy-MM-dd HH:mm:ss` calendar time from 1970 on (2026-02-30 is not one). */
export function isUtcDateTime(value: unknown): value is string {
  if (typeof value !== 'string' || !UTC_DATE_TIME.test(value)) return false;
  const date = parseUtc(value);
  return date.getUTCFullYear() >= 1970 && formatUtc(date) === value;
}

/** The current time truncated to whole seconds, as DATETIME columns keep it on every engine. */
export function nowToTheSecond(): Date {
  return new Date(Math.floor(Date.now() / 1000) * 1000);
}
