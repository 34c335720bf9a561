import { randomBytes } from 'node:crypto';
import { redisAnswers, testRedisUrl } from './redis';
import { mysqlAdmin, mysqlServerUrl, testEngine } from './test-database';

export default async function globalSetup(): Promise<void> {
  process.env.CALLS_TEST_RUN_ID = randomBytes(3).toString('hex');
  // The suites of shared rate limits need a Redis: without one they are skipped, except in CI, which has one.
  const redisUp = await redisAnswers();
  if (!redisUp && process.env.CI === 'true') {
    throw new Error(`CI runs the suites that need Redis: none answers at TEST_REDIS_URL (${testRedisUrl}).`);
  }
  process.env.CALLS_TEST_REDIS = redisUp ? 'up' : 'down';
  if (testEngine === 'mysql') {
    try {
      const connection = await mysqlAdmin();
      await connection.end();
    } catch (error) {
      throw new Error(
        `The MySQL e2e run needs a server at TEST_DATABASE_URL (${mysqlServerUrl}): ${(error as Error).message}`,
        { cause: error },
      );
    }
  }
}
