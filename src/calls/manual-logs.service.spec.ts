import { agentCaller } from '../../test/support/callers';
import type { EntityManager } from 'typeorm';
import type { IdempotencyService } from '../idempotency/idempotency.service';
import type { LeadScoped } from '../leads/lead-access';
import type { LeadAccessQuery, LeadsService } from '../leads/leads.service';
import type { CallCreated, CallEventsOutbox } from '../webhooks/call-events.outbox';
import { CallingOutcome, Channel, LogDirection } from './call-enums';
import type { CallsRepository, NewCommunication } from './calls.repository';
import { type CreateManualLogDto, LOG_CONTENT_MAX, LogType } from './dto/manual-log.dto';
import type { ManualLog, ScopedLog } from './manual-log.record';
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
  const repository: Pick<CallsRepository, 'insertCommunication' | 'findLogWithLeadAccess'> = {
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
  };
  const outbox: Pick<CallEventsOutbox, 'record' | 'committed'> = {
    record: (_manager, call) => {
      events.push(call);
      return Promise.resolve();
    },
    committed: () => undefined,
  };
  const idempotency = { run: <T>(_: unknown, work: (m: EntityManager) => Promise<T>) => work(MANAGER) };
  const leads = { accessQuery: ACCESS_QUERY } as LeadsService;
  const service = new ManualLogsService(
    repository as CallsRepository,
    idempotency as unknown as IdempotencyService,
    outbox as CallEventsOutbox,
    leads,
  );
  return { service, stored, events, reads };
}

describe('ManualLogsService', () => {
  it('stores a logged call and records one Call event for it', async () => {
    const { service, stored, events } = setup();
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

  it("keeps only an email's own fields and its direction, and records no Call event", async () => {
    const { service, stored, events } = setup();
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
});
