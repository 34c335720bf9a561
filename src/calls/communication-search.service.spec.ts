import { agentCaller } from '../../test/support/callers';
import { Role } from '../auth/role';
import type { Clock } from '../common/clock';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import type { LeadCaller } from '../leads/lead-access';
import { LeadsService, type LeadManageFilter } from '../leads/leads.service';
import { Channel, CommunicationSource } from './call-enums';
import type { Call } from './call.record';
import { toCallResponse } from './call.mapper';
import { toEmailResponse, toTextResponse } from './email-text.mapper';
import type { ManualLog } from './manual-log.record';
import type { CommunicationSearchRepository, SearchPage, SearchWindow } from './communication-search.repository';
import { CommunicationSearchService } from './communication-search.service';
import { CommunicationType, type SearchCommunicationsDto } from './dto/communication-search.dto';

const NOW = 1_795_000_000_000;
const JUNE_1 = Date.UTC(2026, 5, 1);
const DAY = 86_400_000;

const FILTER: LeadManageFilter = { join: () => 'JOIN leads l', where: () => ({ sql: 'TRUE', params: [] }) };

const logged = (id: string): Call => ({
  id,
  leadId: '500',
  agentId: '10',
  source: CommunicationSource.Manual,
  logPhoneNumber: '5865865860',
  logDirection: 'outbound',
  content: 'A call.',
  callingOutcome: null,
  rateScore: null,
  note: null,
  createTime: '2026-06-01 10:00:00',
  updateTime: '2026-06-01 10:00:00',
  version: 1,
  dialer: null,
});

function setup(page: SearchPage<Call> = { entries: [logged('701'), logged('702')], hasMore: true }) {
  const asked: { window: SearchWindow; filter: LeadManageFilter; caller: LeadCaller }[] = [];
  const askedLogs: { windows: SearchWindow[]; page: SearchPage<ManualLog> } = {
    windows: [],
    page: { entries: [], hasMore: false },
  };
  const repository: Pick<CommunicationSearchRepository, 'findCalls' | 'findLogs'> = {
    findCalls: (window, filter, caller) => {
      asked.push({ window, filter, caller });
      return Promise.resolve(page);
    },
    findLogs: (window) => {
      askedLogs.windows.push(window);
      return Promise.resolve(askedLogs.page);
    },
  };
  const leads = Object.assign(Object.create(LeadsService.prototype) as LeadsService, {});
  Object.defineProperty(leads, 'manageFilter', { get: () => FILTER });
  const clock: Pick<Clock, 'now'> = { now: () => NOW };
  const service = new CommunicationSearchService(repository as CommunicationSearchRepository, leads, clock);
  return { service, asked, askedLogs };
}

const query = (extra: Partial<SearchCommunicationsDto> = {}): SearchCommunicationsDto => ({
  type: CommunicationType.Call,
  startTime: JUNE_1,
  endTime: JUNE_1 + DAY,
  ...extra,
});

const refusal = (code: ErrorCode, message: string | RegExp) =>
  expect.objectContaining({ code, message: expect.stringMatching(message) }) as AppError;

describe('CommunicationSearchService', () => {
  it("reads the caller's own calls of the window, a page with its offset, limit, hasMore and asOf", async () => {
    const { service, asked } = setup();
    const answer = await service.search(agentCaller(), query());
    expect(answer).toEqual({
      offset: 0,
      limit: 10,
      pageData: [toCallResponse(logged('701')), toCallResponse(logged('702'))],
      hasMore: true,
      asOf: BigInt(NOW),
    });
    expect(asked).toEqual([
      {
        window: {
          teamId: '1',
          channel: Channel.Call,
          from: '2026-06-01 00:00:00',
          to: '2026-06-02 00:00:00',
          agentId: '10',
          storedBy: NOW,
          offset: 0,
          limit: 10,
        },
        filter: FILTER,
        caller: agentCaller(),
      },
    ]);
  });

  it("reads the whole team's with teamView, for an owner, an admin or a holder of ACCESS_ALL_TEAM_LEADS", async () => {
    for (const caller of [
      agentCaller({ role: Role.Owner }),
      agentCaller({ role: Role.Admin }),
      agentCaller({ accessAllTeamLeads: true }),
    ]) {
      const { service, asked } = setup();
      await service.search(caller, query({ teamView: true, offset: 30, limit: 5, asOf: 123 }));
      expect(asked[0].window).toMatchObject({ agentId: null, offset: 30, limit: 5, storedBy: 123 });
    }
  });

  it('refuses teamView to an agent without ACCESS_ALL_TEAM_LEADS: 403 ACCESS_ALL_TEAM_LEADS, nothing read', async () => {
    const { service, asked } = setup();
    await expect(service.search(agentCaller(), query({ teamView: true }))).rejects.toEqual(
      refusal(ErrorCode.AccessAllTeamLeads, /requires OWNER, ADMIN or the ACCESS_ALL_TEAM_LEADS permission/),
    );
    expect(asked).toEqual([]);
  });

  it('reads a window to the second: from the first whole second at or after each end', async () => {
    const { service, asked } = setup();
    await service.search(agentCaller(), query({ startTime: JUNE_1 + 1, endTime: JUNE_1 + 1001 }));
    expect(asked[0].window).toMatchObject({ from: '2026-06-01 00:00:01', to: '2026-06-01 00:00:02' });
  });

  it.each([
    ['an endTime equal to startTime', { endTime: JUNE_1 }, /^endTime must be after startTime/],
    ['an endTime before startTime', { endTime: JUNE_1 - 1 }, /^endTime must be after startTime/],
    ['a window of 24 h and 1 ms', { endTime: JUNE_1 + DAY + 1 }, /^endTime must be at most 24 hours/],
    ['offset + limit over 20000', { offset: 19_500, limit: 501 }, /^offset \+ limit must be at most 20000/],
  ])('refuses %s with INVALID_PARAMETER, nothing read', async (_, extra, message) => {
    const { service, asked } = setup();
    await expect(service.search(agentCaller(), query(extra))).rejects.toEqual(
      refusal(ErrorCode.InvalidParameter, message),
    );
    expect(asked).toEqual([]);
  });

  it('takes a window of exactly 24 h and offset + limit of exactly 20000', async () => {
    const { service, asked } = setup();
    await service.search(agentCaller(), query({ endTime: JUNE_1 + DAY, offset: 19_000, limit: 1000 }));
    expect(asked).toHaveLength(1);
  });

  it('reads logged emails and texts, each answered by its own record', async () => {
    const log = (channel: Channel): ManualLog => ({
      id: '801',
      leadId: '500',
      agentId: '10',
      channel,
      source: CommunicationSource.Logged,
      phoneNumber: null,
      direction: 'outbound',
      content: 'On my way.',
      isPin: false,
      callingOutcome: null,
      emailSubject: 'Listings',
      toEmail: null,
      fromEmail: null,
      createTime: '2026-06-01 10:00:00',
    });
    for (const [type, channel, toResponse] of [
      [CommunicationType.Email, Channel.Email, toEmailResponse],
      [CommunicationType.Text, Channel.Text, toTextResponse],
    ] as const) {
      const { service, askedLogs } = setup();
      askedLogs.page = { entries: [log(channel)], hasMore: false };
      const answer = await service.search(agentCaller(), query({ type }));
      expect(answer.pageData).toEqual([toResponse(log(channel))]);
      expect(askedLogs.windows.map((window) => window.channel)).toEqual([channel]);
    }
  });
});
