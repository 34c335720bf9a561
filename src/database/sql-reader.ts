import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { asError } from '../common/errors/as-error';
import {
  type MysqlPool,
  mysqlPoolOf,
  type SqliteConnection,
  sqliteConnectionOf,
  type SqliteStatement,
} from '../common/library-internals';
import { formatUtc } from '../common/utc-time';

export type SqlParam = string | number | bigint | boolean | null;

type Select = (sql: string, params: readonly SqlParam[]) => Promise<Record<string, unknown>[]>;

const STATEMENT_CACHE_LIMIT = 256;

/**
 * Runs the read queries of the request path straight on the driver TypeORM opened, with statements
 * written once and parameters bound by position (`?` on both engines). It skips TypeORM's per-query
 * machinery (query runner, entity hydration), which is most of the cost of a small indexed lookup, and it
 * reads every integer exactly: BIGINT values come back as decimal strings on both engines.
 *
 * Writes and anything transactional go through TypeORM.
 */
@Injectable()
export class SqlReader {
  private readonly select: Select;
  /** The engine, for the rare statement that must differ (an index hint MariaDB needs). */
  readonly dialect: 'sqlite' | 'mysql';

  constructor(@InjectDataSource() dataSource: DataSource) {
    const type = dataSource.options.type;
    this.dialect = type === 'better-sqlite3' ? 'sqlite' : 'mysql';
    const pool = mysqlPoolOf(dataSource);
    this.select = pool === undefined ? sqliteSelect(sqliteConnectionOf(dataSource)) : mysqlSelect(pool);
  }

  /** The rows of a SELECT. Row values are strings (BIGINT, DECIMAL, DATETIME as UTC text), numbers or null. */
  query<Row extends object>(sql: string, params: readonly SqlParam[]): Promise<Row[]> {
    return this.select(sql, params) as Promise<Row[]>;
  }

  /**
   * The rows of a SELECT inside a transaction, with the values {@link query} gives. On MySQL it runs on the
   * transaction's connection, the only one that sees what the transaction wrote; SQLite has one connection.
   */
  async queryIn<Row extends object>(manager: EntityManager, sql: string, params: readonly SqlParam[]): Promise<Row[]> {
    if (this.dialect === 'sqlite') return this.query(sql, params);
    const rows: Record<string, unknown>[] = await manager.query(sql, [...params]);
    for (const row of rows) {
      for (const key in row) {
        const value = row[key];
        // TypeORM's connections read DATETIME as a Date; the reader's as its UTC text.
        if (value instanceof Date) row[key] = formatUtc(value);
      }
    }
    return rows as Row[];
  }
}

function sqliteSelect(connection: SqliteConnection): Select {
  const statements = new Map<string, { statement: SqliteStatement; build: RowBuilder }>();
  return (sql, params) => {
    try {
      let prepared = statements.get(sql);
      if (prepared === undefined) {
        if (statements.size >= STATEMENT_CACHE_LIMIT) statements.clear();
        const statement = connection.prepare(sql).raw(true);
        prepared = { statement, build: rowBuilder(statement.columns().map((column) => column.name)) };
        statements.set(sql, prepared);
      }
      const values = prepared.statement.all(...params.map(sqliteParam)) as unknown as unknown[][];
      return Promise.resolve(values.map(prepared.build));
    } catch (error) {
      return Promise.reject(asError(error));
    }
  };
}

type RowBuilder = (values: unknown[]) => Record<string, unknown>;

/**
 * The row object of a statement's values, built by a function made once per statement: every row of it gets the
 * same shape at once, and each INTEGER (a bigint: statements run with safe integers, see prepareWithSafeIntegers)
 * becomes its decimal text. Cheaper than better-sqlite3's row objects converted key by key, on the hottest path of
 * the service. The column names come from SQLite (the statement's own), never from a request.
 */
function rowBuilder(names: readonly string[]): RowBuilder {
  const fields = names.map((name, i) => `${JSON.stringify(name)}: text(v[${i}])`).join(', ');
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- a constructor of one fixed shape per statement
  const make = new Function('text', `return (v) => ({ ${fields} });`) as (text: typeof integerAsText) => RowBuilder;
  return make(integerAsText);
}

function integerAsText(value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

function sqliteParam(value: SqlParam): unknown {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

function mysqlSelect(pool: MysqlPool): Select {
  return (sql, params) =>
    new Promise((resolve, reject) => {
      // DATETIME as its UTC text, as SQLite gives it: no Date object to build and format again.
      // No timeout of its own: a mysql2 query that times out leaves its connection hanging (see
      // watchConnections, which bounds every query).
      pool.execute({ sql, values: params as unknown[], dateStrings: true }, (error, rows) => {
        if (error) reject(error);
        else resolve(rows as Record<string, unknown>[]);
      });
    });
}
