import { randomBytes } from 'node:crypto';
import { mysqlAdmin, mysqlServerUrl, testEngine } from './test-database';

export default async function globalSetup(): Promise<void> {
  process.env.CALLS_TEST_RUN_ID = randomBytes(3).toString('hex');
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
