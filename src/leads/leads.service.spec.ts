import { agentCaller } from '../../test/support/callers';
import { Role } from '../auth/role';
import type { UsersService } from '../auth/users.service';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import type { Int64 } from '../common/int64';
import type { IdGenerator } from '../database/id-generator';
import type { TransactionRunner } from '../database/transaction-runner';
import type { IdempotencyService } from '../idempotency/idempotency.service';
import type { EntityManager } from 'typeorm';
import type { LeadAccess } from './lead-access';
import type { Lead, ManageableLead } from './lead.record';
import type { LeadFacts, LeadsRepository } from './leads.repository';
import { LeadsService } from './leads.service';

const MANAGER = {} as EntityManager;

const caller = agentCaller;

const access: LeadAccess = {
  teamId: '1',
  assignedUserId: '10',
  hidden: false,
  deleted: false,
  callerIsOtherAssignee: false,
};

const stored: Lead = {
  id: '500',
  teamId: '1',
  assignedUserId: '10',
  firstName: 'Ada',
  lastName: null,
  phoneNumber: null,
  email: null,
  hidden: false,
  createTime: '2026-04-01 09:00:00',
  updateTime: '2026-04-01 09:00:00',
};

/** The users of team 1: 10 (agent), 11 (owner), 12 (admin), 13 (deactivated admin). */
const TEAM = new Map<Int64, { active: boolean; role: Role }>([
  ['10', { active: true, role: Role.Agent }],
  ['11', { active: true, role: Role.Owner }],
  ['12', { active: true, role: Role.Admin }],
  ['13', { active: false, role: Role.Admin }],
]);

function setup(facts: LeadFacts | null = null) {
  const inserted: Lead[] = [];
  const reassigned: [Int64, Int64][] = [];
  const repository: Pick<
    LeadsRepository,
    'findAccess' | 'findWithAccess' | 'findFacts' | 'insert' | 'updateAssignedUser'
  > = {
    findAccess: (leadId) => Promise.resolve(leadId === '500' ? access : null),
    findWithAccess: (leadId) => Promise.resolve(leadId === '500' ? { lead: stored, leadAccess: access } : null),
    findFacts: () => Promise.resolve(facts),
    insert: (_manager, lead) => {
      inserted.push(lead);
      return Promise.resolve();
    },
    updateAssignedUser: (_manager, leadId, userId) => {
      reassigned.push([leadId, userId]);
      return Promise.resolve();
    },
  };
  const users: Pick<UsersService, 'isActiveTeamMember' | 'findTeamUsers' | 'findActiveTeamUsers'> = {
    isActiveTeamMember: (userId, teamId) => Promise.resolve(teamId === '1' && TEAM.get(userId)?.active === true),
    findTeamUsers: (teamId, ids) =>
      Promise.resolve(
        new Map(
          ids
            .filter((id) => teamId === '1' && TEAM.has(id))
            .map((id) => [id, { active: TEAM.get(id)?.active === true }]),
        ),
      ),
    findActiveTeamUsers: (teamId, who) =>
      Promise.resolve(
        teamId === '1'
          ? [...TEAM]
              .filter(([id, u]) => u.active && (who.ids.includes(id) || who.roles.includes(u.role)))
              .map(([id]) => id)
          : [],
      ),
  };
  const transactions = { run: <T>(work: (m: EntityManager) => Promise<T>) => work(MANAGER) };
  const idempotency = { run: <T>(_: unknown, work: (m: EntityManager) => Promise<T>) => work(MANAGER) };
  const ids = { next: () => '900' };
  const service = new LeadsService(
    repository as LeadsRepository,
    transactions as TransactionRunner,
    ids as IdGenerator,
    users as UsersService,
    idempotency as unknown as IdempotencyService,
  );
  return { service, inserted, reassigned };
}

describe('LeadsService', () => {
  describe('findAccess and findLead', () => {
    it('answers the lead with its access facts, or null when there is none', async () => {
      const { service } = setup();
      await expect(service.findAccess('500', caller())).resolves.toEqual({ leadId: '500', leadAccess: access });
      await expect(service.findLead('500', caller())).resolves.toEqual({
        leadId: '500',
        lead: stored,
        leadAccess: access,
      });
      await expect(service.findAccess('501', caller())).resolves.toBeNull();
      await expect(service.findLead('501', caller())).resolves.toBeNull();
    });
  });

  describe('create', () => {
    it("stores a lead of the caller's team, assigned to the caller, and answers it", async () => {
      const { service, inserted } = setup();
      const dto = await service.create(caller(), { firstName: 'Ada' }, null);
      expect(inserted).toEqual([
        expect.objectContaining({ id: '900', teamId: '1', assignedUserId: '10', hidden: false }),
      ]);
      expect(dto).toMatchObject({ id: 900n, teamId: 1n, assignedUserId: 10n, firstName: 'Ada', hidden: false });
      expect(Object.keys(dto)).toEqual([
        'id',
        'teamId',
        'assignedUserId',
        'firstName',
        'hidden',
        'createTime',
        'updateTime',
      ]);
    });

    it('refuses a lead with no name, phone number nor email', async () => {
      const { service, inserted } = setup();
      await expect(service.create(caller(), { firstName: '' }, null)).rejects.toMatchObject({
        code: ErrorCode.MissingParameter,
      });
      expect(inserted).toEqual([]);
    });

    it.each([['13'], ['99']])('refuses to assign it to %s, not an active user of the team', async (assignedUserId) => {
      const { service } = setup();
      await expect(service.create(caller(), { email: 'a@b.c', assignedUserId }, null)).rejects.toEqual(
        new AppError(
          ErrorCode.InvalidParameter,
          `assignedUserId: ${assignedUserId} is not an active user of the team.`,
        ),
      );
    });
  });

  describe('reassign', () => {
    const found: ManageableLead = { leadId: '500', lead: stored, leadAccess: access };

    it.each([
      ['an OWNER', caller({ role: Role.Owner })],
      ['an ADMIN', caller({ role: Role.Admin })],
      ['an agent with ACCESS_ALL_TEAM_LEADS', caller({ accessAllTeamLeads: true })],
    ])('lets %s give the lead another active agent', async (_, who) => {
      const { service, reassigned } = setup();
      const dto = await service.reassign(who, found, '12');
      expect(reassigned).toEqual([['500', '12']]);
      expect(dto.assignedUserId).toBe(12n);
      expect(dto.updateTime).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    });

    it('refuses an agent without ACCESS_ALL_TEAM_LEADS', async () => {
      const { service, reassigned } = setup();
      await expect(service.reassign(caller(), found, '12')).rejects.toMatchObject({ code: ErrorCode.InsufficientRole });
      expect(reassigned).toEqual([]);
    });

    it('refuses a deactivated new agent', async () => {
      const { service } = setup();
      await expect(service.reassign(caller({ role: Role.Owner }), found, '13')).rejects.toMatchObject({
        code: ErrorCode.InvalidParameter,
      });
    });
  });

  describe('findEventRecipients', () => {
    const lead = (overrides: Partial<LeadFacts> = {}): LeadFacts => ({
      teamId: '1',
      assignedUserId: '10',
      hidden: false,
      deleted: false,
      ...overrides,
    });

    it.each<[string, LeadFacts | null, { teamId: Int64; userIds: Int64[] } | null]>([
      ['a lead: its agent and the active OWNER and ADMIN users', lead(), { teamId: '1', userIds: ['10', '11', '12'] }],
      ['a hidden lead: its agent only', lead({ hidden: true }), { teamId: '1', userIds: ['10'] }],
      [
        'a hidden lead of a deactivated agent: nobody',
        lead({ hidden: true, assignedUserId: '13' }),
        { teamId: '1', userIds: [] },
      ],
      [
        'a lead whose agent is an ADMIN: each user once',
        lead({ assignedUserId: '12' }),
        { teamId: '1', userIds: ['12', '11'] },
      ],
      [
        'a lead with no agent: the OWNER and ADMIN users',
        lead({ assignedUserId: null }),
        { teamId: '1', userIds: ['11', '12'] },
      ],
      ['no lead', null, null],
    ])('%s', async (_, facts, expected) => {
      const { service } = setup(facts);
      const answer = await service.findEventRecipients('500');
      expect(answer === null ? null : { ...answer, userIds: [...answer.userIds].sort() }).toEqual(
        expected === null ? null : { ...expected, userIds: [...expected.userIds].sort() },
      );
    });
  });
});
