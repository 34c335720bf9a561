import type { UsersService } from '../auth/users.service';
import type { AppConfig, DatabaseConfig } from '../config/app-config';

export interface StartupLine {
  level: 'log' | 'warn';
  message: string;
}

/** The agent of the demo data set, whom the README's examples use. */
const DEMO_USER = '100234';

/** DATABASE_URL as a command line must repeat it for the scripts to use the same database (no password). */
function databaseUrlForScripts(db: DatabaseConfig): string {
  if (db.kind === 'sqlite') return `sqlite:${db.file}`;
  const password = db.password === '' ? '' : ':<password>';
  return `mysql://${encodeURIComponent(db.user)}${password}@${db.host}:${db.port}/${encodeURIComponent(db.database)}`;
}

/**
 * How to get a token that works on this database: for the demo agent when the demo data set is there, else for
 * an active user it has, else how to make one. Null where the service issues no tokens (an external issuer).
 */
async function tokenLine(config: AppConfig, users: UsersService): Promise<StartupLine | null> {
  if (config.jwt.secret === undefined) return null;
  const client = 'POST /oauth/token with an API client';
  if (config.env === 'production') return { level: 'log', message: `Get a token: ${client}` };
  const prefix =
    config.database.kind === 'sqlite' && config.database.embeddedDefault
      ? ''
      : `DATABASE_URL=${databaseUrlForScripts(config.database)} `;
  let userId: string | null;
  try {
    userId = await users.findActiveUser(DEMO_USER);
  } catch {
    return {
      level: 'warn',
      message:
        'The database has no schema yet: run the migrations (npm run migration:run, or node dist/src/cli/migrate.js ' +
        'in the image), or start with DATABASE_MIGRATE=true.',
    };
  }
  if (userId !== null) {
    return { level: 'log', message: `Get a token: ${prefix}npm run token -- --user ${userId}   (or ${client})` };
  }
  const scripts = prefix === '' ? '' : ` (the scripts need ${prefix.trim()})`;
  return {
    level: 'log',
    message:
      `No user in this database yet${scripts}: npm run seed loads the demo data set; or npm run cli -- team:create ` +
      '--name <team>, then npm run cli -- user:create --team <teamId> --name <name> --role OWNER, then npm run ' +
      'token -- --user <userId>.',
  };
}

/** What the log says once the service listens: where it is, its docs, and how to get a token that works. */
export async function startupLines(config: AppConfig, users: UsersService): Promise<StartupLine[]> {
  const { host, port } = config.http;
  const base = `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host}:${port}`;
  const lines: StartupLine[] = [{ level: 'log', message: `Listening on ${base}` }];
  if (config.swaggerEnabled) {
    lines.push({ level: 'log', message: `Swagger UI: ${base}/docs   OpenAPI JSON: ${base}/docs-json` });
  }
  const token = await tokenLine(config, users);
  if (token !== null) lines.push(token);
  if (config.jwt.usesDevelopmentSecret) {
    lines.push({
      level: 'warn',
      message: 'Signing tokens with the public development secret: set JWT_SECRET outside local development.',
    });
  }
  return lines;
}
