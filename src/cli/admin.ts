import { ADMIN_USAGE, runAdminCommand } from './admin-commands';
import { runCli } from './cli';

/** `npm run cli -- <command>`: administration of the configured database (see ADMIN_USAGE). */
runCli(
  async ({ dataSource }) => {
    process.stdout.write(`${await runAdminCommand(dataSource, process.argv.slice(2))}\n`);
  },
  { usage: ADMIN_USAGE },
);
