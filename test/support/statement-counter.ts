import type { DataSource } from 'typeorm';
import { sqliteConnectionOf } from '../../src/common/library-internals';

/**
 * Counts the SQL statements the database driver executes (each one a round trip to a MySQL server),
 * whichever layer sends them: the SQL reader or TypeORM.
 */
export function countStatements(dataSource: DataSource): { count(): number; restore(): void } {
  const spies: jest.SpyInstance[] = [];
  if (dataSource.options.type === 'better-sqlite3') {
    const connection = sqliteConnectionOf(dataSource);
    const statementPrototype = Object.getPrototypeOf(connection.prepare('SELECT 1')) as Record<string, () => unknown>;
    for (const method of ['all', 'get', 'run', 'iterate']) spies.push(jest.spyOn(statementPrototype, method));
  } else {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mysql = require('mysql2') as { Connection: { prototype: Record<string, () => unknown> } };
    const base = Object.getPrototypeOf(mysql.Connection.prototype) as Record<string, () => unknown>;
    for (const method of ['query', 'execute']) spies.push(jest.spyOn(base, method));
  }
  const baseline = spies.map(() => 0);
  const total = () => spies.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
  baseline[0] = total();
  return {
    count: () => total() - baseline[0],
    restore: () => spies.forEach((spy) => spy.mockRestore()),
  };
}
