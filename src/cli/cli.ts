import 'reflect-metadata';
import type { CliContext } from './cli-context';
import { refusalAsUsageError, UsageError } from './usage-error';

/** Whether the command line asks for the usage: --help, -h, or help as the command. */
export function asksForHelp(argv: string[]): boolean {
  return argv.includes('--help') || argv.includes('-h') || argv[0] === 'help';
}

/**
 * Runs a script on the services of the configured database (see runWithContext) and exits. `usage` is printed
 * for --help, exit 0, before anything else: the framework, the ORM and the services are loaded only after it.
 * `migrate` applies the pending migrations whatever DATABASE_MIGRATE says.
 */
export function runCli(
  main: (context: CliContext) => Promise<void>,
  options: { usage?: string; migrate?: boolean } = {},
): void {
  if (options.usage !== undefined && asksForHelp(process.argv.slice(2))) {
    process.stdout.write(`${options.usage}\n`);
    return;
  }
  import('./cli-context.js')
    .then(({ runWithContext }) => runWithContext(main, options.migrate === true))
    .catch((thrown: unknown) => {
      const error = refusalAsUsageError(thrown);
      process.stderr.write(
        `${error instanceof UsageError ? error.message : String((error as Error).stack ?? error)}\n`,
      );
      process.exitCode = error instanceof UsageError ? 2 : 1;
    });
}
