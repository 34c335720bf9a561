import { formatUtc, isUtcDateTime, nowToTheSecond, parseUtc } from './utc-time';

describe('UTC times', () => {
  it('writes and reads `yyyy-MM-dd HH:mm:ss` in UTC, whatever the time zone of the process', () => {
    const date = new Date(Date.UTC(2026, 3, 22, 10, 15, 0));
    expect(formatUtc(date)).toBe('2026-04-22 10:15:00');
    expect(parseUtc('2026-04-22 10:15:00').getTime()).toBe(date.getTime());
  });

  it('refuses to read any other text', () => {
    expect(() => parseUtc('2026-04-22T10:15:00Z')).toThrow('Not a yyyy-MM-dd HH:mm:ss time');
  });

  it.each([
    ['2026-04-22 10:15:00', true],
    ['2024-02-29 23:59:59', true],
    ['2026-02-29 00:00:00', false],
    ['2026-02-30 10:00:00', false],
    ['2026-04-22 24:00:00', false],
    ['1969-12-31 23:59:59', false],
    ['2026-04-22 10:15', false],
    [20260422, false],
  ])('%p is a calendar time: %p', (value, expected) => {
    expect(isUtcDateTime(value)).toBe(expected);
  });

  it('keeps the current time to the second, as the columns do', () => {
    expect(nowToTheSecond().getMilliseconds()).toBe(0);
  });
});
