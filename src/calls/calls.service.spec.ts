import { CommunicationSource } from './call-enums';
import { agentCaller } from '../../test/support/callers';
import { canManageLead, type LeadAccess } from '../leads/lead-access';
import type { LeadAccessQuery, LeadsService } from '../leads/leads.service';
import type { Call, ScopedCall } from './call.record';
import type { CallsRepository } from './calls.repository';
import { CallsService } from './calls.service';

const caller = agentCaller();

const logged: Call = {
  id: '700',
  leadId: '500',
  agentId: '10',
  source: CommunicationSource.Manual,
  logPhoneNumber: '+14155550199',
  logDirection: 'outbound',
  content: 'Left a message.',
  callingOutcome: 'VoiceMessage',
  rateScore: null,
  note: null,
  createTime: '2026-05-02 14:00:00',
  updateTime: '2026-05-02 14:00:00',
  version: 1,
  dialer: null,
};

const ACCESS_QUERY = { select: 'the lead access columns' } as unknown as LeadAccessQuery;

const access = (overrides: Partial<LeadAccess> = {}): LeadAccess => ({
  teamId: '1',
  assignedUserId: '10',
  hidden: false,
  deleted: false,
  callerIsOtherAssignee: false,
  ...overrides,
});

/** The stored calls of the batch tests by id, with their lead's access facts for the caller (user 10, team 1). */
const STORED = new Map<string, ScopedCall>(
  (
    [
      ['701', access()],
      ['702', access({ teamId: '2' })],
      ['703', access({ assignedUserId: '11', hidden: true })],
      ['704', access({ assignedUserId: '11', hidden: true, callerIsOtherAssignee: true })],
      ['9007199254740993', access()],
    ] as const
  ).map(([id, leadAccess]) => [id, { leadId: '500', leadAccess, call: { ...logged, id } }]),
);

function setup() {
  const asked: LeadAccessQuery[] = [];
  const batches: (readonly string[])[] = [];
  const repository: Pick<CallsRepository, 'findWithLeadAccess' | 'findStored' | 'findManyWithLeadAccess'> = {
    findWithLeadAccess: (id, _caller, access) => {
      asked.push(access);
      return Promise.resolve(
        id === '700'
          ? ({
              leadId: '500',
              leadAccess: {
                teamId: '1',
                assignedUserId: '10',
                hidden: false,
                deleted: false,
                callerIsOtherAssignee: false,
              },
              call: logged,
            } satisfies ScopedCall)
          : null,
      );
    },
    findStored: (id) => Promise.resolve(id === '700' ? logged : null),
    findManyWithLeadAccess: (ids, _caller, access) => {
      asked.push(access);
      batches.push(ids);
      return Promise.resolve(new Map(ids.flatMap((id) => (STORED.has(id) ? [[id, STORED.get(id)!] as const] : []))));
    },
  };
  const leads: Pick<LeadsService, 'accessQuery' | 'canManage'> = {
    accessQuery: ACCESS_QUERY,
    canManage: canManageLead,
  };
  return { service: new CallsService(repository as CallsRepository, leads as LeadsService), asked, batches };
}

describe('CallsService', () => {
  it("reads a call with its lead's access facts as the leads module reads them", async () => {
    const { service, asked } = setup();
    await expect(service.findWithLeadAccess('700', caller)).resolves.toMatchObject({ leadId: '500', call: logged });
    expect(asked).toEqual([ACCESS_QUERY]);
    await expect(service.findWithLeadAccess('701', caller)).resolves.toBeNull();
  });

  it('answers a stored call as Get Call does', async () => {
    const { service } = setup();
    await expect(service.getStoredCall('700')).resolves.toEqual({
      id: 700n,
      userId: 10n,
      leadId: 500n,
      leadPhoneNumber: '+14155550199',
      direction: 'Outbound',
      callingOutcome: 'VoiceMessage',
      createTime: '2026-05-02 14:00:00',
      updateTime: '2026-05-02 14:00:00',
      note: 'Left a message.',
      agentId: 10n,
    });
  });

  it('fails loudly when an internal caller asks for a call that is not stored', async () => {
    const { service } = setup();
    await expect(service.getStoredCall('701')).rejects.toThrow('Communication 701 is not a stored call');
  });

  describe('readBatch', () => {
    it('answers the calls the lead policy lets the caller read, and denies the others, both in the order asked', async () => {
      const { service } = setup();
      const answer = await service.readBatch(caller, ['704', '999', '702', '701', '703', '9007199254740993']);
      expect(answer.calls.map((call) => call.id)).toEqual([704n, 701n, 9007199254740993n]);
      expect(answer.denied).toEqual([999n, 702n, 703n]);
    });

    it('answers each record as Get Call does', async () => {
      const { service } = setup();
      const answer = await service.readBatch(caller, ['701']);
      expect(answer).toEqual({ calls: [{ ...(await service.getStoredCall('700')), id: 701n }], denied: [] });
    });

    it('asks for each id once, in one read, with the access facts of the leads module; answers it at its first place', async () => {
      const { service, asked, batches } = setup();
      const answer = await service.readBatch(caller, ['702', '701', '702', '999', '701', '999']);
      expect(batches).toEqual([['702', '701', '999']]);
      expect(asked).toEqual([ACCESS_QUERY]);
      expect(answer).toMatchObject({ calls: [{ id: 701n }], denied: [702n, 999n] });
    });

    it('denies every id to a caller the policy refuses, whatever the lead', async () => {
      const { service } = setup();
      const answer = await service.readBatch(agentCaller({ active: false }), ['701', '704']);
      expect(answer).toEqual({ calls: [], denied: [701n, 704n] });
    });
  });
});
