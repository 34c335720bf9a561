import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ApiClientEntity } from '../../src/auth/api-client.entity';
import { generateClientSecret, hashClientSecret } from '../../src/auth/client-secret';
import { Role } from '../../src/auth/role';
import { TeamEntity } from '../../src/auth/team.entity';
import { UserEntity } from '../../src/auth/user.entity';
import { CallDirection, CallStatus, Channel, CommunicationSource } from '../../src/calls/call-enums';
import { CommunicationEntity } from '../../src/calls/communication.entity';
import { DialerCallRecordEntity } from '../../src/calls/dialer-call-record.entity';
import { AssigneeRole, LeadAssigneeEntity } from '../../src/leads/lead-assignee.entity';
import { LeadEntity } from '../../src/leads/lead.entity';
import { parseUtc } from '../../src/common/utc-time';

let next = 7_000_000;
/** Ids that no demo row has and no other test of the run takes. */
export const freshId = (): string => String((next += 1));

const CREATED = parseUtc('2026-05-01 12:00:00');

/** Rows for the e2e tests, each test building the ones it needs. */
export class Factory {
  constructor(private readonly dataSource: DataSource) {}

  async team(): Promise<string> {
    const id = freshId();
    await this.dataSource.getRepository(TeamEntity).insert({ id, name: `Team ${id}`, createdAt: CREATED });
    return id;
  }

  async user(teamId: string, overrides: Partial<UserEntity> = {}): Promise<string> {
    const id = overrides.id ?? freshId();
    await this.dataSource.getRepository(UserEntity).insert({
      id,
      teamId,
      name: `User ${id}`,
      email: null,
      phoneNumber: null,
      role: Role.Agent,
      accessAllTeamLeads: false,
      active: true,
      createdAt: CREATED,
      updatedAt: CREATED,
      ...overrides,
    });
    return id;
  }

  async lead(teamId: string, assignedUserId: string | null, overrides: Partial<LeadEntity> = {}): Promise<string> {
    const id = overrides.id ?? freshId();
    await this.dataSource.getRepository(LeadEntity).insert({
      id,
      teamId,
      assignedUserId,
      firstName: 'Test',
      lastName: `Lead ${id}`,
      phoneNumber: '+14155550000',
      email: null,
      hidden: false,
      deletedAt: null,
      createdAt: CREATED,
      updatedAt: CREATED,
      ...overrides,
    });
    return id;
  }

  /** Another assignee (assistant by default) of the lead. */
  async assignee(leadId: string, userId: string, role = AssigneeRole.Assistant): Promise<void> {
    await this.dataSource.getRepository(LeadAssigneeEntity).insert({ leadId, userId, role, createdAt: CREATED });
  }

  /** A dialer call (MANUAL) on the lead, with its dialer record. */
  async dialerCall(leadId: string, agentId: string, overrides: Partial<CommunicationEntity> = {}): Promise<string> {
    const id = overrides.id ?? freshId();
    const dialerId = freshId();
    await this.dataSource.getRepository(DialerCallRecordEntity).insert({
      id: dialerId,
      userId: agentId,
      userPhoneNumber: '+14155550100',
      leadPhoneNumber: '+14155550000',
      direction: CallDirection.Outbound,
      status: CallStatus.Completed,
      startTime: CREATED,
      endTime: CREATED,
      duration: 60,
      recordingSwitch: false,
      showUserNumber: null,
      isMachineAnswered: false,
      price: '0.0100',
      elapsedSeconds: 5,
      payloadHash: null,
      createdAt: CREATED,
    });
    await this.communication(leadId, agentId, {
      id,
      source: CommunicationSource.Manual,
      dialerCallRecordId: dialerId,
      ...overrides,
    });
    return id;
  }

  /** A communication (a logged call by default) of the lead, in the lead's team, stored now. */
  async communication(leadId: string, agentId: string, overrides: Partial<CommunicationEntity> = {}): Promise<string> {
    const id = overrides.id ?? freshId();
    const lead = await this.dataSource.getRepository(LeadEntity).findOneByOrFail({ id: leadId });
    await this.dataSource.getRepository(CommunicationEntity).insert({
      id,
      leadId,
      teamId: lead.teamId,
      recordedMs: String(Date.now()),
      agentId,
      channel: Channel.Call,
      source: CommunicationSource.Logged,
      dialerCallRecordId: null,
      logPhoneNumber: null,
      logDirection: null,
      content: 'A logged call.',
      isPin: false,
      emailSubject: null,
      toEmail: null,
      fromEmail: null,
      callingOutcome: null,
      rateScore: null,
      note: null,
      createTime: CREATED,
      updateTime: CREATED,
      ...overrides,
    });
    return id;
  }

  /** A registered API client of the user; its id and secret. */
  async client(userId: string, scopes: string[] = []): Promise<{ clientId: string; clientSecret: string }> {
    const clientId = `cl_${randomBytes(12).toString('hex')}`;
    const clientSecret = generateClientSecret();
    await this.dataSource.getRepository(ApiClientEntity).insert({
      id: clientId,
      secretHash: hashClientSecret(clientSecret),
      userId,
      name: 'test client',
      scopes: scopes.join(' '),
      createdAt: CREATED,
      revokedAt: null,
    });
    return { clientId, clientSecret };
  }
}
