import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { redisAnswers, testRedisUrl } from '../support/redis';
import { mysqlAdmin, mysqlServerUrl } from '../support/test-database';

/** What the multi-instance suite needs; without it the suite is skipped with the reason, except in CI. */
async function missing(): Promise<string[]> {
  const absent: string[] = [];
  try {
    execFileSync(process.env.HAPROXY_PATH ?? 'haproxy', ['-v'], { stdio: 'ignore' });
  } catch {
    absent.push('HAProxy (apt-get install -y haproxy, or HAPROXY_PATH)');
  }
  try {
    await (await mysqlAdmin()).end();
  } catch {
    absent.push(`a MySQL server at TEST_DATABASE_URL (${mysqlServerUrl})`);
  }
  if (!(await redisAnswers())) absent.push(`a Redis at TEST_REDIS_URL (${testRedisUrl})`);
  return absent;
}

export default async function globalSetup(): Promise<void> {
  process.env.CALLS_TEST_RUN_ID = randomBytes(3).toString('hex');
  // The suite's database is a MySQL one, made and dropped like the e2e suites' (and by their teardown).
  process.env.TEST_DATABASE = 'mysql';
  const absent = await missing();
  if (absent.length > 0 && process.env.CI === 'true') {
    throw new Error(`CI runs the multi-instance suite, which needs ${absent.join(', ')}.`);
  }
  process.env.CALLS_CLUSTER_MISSING = absent.join(', ');
}
