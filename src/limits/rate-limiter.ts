import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Clock } from '../common/clock';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import type { Int64 } from '../common/int64';
import { APP_CONFIG, type AppConfig, type RateLimitConfig } from '../config/app-config';
import { Metrics } from '../observability/metrics';
import { tooManyRequests } from './limits.errors';
import { MemoryStore, type RateLimitStore, RedisStore } from './rate-limit-store';

const WINDOW_MS = 60_000;

export type BucketKind = 'client' | 'user' | 'ip';

/** What the limits need of an authenticated caller (a Principal): whose bucket the request counts against. */
export interface RateLimitedCaller {
  userId: Int64;
  /** The API client the token was issued to; null for a user's own token. */
  clientId: string | null;
}

/**
 * Fixed one-minute windows (they reset on the minute, as the source API's do) per API client, per user for a
 * user's own tokens, and per address for requests without a valid token. Every counted answer carries
 * X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset (epoch seconds); past the limit the answer is
 * 429 TOO_MANY_REQUESTS with Retry-After.
 */
@Injectable()
export class RateLimiter implements OnModuleInit, OnApplicationShutdown {
  private readonly settings: RateLimitConfig;
  private readonly store: RateLimitStore;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly clock: Clock,
    private readonly metrics: Metrics,
  ) {
    this.settings = config.rateLimit;
    this.store =
      config.rateLimit.redisUrl === undefined
        ? new MemoryStore()
        : new RedisStore(config.rateLimit.redisUrl, config.rateLimit.redisKeyPrefix);
  }

  /**
   * Counts the request against the caller's bucket (or its address's, without a caller). In memory it is done at
   * once (a guard then needs no promise); with Redis the returned promise settles once counted.
   */
  consume(request: Request, response: Response, caller: RateLimitedCaller | undefined): void | Promise<void> {
    const [kind, id, limit]: [BucketKind, string, number] =
      caller === undefined
        ? ['ip', request.ip ?? request.socket.remoteAddress ?? 'unknown', this.settings.anonymousPerMinute]
        : caller.clientId !== null
          ? ['client', caller.clientId, this.settings.perMinute]
          : ['user', caller.userId, this.settings.perMinute];
    const now = this.clock.now();
    const windowEndMs = (Math.floor(now / WINDOW_MS) + 1) * WINDOW_MS;
    const count = this.store.hit(`${kind}:${id}`, windowEndMs, now);
    if (typeof count === 'number') return this.answer(response, kind, limit, count, windowEndMs, now);
    return count.then((counted) => this.answer(response, kind, limit, counted, windowEndMs, now));
  }

  /** The rate-limit headers of the answer; past the limit, the refusal. */
  private answer(
    response: Response,
    kind: BucketKind,
    limit: number,
    count: number,
    windowEndMs: number,
    now: number,
  ): void {
    response.setHeader('X-RateLimit-Limit', String(limit));
    response.setHeader('X-RateLimit-Remaining', String(Math.max(0, limit - count)));
    response.setHeader('X-RateLimit-Reset', String(Math.ceil(windowEndMs / 1000)));
    if (count > limit) {
      this.metrics.rateLimited.inc({ bucket: kind });
      const retryAfter = Math.max(1, Math.ceil((windowEndMs - now) / 1000));
      throw new AppError(ErrorCode.TooManyRequests, tooManyRequests(limit, retryAfter), {
        'Retry-After': String(retryAfter),
      });
    }
  }

  onModuleInit(): Promise<void> {
    return this.store.ready();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
