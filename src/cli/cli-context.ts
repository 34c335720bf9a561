import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { loadConfigOrExit } from '../config/load';
import { prepareDatabase } from '../seeds/prepare-database';
import { CliModule } from './cli.module';

export interface CliContext {
  config: AppConfig;
  app: INestApplicationContext;
}

/** Messages of the scripts go to stderr, so that stdout holds only their result (a token, a secret). */
const stderrLogger = {
  log: (message: string) => process.stderr.write(`${message}\n`),
  error: (message: string) => process.stderr.write(`${message}\n`),
  warn: (message: string) => process.stderr.write(`${message}\n`),
};

/**
 * Runs a script on the services of the configured database (see CliModule), prepared as the service prepares
 * it. `migrate` applies the pending migrations whatever DATABASE_MIGRATE says.
 */
export async function runWithContext(main: (context: CliContext) => Promise<void>, migrate: boolean): Promise<void> {
  const loaded = loadConfigOrExit();
  const config = migrate ? { ...loaded, migrateOnStart: true } : loaded;
  // abortOnError: false, so that a database that cannot be opened rejects here rather than aborting the process.
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), {
    logger: false,
    abortOnError: false,
  });
  try {
    await prepareDatabase(app.get(DataSource), config, stderrLogger);
    await main({ config, app });
  } finally {
    await app.close();
  }
}
