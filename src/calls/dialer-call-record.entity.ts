import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Int64 } from '../common/int64';
import {
  BooleanColumn,
  DateTimeColumn,
  DecimalColumn,
  Int64Column,
  Int64PrimaryColumn,
  IntColumn,
  VarcharColumn,
} from '../database/columns';
import { UserEntity } from '../auth/user.entity';
import { CallDirection, CallStatus } from './call-enums';

/** The telephony facts of a call the dialer placed; its id is the dialer's own record id. */
@Entity({ name: 'dialer_call_records' })
@Index('idx_dialer_call_records_user', ['userId'])
export class DialerCallRecordEntity {
  @Int64PrimaryColumn()
  id!: Int64;

  /** The agent on the call. */
  @Int64Column({ name: 'user_id' })
  userId!: Int64;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_dialer_call_records_user' })
  user?: UserEntity;

  @VarcharColumn({ name: 'user_phone_number', length: 32, nullable: true })
  userPhoneNumber!: string | null;

  @VarcharColumn({ name: 'lead_phone_number', length: 32, nullable: true })
  leadPhoneNumber!: string | null;

  @VarcharColumn({ name: 'direction', length: 8 })
  direction!: CallDirection;

  @VarcharColumn({ name: 'status', length: 16 })
  status!: CallStatus;

  @DateTimeColumn({ name: 'start_time' })
  startTime!: Date;

  @DateTimeColumn({ name: 'end_time', nullable: true })
  endTime!: Date | null;

  /** Talk time in seconds. */
  @IntColumn({ name: 'duration' })
  duration!: number;

  @BooleanColumn({ name: 'recording_switch' })
  recordingSwitch!: boolean;

  @VarcharColumn({ name: 'show_user_number', length: 32, nullable: true })
  showUserNumber!: string | null;

  @BooleanColumn({ name: 'is_machine_answered' })
  isMachineAnswered!: boolean;

  /** Cost in USD. */
  @DecimalColumn({ name: 'price', precision: 10, scale: 4, nullable: true })
  price!: string | null;

  /** Seconds from dialing to connection. */
  @IntColumn({ name: 'elapsed_seconds', nullable: true })
  elapsedSeconds!: number | null;

  /** SHA-256 of the ingested record, to tell a retry (same record) from a conflicting one. */
  @VarcharColumn({ name: 'payload_hash', length: 64, nullable: true })
  payloadHash!: string | null;

  @DateTimeColumn({ name: 'created_at' })
  createdAt!: Date;
}
