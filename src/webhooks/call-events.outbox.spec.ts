import type { EntityManager } from 'typeorm';
import { Int64Form } from '../common/http/lossless-json';
import { InMemoryEvents, InMemorySubscriptions, WebhookTables } from '../../test/support/in-memory-webhooks';
import type { IdGenerator } from '../database/id-generator';
import type { LeadsService } from '../leads/leads.service';
import { CALL_LIST_ID, type CallCreated, CallEventsOutbox } from './call-events.outbox';
import type { WebhookDeliveryWorker } from './webhook-delivery.worker';
import { CallEventKind, EventStatus } from './webhook-event.entity';
import type { WebhookEventsRepository } from './webhook-events.repository';
import { SubscriptionStatus } from './webhook-subscription.entity';
import type { WebhookSubscriptionsRepository } from './webhook-subscriptions.repository';

const NOW = 1_780_000_000_000;
const TEAM = '1';
const LEAD = '9007199254740993';

const call: CallCreated = {
  timelineId: '9007199254740995',
  callId: '9223372036854775807',
  communicationType: 'MANUAL',
  leadId: LEAD,
  agentId: '9007199254740997',
};

describe('CallEventsOutbox', () => {
  let tables: WebhookTables;
  let nudged: jest.Mock;
  let outbox: CallEventsOutbox;
  const manager = {} as EntityManager;

  beforeEach(() => {
    tables = new WebhookTables();
    nudged = jest.fn();
    const worker: Pick<WebhookDeliveryWorker, 'nudge'> = { nudge: nudged };
    outbox = new CallEventsOutbox(
      { next: () => tables.nextId() } as IdGenerator,
      { now: () => NOW },
      {
        findEventRecipients: (leadId: string) => Promise.resolve(tables.leadRecipients.get(leadId) ?? null),
      } as unknown as LeadsService,
      new InMemorySubscriptions(tables) as unknown as WebhookSubscriptionsRepository,
      new InMemoryEvents(tables) as unknown as WebhookEventsRepository,
      worker as WebhookDeliveryWorker,
    );
  });

  it('writes nothing for a lead nobody hears about', async () => {
    tables.subscribe({ teamId: TEAM, userId: '100234' });
    tables.leadRecipients.set(LEAD, { teamId: TEAM, userIds: [] });
    await outbox.record(manager, call);
    expect(tables.events.size).toBe(0);
  });

  it('writes nothing for a lead that is not there', async () => {
    tables.subscribe({ teamId: TEAM, userId: '100234' });
    await outbox.record(manager, call);
    expect(tables.events.size).toBe(0);
  });

  it('writes nothing when none of the recipients subscribed', async () => {
    tables.subscribe({ teamId: TEAM, userId: '100235' });
    tables.leadRecipients.set(LEAD, { teamId: TEAM, userIds: ['100234'] });
    await outbox.record(manager, call);
    expect(tables.events.size).toBe(0);
  });

  it('writes the event once for each recipient’s subscription to the team’s Call list, due at once', async () => {
    const agent = tables.subscribe({ teamId: TEAM, userId: '100234' });
    const agentAgain = tables.subscribe({ teamId: TEAM, userId: '100234' });
    const owner = tables.subscribe({ teamId: TEAM, userId: '100001' });
    tables.subscribe({ teamId: TEAM, userId: '100235' });
    tables.subscribe({ teamId: TEAM, userId: '100234', listId: CALL_LIST_ID + 1 });
    tables.subscribe({ teamId: '2', userId: '100001' });
    tables.leadRecipients.set(LEAD, { teamId: TEAM, userIds: ['100234', '100001'] });
    await outbox.record(manager, call);
    const written = [...tables.events.values()];
    expect(written.map((event) => event.subscriptionId).sort()).toEqual([agent.id, agentAgain.id, owner.id].sort());
    expect(new Set(written.map((event) => event.eventId)).size).toBe(1);
    for (const event of written) {
      expect(event).toMatchObject({
        status: EventStatus.Pending,
        attempts: 0,
        createdMs: NOW,
        nextAttemptMs: NOW,
        leaseOwner: null,
      });
    }
  });

  it('writes the call’s ids in the payload as exact JSON numbers', async () => {
    tables.subscribe({ teamId: TEAM, userId: '100234' });
    tables.leadRecipients.set(LEAD, { teamId: TEAM, userIds: ['100234'] });
    await outbox.record(manager, call);
    const [event] = tables.events.values();
    expect(event.payload).toBe(
      `{"eventId":${event.eventId},"timelineId":9007199254740995,"callId":9223372036854775807,` +
        '"communicationType":"MANUAL","leadId":9007199254740993,"agentId":9007199254740997}',
    );
  });

  it('writes the ids as strings for a subscription that asked for them, as numbers for the others', async () => {
    const strings = tables.subscribe({ teamId: TEAM, userId: '100234', int64: Int64Form.String });
    const numbers = tables.subscribe({ teamId: TEAM, userId: '100234' });
    tables.leadRecipients.set(LEAD, { teamId: TEAM, userIds: ['100234'] });
    await outbox.record(manager, call);
    const [asStrings] = tables.eventsOf(strings.id);
    expect(asStrings.payload).toBe(
      `{"eventId":"${asStrings.eventId}","timelineId":"9007199254740995","callId":"9223372036854775807",` +
        '"communicationType":"MANUAL","leadId":"9007199254740993","agentId":"9007199254740997"}',
    );
    expect(tables.eventsOf(numbers.id)[0].payload).toBe(asStrings.payload.replace(/"(\d+)"/g, '$1'));
  });

  it('holds the event of a paused subscription until it is resumed', async () => {
    const paused = tables.subscribe({ teamId: TEAM, userId: '100234', status: SubscriptionStatus.Paused });
    const active = tables.subscribe({ teamId: TEAM, userId: '100001' });
    tables.leadRecipients.set(LEAD, { teamId: TEAM, userIds: ['100234', '100001'] });
    await outbox.record(manager, call);
    expect(tables.eventsOf(paused.id).map((event) => event.status)).toEqual([EventStatus.Held]);
    expect(tables.eventsOf(active.id).map((event) => event.status)).toEqual([EventStatus.Pending]);
  });

  describe('updates', () => {
    it('go only to the subscriptions that hear of updates, as updates, with the update time', async () => {
      tables.subscribe({ teamId: TEAM, userId: '100234' });
      const both = tables.subscribe({
        teamId: TEAM,
        userId: '100234',
        events: [CallEventKind.Created, CallEventKind.Updated],
      });
      const updatesOnly = tables.subscribe({ teamId: TEAM, userId: '100234', events: [CallEventKind.Updated] });
      tables.leadRecipients.set(LEAD, { teamId: TEAM, userIds: ['100234'] });
      await outbox.recordUpdate(manager, { ...call, updateTime: '2026-11-27 10:00:05' });
      const written = [...tables.events.values()];
      expect(written.map((event) => event.subscriptionId).sort()).toEqual([both.id, updatesOnly.id].sort());
      for (const event of written) {
        expect(event.kind).toBe(CallEventKind.Updated);
        expect(event.payload).toBe(
          `{"eventId":${event.eventId},"timelineId":9007199254740995,"callId":9223372036854775807,` +
            '"communicationType":"MANUAL","leadId":9007199254740993,"agentId":9007199254740997,' +
            '"updateTime":"2026-11-27 10:00:05"}',
        );
      }
    });

    it('leave out a subscription that hears of updates only when a call is created', async () => {
      tables.subscribe({ teamId: TEAM, userId: '100234', events: [CallEventKind.Updated] });
      const created = tables.subscribe({ teamId: TEAM, userId: '100234' });
      tables.leadRecipients.set(LEAD, { teamId: TEAM, userIds: ['100234'] });
      await outbox.record(manager, call);
      expect([...tables.events.values()].map((event) => [event.subscriptionId, event.kind])).toEqual([
        [created.id, CallEventKind.Created],
      ]);
    });
  });

  it('has the worker look at once once the call is committed', () => {
    outbox.committed();
    expect(nudged).toHaveBeenCalled();
  });
});
