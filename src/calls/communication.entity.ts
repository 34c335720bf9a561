import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Int64 } from '../common/int64';
import {
  BooleanColumn,
  DateTimeColumn,
  Int64Column,
  Int64PrimaryColumn,
  IntColumn,
  VarcharColumn,
} from '../database/columns';
import { LeadEntity } from '../leads/lead.entity';
import { UserEntity } from '../auth/user.entity';
import { CallingOutcome, Channel, CommunicationSource, LogDirection } from './call-enums';
import { DialerCallRecordEntity } from './dialer-call-record.entity';

/**
 * One entry of a lead's timeline: a call, an email or a text. Its id is the `communicationId` of the
 * API and the `timelineId` of webhook events. Dialer calls point at their dialer record; logged ones
 * carry what the agent wrote.
 */
@Entity({ name: 'communications' })
@Index('idx_communications_lead_channel', ['leadId', 'channel', 'id'])
@Index('idx_communications_lead_log_id', ['leadId', 'channel', 'source', 'id'])
@Index('idx_communications_lead_log_time', ['leadId', 'channel', 'source', 'createTime', 'id'])
@Index('idx_communications_agent', ['agentId'])
@Index('uq_communications_dialer_call_record', ['dialerCallRecordId'], { unique: true })
// The search by agent (POST /v1.0/agent/communication): a team's communications of one channel in a time window,
// oldest first; the rest of the columns let a page skip its offset without reading the rows.
@Index('idx_communications_team_time', ['teamId', 'channel', 'createTime', 'id', 'agentId', 'leadId', 'recordedMs'])
export class CommunicationEntity {
  @Int64PrimaryColumn()
  id!: Int64;

  @Int64Column({ name: 'lead_id' })
  leadId!: Int64;

  @ManyToOne(() => LeadEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'lead_id', foreignKeyConstraintName: 'fk_communications_lead' })
  lead?: LeadEntity;

  /** The agent the communication belongs to (who made or logged it). */
  @Int64Column({ name: 'agent_id' })
  agentId!: Int64;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'agent_id', foreignKeyConstraintName: 'fk_communications_agent' })
  agent?: UserEntity;

  /** The lead's team, copied from the lead when the communication is stored (a lead never changes team). */
  @Int64Column({ name: 'team_id' })
  teamId!: Int64;

  /** When the service stored it, epoch milliseconds: the snapshot bound of a search (`asOf`). */
  @Int64Column({ name: 'recorded_ms' })
  recordedMs!: Int64;

  @VarcharColumn({ name: 'channel', length: 8 })
  channel!: Channel;

  @VarcharColumn({ name: 'source', length: 8 })
  source!: CommunicationSource;

  @Int64Column({ name: 'dialer_call_record_id', nullable: true })
  dialerCallRecordId!: Int64 | null;

  @ManyToOne(() => DialerCallRecordEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({
    name: 'dialer_call_record_id',
    foreignKeyConstraintName: 'fk_communications_dialer_call_record',
  })
  dialerCallRecord?: DialerCallRecordEntity;

  /** The number written in a manual log. */
  @VarcharColumn({ name: 'log_phone_number', length: 32, nullable: true })
  logPhoneNumber!: string | null;

  /** The direction written in a manual log. */
  @VarcharColumn({ name: 'log_direction', length: 8, nullable: true })
  logDirection!: LogDirection | null;

  /** The body of a manual log (call notes, email body or text message), at most 5,000 characters. */
  @Column({ name: 'content', type: 'text', nullable: true })
  content!: string | null;

  @BooleanColumn({ name: 'is_pin', default: false })
  isPin!: boolean;

  @VarcharColumn({ name: 'email_subject', length: 255, nullable: true })
  emailSubject!: string | null;

  @VarcharColumn({ name: 'to_email', length: 254, nullable: true })
  toEmail!: string | null;

  @VarcharColumn({ name: 'from_email', length: 254, nullable: true })
  fromEmail!: string | null;

  @VarcharColumn({ name: 'calling_outcome', length: 16, nullable: true })
  callingOutcome!: CallingOutcome | null;

  @IntColumn({ name: 'rate_score', type: 'smallint', nullable: true })
  rateScore!: number | null;

  /** The agent's note on a dialer call. */
  @Column({ name: 'note', type: 'text', nullable: true })
  note!: string | null;

  /** When it happened: a dialer call's start, a manual log's writing. */
  @DateTimeColumn({ name: 'create_time' })
  createTime!: Date;

  @DateTimeColumn({ name: 'update_time' })
  updateTime!: Date;

  /** 1 when stored, one more on each change: the ETag of the call record (see CallEditService). */
  @IntColumn({ name: 'version', default: 1 })
  version!: number;
}
