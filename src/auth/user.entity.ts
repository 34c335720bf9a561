import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Int64 } from '../common/int64';
import { BooleanColumn, DateTimeColumn, Int64Column, Int64PrimaryColumn, VarcharColumn } from '../database/columns';
import { Role } from './role';
import { TeamEntity } from './team.entity';

@Entity({ name: 'users' })
@Index('idx_users_team', ['teamId'])
export class UserEntity {
  @Int64PrimaryColumn()
  id!: Int64;

  @Int64Column({ name: 'team_id' })
  teamId!: Int64;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'fk_users_team' })
  team?: TeamEntity;

  @VarcharColumn({ name: 'name', length: 100 })
  name!: string;

  @VarcharColumn({ name: 'email', length: 254, nullable: true })
  email!: string | null;

  @VarcharColumn({ name: 'phone_number', length: 32, nullable: true })
  phoneNumber!: string | null;

  @VarcharColumn({ name: 'role', length: 16 })
  role!: Role;

  @BooleanColumn({ name: 'access_all_team_leads', default: false })
  accessAllTeamLeads!: boolean;

  @BooleanColumn({ name: 'active', default: true })
  active!: boolean;

  @DateTimeColumn({ name: 'created_at' })
  createdAt!: Date;

  @DateTimeColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
