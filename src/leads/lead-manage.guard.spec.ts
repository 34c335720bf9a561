import type { ExecutionContext } from '@nestjs/common';
import type { ModuleRef, Reflector } from '@nestjs/core';
import type { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import type { LeadAccess, LeadScoped } from './lead-access';
import { LeadManageGuard, type LeadScopedLoader } from './lead-manage.guard';
import { LeadsService } from './leads.service';
import type { UsersService } from '../auth/users.service';
import type { IdGenerator } from '../database/id-generator';
import type { SqlReader } from '../database/sql-reader';
import type { TransactionRunner } from '../database/transaction-runner';
import type { IdempotencyService } from '../idempotency/idempotency.service';

class StubLoader implements LeadScopedLoader {
  load = jest.fn<Promise<LeadScoped | null>, unknown[]>();
}

const principal: Principal = {
  userId: '10',
  teamId: '1',
  role: Role.Agent,
  accessAllTeamLeads: false,
  active: true,
  clientId: null,
  scopes: new Set(),
};

const manageable: LeadAccess = {
  teamId: '1',
  assignedUserId: '10',
  hidden: false,
  deleted: false,
  callerIsOtherAssignee: false,
};

describe('LeadManageGuard', () => {
  const loader = new StubLoader();
  const reflector = { get: jest.fn().mockReturnValue(StubLoader) } as unknown as Reflector;
  const moduleRef = { get: jest.fn().mockReturnValue(loader) } as unknown as ModuleRef;
  const leads = new LeadsService(
    {} as SqlReader,
    {} as TransactionRunner,
    {} as IdGenerator,
    {} as UsersService,
    {} as IdempotencyService,
  );
  const guard = new LeadManageGuard(reflector, moduleRef, leads);
  let request: Record<string | symbol, unknown>;

  const context = () =>
    ({
      switchToHttp: () => ({ getRequest: () => request }),
      getHandler: () => function handler() {},
      getClass: () => class Controller {},
    }) as unknown as ExecutionContext;

  beforeEach(() => {
    request = { user: principal };
    loader.load.mockReset();
  });

  it('lets the caller through to a resource of a lead it may manage, and hands the resource on', async () => {
    const resource = { leadAccess: manageable, row: 'the call' };
    loader.load.mockResolvedValue(resource);
    await expect(guard.canActivate(context())).resolves.toBe(true);
    expect(loader.load).toHaveBeenCalledWith(request, principal);
    expect(Object.getOwnPropertySymbols(request).map((key) => request[key])).toEqual([resource]);
  });

  it.each([
    ['there is no such resource', null],
    ['the lead is not manageable by the caller', { leadAccess: { ...manageable, assignedUserId: '11' } }],
    ['the lead is in another team', { leadAccess: { ...manageable, teamId: '2' } }],
  ])('refuses with the same PERMISSION_DENIED when %s', async (_, resource) => {
    loader.load.mockResolvedValue(resource);
    await expect(guard.canActivate(context())).rejects.toEqual(new AppError(ErrorCode.PermissionDenied));
  });

  it('passes on a malformed reference as the loader reports it', async () => {
    loader.load.mockRejectedValue(new AppError(ErrorCode.InvalidParameter, 'bad id'));
    await expect(guard.canActivate(context())).rejects.toMatchObject({ code: ErrorCode.InvalidParameter });
  });

  it('looks the loader up once per route', async () => {
    loader.load.mockResolvedValue({ leadAccess: manageable });
    await guard.canActivate(context());
    await guard.canActivate(context());
    expect(moduleRef.get).toHaveBeenCalledTimes(1);
  });
});
