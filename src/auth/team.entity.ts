import { Entity } from 'typeorm';
import { DateTimeColumn, Int64PrimaryColumn, VarcharColumn } from '../database/columns';
import type { Int64 } from '../common/int64';

@Entity({ name: 'teams' })
export class TeamEntity {
  @Int64PrimaryColumn()
  id!: Int64;

  @VarcharColumn({ name: 'name', length: 100 })
  name!: string;

  @DateTimeColumn({ name: 'created_at' })
  createdAt!: Date;
}
