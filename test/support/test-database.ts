import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';

export type TestEngine = 'sqlite' | 'mysql';

export const testEngine: TestEngine = process.env.TEST_DATABASE === 'mysql' ? 'mysql' : 'sqlite';
export const mysqlServerUrl = process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306';

/** Prefix of the MySQL databases of one test run; the global teardown drops whatever is left of them. */
export function runPrefix(): string {
  const runId = process.env.CALLS_TEST_RUN_ID;
  if (!runId) throw new Error('CALLS_TEST_RUN_ID is not set: run the e2e suites through jest (global setup).');
  return `calls_e2e_${runId}_`;
}

export function mysqlAdmin(): ReturnType<typeof createConnection> {
  const url = new URL(mysqlServerUrl);
  return createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
    connectTimeout: 10_000,
  });
}

export interface TestDatabase {
  /** The DATABASE_URL of the service under test. */
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database of its own for one test suite: a temporary SQLite file or a new MySQL database. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (testEngine === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'calls-e2e-'));
    return {
      url: `sqlite:${path.join(dir, 'test.sqlite')}`,
      drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    };
  }
  const name = `${runPrefix()}${randomBytes(4).toString('hex')}`;
  const admin = await mysqlAdmin();
  try {
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
  const url = new URL(mysqlServerUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const connection = await mysqlAdmin();
      try {
        await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await connection.end();
      }
    },
  };
}
