import { agentCaller } from '../../test/support/callers';
import type { EntityManager } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import type { IdempotencyService } from '../idempotency/idempotency.service';
import type { LeadScoped } from '../leads/lead-access';
import type { LeadAccessQuery, LeadsService } from '../leads/leads.service';
import type { CallCreated, CallEventsOutbox } from '../webhooks/call-events.outbox';
import { CallingOutcome, Channel, LogDirection, LogSort, SortOrder } from './call-enums';
import type { CallChangesRepository, NewCallChange } from './call-changes.repository';
import type { CallsRepository, NewCommunication } from './calls.repository';
import type { ManualLogListQueryDto } from './dto/manual-log-list.dto';
import { type CreateManualLogDto, LOG_CONTENT_MAX, LogType } from './dto/manual-log.dto';
import type { LogPage, ManualLog, ScopedLog } from './manual-log.record';
import { LOG_WINDOW_EXCEEDED } from './manual-logs.errors';
import { ManualLogsService } from './manual-logs.service';

const MANAGER = {} as EntityManager;

const caller = agentCaller();

const lead: LeadScoped = {
  leadId: '500',
  leadAccess: { teamId: '1', assignedUserId: '10', hidden: false, deleted: false, callerIsOtherAssignee: false },
};

const log = (overrides: Partial<CreateManualLogDto>): CreateManualLogDto =>
  ({ leadId: '500', content: 'Left a message.', ...overrides }) as CreateManualLogDto;

const ACCESS_QUERY = { select: 'the lead access columns' } as unknown as LeadAccessQuery;

/** A logged email of lead 500, as the repository reads it. */
const email: ManualLog = {
  id: '9007199254740993',
  leadId: '500',
  agentId: '10',
  channel: Channel.Email,
  source: 'LOGGED',
  phoneNumber: null,
  direction: 'outbound',
  content: 'Sent the listings.',
  isPin: true,
  callingOutcome: null,
  emailSubject: 'Listings',
  toEmail: 'lead@example.com',
  fromEmail: null,
  createTime: '2026-05-02 14:00:00',
};

function setup() {
  const stored: NewCommunication[] = [];
  const events: CallCreated[] = [];
  const reads: { channel: Channel; id: string; access: LeadAccessQuery }[] = [];
  const pages: { leadId: string; channel: Channel; page: LogPage }[] = [];
  const repository: Pick<CallsRepository, 'insertCommunication' | 'findLogWithLeadAccess' | 'listLogs'> = {
    insertCommunication: (_manager, row) => {
      stored.push(row);
      return Promise.resolve(String(8000 + stored.length));
    },
    findLogWithLeadAccess: (channel, id, _caller, access) => {
      reads.push({ channel, id, access });
      return Promise.resolve(
        id === email.id && channel === Channel.Email ? ({ ...lead, log: email } satisfies ScopedLog) : null,
      );
    },
    listLogs: (leadId, channel, page) => {
      pages.push({ leadId, channel, page });
      return Promise.resolve(channel === Channel.Email ? [email] : []);
    },
  };
  const outbox: Pick<CallEventsOutbox, 'record' | 'committed'> = {
    record: (_manager, call) => {
      events.push(call);
      return Promise.resolve();
    },
    committed: () => undefined,
  };
  const feed: NewCallChange[] = [];
  const changes: Pick<CallChangesRepository, 'append'> = {
    append: (manager, change) => {
      if (manager !== MANAGER) throw new Error('A change outside the transaction of its call');
      feed.push(change);
      return Promise.resolve();
    },
  };
  const idempotency = { run: <T>(_: unknown, work: (m: EntityManager) => Promise<T>) => work(MANAGER) };
  const leads = { accessQuery: ACCESS_QUERY } as LeadsService;
  const service = new ManualLogsService(
    repository as CallsRepository,
    idempotency as unknown as IdempotencyService,
    outbox as CallEventsOutbox,
    leads,
    changes as CallChangesRepository,
  );
  return { service, stored, events, feed, reads, pages };
}

describe('ManualLogsService', () => {
  it('stores a logged call and records one Call event and its change in the feed', async () => {
    const { service, stored, events, feed } = setup();
    const answer = await service.create(
      caller,
      lead,
      log({
        logType: LogType.Call,
        leadPhoneNumber: '+14155550199',
        outboundOrInbound: LogDirection.Inbound,
        callingOutcome: CallingOutcome.Talked,
      }),
      null,
    );
    expect(stored).toEqual([
      expect.objectContaining({
        channel: 'CALL',
        source: 'LOGGED',
        logPhoneNumber: '+14155550199',
        callingOutcome: 'Talked',
      }),
    ]);
    expect(events).toEqual([
      { timelineId: '8001', callId: '8001', communicationType: 'LOGGED', leadId: '500', agentId: '10' },
    ]);
    expect(feed).toEqual([
      { communicationId: '8001', teamId: '1', leadId: '500', agentId: '10', changeType: 'created' },
    ]);
    expect(Object.keys(answer.logType)).toEqual([
      'id',
      'leadId',
      'leadPhoneNumber',
      'callingOutcome',
      'content',
      'createTime',
      'outboundOrInbound',
      'isPin',
      'agentId',
    ]);
    expect(answer.logType).toMatchObject({ id: 8001n, leadId: 500n, agentId: 10n, isPin: false });
  });

  it("keeps only an email's own fields and its direction, and records no Call event nor change", async () => {
    const { service, stored, events, feed } = setup();
    const answer = await service.create(
      caller,
      lead,
      log({
        logType: LogType.Email,
        emailSubject: 'Pre-approval',
        toEmail: 'lead@example.com',
        outboundOrInbound: LogDirection.Inbound,
        leadPhoneNumber: '+14155550199',
        callingOutcome: CallingOutcome.Talked,
      }),
      null,
    );
    expect(stored[0]).toMatchObject({
      channel: 'EMAIL',
      logPhoneNumber: null,
      logDirection: 'inbound',
      callingOutcome: null,
      emailSubject: 'Pre-approval',
    });
    expect(answer.logType).not.toHaveProperty('leadPhoneNumber');
    expect(answer.logType).not.toHaveProperty('callingOutcome');
    expect(answer.logType).toMatchObject({ outboundOrInbound: 'inbound', emailSubject: 'Pre-approval' });
    expect(events).toEqual([]);
    expect(feed).toEqual([]);
  });

  it('cuts the content to 5,000 characters, counting code points', async () => {
    const { service } = setup();
    const answer = await service.create(
      caller,
      lead,
      log({ logType: LogType.Text, content: '😀'.repeat(LOG_CONTENT_MAX + 1) }),
      null,
    );
    expect([...answer.logType.content]).toHaveLength(LOG_CONTENT_MAX);
  });

  it("reads an email or a text with its lead's access facts as the leads module reads them", async () => {
    const { service, reads } = setup();
    await expect(service.findWithLeadAccess(Channel.Email, email.id, caller)).resolves.toEqual({ ...lead, log: email });
    await expect(service.findWithLeadAccess(Channel.Text, email.id, caller)).resolves.toBeNull();
    expect(reads).toEqual([
      { channel: Channel.Email, id: email.id, access: ACCESS_QUERY },
      { channel: Channel.Text, id: email.id, access: ACCESS_QUERY },
    ]);
  });

  describe('list', () => {
    const query = (overrides: Partial<ManualLogListQueryDto>): ManualLogListQueryDto => ({
      leadId: '500',
      logType: LogType.Email,
      ...overrides,
    });
    const pageOf = async (overrides: Partial<ManualLogListQueryDto>): Promise<LogPage> => {
      const { service, pages } = setup();
      await service.list(lead, query(overrides));
      return pages[0].page;
    };

    it("answers the lead's logs of the channel asked, each as the POST answers it", async () => {
      const { service, pages } = setup();
      const answer = await service.list(lead, query({}));
      expect(pages.map((p) => [p.leadId, p.channel])).toEqual([['500', Channel.Email]]);
      expect(answer).toEqual({
        logType: [
          {
            id: 9007199254740993n,
            leadId: 500n,
            content: 'Sent the listings.',
            createTime: '2026-05-02 14:00:00',
            outboundOrInbound: 'outbound',
            isPin: true,
            agentId: 10n,
            emailSubject: 'Listings',
            toEmail: 'lead@example.com',
          },
        ],
      });
    });

    it('pages 10 logs from the newest by creation time by default', async () => {
      await expect(pageOf({})).resolves.toEqual({
        sort: LogSort.CreateTime,
        order: SortOrder.Desc,
        offset: 0,
        limit: 10,
      });
    });

    it('takes the sort, the order, the offset and the limit asked', async () => {
      await expect(pageOf({ sort: LogSort.Id, order: SortOrder.Asc, offset: 40, limit: 1000 })).resolves.toEqual({
        sort: LogSort.Id,
        order: SortOrder.Asc,
        offset: 40,
        limit: 1000,
      });
    });

    it.each([0, -3, 1001, Number.MAX_SAFE_INTEGER])('reads a limit of %d as 10', async (limit) => {
      await expect(pageOf({ limit })).resolves.toMatchObject({ limit: 10 });
    });

    it.each([-1, -Number.MAX_SAFE_INTEGER])('reads an offset of %d as 0', async (offset) => {
      await expect(pageOf({ offset })).resolves.toMatchObject({ offset: 0 });
    });

    it('reaches offset + limit = 20,000 and refuses one more', async () => {
      await expect(pageOf({ offset: 19_000, limit: 1000 })).resolves.toMatchObject({ offset: 19_000, limit: 1000 });
      await expect(pageOf({ offset: 19_991 })).rejects.toEqual(
        new AppError(ErrorCode.InvalidParameter, LOG_WINDOW_EXCEEDED),
      );
      await expect(pageOf({ offset: 19_001, limit: 1000 })).rejects.toMatchObject({
        code: ErrorCode.InvalidParameter,
      });
    });

    it('counts a limit read as 10 against the 20,000', async () => {
      await expect(pageOf({ offset: 19_995, limit: 5000 })).rejects.toMatchObject({
        code: ErrorCode.InvalidParameter,
      });
    });

    it('pages after the cursor in the order asked, ignoring offset (and its cap) and sort', async () => {
      await expect(
        pageOf({ currentId: '9007199254740993', offset: 50_000, sort: LogSort.CreateTime, limit: 5 }),
      ).resolves.toEqual({ afterId: '9007199254740993', order: SortOrder.Desc, limit: 5 });
      await expect(pageOf({ currentId: '7', order: SortOrder.Asc, limit: 0 })).resolves.toEqual({
        afterId: '7',
        order: SortOrder.Asc,
        limit: 10,
      });
    });
  });
});
