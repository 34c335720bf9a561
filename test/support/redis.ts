import Redis from 'ioredis';

export const testRedisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Whether the Redis of the tests answers (the global setup asks once and tells the suites). */
export async function redisAnswers(url = testRedisUrl): Promise<boolean> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/** Set by the global setup: whether the suites that need Redis run. */
export const redisIsUp = (): boolean => process.env.CALLS_TEST_REDIS === 'up';
