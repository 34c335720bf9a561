import { agentCaller } from '../../test/support/callers';
import type { LeadAccessQuery, LeadsService } from '../leads/leads.service';
import type { Call, ScopedCall } from './call.record';
import type { CallsRepository } from './calls.repository';
import { CallsService } from './calls.service';

const caller = agentCaller();

const logged: Call = {
  id: '700',
  leadId: '500',
  agentId: '10',
  logPhoneNumber: '+14155550199',
  logDirection: 'outbound',
  content: 'Left a message.',
  callingOutcome: 'VoiceMessage',
  rateScore: null,
  note: null,
  createTime: '2026-05-02 14:00:00',
  updateTime: '2026-05-02 14:00:00',
  dialer: null,
};

const ACCESS_QUERY = { select: 'the lead access columns' } as unknown as LeadAccessQuery;

function setup() {
  const asked: LeadAccessQuery[] = [];
  const repository: Pick<CallsRepository, 'findWithLeadAccess' | 'findStored'> = {
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
  };
  const leads = { accessQuery: ACCESS_QUERY } as LeadsService;
  return { service: new CallsService(repository as CallsRepository, leads), asked };
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
});
