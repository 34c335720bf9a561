import { Logger } from '@nestjs/common';
import Redis from 'ioredis';

/** Counts the hits of a bucket in its current window. */
export interface RateLimitStore {
  /** The bucket's count in the window that ends at `windowEndMs`, this hit included (at once when in memory). */
  hit(key: string, windowEndMs: number, nowMs: number): number | Promise<number>;
  /** Resolves once the store can count (or gave up waiting, and counts in memory meanwhile). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

const SWEEP_EVERY = 10_000;

/** One instance's counters, in memory. */
export class MemoryStore implements RateLimitStore {
  private readonly counts = new Map<string, { windowEndMs: number; count: number }>();
  private hits = 0;

  hit(key: string, windowEndMs: number, nowMs: number): number {
    if (++this.hits % SWEEP_EVERY === 0) this.sweep(nowMs);
    const entry = this.counts.get(key);
    if (entry === undefined || entry.windowEndMs !== windowEndMs) {
      this.counts.set(key, { windowEndMs, count: 1 });
      return 1;
    }
    entry.count += 1;
    return entry.count;
  }

  ready(): Promise<void> {
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private sweep(nowMs: number): void {
    for (const [key, entry] of this.counts) if (entry.windowEndMs <= nowMs) this.counts.delete(key);
  }
}

/**
 * Counters in Redis, shared by every instance: one INCR per request, the key expiring with its window.
 * When Redis cannot answer, the instance counts in memory meanwhile (each instance then applying the limit
 * on its own) rather than refusing traffic or letting it all through.
 */
export class RedisStore implements RateLimitStore {
  private readonly logger = new Logger('RateLimit');
  private readonly redis: Redis;
  private readonly fallback = new MemoryStore();
  private warnedAt = 0;

  constructor(
    url: string,
    private readonly prefix: string,
  ) {
    this.redis = new Redis(url, {
      lazyConnect: false,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 1000,
      commandTimeout: 500,
      // Closing a connection that is already gone waits for this long before the process may exit.
      disconnectTimeout: 500,
    });
    this.redis.on('error', (error: Error) => this.warn(error));
  }

  async hit(key: string, windowEndMs: number, nowMs: number): Promise<number> {
    const redisKey = `${this.prefix}rl:${key}:${windowEndMs}`;
    try {
      const results = await this.redis
        .multi()
        .incr(redisKey)
        // Relative, so that a clock apart from Redis's does not expire the key early.
        .pexpire(redisKey, windowEndMs - nowMs + 1000)
        .exec();
      const [error, count] = results?.[0] ?? [new Error('no answer'), null];
      if (error) throw error;
      return Number(count);
    } catch (error) {
      this.warn(error as Error);
      return this.fallback.hit(key, windowEndMs, nowMs);
    }
  }

  /** At start, waits up to 2 s for the connection, so that the first requests count in the shared counters. */
  async ready(): Promise<void> {
    if (this.redis.status === 'ready') return;
    let timer: NodeJS.Timeout | undefined;
    const connected = await Promise.race([
      new Promise<boolean>((resolve) => this.redis.once('ready', () => resolve(true))),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 2000))),
    ]);
    clearTimeout(timer);
    if (!connected) this.warn(new Error('no connection within 2 s'));
  }

  async close(): Promise<void> {
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => undefined);
    // Also stops the reconnection attempts of a client that never connected.
    this.redis.disconnect();
  }

  private warn(error: Error): void {
    if (Date.now() - this.warnedAt < 60_000) return;
    this.warnedAt = Date.now();
    this.logger.warn(`Redis unavailable for rate limits, counting in memory meanwhile: ${error.message}`);
  }
}
