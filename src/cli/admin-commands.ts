import { parseArgs } from 'node:util';
import type { DataSource } from 'typeorm';
import { ApiClientEntity } from '../auth/api-client.entity';
import { ApiClientsService } from '../auth/api-clients.service';
import { Role, ROLES } from '../auth/role';
import { SCOPES } from '../auth/scopes';
import { TeamEntity } from '../auth/team.entity';
import { UserEntity } from '../auth/user.entity';
import { parseInt64Id } from '../common/int64';
import { isEmailAddress, isPhoneNumber } from '../common/validation/fields';
import { IdGenerator } from '../database/id-generator';
import { SqlReader } from '../database/sql-reader';
import { nowToTheSecond } from '../database/utc';
import { asksForHelp } from './cli';
import { UsageError } from './usage-error';

export const ADMIN_USAGE = `Usage: npm run cli -- <command> [options]

Teams and users
  team:create --name <name> [--id <teamId>]
  user:create --team <teamId> --name <name> --role OWNER|ADMIN|AGENT
              [--email <address>] [--phone <number>] [--access-all-team-leads] [--id <userId>]
  user:set-role --user <userId> --role OWNER|ADMIN|AGENT
  user:set-permission --user <userId> --access-all-team-leads on|off
  user:deactivate --user <userId>     (every token of the user stops working at once)
  user:activate --user <userId>

API clients
  client:create --user <userId> --name <name> [--scope <scope>]...
      Registers a client acting as the user; prints its id and secret (the secret is shown once).
      Scopes: ${SCOPES.join(', ')}.
  client:revoke --client <clientId>   (its secret and every token issued to it stop working at once)
  client:list [--user <userId>]       (never the secrets)

Every change applies to the service's next request.`;

type Options = Record<string, string | string[] | boolean | undefined>;
type Command = (dataSource: DataSource, options: Options) => Promise<string>;

const commands: Record<string, Command> = {
  'team:create': async (dataSource, options) => {
    const name = text(options.name, '--name', 100);
    const id = options.id === undefined ? new IdGenerator().next() : id64(options.id, '--id');
    const teams = dataSource.getRepository(TeamEntity);
    if (await teams.existsBy({ id })) throw new UsageError(`Team ${id} exists already.`);
    await teams.insert({ id, name, createdAt: nowToTheSecond() });
    return `Created team ${id} "${name}".`;
  },

  'user:create': async (dataSource, options) => {
    const teamId = id64(options.team, '--team');
    const name = text(options.name, '--name', 100);
    const role = roleOf(options.role);
    // The rules and maximum lengths of the API's fields, so that the CLI stores nothing the API would refuse.
    const email =
      options.email === undefined ? null : checked(options.email, '--email', 254, isEmailAddress, 'an email address');
    const phoneNumber =
      options.phone === undefined ? null : checked(options.phone, '--phone', 32, isPhoneNumber, 'a phone number');
    const id = options.id === undefined ? new IdGenerator().next() : id64(options.id, '--id');
    if (!(await dataSource.getRepository(TeamEntity).existsBy({ id: teamId }))) {
      throw new UsageError(`Team ${teamId} does not exist.`);
    }
    const users = dataSource.getRepository(UserEntity);
    if (await users.existsBy({ id })) throw new UsageError(`User ${id} exists already.`);
    const now = nowToTheSecond();
    const accessAllTeamLeads = options['access-all-team-leads'] === true;
    await users.insert({
      id,
      teamId,
      name,
      email,
      phoneNumber,
      role,
      accessAllTeamLeads,
      active: true,
      createdAt: now,
      updatedAt: now,
    });
    return `Created user ${id} "${name}", ${role} in team ${teamId}${accessAllTeamLeads ? ' with ACCESS_ALL_TEAM_LEADS' : ''}.`;
  },

  'user:set-role': async (dataSource, options) => {
    const user = await existingUser(dataSource, options.user);
    const role = roleOf(options.role);
    if (user.role === role) return `User ${user.id} is ${role} already.`;
    await dataSource.getRepository(UserEntity).update(user.id, { role, updatedAt: nowToTheSecond() });
    return `User ${user.id} is now ${role} (was ${user.role}).`;
  },

  'user:set-permission': async (dataSource, options) => {
    const user = await existingUser(dataSource, options.user);
    const value = options['access-all-team-leads'];
    if (value !== 'on' && value !== 'off') throw new UsageError('--access-all-team-leads must be on or off.');
    const accessAllTeamLeads = value === 'on';
    await dataSource.getRepository(UserEntity).update(user.id, { accessAllTeamLeads, updatedAt: nowToTheSecond() });
    return `User ${user.id} ${accessAllTeamLeads ? 'now holds' : 'no longer holds'} ACCESS_ALL_TEAM_LEADS.`;
  },

  'user:deactivate': (dataSource, options) => setActive(dataSource, options, false),
  'user:activate': (dataSource, options) => setActive(dataSource, options, true),

  'client:create': async (dataSource, options) => {
    const user = await existingUser(dataSource, options.user);
    const name = text(options.name, '--name', 100);
    const scopes = [...new Set((options.scope as string[] | undefined) ?? [])];
    const unknown = scopes.find((scope) => !(SCOPES as string[]).includes(scope));
    if (unknown !== undefined) {
      throw new UsageError(`--scope ${unknown} is not a scope of the service (${SCOPES.join(', ')}).`);
    }
    if (!user.active) throw new UsageError(`User ${user.id} is deactivated.`);
    const clients = new ApiClientsService(dataSource.getRepository(ApiClientEntity), new SqlReader(dataSource));
    const { clientId, clientSecret } = await clients.create(user.id, name, scopes);
    return [
      `Created API client "${name}" acting as user ${user.id} (team ${user.teamId})` +
        (scopes.length > 0 ? ` with scopes ${scopes.join(' ')}.` : ' with no scope.'),
      `client_id:     ${clientId}`,
      `client_secret: ${clientSecret}`,
      'The secret is shown this once; only its hash is stored.',
    ].join('\n');
  },

  'client:revoke': async (dataSource, options) => {
    const clientId = text(options.client, '--client', 64);
    const repository = dataSource.getRepository(ApiClientEntity);
    const found = await repository.findOneBy({ id: clientId });
    // MySQL compares strings without regard to case or trailing spaces; the id must match exactly.
    const client = found?.id === clientId ? found : null;
    if (client === null) throw new UsageError(`API client ${clientId} does not exist.`);
    if (client.revokedAt !== null) return `API client ${clientId} was revoked already.`;
    await repository.update(clientId, { revokedAt: nowToTheSecond() });
    return `Revoked API client ${clientId} ("${client.name}"): its secret and its tokens no longer work.`;
  },

  'client:list': async (dataSource, options) => {
    const userId = options.user === undefined ? undefined : id64(options.user, '--user');
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

/** Runs one administration command on the database; its report, or a UsageError saying what is wrong. */
export async function runAdminCommand(dataSource: DataSource, argv: string[]): Promise<string> {
  const [name, ...rest] = argv;
  if (asksForHelp(argv)) return ADMIN_USAGE;
  const command = name === undefined ? undefined : commands[name];
  if (command === undefined) {
    throw new UsageError(name === undefined ? ADMIN_USAGE : `Unknown command "${name}".\n\n${ADMIN_USAGE}`);
  }
  let options: Options;
  try {
    options = parseArgs({
      args: rest,
      options: {
        id: { type: 'string' },
        team: { type: 'string' },
        user: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        email: { type: 'string' },
        phone: { type: 'string' },
        scope: { type: 'string', multiple: true },
        client: { type: 'string' },
        // a flag for user:create, on|off for user:set-permission
        'access-all-team-leads': { type: name === 'user:set-permission' ? 'string' : 'boolean' },
      },
      strict: true,
    }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${ADMIN_USAGE}`);
  }
  return command(dataSource, options);
}

async function setActive(dataSource: DataSource, options: Options, active: boolean): Promise<string> {
  const user = await existingUser(dataSource, options.user);
  if (user.active === active) return `User ${user.id} is ${active ? 'active' : 'deactivated'} already.`;
  await dataSource.getRepository(UserEntity).update(user.id, { active, updatedAt: nowToTheSecond() });
  return active
    ? `Activated user ${user.id}.`
    : `Deactivated user ${user.id}: the service refuses the user's tokens and clients from the next request.`;
}

async function existingUser(dataSource: DataSource, value: Options[string]): Promise<UserEntity> {
  const id = id64(value, '--user');
  const user = await dataSource.getRepository(UserEntity).findOneBy({ id });
  if (user === null) throw new UsageError(`User ${id} does not exist.`);
  return user;
}

function id64(value: Options[string], flag: string): string {
  const id = typeof value === 'string' ? parseInt64Id(value) : null;
  if (id === null) throw new UsageError(`${flag} must be a positive integer id.`);
  return id;
}

function text(value: Options[string], flag: string, maxLength: number): string {
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`${flag} is required.`);
  if (value.trim().length > maxLength) throw new UsageError(`${flag} is longer than ${maxLength} characters.`);
  return value.trim();
}

function checked(
  value: Options[string],
  flag: string,
  maxLength: number,
  rule: (value: string) => boolean,
  what: string,
): string {
  const result = text(value, flag, maxLength);
  if (!rule(result)) throw new UsageError(`${flag} must be ${what}.`);
  return result;
}

function roleOf(value: Options[string]): Role {
  if (typeof value !== 'string' || !(ROLES as string[]).includes(value)) {
    throw new UsageError(`--role must be one of ${ROLES.join(', ')}.`);
  }
  return value as Role;
}
