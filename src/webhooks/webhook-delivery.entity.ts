import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Int64 } from '../common/int64';
import { BooleanColumn, Int64Column, Int64PrimaryColumn, IntColumn, VarcharColumn } from '../database/columns';
import { WebhookSubscriptionEntity } from './webhook-subscription.entity';

/** One callback attempt, for the subscriber to see (kept for 7 days). */
@Entity({ name: 'webhook_deliveries' })
@Index('idx_webhook_deliveries_subscription', ['subscriptionId', 'id'])
@Index('idx_webhook_deliveries_attempted', ['attemptedMs'])
export class WebhookDeliveryEntity {
  @Int64PrimaryColumn()
  id!: Int64;

  @Int64Column({ name: 'subscription_id' })
  subscriptionId!: Int64;

  @ManyToOne(() => WebhookSubscriptionEntity, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'subscription_id', foreignKeyConstraintName: 'fk_webhook_deliveries_subscription' })
  subscription?: WebhookSubscriptionEntity;

  @Int64Column({ name: 'attempted_ms' })
  attemptedMs!: Int64;

  @IntColumn({ name: 'event_count' })
  eventCount!: number;

  @IntColumn({ name: 'status_code', nullable: true })
  statusCode!: number | null;

  @VarcharColumn({ name: 'error', length: 500, nullable: true })
  error!: string | null;

  @IntColumn({ name: 'duration_ms' })
  durationMs!: number;

  @BooleanColumn({ name: 'success' })
  success!: boolean;
}
