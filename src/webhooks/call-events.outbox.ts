import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { Int64Form, stringifyJson } from '../common/http/lossless-json';
import { type Int64, toJsonInt64 } from '../common/int64';
import { IdGenerator } from '../database/id-generator';
import { LeadsService } from '../leads/leads.service';
import type { CallEventDto, CallEventType, CallUpdateEventDto } from './dto/webhook-callback.dto';
import { WebhookDeliveryWorker } from './webhook-delivery.worker';
import { CallEventKind } from './webhook-event.entity';
import { WebhookEventsRepository } from './webhook-events.repository';
import { WebhookSubscriptionsRepository } from './webhook-subscriptions.repository';

/** The Call event list of the source API. */
export const CALL_LIST_ID = 6;

/** A call that was just created, as the Call event tells it. */
export interface CallCreated {
  /** The communication id: what Get Call takes. */
  timelineId: Int64;
  /** Legacy: the dialer record id for a MANUAL call, the log's own id for a LOGGED one. */
  callId: Int64;
  communicationType: CallEventType;
  leadId: Int64;
  agentId: Int64;
}

/** A call that was just edited, as the Call event of an update tells it: the same fields, and when. */
export interface CallUpdated extends CallCreated {
  /** The call's new `updateTime`, UTC `yyyy-MM-dd HH:mm:ss`, as Get Call answers it. */
  updateTime: string;
}

/**
 * The transactional outbox of Call events: written with the call, in the same transaction, so that an
 * event exists exactly when its call does. The delivery worker sends it afterwards.
 */
@Injectable()
export class CallEventsOutbox {
  constructor(
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly leads: LeadsService,
    private readonly subscriptions: WebhookSubscriptionsRepository,
    private readonly events: WebhookEventsRepository,
    private readonly worker: WebhookDeliveryWorker,
  ) {}

  /** The lead's facts (team, assigned agent, hidden) are read here, in the transaction that writes the call. */
  record(manager: EntityManager, call: CallCreated): Promise<void> {
    return this.enqueue(manager, CallEventKind.Created, call);
  }

  /** An edit of a call, for the subscriptions that hear of updates; in the transaction of the edit. */
  recordUpdate(manager: EntityManager, call: CallUpdated): Promise<void> {
    return this.enqueue(manager, CallEventKind.Updated, call);
  }

  private async enqueue(manager: EntityManager, kind: CallEventKind, call: CallCreated | CallUpdated): Promise<void> {
    // Who hears of a lead's events is the leads module's rule; asked in this transaction, with its manager.
    const recipients = await this.leads.findEventRecipients(call.leadId, manager);
    if (recipients === null) return;
    const subscriptions = await this.subscriptions.findForUsers(
      manager,
      recipients.teamId,
      CALL_LIST_ID,
      recipients.userIds,
      kind,
    );
    if (subscriptions.length === 0) return;
    const eventId = this.ids.next();
    const event = {
      eventId: toJsonInt64(eventId),
      timelineId: toJsonInt64(call.timelineId),
      callId: toJsonInt64(call.callId),
      communicationType: call.communicationType,
      leadId: toJsonInt64(call.leadId),
      agentId: toJsonInt64(call.agentId),
      ...('updateTime' in call ? { updateTime: call.updateTime } : {}),
    } satisfies CallEventDto | CallUpdateEventDto;
    // Stored as each subscription's callbacks write it: int64 values as numbers, or as strings when it asked.
    const numbers = stringifyJson(event);
    const asStrings = (subscription: { int64: Int64Form }) => subscription.int64 === Int64Form.String;
    const strings = subscriptions.some(asStrings) ? stringifyJson(event, Int64Form.String) : numbers;
    const now = this.clock.now();
    await this.events.insert(
      manager,
      subscriptions.map((subscription) => ({
        id: this.ids.next(),
        eventId,
        subscriptionId: subscription.id,
        payload: asStrings(subscription) ? strings : numbers,
        kind,
        held: subscription.paused,
        createdMs: now,
      })),
    );
  }

  /** After the transaction committed: have the worker look at once rather than at its next poll. */
  committed(): void {
    this.worker.nudge();
  }
}
