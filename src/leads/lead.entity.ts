import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Int64 } from '../common/int64';
import { BooleanColumn, DateTimeColumn, Int64Column, Int64PrimaryColumn, VarcharColumn } from '../database/columns';
import { TeamEntity } from '../auth/team.entity';
import { UserEntity } from '../auth/user.entity';

@Entity({ name: 'leads' })
@Index('idx_leads_team', ['teamId'])
@Index('idx_leads_assigned_user', ['assignedUserId'])
export class LeadEntity {
  @Int64PrimaryColumn()
  id!: Int64;

  @Int64Column({ name: 'team_id' })
  teamId!: Int64;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'fk_leads_team' })
  team?: TeamEntity;

  /** The primary owner (the Agent slot). */
  @Int64Column({ name: 'assigned_user_id', nullable: true })
  assignedUserId!: Int64 | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'assigned_user_id', foreignKeyConstraintName: 'fk_leads_assigned_user' })
  assignedUser?: UserEntity;

  @VarcharColumn({ name: 'first_name', length: 100, nullable: true })
  firstName!: string | null;

  @VarcharColumn({ name: 'last_name', length: 100, nullable: true })
  lastName!: string | null;

  @VarcharColumn({ name: 'phone_number', length: 32, nullable: true })
  phoneNumber!: string | null;

  @VarcharColumn({ name: 'email', length: 254, nullable: true })
  email!: string | null;

  /** A private lead: only its assignees may manage it. */
  @BooleanColumn({ name: 'hidden', default: false })
  hidden!: boolean;

  @DateTimeColumn({ name: 'deleted_at', nullable: true })
  deletedAt!: Date | null;

  @DateTimeColumn({ name: 'created_at' })
  createdAt!: Date;

  @DateTimeColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
