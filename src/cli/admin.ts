import { parseArgs } from 'node:util';
import type { DataSource } from 'typeorm';
import { ApiClientEntity } from '../auth/api-client.entity';
import { ApiClientsService } from '../auth/api-clients.service';
import { UserEntity } from '../auth/user.entity';
import { parseInt64Id } from '../common/int64';
import { nowToTheSecond } from '../database/utc';
import { runCli, UsageError } from './cli';

const USAGE = `Usage: npm run cli -- <command> [options]

  client:create --user <userId> --name <name> [--scope <scope>]...
      Registers an API client acting as the user; prints its id and secret (shown once).
  client:revoke --client <clientId>
      Revokes a client: its secret and every token issued to it stop working at once.
  client:list [--user <userId>]
      Lists the clients (never their secrets).`;

const SCOPE = /^[a-z][a-z0-9_-]*(:[a-z][a-z0-9_-]*)?$/;

type Options = Record<string, string | string[] | boolean | undefined>;
type Command = (dataSource: DataSource, options: Options) => Promise<string>;

const commands: Record<string, Command> = {
  'client:create': async (dataSource, options) => {
    const userId = requireId(options.user, '--user');
    const name = requireText(options.name, '--name', 100);
    const scopes = [...new Set((options.scope as string[] | undefined) ?? [])];
    const badScope = scopes.find((scope) => !SCOPE.test(scope));
    if (badScope !== undefined) throw new UsageError(`--scope "${badScope}" is not a scope name (e.g. dialer:write).`);
    const user = await dataSource.getRepository(UserEntity).findOneBy({ id: userId });
    if (user === null) throw new UsageError(`User ${userId} does not exist.`);
    if (!user.active) throw new UsageError(`User ${userId} is deactivated.`);
    const clients = new ApiClientsService(dataSource.getRepository(ApiClientEntity));
    const { clientId, clientSecret } = await clients.create(userId, name, scopes);
    return [
      `Created API client "${name}" acting as user ${userId} (team ${user.teamId})` +
        (scopes.length > 0 ? ` with scopes ${scopes.join(' ')}.` : ' with no scope.'),
      `client_id:     ${clientId}`,
      `client_secret: ${clientSecret}`,
      'The secret is shown this once; only its hash is stored.',
    ].join('\n');
  },

  'client:revoke': async (dataSource, options) => {
    const clientId = requireText(options.client, '--client', 64);
    const repository = dataSource.getRepository(ApiClientEntity);
    const client = await repository.findOneBy({ id: clientId });
    if (client === null) throw new UsageError(`API client ${clientId} does not exist.`);
    if (client.revokedAt !== null) return `API client ${clientId} was revoked already.`;
    await repository.update(clientId, { revokedAt: nowToTheSecond() });
    return `Revoked API client ${clientId} ("${client.name}"): its secret and its tokens no longer work.`;
  },

  'client:list': async (dataSource, options) => {
    const userId = options.user === undefined ? undefined : requireId(options.user, '--user');
    const clients = await dataSource
      .getRepository(ApiClientEntity)
      .find({ where: userId === undefined ? {} : { userId }, order: { createdAt: 'ASC', id: 'ASC' } });
    if (clients.length === 0) return 'No API clients.';
    return clients
      .map(
        (c) =>
          `${c.id}  user ${c.userId}  "${c.name}"  scopes: ${c.scopes || '-'}  ` +
          (c.revokedAt === null ? 'active' : 'REVOKED'),
      )
      .join('\n');
  },
};

function requireId(value: Options[string], flag: string): string {
  const id = typeof value === 'string' ? parseInt64Id(value) : null;
  if (id === null) throw new UsageError(`${flag} must be a positive integer id.`);
  return id;
}

function requireText(value: Options[string], flag: string, maxLength: number): string {
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`${flag} is required.`);
  if (value.length > maxLength) throw new UsageError(`${flag} is longer than ${maxLength} characters.`);
  return value.trim();
}

/** `npm run cli -- <command>`: administration of the configured database. */
runCli(async ({ dataSource }) => {
  const [name, ...rest] = process.argv.slice(2);
  const command = name === undefined ? undefined : commands[name];
  if (command === undefined) {
    throw new UsageError(
      name === undefined || name === 'help' || name === '--help' ? USAGE : `Unknown command "${name}".\n\n${USAGE}`,
    );
  }
  let options: Options;
  try {
    options = parseArgs({
      args: rest,
      options: {
        user: { type: 'string' },
        name: { type: 'string' },
        scope: { type: 'string', multiple: true },
        client: { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${USAGE}`);
  }
  process.stdout.write(`${await command(dataSource, options)}\n`);
});
