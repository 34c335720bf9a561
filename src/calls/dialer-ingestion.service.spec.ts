import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import type { UsersService } from '../auth/users.service';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import type { Int64 } from '../common/int64';
import type { IdempotencyService } from '../idempotency/idempotency.service';
import type { LeadFacts, LeadsService } from '../leads/leads.service';
import type { CallCreated, CallEventsOutbox } from '../webhooks/call-events.outbox';
import type { CallChangesRepository, NewCallChange } from './call-changes.repository';
import type { CallsRepository, NewCommunication, NewDialerRecord, StoredDialerCall } from './calls.repository';
import type { CallsService } from './calls.service';
import { CommunicationSource } from './call-enums';
import { DialerIngestionService } from './dialer-ingestion.service';
import type { CallResponseDto } from './dto/call-response.dto';
import type { IngestDialerCallDto } from './dto/dialer-call.dto';

const MANAGER = {} as EntityManager;

const client: Principal = {
  userId: '10',
  teamId: '1',
  role: Role.Agent,
  accessAllTeamLeads: false,
  active: true,
  clientId: 'cl_dialer',
  scopes: new Set(['dialer:write']),
};

const record = (overrides: Partial<IngestDialerCallDto> = {}): IngestDialerCallDto =>
  ({
    dialerCallRecordId: '400000012399',
    communicationType: 'MANUAL',
    leadId: '500',
    userId: '10',
    direction: 'Outbound',
    status: 'Completed',
    startTime: '2026-05-02 14:00:00',
    duration: 225,
    recordingSwitch: true,
    isMachineAnswered: false,
    ...overrides,
  }) as IngestDialerCallDto;

/** Users of team 1: 10 and 11 active, 12 deactivated. Leads: 500 in team 1, 501 deleted, 600 in team 2. */
const USERS = new Map<Int64, boolean>([
  ['10', true],
  ['11', true],
  ['12', false],
]);
const LEADS = new Map<Int64, LeadFacts>([
  ['500', { teamId: '1', assignedUserId: '10', hidden: true, deleted: false }],
  ['501', { teamId: '1', assignedUserId: '10', hidden: false, deleted: true }],
  ['600', { teamId: '2', assignedUserId: '20', hidden: false, deleted: false }],
]);

function setup() {
  const dialerRecords = new Map<Int64, NewDialerRecord & { communicationId?: Int64 }>();
  const communications = new Map<Int64, NewCommunication>();
  const events: CallCreated[] = [];
  let nextId = 7000;
  let raceOnInsert = false;
  const repository: Pick<CallsRepository, 'findByDialerRecord' | 'insertDialerRecord' | 'insertCommunication'> = {
    findByDialerRecord: (id) => {
      const found = dialerRecords.get(id);
      return Promise.resolve(
        found?.communicationId === undefined
          ? null
          : ({ communicationId: found.communicationId, payloadHash: found.payloadHash } satisfies StoredDialerCall),
      );
    },
    insertDialerRecord: (_manager, row) => {
      if (raceOnInsert) {
        // Another request recorded the same dialer record between the look-up and this insert.
        dialerRecords.set(row.id, { ...row, communicationId: '6999' });
        return Promise.reject(Object.assign(new Error('duplicate'), { code: 'ER_DUP_ENTRY' }));
      }
      dialerRecords.set(row.id, row);
      return Promise.resolve();
    },
    insertCommunication: (_manager, row) => {
      const id = String(nextId++);
      communications.set(id, row);
      const dialer = row.dialerCallRecordId === null ? undefined : dialerRecords.get(row.dialerCallRecordId);
      if (dialer !== undefined) dialer.communicationId = id;
      return Promise.resolve(id);
    },
  };
  const leads: Pick<LeadsService, 'findFacts'> = { findFacts: (id) => Promise.resolve(LEADS.get(id) ?? null) };
  const users: Pick<UsersService, 'findTeamUsers'> = {
    findTeamUsers: (teamId, ids) =>
      Promise.resolve(
        new Map(
          ids.filter((id) => teamId === '1' && USERS.has(id)).map((id) => [id, { active: USERS.get(id) === true }]),
        ),
      ),
  };
  const calls: Pick<CallsService, 'getStoredCall'> = {
    getStoredCall: (id) => Promise.resolve({ id: BigInt(id) } as CallResponseDto),
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
  const service = new DialerIngestionService(
    repository as CallsRepository,
    idempotency as unknown as IdempotencyService,
    leads as LeadsService,
    users as UsersService,
    calls as CallsService,
    outbox as CallEventsOutbox,
    changes as CallChangesRepository,
  );
  return {
    service,
    dialerRecords,
    communications,
    events,
    feed,
    raceNextInsert: () => {
      raceOnInsert = true;
    },
  };
}

describe('DialerIngestionService', () => {
  it('records a MANUAL call with its communication and one Call event, the agent defaulting to the user', async () => {
    const { service, dialerRecords, communications, events, feed } = setup();
    const answer = await service.ingest(client, record(), null);
    expect(answer).toEqual({ call: { id: 7000n }, created: true });
    expect([...dialerRecords.keys()]).toEqual(['400000012399']);
    expect(communications.get('7000')).toMatchObject({
      leadId: '500',
      agentId: '10',
      channel: 'CALL',
      source: 'MANUAL',
      dialerCallRecordId: '400000012399',
    });
    expect(events).toEqual([
      { timelineId: '7000', callId: '400000012399', communicationType: 'MANUAL', leadId: '500', agentId: '10' },
    ]);
    expect(feed).toEqual([
      { communicationId: '7000', teamId: '1', leadId: '500', agentId: '10', changeType: 'created' },
    ]);
  });

  it('records an AUTO call without a Call event, but in the change feed', async () => {
    const { service, events, feed } = setup();
    await expect(
      service.ingest(client, record({ communicationType: CommunicationSource.Auto }), null),
    ).resolves.toMatchObject({
      created: true,
    });
    expect(events).toEqual([]);
    expect(feed).toEqual([
      { communicationId: '7000', teamId: '1', leadId: '500', agentId: '10', changeType: 'created' },
    ]);
  });

  it('answers a retry of the same record with the call stored the first time', async () => {
    const { service, communications, feed } = setup();
    await service.ingest(client, record(), null);
    await expect(service.ingest(client, record(), null)).resolves.toEqual({ call: { id: 7000n }, created: false });
    expect(communications.size).toBe(1);
    expect(feed).toHaveLength(1);
  });

  it('refuses the same record id with other data as a CONFLICT, and changes nothing', async () => {
    const { service, communications } = setup();
    await service.ingest(client, record(), null);
    await expect(service.ingest(client, record({ duration: 226 }), null)).rejects.toEqual(
      new AppError(
        ErrorCode.Conflict,
        'Dialer record 400000012399 was recorded before with other data; it is not changed.',
      ),
    );
    expect(communications.size).toBe(1);
  });

  it("answers a request that lost the race to store the record with the winner's call", async () => {
    const { service, raceNextInsert } = setup();
    raceNextInsert();
    await expect(service.ingest(client, record(), null)).resolves.toEqual({ call: { id: 6999n }, created: false });
  });

  it.each<[string, Partial<IngestDialerCallDto>, AppError]>([
    [
      'a lead of another team',
      { leadId: '600' },
      new AppError(ErrorCode.PermissionDenied, "leadId: there is no lead 600 in the client's team."),
    ],
    [
      'a deleted lead',
      { leadId: '501' },
      new AppError(ErrorCode.PermissionDenied, "leadId: there is no lead 501 in the client's team."),
    ],
    [
      'no such lead',
      { leadId: '999' },
      new AppError(ErrorCode.PermissionDenied, "leadId: there is no lead 999 in the client's team."),
    ],
    [
      'a user of another team',
      { userId: '20' },
      new AppError(ErrorCode.PermissionDenied, "userId: 20 is not a user of the client's team."),
    ],
    [
      'an agent of another team',
      { agentId: '20' },
      new AppError(ErrorCode.PermissionDenied, "agentId: 20 is not a user of the client's team."),
    ],
    [
      'a deactivated agent',
      { agentId: '12' },
      new AppError(ErrorCode.AgentInactive, "agentId: 12 is a deactivated user of the client's team."),
    ],
  ])('refuses %s and stores nothing', async (_, overrides, error) => {
    const { service, dialerRecords } = setup();
    await expect(service.ingest(client, record(overrides), null)).rejects.toEqual(error);
    expect(dialerRecords.size).toBe(0);
  });

  it("records a hidden lead's call too: the rule is the team's", async () => {
    const { service } = setup();
    await expect(service.ingest(client, record({ agentId: '11' }), null)).resolves.toMatchObject({ created: true });
  });
});
