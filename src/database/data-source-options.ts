import { createConnection, type RowDataPacket } from 'mysql2/promise';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { prepareWithSafeIntegers, type SqliteConnection } from '../common/library-internals';
import { MIGRATIONS } from './migrations';

/** The entity classes of a data source. */
export type Entities = NonNullable<DataSourceOptions['entities']>;

/**
 * The one builder of TypeORM options, used by the application and by the TypeORM CLI (ormconfig.ts), with the
 * entities they are given (the service's: ENTITIES in src/entities.ts). The schema comes from migrations only:
 * synchronize is never on.
 */
export async function resolveDataSourceOptions(db: DatabaseConfig, entities: Entities): Promise<DataSourceOptions> {
  return buildDataSourceOptions(db, entities, db.kind === 'mysql' ? await detectMysqlFlavor(db) : 'mysql');
}

export type MysqlFlavor = 'mysql' | 'mariadb';

/**
 * MariaDB and MySQL report column defaults differently, and TypeORM reads the schema right (for the
 * migration drift check) only when told which one it talks to. `DATABASE_URL=mysql://` works for both.
 */
export async function detectMysqlFlavor(db: Extract<DatabaseConfig, { kind: 'mysql' }>): Promise<MysqlFlavor> {
  const connection = await createConnection({
    host: db.host,
    port: db.port,
    user: db.user,
    password: db.password,
    connectTimeout: 3000,
  });
  try {
    const [rows] = await connection.query<RowDataPacket[]>('SELECT VERSION() AS version');
    return String(rows[0]?.version).toLowerCase().includes('mariadb') ? 'mariadb' : 'mysql';
  } finally {
    await connection.end();
  }
}

export function buildDataSourceOptions(
  db: DatabaseConfig,
  entities: Entities,
  flavor: MysqlFlavor = 'mysql',
): DataSourceOptions {
  const common = {
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: false,
    // Failures reach the exception filter, which logs the unexpected ones; TypeORM would also log the
    // expected ones (a duplicate key of an idempotent retry).
    logging: false,
  };
  if (db.kind === 'sqlite') {
    return {
      ...common,
      type: 'better-sqlite3',
      database: db.file,
      statementCacheSize: 200,
      prepareDatabase: (connection: SqliteConnection) => {
        // int64 ids above 2^53 come back exact (the column transformers and the SQL reader make them strings).
        prepareWithSafeIntegers(connection);
        if (db.file !== ':memory:') {
          connection.pragma('journal_mode = WAL');
        }
        connection.pragma('busy_timeout = 5000');
      },
    };
  }
  return {
    ...common,
    type: flavor,
    host: db.host,
    port: db.port,
    username: db.user,
    password: db.password,
    database: db.database,
    poolSize: db.poolSize,
    charset: 'utf8mb4_unicode_ci',
    // DATETIME values are UTC whatever the process's or the server's time zone.
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: true,
    // Bounded waits when the database stops answering: a connection attempt, and the queue for a connection.
    connectTimeout: 3000,
    extra: { queueLimit: 1000 },
    // No gap locks, and an UPDATE does not wait on rows that do not match it: the delivery workers of
    // several instances, and the requests writing calls and their events, do not lock each other out.
    isolationLevel: 'READ COMMITTED',
  };
}
