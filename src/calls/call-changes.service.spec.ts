import { agentCaller } from '../../test/support/callers';
import { Role } from '../auth/role';
import type { Clock } from '../common/clock';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import type { AppConfig } from '../config/app-config';
import type { TransactionRunner } from '../database/transaction-runner';
import { LeadsService, type LeadManageFilter } from '../leads/leads.service';
import { CURSOR_AND_SINCE, CURSOR_NOT_OURS, FEED_TEAM_VIEW_NOT_ALLOWED } from './call-changes.errors';
import type { CallChangesRepository, FeedMarks, FeedPage, FeedQuery, PurgeBound } from './call-changes.repository';
import { CallChangesService, formatCursor } from './call-changes.service';
import { CallChangeType, CommunicationSource } from './call-enums';
import type { Call, CallChange } from './call.record';
import type { CallChangesQueryDto } from './dto/call-changes.dto';

const NOW = 1_795_000_000_000;
const DAY = 86_400_000;
const FILTER: LeadManageFilter = { join: () => 'JOIN leads l', where: () => ({ sql: 'TRUE', params: [] }) };

const call = (id: string): Call => ({
  id,
  leadId: '500',
  agentId: '10',
  source: CommunicationSource.Manual,
  logPhoneNumber: null,
  logDirection: null,
  content: 'A call.',
  callingOutcome: null,
  rateScore: null,
  note: null,
  createTime: '2026-06-01 10:00:00',
  updateTime: '2026-06-01 10:00:00',
  version: 1,
  dialer: null,
});

const change = (seq: string): CallChange => ({ seq, changeType: CallChangeType.Created, call: call(`7${seq}`) });

function setup(options: { changes?: CallChange[]; marks?: Partial<FeedMarks>; firstSince?: string | null } = {}) {
  const marks: FeedMarks = { lastSeq: '50', purgedSeq: '0', purgedMs: 0, ...options.marks };
  const asked: FeedQuery[] = [];
  const purges: { marked: PurgeBound[]; deleted: [string, string][] } = { marked: [], deleted: [] };
  let oldest: string | null = '1';
  const repository: Pick<
    CallChangesRepository,
    'findPage' | 'findMarks' | 'findFirstSince' | 'findPurgeBound' | 'markPurged' | 'findOldestSeq' | 'deletePurged'
  > = {
    findPage: (query) => {
      asked.push(query);
      return Promise.resolve({ changes: options.changes ?? [], marks } satisfies FeedPage);
    },
    findMarks: () => Promise.resolve(marks),
    findFirstSince: () => Promise.resolve(options.firstSince ?? null),
    findPurgeBound: (beforeMs) => Promise.resolve({ seq: '2500', beforeMs }),
    markPurged: (_manager, bound) => {
      purges.marked.push(bound);
      return Promise.resolve(true);
    },
    findOldestSeq: () => Promise.resolve(oldest),
    deletePurged: (_manager, from, to) => {
      const end = String(Math.min(Number(from) + 1000, Number(to)));
      purges.deleted.push([from, end]);
      oldest = end;
      return Promise.resolve(end);
    },
  };
  const leads = Object.create(LeadsService.prototype) as LeadsService;
  Object.defineProperty(leads, 'manageFilter', { get: () => FILTER });
  const transactions: Pick<TransactionRunner, 'run' | 'readCommitted'> = {
    run: (work) => work({} as never),
    readCommitted: (read) => read(),
  };
  const clock: Pick<Clock, 'now'> = { now: () => NOW };
  const service = new CallChangesService(
    repository as CallChangesRepository,
    leads,
    transactions as TransactionRunner,
    clock,
    { callChangesKeptMs: 30 * DAY } as AppConfig,
  );
  return { service, asked, purges };
}

const query = (fields: Partial<CallChangesQueryDto> = {}) => fields as CallChangesQueryDto;
const agent = agentCaller({ userId: '10', teamId: '1' });

describe('CallChangesService', () => {
  describe('a page', () => {
    it("reads the caller's own changes from the start, and gives the counter it saw as the next cursor", async () => {
      const { service, asked } = setup({ changes: [change('3'), change('9')] });
      const page = await service.feed(agent, query());
      expect(asked).toEqual([{ teamId: '1', agentId: '10', afterSeq: '0', limit: 100 }]);
      expect(page.pageData.map((entry) => [entry.id, entry.changeType])).toEqual([
        [73n, 'created'],
        [79n, 'created'],
      ]);
      expect(page).toMatchObject({ limit: 100, nextCursor: formatCursor('50'), hasMore: false });
    });

    it('is full: the next cursor is its last change, and more follow', async () => {
      const { service, asked } = setup({ changes: [change('3'), change('9'), change('12')] });
      const page = await service.feed(agent, query({ limit: 2, cursor: formatCursor('2') }));
      expect(asked[0]).toMatchObject({ afterSeq: '2', limit: 2 });
      expect(page.pageData).toHaveLength(2);
      expect(page).toMatchObject({ nextCursor: formatCursor('9'), hasMore: true });
    });

    it('never moves the cursor back, for a cursor ahead of the counter', async () => {
      const { service } = setup({ marks: { lastSeq: '50' } });
      await expect(service.feed(agent, query({ cursor: formatCursor('70') }))).resolves.toMatchObject({
        pageData: [],
        nextCursor: formatCursor('70'),
      });
    });

    it("reads the team's with teamView, for an admin; refuses it to an agent", async () => {
      const { service, asked } = setup();
      await service.feed(agentCaller({ userId: '11', teamId: '1', role: Role.Admin }), query({ teamView: true }));
      expect(asked[0]).toMatchObject({ teamId: '1', agentId: null });
      await expect(service.feed(agent, query({ teamView: true }))).rejects.toEqual(
        new AppError(ErrorCode.AccessAllTeamLeads, FEED_TEAM_VIEW_NOT_ALLOWED),
      );
    });

    it('starts just before the first change since a time, or at the counter when there is none yet', async () => {
      const found = setup({ firstSince: '40' });
      await found.service.feed(agent, query({ since: NOW - DAY }));
      expect(found.asked[0].afterSeq).toBe('39');
      const none = setup({ firstSince: null, marks: { lastSeq: '50' } });
      await none.service.feed(agent, query({ since: NOW }));
      expect(none.asked[0].afterSeq).toBe('50');
    });
  });

  describe('the cursor', () => {
    it.each(['djEuMTAy=', 'x', formatCursor('1').toUpperCase(), Buffer.from('v2.1').toString('base64url')])(
      'refuses %s, which this feed never gave',
      async (cursor) => {
        const { service, asked } = setup();
        await expect(service.feed(agent, query({ cursor }))).rejects.toEqual(
          new AppError(ErrorCode.InvalidParameter, CURSOR_NOT_OURS),
        );
        expect(asked).toEqual([]);
      },
    );

    it('is refused with since', async () => {
      const { service } = setup();
      await expect(service.feed(agent, query({ cursor: formatCursor('1'), since: 1 }))).rejects.toEqual(
        new AppError(ErrorCode.InvalidParameter, CURSOR_AND_SINCE),
      );
    });
  });

  describe('retention', () => {
    it('answers 410 to a cursor before the purge mark, and not to one at it', async () => {
      const { service } = setup({ marks: { purgedSeq: '20', purgedMs: NOW - 30 * DAY } });
      await expect(service.feed(agent, query({ cursor: formatCursor('19') }))).rejects.toMatchObject({
        code: ErrorCode.CursorExpired,
      });
      await expect(service.feed(agent, query({ cursor: formatCursor('20') }))).resolves.toMatchObject({ limit: 100 });
    });

    it('answers 410 to a since before the purged time; no cursor starts at what is kept', async () => {
      const { service } = setup({ marks: { purgedSeq: '20', purgedMs: NOW - 30 * DAY } });
      await expect(service.feed(agent, query({ since: NOW - 31 * DAY }))).rejects.toMatchObject({
        code: ErrorCode.CursorExpired,
      });
      await expect(service.feed(agent, query())).resolves.toMatchObject({ limit: 100 });
    });

    it('moves the mark first, then deletes from the oldest change kept to the bound, a batch at a time', async () => {
      const { service, purges } = setup();
      await expect(service.purgeExpired()).resolves.toBe(2500);
      expect(purges.marked).toEqual([{ seq: '2500', beforeMs: NOW - 30 * DAY }]);
      expect(purges.deleted).toEqual([
        ['0', '1000'],
        ['1000', '2000'],
        ['2000', '2500'],
      ]);
    });
  });
});
