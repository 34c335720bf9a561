import type { SqlReader } from '../database/sql-reader';
import { ApiClientsRepository } from './api-clients.repository';

/** A reader that answers every query with these rows, as one engine's driver gives them. */
const readerOf = (rows: object[]) => ({ query: () => Promise.resolve(rows) }) as unknown as SqlReader;

describe('ApiClientsRepository', () => {
  const row = {
    id: 'cl_1',
    secret_hash: 'sha256$x',
    user_id: '100234',
    name: 'Dialer',
    scopes: 'dialer:write',
    revoked_at: null,
    active: 1,
  };

  it('reads a client as a typed record', async () => {
    await expect(new ApiClientsRepository(readerOf([row])).findCredentials('cl_1')).resolves.toEqual({
      clientId: 'cl_1',
      secretHash: 'sha256$x',
      userId: '100234',
      scopes: ['dialer:write'],
      revoked: false,
      userActive: true,
    });
  });

  it.each(['CL_1', 'cl_1 '])('finds no client for %j, which MySQL would match to cl_1', async (clientId) => {
    const clients = new ApiClientsRepository(readerOf([row]));
    await expect(clients.findCredentials(clientId)).resolves.toBeUndefined();
    await expect(clients.findById(clientId)).resolves.toBeUndefined();
  });
});
