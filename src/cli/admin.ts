import { ADMIN_USAGE } from './admin-usage';
import { runCli } from './cli';

/** `npm run cli -- <command>`: administration of the configured database (see ADMIN_USAGE). */
runCli(
  async ({ app }) => {
    const { runAdminCommand } = await import('./admin-commands.js');
    process.stdout.write(`${await runAdminCommand(app, process.argv.slice(2))}\n`);
  },
  { usage: ADMIN_USAGE },
);
