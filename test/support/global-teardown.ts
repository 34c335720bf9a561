import { rmSync } from 'node:fs';
import path from 'node:path';
import type { RowDataPacket } from 'mysql2/promise';
import { mysqlAdmin, runPrefix, testEngine } from './test-database';

/**
 * Removes the build of the service this run made (see buildService), and drops the MySQL databases of this
 * run that a crashed suite may have left behind.
 */
export default async function globalTeardown(): Promise<void> {
  rmSync(path.resolve(__dirname, '../../node_modules/.cache/calls-api-e2e', process.env.CALLS_TEST_RUN_ID ?? 'local'), {
    recursive: true,
    force: true,
  });
  if (testEngine !== 'mysql') return;
  const connection = await mysqlAdmin();
  try {
    const [rows] = await connection.query<RowDataPacket[]>('SHOW DATABASES LIKE ?', [`${runPrefix()}%`]);
    for (const row of rows) {
      await connection.query(`DROP DATABASE IF EXISTS \`${String(Object.values(row)[0])}\``);
    }
  } finally {
    await connection.end();
  }
}
