import { DataSource, EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { Role } from '../auth/role';
import { TeamEntity } from '../auth/team.entity';
import { UserEntity } from '../auth/user.entity';
import {
  CallChangeType,
  CallDirection,
  CallingOutcome,
  CallStatus,
  Channel,
  CommunicationSource,
  LogDirection,
} from '../calls/call-enums';
import { CallChangeEntity, CallChangeMarksEntity } from '../calls/call-change.entity';
import { CommunicationEntity } from '../calls/communication.entity';
import { DialerCallRecordEntity } from '../calls/dialer-call-record.entity';
import { AssigneeRole, LeadAssigneeEntity } from '../leads/lead-assignee.entity';
import { LeadEntity } from '../leads/lead.entity';
import { parseUtc } from '../common/utc-time';

/**
 * The demo data set of the contract (spec section 5): fixed ids that the README, the tests and people
 * refer to. Loading is idempotent: rows that exist are left as they are, missing ones are inserted.
 */
const CREATED = parseUtc('2026-04-01 09:00:00');

const teams: Partial<TeamEntity>[] = [
  { id: '1', name: 'Bay Area Homes', createdAt: CREATED },
  { id: '2', name: 'Austin Realty', createdAt: CREATED },
];

const user = (
  id: string,
  teamId: string,
  name: string,
  role: Role,
  extra: Partial<UserEntity> = {},
): Partial<UserEntity> => ({
  id,
  teamId,
  name,
  email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com`,
  phoneNumber: null,
  role,
  accessAllTeamLeads: false,
  active: true,
  createdAt: CREATED,
  updatedAt: CREATED,
  ...extra,
});

const users: Partial<UserEntity>[] = [
  user('100234', '1', 'Alex Morgan', Role.Agent, { phoneNumber: '+14155550100' }),
  user('100235', '1', 'Blake Chen', Role.Agent),
  user('100236', '1', 'Casey Diaz', Role.Admin),
  user('100237', '1', 'Dana Patel', Role.Agent, { accessAllTeamLeads: true }),
  user('100238', '1', 'Eli Novak', Role.Agent),
  user('100239', '1', 'Frankie Ruiz', Role.Agent, { active: false }),
  user('100240', '1', 'Gray Owens', Role.Owner),
  user('200001', '2', 'Harper Quinn', Role.Admin),
];

const lead = (id: string, extra: Partial<LeadEntity>): Partial<LeadEntity> => ({
  id,
  teamId: '1',
  assignedUserId: '100234',
  firstName: null,
  lastName: null,
  phoneNumber: null,
  email: null,
  hidden: false,
  deletedAt: null,
  createdAt: CREATED,
  updatedAt: CREATED,
  ...extra,
});

const leads: Partial<LeadEntity>[] = [
  lead('100001', {
    firstName: 'Sarah',
    lastName: 'Johnson',
    phoneNumber: '+14155550199',
    email: 'sarah.johnson@example.com',
  }),
  lead('100002', { firstName: 'Private', lastName: 'Buyer', phoneNumber: '+14155550198', hidden: true }),
];

const assignees: Partial<LeadAssigneeEntity>[] = [
  { leadId: '100001', userId: '100238', role: AssigneeRole.Assistant, createdAt: CREATED },
];

const dialerRecords: Partial<DialerCallRecordEntity>[] = [
  {
    // Behind call 563172647619608, the example of the source document.
    id: '400000012345',
    userId: '100234',
    userPhoneNumber: '+14155550100',
    leadPhoneNumber: '+14155550199',
    direction: CallDirection.Outbound,
    status: CallStatus.Completed,
    startTime: parseUtc('2026-04-22 10:15:00'),
    endTime: parseUtc('2026-04-22 10:18:45'),
    duration: 225,
    recordingSwitch: true,
    showUserNumber: '+14155550100',
    isMachineAnswered: false,
    price: '0.0200',
    elapsedSeconds: 8,
    createdAt: parseUtc('2026-04-22 10:18:45'),
  },
  {
    id: '400000012346',
    userId: '100234',
    userPhoneNumber: '+14155550100',
    leadPhoneNumber: '+14155550198',
    direction: CallDirection.Outbound,
    status: CallStatus.VoiceMail,
    startTime: parseUtc('2026-04-23 16:00:00'),
    endTime: parseUtc('2026-04-23 16:00:41'),
    duration: 30,
    recordingSwitch: false,
    showUserNumber: '+14155550100',
    isMachineAnswered: true,
    price: '0.0150',
    elapsedSeconds: 11,
    createdAt: parseUtc('2026-04-23 16:00:41'),
  },
  {
    // An id above 2^53 as well, behind communication 9007199254740993.
    id: '9007199254740995',
    userId: '100234',
    userPhoneNumber: '+14155550100',
    leadPhoneNumber: '+14155550199',
    direction: CallDirection.Inbound,
    status: CallStatus.Completed,
    startTime: parseUtc('2026-04-24 08:00:00'),
    endTime: parseUtc('2026-04-24 09:15:03'),
    duration: 4503,
    recordingSwitch: true,
    showUserNumber: '+14155550100',
    isMachineAnswered: false,
    price: '1.3509',
    elapsedSeconds: 4503,
    createdAt: parseUtc('2026-04-24 09:15:03'),
  },
];

/** A demo communication; its team is its lead's, and it counts as stored when it happened. */
const communication = (extra: Partial<CommunicationEntity>): Partial<CommunicationEntity> => ({
  leadId: '100001',
  teamId: '1',
  agentId: '100234',
  channel: Channel.Call,
  source: CommunicationSource.Manual,
  dialerCallRecordId: null,
  logPhoneNumber: null,
  logDirection: null,
  content: null,
  isPin: false,
  emailSubject: null,
  toEmail: null,
  fromEmail: null,
  callingOutcome: null,
  rateScore: null,
  note: null,
  ...extra,
  recordedMs: String(extra.createTime?.getTime() ?? 0),
});

const communications: Partial<CommunicationEntity>[] = [
  communication({
    id: '563172647619608',
    dialerCallRecordId: '400000012345',
    callingOutcome: CallingOutcome.Talked,
    rateScore: 4,
    note: 'Discussed pre-approval timeline.',
    createTime: parseUtc('2026-04-22 10:15:00'),
    updateTime: parseUtc('2026-04-22 10:18:45'),
  }),
  communication({
    id: '563172647619609',
    source: CommunicationSource.Logged,
    logPhoneNumber: '5865865860',
    logDirection: LogDirection.Outbound,
    content: 'Discussed Austin inventory, will send pre-approval doc tomorrow.',
    callingOutcome: CallingOutcome.VoiceMessage,
    createTime: parseUtc('2026-04-22 10:15:30'),
    updateTime: parseUtc('2026-04-22 10:15:30'),
  }),
  communication({
    id: '563172647619610',
    channel: Channel.Email,
    source: CommunicationSource.Logged,
    content: 'Sent the Austin listings we talked about.',
    createTime: parseUtc('2026-04-22 11:00:00'),
    updateTime: parseUtc('2026-04-22 11:00:00'),
  }),
  communication({
    id: '563172647619611',
    leadId: '100002',
    source: CommunicationSource.Auto,
    dialerCallRecordId: '400000012346',
    createTime: parseUtc('2026-04-23 16:00:00'),
    updateTime: parseUtc('2026-04-23 16:00:41'),
  }),
  communication({
    id: '9007199254740993',
    dialerCallRecordId: '9007199254740995',
    callingOutcome: CallingOutcome.Talked,
    rateScore: 5,
    note: 'Inbound call about the open house.',
    createTime: parseUtc('2026-04-24 08:00:00'),
    updateTime: parseUtc('2026-04-24 09:15:03'),
  }),
];

export interface DemoDataResult {
  inserted: number;
}

/** Inserts the rows of the demo data set that are missing, in one transaction. */
export async function loadDemoData(dataSource: DataSource): Promise<DemoDataResult> {
  return dataSource.transaction(async (manager) => {
    let inserted = 0;
    inserted += await insertMissing(manager, TeamEntity, teams);
    inserted += await insertMissing(manager, UserEntity, users);
    inserted += await insertMissing(manager, LeadEntity, leads);
    inserted += await insertMissing(manager, LeadAssigneeEntity, assignees);
    inserted += await insertMissing(manager, DialerCallRecordEntity, dialerRecords);
    const calls = communications.filter((row) => row.channel === Channel.Call);
    for (const call of calls) {
      if ((await insertMissing(manager, CommunicationEntity, [call])) > 0) {
        // A call of the demo set is in the change feed, as a call the service stored: under the next seq.
        await manager.increment(CallChangeMarksEntity, { id: 1 }, 'lastSeq', 1);
        const marks = await manager.findOneByOrFail(CallChangeMarksEntity, { id: 1 });
        await manager.insert(CallChangeEntity, {
          seq: marks.lastSeq,
          communicationId: call.id,
          teamId: call.teamId,
          leadId: call.leadId,
          agentId: call.agentId,
          changeType: CallChangeType.Created,
          changedMs: String(Date.now()),
        });
        inserted += 1;
      }
    }
    inserted += await insertMissing(
      manager,
      CommunicationEntity,
      communications.filter((row) => row.channel !== Channel.Call),
    );
    return { inserted };
  });
}

/** True when the database holds no team yet: the demo data set is loaded by itself only then. */
export async function isDatabaseEmpty(dataSource: DataSource): Promise<boolean> {
  return (await dataSource.getRepository(TeamEntity).count({ take: 1 })) === 0;
}

async function insertMissing<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: Partial<T>[],
): Promise<number> {
  let inserted = 0;
  const repository = manager.getRepository(target);
  const keys = repository.metadata.primaryColumns.map((column) => column.propertyName);
  for (const row of rows) {
    const where = Object.fromEntries(keys.map((key) => [key, row[key]])) as FindOptionsWhere<T>;
    if (!(await repository.existsBy(where))) {
      await repository.insert(row);
      inserted += 1;
    }
  }
  return inserted;
}
