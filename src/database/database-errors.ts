const DATABASE_TIMEOUT = 'DATABASE_TIMEOUT';

/**
 * The error of a wait on the database that the service gave up (a statement, a transaction, a ping that got no
 * answer in time): the database is unavailable, as for a refused connection.
 */
export function databaseTimeout(message: string): Error {
  return Object.assign(new Error(message), { code: DATABASE_TIMEOUT });
}

/** Driver error codes that mean the database cannot be reached or cannot take the query now. */
const UNAVAILABLE_CODES = new Set([
  // network and connection (mysql2, Node)
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_LOCK_WAIT_TIMEOUT',
  // a transaction chosen as a deadlock victim again and again (a single one is retried: see isDeadlock)
  'ER_LOCK_DEADLOCK',
  // SQLite
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_CANTOPEN',
  'SQLITE_IOERR',
  'SQLITE_FULL',
  // the service's own: a wait on the database that was given up (see databaseTimeout)
  DATABASE_TIMEOUT,
]);

/** What the drivers put on their errors. */
interface DriverErrorFields {
  code?: unknown;
  errno?: unknown;
  message?: unknown;
}

/** Whether the error, or one it wraps (TypeORM's driverError, a cause), passes the test. */
function anyCause(error: unknown, test: (fields: DriverErrorFields) => boolean): boolean {
  for (let current = error, depth = 0; typeof current === 'object' && current !== null && depth < 4; depth++) {
    if (test(current)) return true;
    const next = current as { driverError?: unknown; cause?: unknown };
    current = next.driverError ?? next.cause;
  }
  return false;
}

/**
 * True for an error that says the database is unavailable rather than that the query is wrong: the
 * caller gets 503 SERVICE_UNAVAILABLE and may retry.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return anyCause(
    error,
    ({ code, message }) =>
      (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) ||
      // mysql2 rejects with this when the pool is closing or its queue timed out.
      (typeof message === 'string' && /^(Pool is closed|Queue limit reached)/.test(message)),
  );
}

/** A duplicate key / unique constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
  return anyCause(
    error,
    ({ code, errno }) =>
      code === 'ER_DUP_ENTRY' ||
      errno === 1062 ||
      code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
      code === 'SQLITE_CONSTRAINT_UNIQUE',
  );
}

/** MySQL chose the transaction as a deadlock victim and rolled it back whole: it may simply run again. */
export function isDeadlock(error: unknown): boolean {
  return anyCause(error, ({ code, errno }) => code === 'ER_LOCK_DEADLOCK' || errno === 1213);
}

/** A row that refers to one that does not exist (any more). */
export function isForeignKeyViolation(error: unknown): boolean {
  return anyCause(
    error,
    ({ code, errno }) => code === 'ER_NO_REFERENCED_ROW_2' || errno === 1452 || code === 'SQLITE_CONSTRAINT_FOREIGNKEY',
  );
}
