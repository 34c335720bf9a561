import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { loadConfigOrExit } from '../config/load';
import { prepareDatabase } from '../seeds/prepare-database';
import { CliModule } from './cli.module';
import { refusalAsUsageError, UsageError } from './usage-error';

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
 * Runs a script on the services of the configured database (see CliModule), prepared as the service prepares
 * it, and exits. `usage` is printed for --help, exit 0, before anything else. `migrate` applies the pending
 * migrations whatever DATABASE_MIGRATE says.
 */
export function runCli(
  main: (context: { config: AppConfig; app: INestApplicationContext }) => Promise<void>,
  options: { usage?: string; migrate?: boolean } = {},
): void {
  if (options.usage !== undefined && asksForHelp(process.argv.slice(2))) {
    process.stdout.write(`${options.usage}\n`);
    return;
  }
  const loaded = loadConfigOrExit();
  const config = options.migrate === true ? { ...loaded, migrateOnStart: true } : loaded;
  void (async () => {
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
  })().catch((thrown: unknown) => {
    const error = refusalAsUsageError(thrown);
    process.stderr.write(`${error instanceof UsageError ? error.message : String((error as Error).stack ?? error)}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  });
}
