import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TeamEntity } from '../auth/team.entity';
import { UserEntity } from '../auth/user.entity';
import type { Int64 } from '../common/int64';
import {
  BooleanColumn,
  DateTimeColumn,
  Int64Column,
  Int64PrimaryColumn,
  IntColumn,
  VarcharColumn,
} from '../database/columns';

export enum SubscriptionStatus {
  Active = 'ACTIVE',
  /** Kept failing for a day: its events wait (HELD) until it is resumed. */
  Paused = 'PAUSED',
}

/** A user's subscription to an event list of the team, delivered to a callback URL. */
@Entity({ name: 'webhook_subscriptions' })
@Index('idx_webhook_subscriptions_team_list', ['teamId', 'listId'])
@Index('idx_webhook_subscriptions_user', ['userId'])
export class WebhookSubscriptionEntity {
  /** The `subscribeId` of the API. */
  @Int64PrimaryColumn()
  id!: Int64;

  @Int64Column({ name: 'team_id' })
  teamId!: Int64;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'fk_webhook_subscriptions_team' })
  team?: TeamEntity;

  /** The subscriber: which events reach the subscription depends on who they are (the recipients rule). */
  @Int64Column({ name: 'user_id' })
  userId!: Int64;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_webhook_subscriptions_user' })
  user?: UserEntity;

  @IntColumn({ name: 'list_id' })
  listId!: number;

  @VarcharColumn({ name: 'callback_url', length: 2048 })
  callbackUrl!: string;

  /** The most events in one callback. */
  @IntColumn({ name: 'batch_limit' })
  batchLimit!: number;

  /** The events it asks for (`events`): calls created, calls updated. */
  @BooleanColumn({ name: 'on_created', default: true })
  onCreated!: boolean;

  @BooleanColumn({ name: 'on_updated', default: false })
  onUpdated!: boolean;

  /** Whether its callbacks write int64 values as strings (`int64: "string"`) rather than as numbers. */
  @BooleanColumn({ name: 'int64_strings', default: false })
  int64Strings!: boolean;

  /** The HMAC-SHA256 key of the callbacks' signatures, shown to the subscriber once. */
  @VarcharColumn({ name: 'secret', length: 64 })
  secret!: string;

  @VarcharColumn({ name: 'status', length: 8 })
  status!: SubscriptionStatus;

  @VarcharColumn({ name: 'paused_reason', length: 500, nullable: true })
  pausedReason!: string | null;

  /** Since when every delivery failed (epoch ms), or null after a success. */
  @Int64Column({ name: 'failing_since_ms', nullable: true })
  failingSinceMs!: Int64 | null;

  @DateTimeColumn({ name: 'created_at' })
  createdAt!: Date;

  @DateTimeColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
