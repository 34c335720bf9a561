import type { AppConfig, DatabaseConfig } from '../config/app-config';

/** One line for the log: what stopped the start, and what to do about it. */
export interface StartupFailure {
  /** The error's code (EADDRINUSE, ER_BAD_DB_ERROR, ...), or STARTUP_FAILED. */
  code: string;
  message: string;
  /** Only for an error this module does not know: the stack, for whoever reports the defect. */
  stack?: string;
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** The driver's or Node's error code, on the error or one it wraps (TypeORM's driverError, a cause). */
function codeOf(error: unknown): string | undefined {
  for (let current = error, depth = 0; typeof current === 'object' && current !== null && depth < 4; depth++) {
    const { code, driverError, cause, errors } = current as {
      code?: unknown;
      driverError?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (typeof code === 'string') return code;
    // Node's AggregateError of a connection to every address of a host name.
    current = driverError ?? cause ?? (Array.isArray(errors) ? (errors as unknown[])[0] : undefined);
  }
  return undefined;
}

function mysqlAddress(db: Extract<DatabaseConfig, { kind: 'mysql' }>): string {
  return `${db.host}:${db.port}`;
}

/**
 * Says what stopped the service from starting: the port taken, the database missing or unreachable. The
 * message names the fix; an unknown error keeps its stack.
 */
export function describeStartupFailure(error: unknown, config: AppConfig): StartupFailure {
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  const { host, port } = config.http;
  const db = config.database;
  switch (code) {
    case 'EADDRINUSE':
      return {
        code,
        message: `Port ${port} on ${host} is in use by another process: stop that process, or set PORT to a free port.`,
      };
    case 'EACCES':
      if (/listen/.test(message)) {
        return {
          code,
          message: `Not allowed to listen on ${host}:${port}: set PORT to 1024 or above, or grant the process that port.`,
        };
      }
      break;
    case 'EADDRNOTAVAIL':
      return {
        code,
        message: `HOST=${host} is not an address of this machine: set HOST to one of its addresses (0.0.0.0 for all).`,
      };
    default:
      break;
  }
  if (db.kind === 'mysql') {
    const user = `"${db.user}"`;
    switch (code) {
      case 'ER_BAD_DB_ERROR':
        return {
          code,
          message:
            `The MySQL database "${db.database}" does not exist on ${mysqlAddress(db)}: create it (CREATE DATABASE ` +
            `\`${db.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci) and run the migrations ` +
            '(npm run migration:run), or fix the name in DATABASE_URL.',
        };
      case 'ER_ACCESS_DENIED_ERROR':
        return {
          code,
          message: `MySQL at ${mysqlAddress(db)} refused the user ${user}: check the user and password in DATABASE_URL.`,
        };
      case 'ER_DBACCESS_DENIED_ERROR':
        return {
          code,
          message:
            `The MySQL user ${user} may not use the database "${db.database}": grant it (GRANT ALL ON ` +
            `\`${db.database}\`.* TO ${user}), or fix DATABASE_URL.`,
        };
      default:
        break;
    }
    if (code !== undefined && UNREACHABLE.has(code)) {
      return {
        code,
        message: `MySQL at ${mysqlAddress(db)} does not answer (${code}): start it, or fix the host and port in DATABASE_URL.`,
      };
    }
  }
  if (db.kind === 'sqlite' && (code === 'SQLITE_CANTOPEN' || /directory does not exist/.test(message))) {
    return {
      code: code ?? 'SQLITE_CANTOPEN',
      message:
        `Cannot open the SQLite file ${db.file}: its folder must exist and be writable by the service; ` +
        'create it, or set DATABASE_URL=sqlite:<another path>.',
    };
  }
  return {
    code: code ?? 'STARTUP_FAILED',
    message: `The service could not start: ${message}`,
    stack: error instanceof Error ? error.stack : undefined,
  };
}

/** A configuration error (every invalid variable, one per line) as one line. */
export function describeConfigurationError(message: string): StartupFailure {
  const [first, ...rest] = message.split('\n').map((line) => line.trim());
  return {
    code: 'INVALID_CONFIGURATION',
    message: rest.length === 0 ? first : `${first.replace(/:$/, '')}: ${rest.join('; ')} (see .env.example)`,
  };
}
