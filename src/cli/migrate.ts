import { DataSource } from 'typeorm';
import { describeDatabase } from '../config/app-config';
import { runCli } from './cli';

/**
 * `node dist/src/cli/migrate.js`: applies the pending migrations to the configured database and exits, also
 * with NODE_ENV=production. The one-shot migration step of a deployment (the image has no TypeScript compiler);
 * in a clone, `npm run migration:run` does the same.
 */
runCli(
  async ({ config, app }) => {
    const pending = await app.get(DataSource).showMigrations();
    process.stdout.write(
      `${describeDatabase(config.database)}: ${pending ? 'migrations still pending' : 'the schema is current'}.\n`,
    );
    if (pending) process.exitCode = 1;
  },
  { migrate: true },
);
