/**
 * The few methods of the drivers that TypeORM opened (better-sqlite3, mysql2) which the service calls
 * directly; see SqlReader and data-source-options.
 */

export interface SqliteStatement {
  all(...params: unknown[]): Record<string, unknown>[];
  safeIntegers(on: boolean): SqliteStatement;
}

export interface SqliteConnection {
  prepare(source: string, ...rest: unknown[]): SqliteStatement;
  pragma(source: string): unknown;
}

export interface MysqlPool {
  execute(
    options: { sql: string; values: unknown[]; dateStrings: boolean },
    callback: (error: Error | null, rows: unknown) => void,
  ): void;
}
