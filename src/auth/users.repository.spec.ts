import type { SqlReader } from '../database/sql-reader';
import { Role } from './role';
import { UsersRepository } from './users.repository';

/** A reader that answers every query with these rows, as one engine's driver gives them. */
const readerOf = (rows: object[]) => ({ query: () => Promise.resolve(rows) }) as unknown as SqlReader;

describe('UsersRepository', () => {
  const sqliteRow = { id: '100234', team_id: '1', role: 'AGENT', access_all_team_leads: '0', active: '1' };

  it('reads a user as a typed record', async () => {
    await expect(new UsersRepository(readerOf([sqliteRow])).findAccess('100234')).resolves.toEqual({
      userId: '100234',
      teamId: '1',
      role: Role.Agent,
      accessAllTeamLeads: false,
      active: true,
    });
  });

  it('reads MySQL booleans alike', async () => {
    const mysqlRow = { ...sqliteRow, role: 'ADMIN', access_all_team_leads: 1, active: 0 };
    await expect(new UsersRepository(readerOf([mysqlRow])).findAccess('100234')).resolves.toMatchObject({
      role: Role.Admin,
      accessAllTeamLeads: true,
      active: false,
    });
  });

  it('reads a role it does not know as null', async () => {
    await expect(
      new UsersRepository(readerOf([{ ...sqliteRow, role: 'ROOT' }])).findAccess('100234'),
    ).resolves.toMatchObject({ role: null });
  });

  it("reads a client's state with the user's access", async () => {
    const reader = readerOf([{ ...sqliteRow, scopes: 'dialer:write', revoked_at: '2026-01-01 00:00:00' }]);
    await expect(new UsersRepository(reader).findClientAccess('cl_1', '100234')).resolves.toMatchObject({
      userId: '100234',
      clientScopes: 'dialer:write',
      clientRevoked: true,
    });
  });
});
