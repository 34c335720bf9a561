import { agentCaller } from '../../test/support/callers';
import type { ExecutionContext } from '@nestjs/common';
import type { ModuleRef, Reflector } from '@nestjs/core';
import type { Principal } from '../auth/principal';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import type { Int64 } from '../common/int64';
import type { LeadAccess, LeadScoped } from './lead-access';
import { LeadManageGuard, leadScopedSource } from './lead-manage.guard';
import type { LeadsService } from './leads.service';
import { canManageLead } from './lead-access';

class ThingsService {
  find = jest.fn<Promise<LeadScoped | null>, [Int64, Principal]>();
}

const caller = agentCaller();

const manageable: LeadAccess = {
  teamId: '1',
  assignedUserId: '10',
  hidden: false,
  deleted: false,
  callerIsOtherAssignee: false,
};

const THING_IN_PATH = leadScopedSource({
  in: 'path',
  field: 'thingId',
  service: ThingsService,
  find: (things, id, who) => things.find(id, who),
});

describe('LeadManageGuard', () => {
  const things = new ThingsService();
  const reflector = { get: jest.fn().mockReturnValue(THING_IN_PATH) } as unknown as Reflector;
  const moduleRef = { get: jest.fn().mockReturnValue(things) } as unknown as ModuleRef;
  const leads = { canManage: canManageLead } as unknown as LeadsService;
  const guard = new LeadManageGuard(reflector, moduleRef, leads);
  let request: Record<string | symbol, unknown>;

  const context = () =>
    ({
      switchToHttp: () => ({ getRequest: () => request }),
      getHandler: () => function handler() {},
      getClass: () => class Controller {},
    }) as unknown as ExecutionContext;

  beforeEach(() => {
    request = { user: caller, params: { thingId: '42' } };
    things.find.mockReset();
  });

  it('lets the caller through to a resource of a lead it may manage, and hands the resource on', async () => {
    const resource = { leadId: '7', leadAccess: manageable, thing: 'the call' };
    things.find.mockResolvedValue(resource);
    await expect(guard.canActivate(context())).resolves.toBe(true);
    expect(things.find).toHaveBeenCalledWith('42', caller);
    expect(Object.getOwnPropertySymbols(request).map((key) => request[key])).toEqual([
      { source: THING_IN_PATH, resource },
    ]);
  });

  it.each([
    ['there is no such resource', null],
    ['the lead is not manageable by the caller', { leadId: '7', leadAccess: { ...manageable, assignedUserId: '11' } }],
    ['the lead is in another team', { leadId: '7', leadAccess: { ...manageable, teamId: '2' } }],
  ])('refuses with the same PERMISSION_DENIED when %s', async (_, resource) => {
    things.find.mockResolvedValue(resource);
    await expect(guard.canActivate(context())).rejects.toEqual(new AppError(ErrorCode.PermissionDenied));
  });

  it.each([['0'], ['12a'], ['9223372036854775808'], [undefined]])(
    'refuses a malformed id (%p) by the id pipe, before anything is read',
    async (thingId) => {
      request = { user: caller, params: { thingId } };
      await expect(guard.canActivate(context())).rejects.toBeInstanceOf(AppError);
      expect(things.find).not.toHaveBeenCalled();
    },
  );
});
