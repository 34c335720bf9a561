import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyCallback } from '../../src/webhooks/signature';
import { WebhookDeliveryWorker } from '../../src/webhooks/webhook-delivery.worker';
import { WebhookEventEntity } from '../../src/webhooks/webhook-event.entity';
import { WebhookSubscriptionEntity } from '../../src/webhooks/webhook-subscription.entity';
import { USERS } from '../support/demo';
import { Receiver } from '../support/receiver';
import { createTestApp, type TestApp } from '../support/test-app';

const FAST = {
  WEBHOOK_ALLOW_LOOPBACK_HTTP: 'true',
  WEBHOOK_RETRY_BASE_MS: '40',
  WEBHOOK_TIMEOUT_MS: '400',
  WEBHOOK_LEASE_MS: '1000',
};
const DAY = 24 * 3_600_000;

/** A loopback port nothing listens on: a connection to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('webhook ping and redelivery', () => {
  let t: TestApp;
  let receiver: Receiver;
  let worker: WebhookDeliveryWorker;

  beforeAll(async () => {
    receiver = await new Receiver().start();
    t = await createTestApp(FAST);
    worker = t.app.get(WebhookDeliveryWorker);
  });

  afterAll(async () => {
    await t.close();
    await receiver.stop();
  });

  beforeEach(() => {
    receiver.callbacks.length = 0;
    receiver.answers.length = 0;
  });

  const as = (userId: string) => `Bearer ${t.token(userId)}`;
  const subscribe = async (callbackUrl: string, userId: string = USERS.agent, limit = 100) => {
    const res = await t
      .http()
      .post('/v1.0/webhook')
      .set('Authorization', as(userId))
      .send({ listId: 6, callbackUrl, limit });
    expect(res.status).toBe(200);
    return { id: String(res.body.subscribeId), secret: res.body.secret as string };
  };
  const unsubscribe = (id: string, userId: string = USERS.agent) =>
    t.http().delete(`/v1.0/webhook/${id}`).set('Authorization', as(userId));
  const ping = (id: string, userId: string = USERS.agent) =>
    t.http().post(`/v1.0/webhook/${id}/ping`).set('Authorization', as(userId));
  const redeliver = (id: string, body: unknown, userId: string = USERS.agent) =>
    t
      .http()
      .post(`/v1.0/webhook/${id}/redeliver`)
      .set('Authorization', as(userId))
      .send(body as object);
  const report = (id: string) => t.http().get(`/v1.0/webhook/${id}/deliveries`).set('Authorization', as(USERS.agent));
  const logCalls = async (count: number): Promise<void> => {
    for (let i = 0; i < count; i++) {
      const res = await t
        .http()
        .post('/v1.0/logType')
        .set('Authorization', as(USERS.agent))
        .send({ leadId: 100001, logType: 'logCall', content: `Call ${i}` });
      expect(res.status).toBe(200);
    }
  };
  /** The eventIds a path received, in order, as exact decimal strings (read from the raw bodies). */
  const receivedEventIds = (path: string): string[] =>
    receiver.callbacks
      .filter((c) => c.path === path)
      .flatMap((c) => [...c.body.matchAll(/"eventId":(\d+)/g)].map((m) => m[1]));
  const subscriptionRow = (id: string) => t.dataSource.getRepository(WebhookSubscriptionEntity).findOneByOrFail({ id });

  describe('ping', () => {
    it('sends a signed ping callback, distinct from a Call callback, and answers how it went', async () => {
      const { id, secret } = await subscribe(receiver.url('/ping-ok'));
      const res = await ping(id);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        subscribeId: Number(id),
        eventId: expect.any(Number) as number,
        delivered: true,
        outcome: 'DELIVERED',
        statusCode: 200,
        durationMs: expect.any(Number) as number,
      });
      const [callback] = receiver.callbacks;
      expect(receiver.callbacks).toHaveLength(1);
      expect(callback.path).toBe('/ping-ok');
      const verified = verifyCallback(
        secret,
        {
          timestamp: callback.headers['x-webhook-timestamp'] as string,
          signature: callback.headers['x-webhook-signature'] as string,
        },
        callback.body,
      );
      expect(verified).toBe(true);
      expect(callback.headers['x-webhook-delivery']).toMatch(/^\d+$/);
      expect(callback.body).toMatch(
        new RegExp(
          `^\\{"teamId":1,"listId":6,"ping":\\{"subscribeId":${id},"eventId":\\d+,` +
            '"sentAt":"\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"\\}\\}$',
        ),
      );
      expect(callback.body).not.toContain('createdCall');
      expect(callback.body).toContain(`"eventId":${res.text.match(/"eventId":(\d+)/)?.[1]}`);
      await unsubscribe(id);
    });

    it('tells a 500, a timeout and a refused connection, leaving the subscription as it was', async () => {
      const { id } = await subscribe(receiver.url('/ping-failing'));
      const before = await report(id);
      receiver.answers.push({ status: 500 }, 'hang');
      const failed = await ping(id);
      expect(failed.status).toBe(200);
      expect(failed.body).toMatchObject({
        delivered: false,
        outcome: 'HTTP_STATUS',
        statusCode: 500,
        error: 'HTTP 500',
      });
      const timedOut = await ping(id);
      expect(timedOut.status).toBe(200);
      expect(timedOut.body).toMatchObject({
        delivered: false,
        outcome: 'TIMEOUT',
        error: 'no answer within 400 ms',
      });
      expect(timedOut.body).not.toHaveProperty('statusCode');
      expect(timedOut.body.durationMs).toBeGreaterThanOrEqual(390);

      const refused = await subscribe(`http://127.0.0.1:${await closedPort()}/gone`);
      const noConnection = await ping(refused.id);
      expect(noConnection.body).toMatchObject({ delivered: false, outcome: 'CONNECTION' });
      expect(noConnection.body.error).toMatch(/ECONNREFUSED/);

      expect((await report(id)).body).toEqual(before.body);
      expect((await report(id)).body).toMatchObject({ failedDeliveries24h: 0, recentDeliveries: [] });
      expect(await subscriptionRow(id)).toMatchObject({ status: 'ACTIVE', failingSinceMs: null });
      expect(await subscriptionRow(refused.id)).toMatchObject({ status: 'ACTIVE', failingSinceMs: null });
      await unsubscribe(id);
      await unsubscribe(refused.id);
    });

    it('obeys the target policy of deliveries: a URL that became unsafe is refused, not connected to', async () => {
      const { id } = await subscribe(receiver.url('/ping-policy'));
      // Stored before a policy change: a private address is never connected to.
      await t.dataSource
        .getRepository(WebhookSubscriptionEntity)
        .update({ id }, { callbackUrl: 'https://10.0.0.7/hooks' });
      const res = await ping(id);
      expect(res.body).toMatchObject({
        delivered: false,
        outcome: 'TARGET_REFUSED',
        error: 'refused target: callbackUrl: 10.0.0.7 is not a public address',
      });
      expect(receiver.callbacks).toEqual([]);
      await unsubscribe(id);
    });
  });

  describe('redeliver', () => {
    it('sends the named events again with their original eventIds, once each, in batches of the limit', async () => {
      const { id } = await subscribe(receiver.url('/again-ids'), USERS.agent, 2);
      await logCalls(3);
      await worker.runOnce();
      const original = receivedEventIds('/again-ids');
      expect(original).toHaveLength(3);
      receiver.callbacks.length = 0;

      const res = await redeliver(id, { eventIds: [original[2], Number(original[0]), '424242'] });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ subscribeId: Number(id), status: 'ACTIVE', queued: 2, notFound: [424242] });
      await worker.runOnce();
      expect(receivedEventIds('/again-ids')).toEqual([original[0], original[2]]);
      expect(await worker.runOnce()).toBe(0);

      // Again: a delivered event is sent again at each call; one still waiting is not queued twice.
      receiver.callbacks.length = 0;
      await redeliver(id, { eventIds: [original[1]] });
      await redeliver(id, { eventIds: [original[1]] });
      await worker.runOnce();
      expect(receivedEventIds('/again-ids')).toEqual([original[1]]);
      await unsubscribe(id);
    });

    it('sends every event since a time again, and none older than 7 days', async () => {
      const { id } = await subscribe(receiver.url('/again-since'));
      await logCalls(3);
      await worker.runOnce();
      const original = receivedEventIds('/again-since');
      receiver.callbacks.length = 0;
      const events = t.dataSource.getRepository(WebhookEventEntity);
      const now = Date.now();
      await events.update({ subscriptionId: id, eventId: original[0] }, { createdMs: String(now - 7 * DAY - 60_000) });
      await events.update({ subscriptionId: id, eventId: original[1] }, { createdMs: String(now - 2 * DAY) });

      const since = await redeliver(id, { since: now - DAY });
      expect(since.body).toMatchObject({ queued: 1, notFound: [] });
      await worker.runOnce();
      expect(receivedEventIds('/again-since')).toEqual([original[2]]);

      receiver.callbacks.length = 0;
      expect((await redeliver(id, { since: 0 })).body).toMatchObject({ queued: 2 });
      await worker.runOnce();
      expect(receivedEventIds('/again-since')).toEqual([original[1], original[2]]);

      receiver.callbacks.length = 0;
      const tooOld = await redeliver(id, { eventIds: [original[0]] });
      expect(tooOld.body).toMatchObject({ queued: 0, notFound: [Number(original[0])] });
      expect(await worker.runOnce()).toBe(0);
      expect(receiver.callbacks).toEqual([]);
      await unsubscribe(id);
    });

    it('holds the events of a paused subscription until it is resumed', async () => {
      const { id } = await subscribe(receiver.url('/again-paused'));
      await logCalls(1);
      await worker.runOnce();
      const [eventId] = receivedEventIds('/again-paused');
      receiver.callbacks.length = 0;
      await t.dataSource.getRepository(WebhookSubscriptionEntity).update({ id }, { status: 'PAUSED' as never });
      expect((await redeliver(id, { eventIds: [eventId] })).body).toMatchObject({ status: 'PAUSED', queued: 1 });
      expect(await worker.runOnce()).toBe(0);
      expect((await report(id)).body.backlog).toBe(1);
      await t.http().post(`/v1.0/webhook/${id}/resume`).set('Authorization', as(USERS.agent));
      await worker.runOnce();
      expect(receivedEventIds('/again-paused')).toEqual([eventId]);
      await unsubscribe(id);
    });

    it('refuses a bad body, naming the field', async () => {
      const { id } = await subscribe(receiver.url('/again-bad'));
      const cases: [unknown, string, RegExp][] = [
        [{}, 'MISSING_PARAMETER', /eventIds or since is required/],
        [{ eventIds: [1], since: 0 }, 'INVALID_PARAMETER', /Give eventIds or since, not both/],
        [{ eventIds: [] }, 'INVALID_PARAMETER', /^eventIds /],
        [{ eventIds: Array.from({ length: 1001 }, (_, i) => i + 1) }, 'INVALID_PARAMETER', /^eventIds /],
        [{ eventIds: [1, 'x'] }, 'INVALID_PARAMETER', /^eventIds\[1\] /],
        [{ eventIds: '1' }, 'INVALID_PARAMETER', /^eventIds /],
        [{ since: -1 }, 'INVALID_PARAMETER', /^since /],
        [{ since: '2026-01-01' }, 'INVALID_PARAMETER', /^since /],
      ];
      for (const [body, code, message] of cases) {
        const res = await redeliver(id, body);
        expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status: 400, code });
        expect(res.body.message).toMatch(message);
      }
      const most = await redeliver(id, { eventIds: Array.from({ length: 1000 }, (_, i) => i + 1) });
      expect(most.status).toBe(200);
      expect(most.body).toMatchObject({ queued: 0 });
      expect(most.body.notFound).toHaveLength(1000);
      await unsubscribe(id);
    });
  });

  it('denies another user’s subscription exactly as DELETE does, sending and queuing nothing', async () => {
    const theirs = await subscribe(receiver.url('/theirs'), USERS.admin);
    await logCalls(1);
    await worker.runOnce();
    expect(receivedEventIds('/theirs')).toHaveLength(1);
    receiver.callbacks.length = 0;
    const denied = await unsubscribe(theirs.id);
    expect(denied.body.code).toBe('PERMISSION_DENIED');
    for (const res of [await ping(theirs.id), await redeliver(theirs.id, { since: 0 })]) {
      expect(res.status).toBe(denied.status);
      expect(res.text).toBe(denied.text);
    }
    await worker.runOnce();
    expect(receiver.callbacks).toEqual([]);
    const missing = await ping('9223372036854775807');
    expect(missing.text).toBe(denied.text);
    await unsubscribe(theirs.id, USERS.admin);
  });
});
