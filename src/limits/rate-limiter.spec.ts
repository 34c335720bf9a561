import type { Request, Response } from 'express';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import { loadAppConfig } from '../config/app-config';
import { Metrics } from '../observability/metrics';
import { RateLimiter } from './rate-limiter';

/** 2026-04-22 10:15:20 UTC: 40 s before the minute's window ends. */
const NOW = Date.UTC(2026, 3, 22, 10, 15, 20);

function limiter(now: { ms: number }) {
  const config = loadAppConfig({ RATE_LIMIT_PER_MINUTE: '2', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1' });
  const metrics = { rateLimited: { inc: jest.fn() } } as unknown as Metrics;
  return { limiter: new RateLimiter(config, { now: () => now.ms }, metrics), metrics };
}

function answer() {
  const headers: Record<string, string> = {};
  return {
    headers,
    response: { setHeader: (name: string, value: string) => (headers[name] = value) } as unknown as Response,
  };
}

const request = { ip: '203.0.113.7', socket: {} } as Request;
const agent = { userId: '100234', clientId: null };

describe('RateLimiter', () => {
  it('counts a user in its fixed window, in memory at once, and says so in the headers', () => {
    const { limiter: rateLimiter } = limiter({ ms: NOW });
    const first = answer();
    expect(rateLimiter.consume(request, first.response, agent)).toBeUndefined();
    expect(first.headers).toEqual({
      'X-RateLimit-Limit': '2',
      'X-RateLimit-Remaining': '1',
      'X-RateLimit-Reset': String(Date.UTC(2026, 3, 22, 10, 16) / 1000),
    });
  });

  it('refuses past the limit with 429 and Retry-After, counted by kind of bucket', async () => {
    const { limiter: rateLimiter, metrics } = limiter({ ms: NOW });
    await rateLimiter.consume(request, answer().response, agent);
    await rateLimiter.consume(request, answer().response, agent);
    const third = answer();
    expect(() => rateLimiter.consume(request, third.response, agent)).toThrow(
      new AppError(ErrorCode.TooManyRequests, 'Too many requests: at most 2 a minute. Retry after 40 s.', {
        'Retry-After': '40',
      }),
    );
    expect(third.headers['X-RateLimit-Remaining']).toBe('0');
    expect(metrics.rateLimited.inc).toHaveBeenCalledWith({ bucket: 'user' });
  });

  it('starts afresh on the minute', async () => {
    const now = { ms: NOW };
    const { limiter: rateLimiter } = limiter(now);
    await rateLimiter.consume(request, answer().response, agent);
    await rateLimiter.consume(request, answer().response, agent);
    now.ms = Date.UTC(2026, 3, 22, 10, 16);
    const next = answer();
    await rateLimiter.consume(request, next.response, agent);
    expect(next.headers['X-RateLimit-Remaining']).toBe('1');
  });

  it("keeps a client's, a user's and an address's buckets apart, each with its own limit", async () => {
    const { limiter: rateLimiter } = limiter({ ms: NOW });
    const anonymous = answer();
    await rateLimiter.consume(request, anonymous.response, undefined);
    expect(anonymous.headers['X-RateLimit-Limit']).toBe('1');
    expect(() => rateLimiter.consume(request, answer().response, undefined)).toThrow(AppError);
    const client = answer();
    await rateLimiter.consume(request, client.response, { userId: '100234', clientId: 'cl_1' });
    expect(client.headers['X-RateLimit-Remaining']).toBe('1');
    const user = answer();
    await rateLimiter.consume(request, user.response, agent);
    expect(user.headers['X-RateLimit-Remaining']).toBe('1');
  });
});
