import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';

/**
 * Every place the service reaches past a library's public API, in one file: the fields TypeORM keeps its driver's
 * connection in, mysql2's private pool fields and its connections' command queue, better-sqlite3's prepare on the
 * connection TypeORM opened, and Node's HTTP server's response in progress on a socket and options it reads after
 * creation, the symbol Express's router adds to requests, and the parameters Nest records of a route handler.
 * library-internals.spec.ts checks each against the installed versions and names the one to re-check when it fails;
 * the functions here throw when a field they need is missing rather than let the service go on without it.
 */

/** A statement of better-sqlite3. */
export interface SqliteStatement {
  all(...params: unknown[]): Record<string, unknown>[];
  safeIntegers(on: boolean): SqliteStatement;
  /** Rows as arrays of their values, in the order of columns(). */
  raw(on: boolean): SqliteStatement;
  columns(): { name: string }[];
}

/** A connection of better-sqlite3. */
export interface SqliteConnection {
  prepare(source: string, ...rest: unknown[]): SqliteStatement;
  pragma(source: string): unknown;
}

/** A pool of mysql2 (callback API). */
export interface MysqlPool extends EventEmitter {
  execute(
    options: { sql: string; values: unknown[]; dateStrings: boolean },
    callback: (error: Error | null, rows: unknown) => void,
  ): void;
}

/** A connection of mysql2. */
export interface MysqlConnection {
  /** The connection's socket. */
  stream: { destroy(error?: Error): void };
}

function missing(what: string, library: string): Error {
  return new Error(`${what} is missing: the installed ${library} changed what the service relies on`);
}

/** better-sqlite3's connection that TypeORM's better-sqlite3 driver opened (its `databaseConnection`). */
export function sqliteConnectionOf(dataSource: DataSource): SqliteConnection {
  const connection = (dataSource.driver as { databaseConnection?: SqliteConnection }).databaseConnection;
  if (typeof connection?.prepare !== 'function') throw missing("TypeORM's driver.databaseConnection", 'typeorm');
  return connection;
}

/** mysql2's pool that TypeORM's MySQL driver opened (its `pool`); undefined on SQLite. */
export function mysqlPoolOf(dataSource: DataSource): MysqlPool | undefined {
  if (dataSource.options.type === 'better-sqlite3') return undefined;
  const pool = (dataSource.driver as { pool?: MysqlPool }).pool;
  if (typeof pool?.execute !== 'function') throw missing("TypeORM's driver.pool", 'typeorm');
  return pool;
}

interface PoolInternals {
  _allConnections?: { length: number; toArray?: () => MysqlConnection[] };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
}

/** How many connections the pool has open and idle, and how many requests wait for one: mysql2 keeps no count in public. */
export function poolCounts(pool: MysqlPool): { open: number; idle: number; queued: number } {
  const { _allConnections: all, _freeConnections: free, _connectionQueue: queue } = pool as MysqlPool & PoolInternals;
  if (all === undefined || free === undefined || queue === undefined) throw missing("mysql2's pool counts", 'mysql2');
  return { open: all.length, idle: free.length, queued: queue.length };
}

/** The connections the pool has open. */
export function poolConnections(pool: MysqlPool): MysqlConnection[] {
  const all = (pool as MysqlPool & PoolInternals)._allConnections;
  if (typeof all?.toArray !== 'function') throw missing("mysql2's pool._allConnections", 'mysql2');
  return all.toArray();
}

interface CommandQueue {
  addCommand(command: EventEmitter): EventEmitter;
}

/**
 * Calls `onCommand` with each command given to the connection (a query, a prepare, an execute) before it is queued:
 * mysql2 has no hook for that, so its `addCommand` is wrapped.
 */
export function onEveryCommand(connection: MysqlConnection, onCommand: (command: EventEmitter) => void): void {
  const queue = connection as MysqlConnection & CommandQueue;
  if (typeof queue.addCommand !== 'function') throw missing("mysql2's connection.addCommand", 'mysql2');
  const addCommand = queue.addCommand.bind(connection);
  queue.addCommand = (command) => {
    onCommand(command);
    return addCommand(command);
  };
}

/**
 * Makes every statement prepared on the connection return INTEGER values as bigints (better-sqlite3 sets that per
 * statement only), but PRAGMA statements: TypeORM reads the schema through them and compares their integers to
 * numbers. Its `prepare` is wrapped.
 */
export function prepareWithSafeIntegers(connection: SqliteConnection): void {
  const prepare = connection.prepare.bind(connection);
  connection.prepare = (source: string, ...rest: unknown[]) => {
    const statement = prepare(source, ...rest);
    return /^\s*PRAGMA\b/i.test(source) ? statement : statement.safeIntegers(true);
  };
}

/**
 * The fields Express's router (`router`, a dependency of Express 5) adds to every request under a symbol of its
 * private `lib/symbols` module: the pattern of the route matched, for tracing.
 */
export function routerRequestFields(): symbol[] {
  const fromExpress = createRequire(require.resolve('express'));
  const symbols = fromExpress('router/lib/symbols') as { matchedRoute?: unknown };
  if (typeof symbols.matchedRoute !== 'symbol') throw missing("router's lib/symbols matchedRoute", 'router');
  return [symbols.matchedRoute];
}

/** The response Node's HTTP server has in progress on the connection (its private `_httpMessage`), if any. */
export function responseInProgress(socket: Duplex): Partial<Response> | undefined {
  return (socket as Duplex & { _httpMessage?: Partial<Response> | null })._httpMessage ?? undefined;
}

/**
 * Options of http.createServer for a server created by someone else (Nest): Node reads them from the server when it
 * listens (connectionsCheckingInterval) or per request (requireHostHeader), and @types/node leaves them out.
 */
export function setServerOptions(
  server: Server,
  options: { connectionsCheckingInterval?: number; requireHostHeader?: boolean },
): void {
  Object.assign(server, options);
}

/**
 * Whether a route handler takes the request body (a `@Body()` parameter), read from the arguments Nest records for
 * the handler's parameters (keyed `<paramtype>:<index>`). Parameter decorators run before the method's decorators,
 * so a method decorator can tell.
 */
export function takesBody(prototype: object, key: string | symbol): boolean {
  const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, prototype.constructor, key) as object | undefined;
  return Object.keys(args ?? {}).some((arg) => arg.split(':')[0] === String(RouteParamtypes.BODY));
}
