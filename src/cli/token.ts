import { parseArgs } from 'node:util';
import { parseInt64Id } from '../common/int64';
import { runCli } from './cli';
import { UsageError } from './usage-error';

const USAGE =
  'Usage: npm run token -- --user <userId>\nPrints an access token for the user (for local use and scripts).';

/** `npm run token -- --user 100234`: prints a bearer token for an active user of the configured database. */
runCli(
  async ({ app }) => {
    const { values } = parseArgs({ options: { user: { type: 'string' } }, strict: true });
    const userId = parseInt64Id(values.user);
    if (userId === null) throw new UsageError(USAGE);
    const [{ UsersService }, { TokenService }] = await Promise.all([
      import('../auth/users.service.js'),
      import('../auth/token.service.js'),
    ]);
    const user = await app.get(UsersService).get(userId);
    if (!user.active) throw new UsageError(`User ${userId} is deactivated; the service would refuse its token.`);
    process.stdout.write(`${app.get(TokenService).issue({ userId }).accessToken}\n`);
  },
  { usage: USAGE },
);
