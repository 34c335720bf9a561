import { formatUtc } from '../common/utc-time';

/*
 * Raw row values of the SQL reader differ by engine: SQLite (read with safe integers) gives every INTEGER
 * as a decimal string and DATETIME as the text TypeORM wrote ("yyyy-MM-dd HH:mm:ss.SSS"); mysql2 gives INT
 * and TINYINT as numbers, BIGINT, DECIMAL and DATETIME as strings. These helpers read them alike (and a
 * Date, as TypeORM hands entities, as UTC).
 */

export type SqlValue = string | number | bigint | boolean | Date | null | undefined;

export function sqlBool(value: SqlValue): boolean {
  return value === 1 || value === '1' || value === true;
}

export function sqlInt(value: SqlValue): number | null {
  return value === null || value === undefined ? null : Number(value);
}

export function sqlString(value: SqlValue): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** `yyyy-MM-dd HH:mm:ss` in UTC. */
export function sqlDateTime(value: SqlValue): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return formatUtc(value);
  // TypeORM stores SQLite datetimes as UTC text, "yyyy-MM-dd HH:mm:ss.SSS".
  return String(value).slice(0, 19).replace('T', ' ');
}
