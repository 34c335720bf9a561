import { ADMIN_USAGE, runAdminCommand } from './admin-commands';
import { runCli } from './cli';

/** `npm run cli -- <command>`: administration of the configured database (see ADMIN_USAGE). */
runCli(
  async ({ app }) => {
    process.stdout.write(`${await runAdminCommand(app, process.argv.slice(2))}\n`);
  },
  { usage: ADMIN_USAGE },
);
