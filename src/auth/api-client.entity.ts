import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Int64 } from '../common/int64';
import { DateTimeColumn, Int64Column, VarcharColumn } from '../database/columns';
import { UserEntity } from '../auth/user.entity';

/** A registered integration. It authenticates with its secret and then acts as the user it is bound to. */
@Entity({ name: 'api_clients' })
@Index('idx_api_clients_user', ['userId'])
export class ApiClientEntity {
  @PrimaryColumn({ name: 'id', type: 'varchar', length: 64 })
  id!: string;

  /** SHA-256 of the secret (see client-secret.ts); the secret itself is shown once, at creation. */
  @VarcharColumn({ name: 'secret_hash', length: 255 })
  secretHash!: string;

  @Int64Column({ name: 'user_id' })
  userId!: Int64;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_api_clients_user' })
  user?: UserEntity;

  @VarcharColumn({ name: 'name', length: 100 })
  name!: string;

  /** Space-separated OAuth scopes granted to the client. */
  @VarcharColumn({ name: 'scopes', length: 255, default: '' })
  scopes!: string;

  @DateTimeColumn({ name: 'created_at' })
  createdAt!: Date;

  @DateTimeColumn({ name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;
}
