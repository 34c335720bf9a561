import path from 'node:path';
import { ConfigurationError, Environment, JWT_ALGORITHMS, LOG_LEVELS, parseEnvironment } from './environment';

export type DatabaseConfig =
  | { kind: 'sqlite'; file: string; embeddedDefault: boolean }
  | {
      kind: 'mysql';
      host: string;
      port: number;
      user: string;
      password: string;
      database: string;
      poolSize: number;
    };

export interface JwtConfig {
  algorithm: (typeof JWT_ALGORITHMS)[number];
  /** HS256 signing and verification secret of the built-in issuer. */
  secret?: string;
  /** Key set of an external identity provider (RS256/ES256); the built-in issuer is then off. */
  jwksUrl?: string;
  issuer: string;
  audience: string;
  /**
   * The claim that names the CRM user, its numeric id: `sub` for the built-in issuer; for an external identity
   * provider, whose subjects are its own (a Keycloak UUID), the claim it is told to add.
   */
  userClaim: string;
  ttlSeconds: number;
  clockToleranceSeconds: number;
  usesDevelopmentSecret: boolean;
}

export interface WebhookConfig {
  /** Run the delivery worker in this process. */
  worker: boolean;
  /** Development only: allow http:// callbacks to loopback addresses. */
  allowLoopbackHttp: boolean;
  timeoutMs: number;
  /** The first retry's delay; each retry doubles it, up to retryMaxMs, with jitter. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** How long an event is retried before it is given up (from its first attempt). */
  retryWindowMs: number;
  /** A subscription whose every delivery failed for this long is paused. */
  pauseAfterMs: number;
  pollMs: number;
  /** How long a worker holds the events it claimed; past it another worker may take them. */
  leaseMs: number;
}

export interface RateLimitConfig {
  /** Requests per minute of one API client, or of one user's own tokens. */
  perMinute: number;
  /** Requests per minute of one address without a valid token (the token endpoint, failed logins). */
  anonymousPerMinute: number;
  /** Shared counters for several instances; in memory when unset. */
  redisUrl?: string;
  redisKeyPrefix: string;
}

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  http: { host: string; port: number };
  database: DatabaseConfig;
  migrateOnStart: boolean;
  demoData: boolean;
  jwt: JwtConfig;
  logLevel: (typeof LOG_LEVELS)[number];
  swaggerEnabled: boolean;
  webhooks: WebhookConfig;
  rateLimit: RateLimitConfig;
  /** Express's `trust proxy`: whose X-Forwarded-For to believe for the client address (false: none). */
  trustProxy: boolean | number | string;
  /** Origins allowed by CORS; none (CORS off) when empty. */
  corsOrigins: string[];
  /** A request not answered within this time is answered 503. */
  requestTimeoutMs: number;
  /** On SIGTERM, how long the requests in flight may take before their connections are closed. */
  shutdownGraceMs: number;
  /**
   * On SIGTERM, how long the instance keeps serving, reported not ready and closing each connection after its
   * answer, before it stops taking connections: the time a load balancer needs to take it out of rotation.
   */
  shutdownDelayMs: number;
  /** How long the change feed keeps a change; a reader further behind must resync (410 CURSOR_EXPIRED). */
  callChangesKeptMs: number;
}

/** Injection token of the validated configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');

export const DEFAULT_SQLITE_FILE = 'data/calls-api.sqlite';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * Public on purpose: it lets a fresh clone run with no configuration. The service refuses to start with it
 * when NODE_ENV=production, and binds to loopback by default while it is in use.
 */
export const DEVELOPMENT_JWT_SECRET = 'development-only-secret-never-use-in-production';

export function loadAppConfig(source: Record<string, string | undefined> = process.env): AppConfig {
  return buildAppConfig(parseEnvironment(source));
}

/** The requests a minute of a caller, and of an address without a valid token, when not configured. */
export const DEFAULT_RATE_LIMITS = { perMinute: 600, anonymousPerMinute: 60 } as const;

export function buildAppConfig(env: Environment): AppConfig {
  const nodeEnv = env.NODE_ENV ?? 'development';
  const production = nodeEnv === 'production';
  const database = parseDatabaseUrl(env.DATABASE_URL, env.DATABASE_POOL_SIZE ?? 10);
  const jwt = buildJwtConfig(env, production);
  const host = env.HOST ?? (production ? '0.0.0.0' : '127.0.0.1');
  if (jwt.usesDevelopmentSecret && !LOOPBACK_HOSTS.has(host)) {
    throw new ConfigurationError(
      `Refusing to listen on HOST=${host} with the public development signing secret: anyone could mint tokens. ` +
        'Set JWT_SECRET (at least 32 random characters), or listen on 127.0.0.1.',
    );
  }
  return {
    env: nodeEnv,
    http: { host, port: env.PORT ?? 3000 },
    database,
    migrateOnStart: env.DATABASE_MIGRATE ?? !production,
    demoData: env.DEMO_DATA ?? (database.kind === 'sqlite' && database.embeddedDefault && !production),
    jwt,
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'warn' : 'log'),
    swaggerEnabled: env.SWAGGER_ENABLED ?? true,
    webhooks: buildWebhookConfig(env, production),
    rateLimit: {
      perMinute: env.RATE_LIMIT_PER_MINUTE ?? DEFAULT_RATE_LIMITS.perMinute,
      anonymousPerMinute: env.RATE_LIMIT_ANONYMOUS_PER_MINUTE ?? DEFAULT_RATE_LIMITS.anonymousPerMinute,
      redisUrl: env.REDIS_URL,
      redisKeyPrefix: env.REDIS_KEY_PREFIX ?? 'calls-api:',
    },
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin !== ''),
    requestTimeoutMs: env.REQUEST_TIMEOUT_MS ?? 10_000,
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS ?? 10_000,
    shutdownDelayMs: env.SHUTDOWN_DELAY_MS ?? 0,
    callChangesKeptMs: (env.CALL_CHANGES_KEPT_DAYS ?? 30) * 86_400_000,
  };
}

/** `true`/`false`, a number of hops, or Express's list of trusted addresses (`loopback, 10.0.0.0/8`). */
function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

const HOUR = 3_600_000;

function buildWebhookConfig(env: Environment, production: boolean): WebhookConfig {
  const allowLoopbackHttp = env.WEBHOOK_ALLOW_LOOPBACK_HTTP ?? false;
  if (production && allowLoopbackHttp) {
    throw new ConfigurationError(
      'WEBHOOK_ALLOW_LOOPBACK_HTTP is a development setting: it is refused when NODE_ENV=production.',
    );
  }
  const timeoutMs = env.WEBHOOK_TIMEOUT_MS ?? 10_000;
  const leaseMs = env.WEBHOOK_LEASE_MS ?? 60_000;
  if (leaseMs <= timeoutMs) {
    // A lease that can run out during a callback lets another worker send the same batch meanwhile.
    throw new ConfigurationError(
      `WEBHOOK_LEASE_MS (${leaseMs}) must be longer than WEBHOOK_TIMEOUT_MS (${timeoutMs}): a worker renews ` +
        'its lease before each callback, which may take that long.',
    );
  }
  return {
    worker: env.WEBHOOK_WORKER ?? true,
    allowLoopbackHttp,
    timeoutMs,
    retryBaseMs: env.WEBHOOK_RETRY_BASE_MS ?? 5_000,
    retryMaxMs: 30 * 60_000,
    retryWindowMs: 25 * HOUR,
    pauseAfterMs: 24 * HOUR,
    pollMs: env.WEBHOOK_POLL_MS ?? 500,
    leaseMs,
  };
}

function buildJwtConfig(env: Environment, production: boolean): JwtConfig {
  const algorithm = env.JWT_ALGORITHM ?? (env.JWT_JWKS_URL ? 'RS256' : 'HS256');
  const common = {
    algorithm,
    issuer: env.JWT_ISSUER ?? 'calls-api',
    audience: env.JWT_AUDIENCE ?? 'calls-api',
    userClaim: env.JWT_USER_CLAIM ?? 'sub',
    ttlSeconds: env.JWT_TTL_SECONDS ?? 3600,
    clockToleranceSeconds: env.JWT_CLOCK_TOLERANCE_SECONDS ?? 30,
  };
  if (algorithm !== 'HS256') {
    if (!env.JWT_JWKS_URL) {
      throw new ConfigurationError(`JWT_ALGORITHM=${algorithm} needs JWT_JWKS_URL, the identity provider's key set.`);
    }
    if (production && !env.JWT_JWKS_URL.startsWith('https://')) {
      throw new ConfigurationError('JWT_JWKS_URL must be an https:// URL when NODE_ENV=production.');
    }
    return { ...common, jwksUrl: env.JWT_JWKS_URL, usesDevelopmentSecret: false };
  }
  if (env.JWT_JWKS_URL) {
    throw new ConfigurationError('JWT_JWKS_URL is set but JWT_ALGORITHM is HS256: set JWT_ALGORITHM=RS256 or ES256.');
  }
  if (common.userClaim !== 'sub') {
    throw new ConfigurationError(
      `JWT_USER_CLAIM=${common.userClaim} is for the tokens of an external identity provider (JWT_JWKS_URL): ` +
        'the built-in issuer names the user in sub.',
    );
  }
  const secret = env.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET;
  const usesDevelopmentSecret = secret === DEVELOPMENT_JWT_SECRET;
  if (production && usesDevelopmentSecret) {
    throw new ConfigurationError(
      'Refusing to start: NODE_ENV=production but no signing key is configured. ' +
        'Set JWT_SECRET to a random value of at least 32 characters (for example: ' +
        "`node -e \"console.log(require('crypto').randomBytes(48).toString('base64url'))\"`), " +
        'or set JWT_JWKS_URL and JWT_ALGORITHM for an external identity provider.',
    );
  }
  return { ...common, secret, usesDevelopmentSecret };
}

/**
 * `DATABASE_URL` forms: unset (the embedded SQLite file), `sqlite:<path>` / `sqlite::memory:`,
 * `mysql://user:pass@host:3306/db` (`mariadb://` is accepted as a synonym).
 */
export function parseDatabaseUrl(value: string | undefined, poolSize: number): DatabaseConfig {
  if (value === undefined) {
    return { kind: 'sqlite', file: path.resolve(DEFAULT_SQLITE_FILE), embeddedDefault: true };
  }
  if (value.startsWith('sqlite:')) {
    const file = value.slice('sqlite:'.length).replace(/^\/\//, '');
    if (file === '') throw new ConfigurationError('DATABASE_URL: sqlite: needs a file path, e.g. sqlite:data/x.sqlite');
    return { kind: 'sqlite', file: file === ':memory:' ? file : path.resolve(file), embeddedDefault: false };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigurationError('DATABASE_URL is not a valid URL (expected mysql://user:pass@host:3306/db).');
  }
  if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:') {
    throw new ConfigurationError(`DATABASE_URL: unsupported scheme "${url.protocol}" (use mysql:// or sqlite:).`);
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (database === '' || database.includes('/')) {
    throw new ConfigurationError('DATABASE_URL must name the database: mysql://user:pass@host:3306/<database>.');
  }
  return {
    kind: 'mysql',
    host: url.hostname || '127.0.0.1',
    port: url.port === '' ? 3306 : Number(url.port),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
    database,
    poolSize,
  };
}

/** A DATABASE_URL for logs: the password is never printed. */
export function describeDatabase(db: DatabaseConfig): string {
  return db.kind === 'sqlite' ? `SQLite ${db.file}` : `MySQL ${db.user}@${db.host}:${db.port}/${db.database}`;
}
