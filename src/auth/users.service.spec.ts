import type { EntityManager } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import type { Int64 } from '../common/int64';
import type { IdGenerator } from '../database/id-generator';
import type { TransactionRunner } from '../database/transaction-runner';
import { Role } from './role';
import type { TeamsRepository } from './teams.repository';
import type { ClientUserAccess, NewUser, User, UserChange, UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/** The users and teams tables in memory, and the client rows of the principal lookup. */
class FakeAccounts {
  readonly users = new Map<Int64, User>();
  readonly teams = new Set<Int64>();
  readonly clients = new Map<string, { userId: Int64; scopes: string; revoked: boolean }>();

  readonly usersRepository: Pick<UsersRepository, keyof UsersRepository> = {
    findAccess: (userId: Int64) => Promise.resolve(this.access(userId)),
    findClientAccess: (clientId: string, userId: Int64): Promise<ClientUserAccess | undefined> => {
      const client = this.clients.get(clientId);
      const access = this.access(userId);
      if (client === undefined || client.userId !== userId || access === undefined) return Promise.resolve(undefined);
      return Promise.resolve({ ...access, clientScopes: client.scopes, clientRevoked: client.revoked });
    },
    findById: (userId: Int64) => Promise.resolve(this.user(userId)),
    isActiveTeamMember: (userId: Int64, teamId: Int64) => {
      const user = this.users.get(userId);
      return Promise.resolve(user?.teamId === teamId && user.active);
    },
    findActiveInTeam: (teamId: Int64, who: { ids: readonly Int64[]; roles: readonly Role[] }) =>
      Promise.resolve(
        [...this.users.values()]
          .filter(
            (u) =>
              u.teamId === teamId &&
              u.active &&
              (who.ids.includes(u.userId) || (u.role !== null && who.roles.includes(u.role))),
          )
          .map((u) => u.userId)
          .sort(),
      ),
    findInTeam: (teamId: Int64, userIds: readonly Int64[]) =>
      Promise.resolve(
        userIds.flatMap((userId) => {
          const user = this.users.get(userId);
          return user?.teamId === teamId ? [{ userId, active: user.active }] : [];
        }),
      ),
    findFirstActiveId: () =>
      Promise.resolve(
        [...this.users.values()]
          .filter((u) => u.active)
          .map((u) => u.userId)
          .sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1))[0],
      ),
    insert: (_: EntityManager, user: NewUser) => {
      const { id, teamId, name, role, accessAllTeamLeads } = user;
      this.users.set(id, { userId: id, teamId, name, role, accessAllTeamLeads, active: true });
      return Promise.resolve();
    },
    update: (_: EntityManager, userId: Int64, change: UserChange) => {
      const user = this.users.get(userId);
      if (user !== undefined) this.users.set(userId, { ...user, ...change });
      return Promise.resolve();
    },
  };

  readonly teamsRepository: Pick<TeamsRepository, 'exists'> = {
    exists: (teamId: Int64) => Promise.resolve(this.teams.has(teamId)),
  };

  addUser(user: Partial<User> & { userId: Int64 }): void {
    this.users.set(user.userId, {
      teamId: '1',
      name: `User ${user.userId}`,
      role: Role.Agent,
      accessAllTeamLeads: false,
      active: true,
      ...user,
    });
  }

  private user(userId: Int64): User | undefined {
    const user = this.users.get(userId);
    return user === undefined ? undefined : { ...user };
  }

  private access(userId: Int64) {
    const user = this.user(userId);
    if (user === undefined) return undefined;
    const { name: _, ...access } = user;
    return access;
  }
}

const transactions = {
  run: <T>(work: (manager: EntityManager) => Promise<T>) => work({} as EntityManager),
} as TransactionRunner;

function setUp() {
  const accounts = new FakeAccounts();
  const ids = { next: () => '900001' } as IdGenerator;
  const service = new UsersService(
    accounts.usersRepository as UsersRepository,
    accounts.teamsRepository as TeamsRepository,
    transactions,
    ids,
  );
  return { accounts, service };
}

describe('UsersService.findPrincipal', () => {
  it('resolves an active user', async () => {
    const { accounts, service } = setUp();
    accounts.addUser({ userId: '100234' });
    await expect(service.findPrincipal({ userId: '100234', clientId: null, scopes: [] })).resolves.toEqual({
      userId: '100234',
      teamId: '1',
      role: Role.Agent,
      accessAllTeamLeads: false,
      active: true,
      clientId: null,
      scopes: new Set(),
    });
  });

  it('carries the role and ACCESS_ALL_TEAM_LEADS', async () => {
    const { accounts, service } = setUp();
    accounts.addUser({ userId: '100234', role: Role.Admin, accessAllTeamLeads: true });
    await expect(service.findPrincipal({ userId: '100234', clientId: null, scopes: [] })).resolves.toMatchObject({
      role: Role.Admin,
      accessAllTeamLeads: true,
    });
  });

  it.each([
    ['an unknown user', undefined],
    ['a deactivated user', { active: false }],
    ['an unknown role', { role: null }],
  ])('finds no principal for %s', async (_, user) => {
    const { accounts, service } = setUp();
    if (user !== undefined) accounts.addUser({ userId: '100234', ...user });
    await expect(service.findPrincipal({ userId: '100234', clientId: null, scopes: [] })).resolves.toBeNull();
  });

  describe('for an API client token', () => {
    it('keeps the scopes the client still holds', async () => {
      const { accounts, service } = setUp();
      accounts.addUser({ userId: '100234' });
      accounts.clients.set('cl_1', { userId: '100234', scopes: 'dialer:write', revoked: false });
      const caller = await service.findPrincipal({
        userId: '100234',
        clientId: 'cl_1',
        scopes: ['dialer:write', 'removed:scope'],
      });
      expect(caller?.clientId).toBe('cl_1');
      expect([...(caller?.scopes ?? [])]).toEqual(['dialer:write']);
    });

    it('finds no principal for a revoked client', async () => {
      const { accounts, service } = setUp();
      accounts.addUser({ userId: '100234' });
      accounts.clients.set('cl_1', { userId: '100234', scopes: '', revoked: true });
      await expect(service.findPrincipal({ userId: '100234', clientId: 'cl_1', scopes: [] })).resolves.toBeNull();
    });

    it.each([
      ['an unknown client', undefined],
      ['a client of another user', { userId: '100235', scopes: '', revoked: false }],
    ])('finds no principal for %s', async (_, client) => {
      const { accounts, service } = setUp();
      accounts.addUser({ userId: '100234' });
      accounts.addUser({ userId: '100235' });
      if (client !== undefined) accounts.clients.set('cl_1', client);
      await expect(service.findPrincipal({ userId: '100234', clientId: 'cl_1', scopes: [] })).resolves.toBeNull();
    });

    it('finds no principal for a client of a deactivated user', async () => {
      const { accounts, service } = setUp();
      accounts.addUser({ userId: '100234', active: false });
      accounts.clients.set('cl_1', { userId: '100234', scopes: 'dialer:write', revoked: false });
      await expect(
        service.findPrincipal({ userId: '100234', clientId: 'cl_1', scopes: ['dialer:write'] }),
      ).resolves.toBeNull();
    });
  });
});

describe('UsersService.findTeamUsers', () => {
  it('maps the users of the team to whether they are active, leaving out the others', async () => {
    const { accounts, service } = setUp();
    accounts.addUser({ userId: '1' });
    accounts.addUser({ userId: '2', active: false });
    accounts.addUser({ userId: '3', teamId: '2' });
    await expect(service.findTeamUsers('1', ['1', '2', '3', '4', '1'])).resolves.toEqual(
      new Map([
        ['1', { active: true }],
        ['2', { active: false }],
      ]),
    );
  });

  it('answers an empty map for no users', async () => {
    const { service } = setUp();
    await expect(service.findTeamUsers('1', [])).resolves.toEqual(new Map());
  });
});

describe('UsersService.findActiveUser', () => {
  it('suggests the preferred user while it is active', async () => {
    const { accounts, service } = setUp();
    accounts.addUser({ userId: '5' });
    accounts.addUser({ userId: '100234' });
    await expect(service.findActiveUser('100234')).resolves.toBe('100234');
  });

  it('else the active user with the lowest id, else none', async () => {
    const { accounts, service } = setUp();
    accounts.addUser({ userId: '100234', active: false });
    accounts.addUser({ userId: '1', active: false });
    await expect(service.findActiveUser('100234')).resolves.toBeNull();
    accounts.addUser({ userId: '20' });
    accounts.addUser({ userId: '9' });
    await expect(service.findActiveUser('100234')).resolves.toBe('9');
  });
});

describe('UsersService administration', () => {
  it('creates an active user in an existing team, under a fresh id unless one is given', async () => {
    const { accounts, service } = setUp();
    accounts.teams.add('30');
    const fields = {
      teamId: '30',
      name: 'Kim Lee',
      email: 'kim@example.com',
      phoneNumber: null,
      role: Role.Admin,
      accessAllTeamLeads: false,
    };
    await expect(service.create(fields)).resolves.toEqual({ ...fields, id: '900001' });
    await expect(service.create({ ...fields, id: '300001' })).resolves.toMatchObject({ id: '300001' });
    await expect(service.get('300001')).resolves.toEqual({
      userId: '300001',
      teamId: '30',
      name: 'Kim Lee',
      role: Role.Admin,
      accessAllTeamLeads: false,
      active: true,
    });
  });

  it('refuses a user in a missing team, and a taken id', async () => {
    const { accounts, service } = setUp();
    accounts.teams.add('1');
    accounts.addUser({ userId: '100234' });
    const fields = {
      teamId: '1',
      name: 'X',
      email: null,
      phoneNumber: null,
      role: Role.Agent,
      accessAllTeamLeads: false,
    };
    await expect(service.create({ ...fields, teamId: '999' })).rejects.toEqual(
      new AppError(ErrorCode.NotFound, 'Team 999 does not exist.'),
    );
    await expect(service.create({ ...fields, id: '100234' })).rejects.toEqual(
      new AppError(ErrorCode.Conflict, 'User 100234 exists already.'),
    );
  });

  it('answers NOT_FOUND for an unknown user', async () => {
    const { service } = setUp();
    const missing = new AppError(ErrorCode.NotFound, 'User 999999 does not exist.');
    await expect(service.get('999999')).rejects.toEqual(missing);
    await expect(service.setRole('999999', Role.Admin)).rejects.toEqual(missing);
    await expect(service.setAccessAllTeamLeads('999999', true)).rejects.toEqual(missing);
    await expect(service.setActive('999999', false)).rejects.toEqual(missing);
  });

  it('changes a role, answering the one before', async () => {
    const { accounts, service } = setUp();
    accounts.addUser({ userId: '100235', role: Role.Agent });
    await expect(service.setRole('100235', Role.Admin)).resolves.toBe(Role.Agent);
    await expect(service.setRole('100235', Role.Admin)).resolves.toBe(Role.Admin);
    await expect(service.get('100235')).resolves.toMatchObject({ role: Role.Admin });
  });

  it('grants and withdraws ACCESS_ALL_TEAM_LEADS', async () => {
    const { accounts, service } = setUp();
    accounts.addUser({ userId: '100235' });
    await service.setAccessAllTeamLeads('100235', true);
    await expect(service.get('100235')).resolves.toMatchObject({ accessAllTeamLeads: true });
    await service.setAccessAllTeamLeads('100235', false);
    await expect(service.get('100235')).resolves.toMatchObject({ accessAllTeamLeads: false });
  });

  it('deactivates and activates, saying whether anything changed', async () => {
    const { accounts, service } = setUp();
    accounts.addUser({ userId: '100236' });
    await expect(service.setActive('100236', false)).resolves.toBe(true);
    await expect(service.setActive('100236', false)).resolves.toBe(false);
    await expect(service.findPrincipal({ userId: '100236', clientId: null, scopes: [] })).resolves.toBeNull();
    await expect(service.setActive('100236', true)).resolves.toBe(true);
    await expect(service.get('100236')).resolves.toMatchObject({ active: true });
  });
});
