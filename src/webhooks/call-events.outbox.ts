import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Role } from '../auth/role';
import { Clock } from '../common/clock';
import { stringifyJson } from '../common/http/lossless-json';
import { type Int64, toJsonInt64 } from '../common/int64';
import { IdGenerator } from '../database/id-generator';
import { WebhookDeliveryWorker } from './webhook-delivery.worker';
import { EventStatus, WebhookEventEntity } from './webhook-event.entity';
import { SubscriptionStatus } from './webhook-subscription.entity';

/** The Call event list of the source API. */
export const CALL_LIST_ID = 6;

/** A call that was just created, as the Call event tells it. */
export interface CallCreated {
  /** The communication id: what Get Call takes. */
  timelineId: Int64;
  /** Legacy: the dialer record id for a MANUAL call, the log's own id for a LOGGED one. */
  callId: Int64;
  communicationType: 'MANUAL' | 'LOGGED';
  leadId: Int64;
  agentId: Int64;
}

/**
 * The subscriptions an event of this lead goes to: the source system's rule. A hidden lead: only its
 * assigned agent's. Any other: its assigned agent's and those of the team's OWNER and ADMIN users. Nobody
 * else, never another team's, and never a deactivated user's.
 */
const RECIPIENTS_SQL =
  'SELECT s.id, s.status FROM leads l ' +
  'JOIN webhook_subscriptions s ON s.team_id = l.team_id AND s.list_id = ? ' +
  'JOIN users u ON u.id = s.user_id ' +
  'WHERE l.id = ? AND u.team_id = s.team_id AND u.active = 1 ' +
  `AND (s.user_id = l.assigned_user_id OR (l.hidden = 0 AND u.role IN ('${Role.Owner}', '${Role.Admin}')))`;

/**
 * The transactional outbox of Call events: written with the call, in the same transaction, so that an
 * event exists exactly when its call does. The delivery worker sends it afterwards.
 */
@Injectable()
export class CallEventsOutbox {
  constructor(
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly worker: WebhookDeliveryWorker,
  ) {}

  /** The lead's facts (team, assigned agent, hidden) are read here, in the transaction that writes the call. */
  async record(manager: EntityManager, call: CallCreated): Promise<void> {
    const recipients: { id: unknown; status: unknown }[] = await manager.query(RECIPIENTS_SQL, [
      CALL_LIST_ID,
      call.leadId,
    ]);
    if (recipients.length === 0) return;
    const eventId = this.ids.next();
    const payload = stringifyJson({
      eventId: toJsonInt64(eventId),
      timelineId: toJsonInt64(call.timelineId),
      callId: toJsonInt64(call.callId),
      communicationType: call.communicationType,
      leadId: toJsonInt64(call.leadId),
      agentId: toJsonInt64(call.agentId),
    });
    const now = String(this.clock.now());
    await manager
      .createQueryBuilder()
      .insert()
      .into(WebhookEventEntity)
      .values(
        recipients.map((recipient) => ({
          id: this.ids.next(),
          eventId,
          subscriptionId: String(recipient.id),
          payload,
          status: recipient.status === SubscriptionStatus.Paused ? EventStatus.Held : EventStatus.Pending,
          attempts: 0,
          createdMs: now,
          nextAttemptMs: now,
          firstAttemptMs: null,
          leaseUntilMs: '0',
          leaseOwner: null,
          lastError: null,
          sentMs: null,
        })),
      )
      .updateEntity(false)
      .execute();
  }

  /** After the transaction committed: have the worker look at once rather than at its next poll. */
  committed(): void {
    this.worker.nudge();
  }
}
