import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Int64 } from '../common/int64';
import { Int64Column, Int64PrimaryColumn, IntColumn, VarcharColumn } from '../database/columns';
import { WebhookSubscriptionEntity } from './webhook-subscription.entity';

export enum EventStatus {
  /** Waiting for (another) delivery attempt. */
  Pending = 'PENDING',
  /** Its subscription is paused. */
  Held = 'HELD',
  Sent = 'SENT',
  /** Every attempt failed for the whole retry window. */
  Dead = 'DEAD',
}

/** What happened to the call an event tells of, and what a subscription asks to hear of. */
export enum CallEventKind {
  Created = 'created',
  Updated = 'updated',
}

/**
 * The transactional outbox: one row per event and subscription, written in the transaction that creates
 * the call, delivered later by the worker. Times are epoch milliseconds.
 */
@Entity({ name: 'webhook_events' })
@Index('idx_webhook_events_due', ['status', 'nextAttemptMs'])
@Index('idx_webhook_events_subscription', ['subscriptionId', 'status'])
@Index('uq_webhook_events_event_subscription', ['eventId', 'subscriptionId'], { unique: true })
export class WebhookEventEntity {
  @Int64PrimaryColumn()
  id!: Int64;

  /** The event's stable id, the same in every subscription and every retry: receivers drop duplicates by it. */
  @Int64Column({ name: 'event_id' })
  eventId!: Int64;

  @Int64Column({ name: 'subscription_id' })
  subscriptionId!: Int64;

  @ManyToOne(() => WebhookSubscriptionEntity, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'subscription_id', foreignKeyConstraintName: 'fk_webhook_events_subscription' })
  subscription?: WebhookSubscriptionEntity;

  /** The element of the callback's event array, as JSON. */
  @Column({ name: 'payload', type: 'text' })
  payload!: string;

  /** Which array of the callback it goes in: `createdCall` or `updatedCall`. */
  @VarcharColumn({ name: 'kind', length: 8, default: CallEventKind.Created })
  kind!: CallEventKind;

  @VarcharColumn({ name: 'status', length: 8 })
  status!: EventStatus;

  @IntColumn({ name: 'attempts', default: 0 })
  attempts!: number;

  @Int64Column({ name: 'created_ms' })
  createdMs!: Int64;

  @Int64Column({ name: 'next_attempt_ms' })
  nextAttemptMs!: Int64;

  @Int64Column({ name: 'first_attempt_ms', nullable: true })
  firstAttemptMs!: Int64 | null;

  /** A worker holds the event until then (epoch ms); 0 when none does. */
  @Int64Column({ name: 'lease_until_ms', default: 0 })
  leaseUntilMs!: Int64;

  /** The claim that holds the lease (a random token per claim); null when none does. */
  @VarcharColumn({ name: 'lease_owner', length: 32, nullable: true })
  leaseOwner!: string | null;

  @VarcharColumn({ name: 'last_error', length: 500, nullable: true })
  lastError!: string | null;

  @Int64Column({ name: 'sent_ms', nullable: true })
  sentMs!: Int64 | null;
}
