import type { SqlReader } from '../database/sql-reader';
import { Role } from './role';
import { UsersService } from './users.service';

describe('UsersService.findPrincipal', () => {
  const query = jest.fn();
  const service = new UsersService({ query } as unknown as SqlReader);

  beforeEach(() => query.mockReset());

  const userRow = { id: '100234', team_id: '1', role: 'AGENT', access_all_team_leads: '0', active: '1' };

  it('resolves an active user in one query', async () => {
    query.mockResolvedValue([userRow]);
    await expect(service.findPrincipal({ userId: '100234', clientId: null, scopes: [] })).resolves.toEqual({
      userId: '100234',
      teamId: '1',
      role: Role.Agent,
      accessAllTeamLeads: false,
      active: true,
      clientId: null,
      scopes: new Set(),
    });
    expect(query).toHaveBeenCalledTimes(1);
    expect(query.mock.calls[0][1]).toEqual(['100234']);
  });

  it('reads MySQL booleans alike', async () => {
    query.mockResolvedValue([{ ...userRow, role: 'ADMIN', access_all_team_leads: 1, active: 1 }]);
    await expect(service.findPrincipal({ userId: '100234', clientId: null, scopes: [] })).resolves.toMatchObject({
      role: Role.Admin,
      accessAllTeamLeads: true,
    });
  });

  it.each([
    ['an unknown user', []],
    ['a deactivated user', [{ ...userRow, active: '0' }]],
    ['an unknown role', [{ ...userRow, role: 'ROOT' }]],
  ])('finds no principal for %s', async (_, rows) => {
    query.mockResolvedValue(rows);
    await expect(service.findPrincipal({ userId: '100234', clientId: null, scopes: [] })).resolves.toBeNull();
  });

  describe('for an API client token', () => {
    it('checks the client in the same query and keeps the scopes the client still holds', async () => {
      query.mockResolvedValue([{ ...userRow, scopes: 'dialer:write', revoked_at: null }]);
      const principal = await service.findPrincipal({
        userId: '100234',
        clientId: 'cl_1',
        scopes: ['dialer:write', 'removed:scope'],
      });
      expect(query).toHaveBeenCalledTimes(1);
      expect(query.mock.calls[0][1]).toEqual(['cl_1', '100234']);
      expect(principal?.clientId).toBe('cl_1');
      expect([...(principal?.scopes ?? [])]).toEqual(['dialer:write']);
    });

    it('finds no principal for a revoked client', async () => {
      query.mockResolvedValue([{ ...userRow, scopes: '', revoked_at: '2026-01-01 00:00:00' }]);
      await expect(service.findPrincipal({ userId: '100234', clientId: 'cl_1', scopes: [] })).resolves.toBeNull();
    });
  });
});
