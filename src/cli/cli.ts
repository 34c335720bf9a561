import 'reflect-metadata';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { loadConfigOrExit } from '../config/load';
import { resolveDataSourceOptions } from '../database/data-source-options';
import { ENTITIES } from '../entities';
import { prepareDatabase } from '../seeds/prepare-database';
import { UsageError } from './usage-error';

/** Messages of the scripts go to stderr, so that stdout holds only their result (a token, a secret). */
export const stderrLogger = {
  log: (message: string) => process.stderr.write(`${message}\n`),
  error: (message: string) => process.stderr.write(`${message}\n`),
  warn: (message: string) => process.stderr.write(`${message}\n`),
};

/** Whether the command line asks for the usage: --help, -h, or help as the command. */
export function asksForHelp(argv: string[]): boolean {
  return argv.includes('--help') || argv.includes('-h') || argv[0] === 'help';
}

/**
 * Runs a script with the configured database, prepared as the service prepares it, and exits. `usage` is
 * printed for --help, exit 0, before anything else. `migrate` applies the pending migrations whatever
 * DATABASE_MIGRATE says.
 */
export function runCli(
  main: (context: { config: AppConfig; dataSource: DataSource }) => Promise<void>,
  options: { usage?: string; migrate?: boolean } = {},
): void {
  if (options.usage !== undefined && asksForHelp(process.argv.slice(2))) {
    process.stdout.write(`${options.usage}\n`);
    return;
  }
  const loaded = loadConfigOrExit();
  const config = options.migrate === true ? { ...loaded, migrateOnStart: true } : loaded;
  void (async () => {
    const dataSource = new DataSource(await resolveDataSourceOptions(config.database, ENTITIES));
    await dataSource.initialize();
    try {
      await prepareDatabase(dataSource, config, stderrLogger);
      await main({ config, dataSource });
    } finally {
      await dataSource.destroy();
    }
  })().catch((error: unknown) => {
    process.stderr.write(`${error instanceof UsageError ? error.message : String((error as Error).stack ?? error)}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  });
}
