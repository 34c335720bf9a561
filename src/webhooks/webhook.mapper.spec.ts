import { Int64Form } from '../common/http/lossless-json';
import { toCreatedWebhookDto, toDeliveryDto, toWebhookDto } from './webhook.mapper';
import { CallEventKind } from './webhook-event.entity';
import { SubscriptionStatus } from './webhook-subscription.entity';
import type { WebhookSubscription } from './webhook-subscriptions.repository';

const subscription: WebhookSubscription = {
  id: '9007199254740993',
  teamId: '1',
  userId: '100234',
  listId: 6,
  callbackUrl: 'https://hooks.example.com/calls',
  batchLimit: 100,
  events: [CallEventKind.Updated],
  int64: Int64Form.Number,
  status: SubscriptionStatus.Active,
  pausedReason: null,
  createdAt: '2026-11-26 21:00:00',
};

describe('webhook mapper', () => {
  it('answers a subscription with its fields in the contract’s order, ids exact', () => {
    const dto = toWebhookDto(subscription);
    expect(dto).toEqual({
      subscribeId: 9007199254740993n,
      teamId: 1n,
      listId: 6,
      callbackUrl: 'https://hooks.example.com/calls',
      limit: 100,
      events: ['updated'],
      status: 'ACTIVE',
      createTime: '2026-11-26 21:00:00',
    });
    expect(Object.keys(dto)).toEqual([
      'subscribeId',
      'teamId',
      'listId',
      'callbackUrl',
      'limit',
      'events',
      'status',
      'createTime',
    ]);
  });

  it('says that a subscription writes int64 values as strings, after its events, and nothing of numbers', () => {
    expect(Object.entries(toWebhookDto({ ...subscription, int64: Int64Form.String })).slice(5, 7)).toEqual([
      ['events', ['updated']],
      ['int64', 'string'],
    ]);
    expect(
      toCreatedWebhookDto({ ...subscription, int64: Int64Form.String, secret: 's', createdAt: new Date(0) }),
    ).toEqual(expect.objectContaining({ int64: 'string' }));
    expect(toWebhookDto(subscription)).not.toHaveProperty('int64');
  });

  it('tells why a paused subscription was paused, before its creation time', () => {
    const dto = toWebhookDto({ ...subscription, status: SubscriptionStatus.Paused, pausedReason: 'HTTP 503' });
    expect(Object.entries(dto).slice(6)).toEqual([
      ['status', 'PAUSED'],
      ['pausedReason', 'HTTP 503'],
      ['createTime', '2026-11-26 21:00:00'],
    ]);
  });

  it('shows the secret only in the answer to subscribing', () => {
    const created = toCreatedWebhookDto({ ...subscription, secret: 'whsec_x', createdAt: new Date(0) });
    expect(Object.entries(created)).toEqual([
      ['subscribeId', 9007199254740993n],
      ['teamId', 1n],
      ['listId', 6],
      ['callbackUrl', 'https://hooks.example.com/calls'],
      ['limit', 100],
      ['events', ['updated']],
      ['secret', 'whsec_x'],
    ]);
  });

  it.each([
    [
      'a success',
      { statusCode: 200, error: null, success: true },
      { time: '2026-11-26 21:05:14', events: 2, success: true, statusCode: 200, durationMs: 31 },
    ],
    [
      'a failure with an answer',
      { statusCode: 503, error: 'HTTP 503', success: false },
      { time: '2026-11-26 21:05:14', events: 2, success: false, statusCode: 503, error: 'HTTP 503', durationMs: 31 },
    ],
    [
      'a failure without one',
      { statusCode: null, error: 'no answer within 10000 ms', success: false },
      { time: '2026-11-26 21:05:14', events: 2, success: false, error: 'no answer within 10000 ms', durationMs: 31 },
    ],
  ])('answers %s attempt with the fields it has, in order', (_, outcome, expected) => {
    const dto = toDeliveryDto({
      attemptedMs: Date.UTC(2026, 10, 26, 21, 5, 14, 999),
      eventCount: 2,
      durationMs: 31,
      ...outcome,
    });
    expect(Object.entries(dto)).toEqual(Object.entries(expected));
  });
});
