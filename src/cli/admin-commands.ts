import type { INestApplicationContext } from '@nestjs/common';
import { parseArgs } from 'node:util';
import { ApiClientsService } from '../auth/api-clients.service';
import { Role, ROLES } from '../auth/role';
import { SCOPES } from '../auth/scopes';
import { ADMIN_USAGE } from './admin-usage';
import { TeamsService } from '../auth/teams.service';
import { UsersService } from '../auth/users.service';
import { type Int64, parseInt64Id } from '../common/int64';
import { isEmailAddress, isPhoneNumber } from '../common/validation/fields';
import { asksForHelp } from './cli';
import { refusalAsUsageError, UsageError } from './usage-error';

type Options = Record<string, string | string[] | boolean | undefined>;

interface Services {
  teams: TeamsService;
  users: UsersService;
  clients: ApiClientsService;
}

type Command = (services: Services, options: Options) => Promise<string>;

const commands: Record<string, Command> = {
  'team:create': async ({ teams }, options) => {
    const name = text(options.name, '--name', 100);
    const id = options.id === undefined ? undefined : id64(options.id, '--id');
    const team = await teams.create(name, id);
    return `Created team ${team.teamId} "${name}".`;
  },

  'user:create': async ({ users }, options) => {
    const teamId = id64(options.team, '--team');
    const name = text(options.name, '--name', 100);
    const role = roleOf(options.role);
    // The rules and maximum lengths of the API's fields, so that the CLI stores nothing the API would refuse.
    const email =
      options.email === undefined ? null : checked(options.email, '--email', 254, isEmailAddress, 'an email address');
    const phoneNumber =
      options.phone === undefined ? null : checked(options.phone, '--phone', 32, isPhoneNumber, 'a phone number');
    const id = options.id === undefined ? undefined : id64(options.id, '--id');
    const accessAllTeamLeads = options['access-all-team-leads'] === true;
    const user = await users.create({ id, teamId, name, email, phoneNumber, role, accessAllTeamLeads });
    return `Created user ${user.id} "${name}", ${role} in team ${teamId}${accessAllTeamLeads ? ' with ACCESS_ALL_TEAM_LEADS' : ''}.`;
  },

  'user:set-role': async ({ users }, options) => {
    const { userId } = await users.get(userIdOf(options));
    const role = roleOf(options.role);
    const previous = await users.setRole(userId, role);
    if (previous === role) return `User ${userId} is ${role} already.`;
    return `User ${userId} is now ${role} (was ${previous ?? 'an unknown role'}).`;
  },

  'user:set-permission': async ({ users }, options) => {
    const { userId } = await users.get(userIdOf(options));
    const value = options['access-all-team-leads'];
    if (value !== 'on' && value !== 'off') throw new UsageError('--access-all-team-leads must be on or off.');
    const granted = value === 'on';
    await users.setAccessAllTeamLeads(userId, granted);
    return `User ${userId} ${granted ? 'now holds' : 'no longer holds'} ACCESS_ALL_TEAM_LEADS.`;
  },

  'user:deactivate': async ({ users }, options) => {
    const userId = userIdOf(options);
    if (!(await users.setActive(userId, false))) return `User ${userId} is deactivated already.`;
    return `Deactivated user ${userId}: the service refuses the user's tokens and clients from the next request.`;
  },

  'user:activate': async ({ users }, options) => {
    const userId = userIdOf(options);
    if (!(await users.setActive(userId, true))) return `User ${userId} is active already.`;
    return `Activated user ${userId}.`;
  },

  'client:create': async ({ users, clients }, options) => {
    const user = await users.get(userIdOf(options));
    const name = text(options.name, '--name', 100);
    const scopes = [...new Set((options.scope as string[] | undefined) ?? [])];
    const unknown = scopes.find((scope) => !(SCOPES as string[]).includes(scope));
    if (unknown !== undefined) {
      throw new UsageError(`--scope ${unknown} is not a scope of the service (${SCOPES.join(', ')}).`);
    }
    const { clientId, clientSecret } = await clients.create(user.userId, name, scopes);
    return [
      `Created API client "${name}" acting as user ${user.userId} (team ${user.teamId})` +
        (scopes.length > 0 ? ` with scopes ${scopes.join(' ')}.` : ' with no scope.'),
      `client_id:     ${clientId}`,
      `client_secret: ${clientSecret}`,
      'The secret is shown this once; only its hash is stored.',
    ].join('\n');
  },

  'client:revoke': async ({ clients }, options) => {
    const clientId = text(options.client, '--client', 64);
    const client = await clients.revoke(clientId);
    if (client.revoked) return `API client ${clientId} was revoked already.`;
    return `Revoked API client ${clientId} ("${client.name}"): its secret and its tokens no longer work.`;
  },

  'client:list': async ({ clients }, options) => {
    const userId = options.user === undefined ? undefined : id64(options.user, '--user');
    const list = await clients.list(userId);
    if (list.length === 0) return 'No API clients.';
    return list
      .map(
        (c) =>
          `${c.clientId}  user ${c.userId}  "${c.name}"  scopes: ${c.scopes.join(' ') || '-'}  ` +
          (c.revoked ? 'REVOKED' : 'active'),
      )
      .join('\n');
  },
};

/**
 * Runs one administration command through the services of the application context; its report, or a
 * UsageError saying what is wrong (a refusal of a service included: an unknown user, a taken id).
 */
export async function runAdminCommand(app: Pick<INestApplicationContext, 'get'>, argv: string[]): Promise<string> {
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
  const services = { teams: app.get(TeamsService), users: app.get(UsersService), clients: app.get(ApiClientsService) };
  try {
    return await command(services, options);
  } catch (error) {
    throw refusalAsUsageError(error);
  }
}

function userIdOf(options: Options): Int64 {
  return id64(options.user, '--user');
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
