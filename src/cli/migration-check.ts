import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { describeDatabase, type DatabaseConfig } from '../config/app-config';
import { loadConfigOrExit } from '../config/load';
import { resolveDataSourceOptions } from '../database/data-source-options';
import { ENTITIES } from '../entities';

/**
 * `npm run migration:check [-- --scratch]`: the migration drift check. It runs every migration, then asks
 * TypeORM what it would change to match the entities: anything at all is a drift, printed, exit 1. With
 * --scratch it works on a new database on the configured MySQL server and drops it after.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scratch: { type: 'boolean' } } });
  const config = loadConfigOrExit();
  let db: DatabaseConfig = config.database;
  let drop = async (): Promise<void> => {};
  if (values.scratch && db.kind === 'mysql') {
    const server = db;
    const name = `calls_drift_${randomBytes(4).toString('hex')}`;
    const admin = () =>
      createConnection({ host: server.host, port: server.port, user: server.user, password: server.password });
    const connection = await admin();
    await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await connection.end();
    db = { ...server, database: name };
    drop = async () => {
      const c = await admin();
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    };
  }
  try {
    const dataSource = new DataSource(await resolveDataSourceOptions(db, ENTITIES));
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      const pending = (await dataSource.driver.createSchemaBuilder().log()).upQueries;
      process.stdout.write(`${describeDatabase(db)}: ${applied.length} migration(s) applied.\n`);
      if (pending.length > 0) {
        process.stdout.write(
          `Drift: the entities and the migrations disagree. A migration would still have to run:\n` +
            pending.map((q) => `  ${q.query}`).join('\n') +
            '\n',
        );
        process.exitCode = 1;
      } else {
        process.stdout.write('No drift: the migrations produce exactly the schema of the entities.\n');
      }
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await drop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exitCode = 1;
});
