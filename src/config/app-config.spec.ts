import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildAppConfig, DEVELOPMENT_JWT_SECRET, loadAppConfig, parseDatabaseUrl } from './app-config';
import { ConfigurationError, Environment, ENVIRONMENT_KEYS } from './environment';

describe('loadAppConfig', () => {
  it('runs with no configuration: embedded SQLite, demo data, port 3000 on loopback, development secret', () => {
    const config = loadAppConfig({});
    expect(config).toMatchObject({
      env: 'development',
      http: { host: '127.0.0.1', port: 3000 },
      database: { kind: 'sqlite', file: path.resolve('data/calls-api.sqlite'), embeddedDefault: true },
      migrateOnStart: true,
      demoData: true,
      swaggerEnabled: true,
      jwt: {
        algorithm: 'HS256',
        secret: DEVELOPMENT_JWT_SECRET,
        usesDevelopmentSecret: true,
        issuer: 'calls-api',
        audience: 'calls-api',
        userClaim: 'sub',
        ttlSeconds: 3600,
        clockToleranceSeconds: 30,
      },
    });
  });

  it('reads every variable', () => {
    const config = loadAppConfig({
      NODE_ENV: 'production',
      HOST: '10.0.0.5',
      PORT: '8080',
      DATABASE_URL: 'mysql://app:p%40ss@db.internal:3307/calls',
      DATABASE_POOL_SIZE: '20',
      DATABASE_MIGRATE: 'true',
      DEMO_DATA: 'false',
      JWT_SECRET: 's'.repeat(40),
      JWT_ISSUER: 'https://crm.example.com',
      JWT_AUDIENCE: 'calls',
      JWT_TTL_SECONDS: '900',
      JWT_CLOCK_TOLERANCE_SECONDS: '5',
      LOG_LEVEL: 'debug',
      SWAGGER_ENABLED: 'off',
      WEBHOOK_WORKER: 'false',
      WEBHOOK_ALLOW_LOOPBACK_HTTP: 'false',
      WEBHOOK_TIMEOUT_MS: '3000',
      WEBHOOK_RETRY_BASE_MS: '1000',
      WEBHOOK_POLL_MS: '250',
      WEBHOOK_LEASE_MS: '20000',
      RATE_LIMIT_PER_MINUTE: '1200',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '30',
      REDIS_URL: 'redis://cache.internal:6379/2',
      REDIS_KEY_PREFIX: 'crm:',
      TRUST_PROXY: 'loopback, 10.0.0.0/8',
      CORS_ORIGINS: 'https://crm.example.com, https://admin.example.com',
      REQUEST_TIMEOUT_MS: '5000',
      SHUTDOWN_GRACE_MS: '20000',
      SHUTDOWN_DELAY_MS: '3000',
      CALL_CHANGES_KEPT_DAYS: '45',
    });
    expect(config).toEqual({
      env: 'production',
      http: { host: '10.0.0.5', port: 8080 },
      database: {
        kind: 'mysql',
        host: 'db.internal',
        port: 3307,
        user: 'app',
        password: 'p@ss',
        database: 'calls',
        poolSize: 20,
      },
      migrateOnStart: true,
      demoData: false,
      jwt: {
        algorithm: 'HS256',
        secret: 's'.repeat(40),
        usesDevelopmentSecret: false,
        issuer: 'https://crm.example.com',
        audience: 'calls',
        userClaim: 'sub',
        ttlSeconds: 900,
        clockToleranceSeconds: 5,
      },
      logLevel: 'debug',
      swaggerEnabled: false,
      webhooks: {
        worker: false,
        allowLoopbackHttp: false,
        timeoutMs: 3000,
        retryBaseMs: 1000,
        retryMaxMs: 1800000,
        retryWindowMs: 90000000,
        pauseAfterMs: 86400000,
        pollMs: 250,
        leaseMs: 20000,
      },
      rateLimit: {
        perMinute: 1200,
        anonymousPerMinute: 30,
        redisUrl: 'redis://cache.internal:6379/2',
        redisKeyPrefix: 'crm:',
      },
      trustProxy: 'loopback, 10.0.0.0/8',
      corsOrigins: ['https://crm.example.com', 'https://admin.example.com'],
      requestTimeoutMs: 5000,
      shutdownGraceMs: 20000,
      shutdownDelayMs: 3000,
      callChangesKeptMs: 45 * 86_400_000,
    });
  });

  it.each([
    ['false', false],
    ['true', true],
    ['2', 2],
    ['loopback', 'loopback'],
  ])('reads TRUST_PROXY=%s', (value, expected) => {
    expect(loadAppConfig({ TRUST_PROXY: value }).trustProxy).toBe(expected);
  });

  it('listens on any interface with a real secret', () => {
    expect(loadAppConfig({ HOST: '0.0.0.0', JWT_SECRET: 'x'.repeat(32) }).http.host).toBe('0.0.0.0');
  });

  it('binds to every interface and does not migrate by itself in production', () => {
    const config = loadAppConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) });
    expect(config.http.host).toBe('0.0.0.0');
    expect(config.migrateOnStart).toBe(false);
    expect(config.demoData).toBe(false);
  });

  it('refuses to start in production on the development secret, saying what to do', () => {
    expect(() => loadAppConfig({ NODE_ENV: 'production' })).toThrow(ConfigurationError);
    expect(() => loadAppConfig({ NODE_ENV: 'production' })).toThrow(/Set JWT_SECRET to a random value of at least 32/);
    expect(() => loadAppConfig({ NODE_ENV: 'production', JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toThrow(
      ConfigurationError,
    );
  });

  it('accepts an external identity provider instead of a secret', () => {
    const config = loadAppConfig({
      NODE_ENV: 'production',
      JWT_JWKS_URL: 'https://idp.example.com/.well-known/jwks.json',
    });
    expect(config.jwt).toMatchObject({ algorithm: 'RS256', jwksUrl: 'https://idp.example.com/.well-known/jwks.json' });
    expect(config.jwt.secret).toBeUndefined();
  });

  it("names the CRM user by the claim JWT_USER_CLAIM names, for an external identity provider's tokens", () => {
    const config = loadAppConfig({
      JWT_JWKS_URL: 'https://idp.example.com/.well-known/jwks.json',
      JWT_USER_CLAIM: 'https://crm.example.com/user_id',
    });
    expect(config.jwt.userClaim).toBe('https://crm.example.com/user_id');
  });

  it.each([
    [{ JWT_SECRET: 'short' }, /JWT_SECRET must be at least 32 characters/],
    [{ PORT: 'http' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV/],
    [{ JWT_ALGORITHM: 'none' }, /JWT_ALGORITHM/],
    [{ JWT_ALGORITHM: 'RS256' }, /needs JWT_JWKS_URL/],
    [{ JWT_JWKS_URL: 'https://idp/jwks', JWT_ALGORITHM: 'HS256' }, /JWT_ALGORITHM is HS256/],
    [{ NODE_ENV: 'production', JWT_JWKS_URL: 'http://idp.example.com/jwks' }, /https/],
    [{ JWT_USER_CLAIM: 'crm_user_id' }, /JWT_USER_CLAIM=crm_user_id is for the tokens of an external identity/],
    [{ JWT_JWKS_URL: 'https://idp/jwks', JWT_USER_CLAIM: 'crm user' }, /JWT_USER_CLAIM must be a claim name/],
    [{ HOST: '0.0.0.0' }, /Refusing to listen on HOST=0.0.0.0 with the public development signing secret/],
    [
      { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), WEBHOOK_ALLOW_LOOPBACK_HTTP: 'true' },
      /development setting/,
    ],
    [{ WEBHOOK_TIMEOUT_MS: '5' }, /WEBHOOK_TIMEOUT_MS/],
    [{ WEBHOOK_TIMEOUT_MS: '20000', WEBHOOK_LEASE_MS: '20000' }, /WEBHOOK_LEASE_MS \(20000\) must be longer than/],
    [{ DATABASE_URL: 'postgres://x/y' }, /unsupported scheme/],
    [{ DATABASE_URL: 'mysql://root@localhost:3306' }, /must name the database/],
    [{ DATABASE_MIGRATE: 'maybe' }, /DATABASE_MIGRATE/],
    [{ REDIS_URL: 'http://cache:6379' }, /REDIS_URL/],
    [{ RATE_LIMIT_PER_MINUTE: '0' }, /RATE_LIMIT_PER_MINUTE/],
    [{ REQUEST_TIMEOUT_MS: '10' }, /REQUEST_TIMEOUT_MS/],
  ])('refuses %j', (env, message) => {
    expect(() => loadAppConfig(env)).toThrow(message);
  });
});

describe('parseDatabaseUrl', () => {
  it.each([
    ['sqlite:data/x.sqlite', { kind: 'sqlite', file: path.resolve('data/x.sqlite'), embeddedDefault: false }],
    ['sqlite:///tmp/x.sqlite', { kind: 'sqlite', file: '/tmp/x.sqlite', embeddedDefault: false }],
    ['sqlite::memory:', { kind: 'sqlite', file: ':memory:', embeddedDefault: false }],
    [
      'mariadb://root@127.0.0.1/calls',
      { kind: 'mysql', host: '127.0.0.1', port: 3306, user: 'root', password: '', database: 'calls', poolSize: 10 },
    ],
  ])('reads %s', (url, expected) => {
    expect(parseDatabaseUrl(url, 10)).toEqual(expected);
  });
});

describe('buildAppConfig', () => {
  it('turns demo data off for a configured database', () => {
    expect(buildAppConfig(Object.assign(new Environment(), { DATABASE_URL: 'sqlite:x.sqlite' })).demoData).toBe(false);
  });
});

describe('the .env.example template', () => {
  it('is a valid configuration as it stands, equal to the defaults', () => {
    const lines = readFileSync(path.resolve(__dirname, '../../.env.example'), 'utf8').split('\n');
    const env = Object.fromEntries(
      lines.filter((l) => /^[A-Z_]+=/.test(l)).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    expect(Object.keys(env).sort()).toEqual([...ENVIRONMENT_KEYS].sort());
    expect(loadAppConfig(env)).toEqual(loadAppConfig({}));
  });
});
