import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Int64 } from '../common/int64';
import { DateTimeColumn, Int64PrimaryColumn, VarcharColumn } from '../database/columns';
import { UserEntity } from '../auth/user.entity';
import { LeadEntity } from './lead.entity';

export enum AssigneeRole {
  Assistant = 'ASSISTANT',
  Lender = 'LENDER',
  CoAgent = 'CO_AGENT',
}

/** The other people in a lead's "Assigned To" list besides its primary agent. */
@Entity({ name: 'lead_assignees' })
@Index('idx_lead_assignees_user', ['userId'])
export class LeadAssigneeEntity {
  @Int64PrimaryColumn('lead_id')
  leadId!: Int64;

  @Int64PrimaryColumn('user_id')
  userId!: Int64;

  @ManyToOne(() => LeadEntity, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'lead_id', foreignKeyConstraintName: 'fk_lead_assignees_lead' })
  lead?: LeadEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_lead_assignees_user' })
  user?: UserEntity;

  @VarcharColumn({ name: 'role', length: 16 })
  role!: AssigneeRole;

  @DateTimeColumn({ name: 'created_at' })
  createdAt!: Date;
}
