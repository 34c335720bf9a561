import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

export const NODE_ENVIRONMENTS = ['development', 'production', 'test'] as const;
export const JWT_ALGORITHMS = ['HS256', 'RS256', 'ES256'] as const;
export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  return value;
};

/**
 * Every environment variable the service reads. Each one is documented in `.env.example` and docs/configuration.md.
 * Validated once at boot; nothing outside src/config reads process.env.
 */
export class Environment {
  @IsOptional()
  @IsIn(NODE_ENVIRONMENTS)
  NODE_ENV?: (typeof NODE_ENVIRONMENTS)[number];

  @IsOptional()
  @IsString()
  HOST?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @IsString()
  DATABASE_URL?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  DATABASE_POOL_SIZE?: number;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  DATABASE_MIGRATE?: boolean;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  DEMO_DATA?: boolean;

  @IsOptional()
  @IsIn(JWT_ALGORITHMS)
  JWT_ALGORITHM?: (typeof JWT_ALGORITHMS)[number];

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters long' })
  JWT_SECRET?: string;

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  JWT_JWKS_URL?: string;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  JWT_ISSUER?: string;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  JWT_AUDIENCE?: string;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  @Matches(/^[\x21-\x7e]+$/, { message: 'JWT_USER_CLAIM must be a claim name: printable ASCII, no spaces' })
  JWT_USER_CLAIM?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86400)
  JWT_TTL_SECONDS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(300)
  JWT_CLOCK_TOLERANCE_SECONDS?: number;

  @IsOptional()
  @IsIn(LOG_LEVELS)
  LOG_LEVEL?: (typeof LOG_LEVELS)[number];

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  SWAGGER_ENABLED?: boolean;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  WEBHOOK_WORKER?: boolean;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  WEBHOOK_ALLOW_LOOPBACK_HTTP?: boolean;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  WEBHOOK_TIMEOUT_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  WEBHOOK_RETRY_BASE_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(60_000)
  WEBHOOK_POLL_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  WEBHOOK_LEASE_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  RATE_LIMIT_PER_MINUTE?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  RATE_LIMIT_ANONYMOUS_PER_MINUTE?: number;

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['redis', 'rediss'] })
  REDIS_URL?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  REDIS_KEY_PREFIX?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  TRUST_PROXY?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  CORS_ORIGINS?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600_000)
  REQUEST_TIMEOUT_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600_000)
  SHUTDOWN_GRACE_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60_000)
  SHUTDOWN_DELAY_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3650)
  CALL_CHANGES_KEPT_DAYS?: number;
}

export const ENVIRONMENT_KEYS = [
  'NODE_ENV',
  'HOST',
  'PORT',
  'DATABASE_URL',
  'DATABASE_POOL_SIZE',
  'DATABASE_MIGRATE',
  'DEMO_DATA',
  'JWT_ALGORITHM',
  'JWT_SECRET',
  'JWT_JWKS_URL',
  'JWT_ISSUER',
  'JWT_AUDIENCE',
  'JWT_USER_CLAIM',
  'JWT_TTL_SECONDS',
  'JWT_CLOCK_TOLERANCE_SECONDS',
  'LOG_LEVEL',
  'SWAGGER_ENABLED',
  'WEBHOOK_WORKER',
  'WEBHOOK_ALLOW_LOOPBACK_HTTP',
  'WEBHOOK_TIMEOUT_MS',
  'WEBHOOK_RETRY_BASE_MS',
  'WEBHOOK_POLL_MS',
  'WEBHOOK_LEASE_MS',
  'RATE_LIMIT_PER_MINUTE',
  'RATE_LIMIT_ANONYMOUS_PER_MINUTE',
  'REDIS_URL',
  'REDIS_KEY_PREFIX',
  'TRUST_PROXY',
  'CORS_ORIGINS',
  'REQUEST_TIMEOUT_MS',
  'SHUTDOWN_GRACE_MS',
  'SHUTDOWN_DELAY_MS',
  'CALL_CHANGES_KEPT_DAYS',
] as const satisfies readonly (keyof Environment)[];

export function parseEnvironment(source: Record<string, string | undefined>): Environment {
  // An empty variable (`PORT=`) counts as unset, as in the .env.example template.
  const known = Object.fromEntries(
    ENVIRONMENT_KEYS.map((key) => [key, source[key]?.trim() === '' ? undefined : source[key]]),
  );
  const env = plainToInstance(Environment, known);
  const errors = validateSync(env, { forbidUnknownValues: true });
  if (errors.length > 0) {
    const lines = errors.map(
      (e) => `  ${e.property}: ${Object.values(e.constraints ?? { invalid: 'is invalid' }).join('; ')}`,
    );
    throw new ConfigurationError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return env;
}

export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}
