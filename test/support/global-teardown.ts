import type { RowDataPacket } from 'mysql2/promise';
import { mysqlAdmin, runPrefix, testEngine } from './test-database';

/** Drops the MySQL databases of this run that a crashed suite may have left behind. */
export default async function globalTeardown(): Promise<void> {
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
