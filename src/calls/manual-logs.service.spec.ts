import { agentCaller } from '../../test/support/callers';
import type { EntityManager } from 'typeorm';
import type { IdempotencyService } from '../idempotency/idempotency.service';
import type { LeadScoped } from '../leads/lead-access';
import type { CallCreated, CallEventsOutbox } from '../webhooks/call-events.outbox';
import { CallingOutcome, LogDirection } from './call-enums';
import type { CallsRepository, NewCommunication } from './calls.repository';
import { type CreateManualLogDto, LOG_CONTENT_MAX, LogType } from './dto/manual-log.dto';
import { ManualLogsService } from './manual-logs.service';

const MANAGER = {} as EntityManager;

const caller = agentCaller();

const lead: LeadScoped = {
  leadId: '500',
  leadAccess: { teamId: '1', assignedUserId: '10', hidden: false, deleted: false, callerIsOtherAssignee: false },
};

const log = (overrides: Partial<CreateManualLogDto>): CreateManualLogDto =>
  ({ leadId: '500', content: 'Left a message.', ...overrides }) as CreateManualLogDto;

function setup() {
  const stored: NewCommunication[] = [];
  const events: CallCreated[] = [];
  const repository: Pick<CallsRepository, 'insertCommunication'> = {
    insertCommunication: (_manager, row) => {
      stored.push(row);
      return Promise.resolve(String(8000 + stored.length));
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
  const service = new ManualLogsService(
    repository as CallsRepository,
    idempotency as unknown as IdempotencyService,
    outbox as CallEventsOutbox,
  );
  return { service, stored, events };
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

  it("keeps only an email's own fields, and records no Call event", async () => {
    const { service, stored, events } = setup();
    const answer = await service.create(
      caller,
      lead,
      log({
        logType: LogType.Email,
        emailSubject: 'Pre-approval',
        toEmail: 'lead@example.com',
        leadPhoneNumber: '+14155550199',
        callingOutcome: CallingOutcome.Talked,
      }),
      null,
    );
    expect(stored[0]).toMatchObject({
      channel: 'EMAIL',
      logPhoneNumber: null,
      callingOutcome: null,
      emailSubject: 'Pre-approval',
    });
    expect(answer.logType).not.toHaveProperty('leadPhoneNumber');
    expect(answer.logType).not.toHaveProperty('callingOutcome');
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
});
