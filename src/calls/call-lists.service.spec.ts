import type { LeadScoped } from '../leads/lead-access';
import { CallListsService } from './call-lists.service';
import type { CallsService } from './calls.service';
import type { CallResponseDto } from './dto/call-response.dto';

const lead: LeadScoped = {
  leadId: '500',
  leadAccess: { teamId: '1', assignedUserId: '10', hidden: false, deleted: false, callerIsOtherAssignee: false },
};

/** The lead's 25 calls, ids 125 down to 101, as the calls service pages them. */
const IDS = Array.from({ length: 25 }, (_, i) => 125 - i);

const calls: Pick<CallsService, 'listCalls' | 'countCalls'> = {
  listCalls: (_leadId, page) => {
    const after = page.beforeId === undefined ? IDS : IDS.filter((id) => id < Number(page.beforeId));
    return Promise.resolve(
      after.slice(page.offset, page.offset + page.limit).map((id) => ({ id: BigInt(id) }) as CallResponseDto),
    );
  },
  countCalls: () => Promise.resolve(IDS.length),
};

const service = new CallListsService(calls as CallsService);
const ids = (list: CallResponseDto[]) => list.map((call) => Number(call.id));

describe('CallListsService', () => {
  it("answers a page by offset with the metadata of the lead's whole list", async () => {
    const answer = await service.page(lead, { leadId: '500', offset: 20, limit: 10 });
    expect(answer.get_metadata).toEqual({ collection: 'calls', limit: 10, offset: 20, total: 25 });
    expect(ids(answer.calls)).toEqual([105, 104, 103, 102, 101]);
  });

  it('pages 10 calls from the newest by default', async () => {
    const answer = await service.page(lead, { leadId: '500' });
    expect(answer.get_metadata).toMatchObject({ limit: 10, offset: 0 });
    expect(ids(answer.calls)).toEqual(IDS.slice(0, 10));
  });

  it('answers the history after the cursor, the cursor excluded, ignoring any offset', async () => {
    const answer = await service.history(lead, { leadId: '500', currentId: '110', limit: 3, offset: 5 });
    expect(ids(answer.calls)).toEqual([109, 108, 107]);
  });

  it('answers the history by offset without a cursor', async () => {
    const answer = await service.history(lead, { leadId: '500', offset: 2, limit: 2 });
    expect(ids(answer.calls)).toEqual([123, 122]);
  });
});
