import type { EntityManager } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import type { Int64 } from '../common/int64';
import type { TransactionRunner } from '../database/transaction-runner';
import type { ApiClient, ApiClientsRepository, ClientCredentials, NewApiClient } from './api-clients.repository';
import { ApiClientsService } from './api-clients.service';
import { hashClientSecret } from './client-secret';
import { Role } from './role';
import type { User } from './users.repository';
import type { UsersService } from './users.service';

/** The api_clients table in memory, each client with the activity of its user. */
type ClientsTable = Pick<ApiClientsRepository, keyof ApiClientsRepository>;

class FakeClients implements ClientsTable {
  readonly rows: (NewApiClient & { revoked: boolean })[] = [];
  readonly activeUsers = new Set<Int64>();

  findCredentials(clientId: string): Promise<ClientCredentials | undefined> {
    const row = this.rows.find((r) => r.clientId === clientId);
    if (row === undefined) return Promise.resolve(undefined);
    const { clientId: id, secretHash, userId, scopes, revoked } = row;
    return Promise.resolve({
      clientId: id,
      secretHash,
      userId,
      scopes,
      revoked,
      userActive: this.activeUsers.has(userId),
    });
  }

  findById(clientId: string): Promise<ApiClient | undefined> {
    return Promise.resolve(this.all().find((c) => c.clientId === clientId));
  }

  list(userId?: Int64): Promise<ApiClient[]> {
    return Promise.resolve(this.all().filter((c) => userId === undefined || c.userId === userId));
  }

  insert(_: EntityManager, client: NewApiClient): Promise<void> {
    this.rows.push({ ...client, revoked: false });
    return Promise.resolve();
  }

  revoke(_: EntityManager, clientId: string): Promise<void> {
    for (const row of this.rows) if (row.clientId === clientId) row.revoked = true;
    return Promise.resolve();
  }

  private all(): ApiClient[] {
    return this.rows.map(({ clientId, userId, name, scopes, revoked }) => ({
      clientId,
      userId,
      name,
      scopes,
      revoked,
    }));
  }
}

const transactions = {
  run: <T>(work: (manager: EntityManager) => Promise<T>) => work({} as EntityManager),
} as TransactionRunner;

function setUp() {
  const clients = new FakeClients();
  const users: Pick<UsersService, 'get'> = {
    get: (userId: Int64): Promise<User> => {
      if (userId === '999999')
        return Promise.reject(new AppError(ErrorCode.NotFound, `User ${userId} does not exist.`));
      const active = clients.activeUsers.has(userId);
      return Promise.resolve({ userId, teamId: '1', name: 'U', role: Role.Agent, accessAllTeamLeads: false, active });
    },
  };
  clients.activeUsers.add('100234');
  const service = new ApiClientsService(
    clients as ClientsTable as ApiClientsRepository,
    users as UsersService,
    transactions,
  );
  return { clients, service };
}

describe('ApiClientsService.authenticate', () => {
  const stored = (overrides: Partial<NewApiClient & { revoked: boolean }> = {}) => ({
    clientId: 'cl_1',
    secretHash: hashClientSecret('right'),
    userId: '100234',
    name: 'CRM sync',
    scopes: ['dialer:write'],
    revoked: false,
    ...overrides,
  });

  it('answers the client, its user and its scopes for the right secret', async () => {
    const { clients, service } = setUp();
    clients.rows.push(stored());
    await expect(service.authenticate('cl_1', 'right')).resolves.toEqual({
      clientId: 'cl_1',
      userId: '100234',
      scopes: ['dialer:write'],
    });
  });

  it.each([
    ['a wrong secret', stored(), 'cl_1', 'wrong'],
    ['an unknown client id', stored(), 'cl_2', 'right'],
    ['a revoked client', stored({ revoked: true }), 'cl_1', 'right'],
    ['a client of a deactivated user', stored({ userId: '100239' }), 'cl_1', 'right'],
  ])('answers null for %s', async (_, row, clientId, secret) => {
    const { clients, service } = setUp();
    clients.rows.push(row);
    await expect(service.authenticate(clientId, secret)).resolves.toBeNull();
  });
});

describe('ApiClientsService administration', () => {
  it('creates a client whose secret authenticates it, and stores only the hash', async () => {
    const { clients, service } = setUp();
    const created = await service.create('100234', 'Dialer', ['dialer:write']);
    expect(created.clientId).toMatch(/^cl_[0-9a-f]{24}$/);
    expect(clients.rows[0].secretHash).not.toContain(created.clientSecret);
    await expect(service.authenticate(created.clientId, created.clientSecret)).resolves.toEqual({
      clientId: created.clientId,
      userId: '100234',
      scopes: ['dialer:write'],
    });
  });

  it('creates no client for an unknown or a deactivated user', async () => {
    const { clients, service } = setUp();
    await expect(service.create('999999', 'X')).rejects.toEqual(
      new AppError(ErrorCode.NotFound, 'User 999999 does not exist.'),
    );
    await expect(service.create('100239', 'X')).rejects.toEqual(
      new AppError(ErrorCode.AgentInactive, 'User 100239 is deactivated.'),
    );
    expect(clients.rows).toEqual([]);
  });

  it('lists the clients, of one user or all, never with a secret', async () => {
    const { clients, service } = setUp();
    clients.activeUsers.add('100235');
    const first = await service.create('100234', 'A');
    const second = await service.create('100235', 'B', ['dialer:write']);
    await expect(service.list()).resolves.toEqual([
      { clientId: first.clientId, userId: '100234', name: 'A', scopes: [], revoked: false },
      { clientId: second.clientId, userId: '100235', name: 'B', scopes: ['dialer:write'], revoked: false },
    ]);
    await expect(service.list('100235')).resolves.toEqual([expect.objectContaining({ clientId: second.clientId })]);
  });

  it('revokes a client once, answering it as it was', async () => {
    const { service } = setUp();
    const { clientId, clientSecret } = await service.create('100234', 'Dialer');
    await expect(service.revoke(clientId)).resolves.toMatchObject({ name: 'Dialer', revoked: false });
    await expect(service.authenticate(clientId, clientSecret)).resolves.toBeNull();
    await expect(service.revoke(clientId)).resolves.toMatchObject({ revoked: true });
    await expect(service.revoke('cl_missing')).rejects.toEqual(
      new AppError(ErrorCode.NotFound, 'API client cl_missing does not exist.'),
    );
  });
});
