import { Clock } from '../../src/common/clock';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyCallback } from '../../src/webhooks/signature';
import { WebhookDeliveryWorker } from '../../src/webhooks/webhook-delivery.worker';
import type { DeliveryReportDto } from '../../src/webhooks/dto/webhook.dto';
import { EventStatus, WebhookEventEntity } from '../../src/webhooks/webhook-event.entity';
import { WebhookSubscriptionEntity } from '../../src/webhooks/webhook-subscription.entity';
import { USERS } from '../support/demo';
import { fakeDns } from '../support/fake-dns';
import { Receiver } from '../support/receiver';
import { testEngine } from '../support/test-database';
import { createTestApp, type TestApp } from '../support/test-app';

const FAST = {
  WEBHOOK_ALLOW_LOOPBACK_HTTP: 'true',
  WEBHOOK_RETRY_BASE_MS: '40',
  WEBHOOK_TIMEOUT_MS: '400',
  WEBHOOK_LEASE_MS: '1000',
};
const HOUR = 3_600_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The delivery worker, one round at a time (its loop is off in these suites). */
describe('webhook delivery', () => {
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
  const subscribe = async (pathName: string, limit = 100): Promise<string> => {
    const res = await t
      .http()
      .post('/v1.0/webhook')
      .set('Authorization', as(USERS.agent))
      .send({ listId: 6, callbackUrl: receiver.url(pathName), limit });
    return String(res.body.subscribeId);
  };
  const unsubscribe = (id: string) => t.http().delete(`/v1.0/webhook/${id}`).set('Authorization', as(USERS.agent));
  const logCalls = async (count: number): Promise<number[]> => {
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      const res = await t
        .http()
        .post('/v1.0/logType')
        .set('Authorization', as(USERS.agent))
        .send({ leadId: 100001, logType: 'logCall', content: `Call ${i}` });
      ids.push(res.body.logType.id as number);
    }
    return ids;
  };
  const report = (id: string) => t.http().get(`/v1.0/webhook/${id}/deliveries`).set('Authorization', as(USERS.agent));
  const events = (subscriptionId: string) =>
    t.dataSource.getRepository(WebhookEventEntity).find({ where: { subscriptionId }, order: { id: 'ASC' } });

  it('sends the events of a subscription in order, in batches of its limit', async () => {
    const id = await subscribe('/batches', 2);
    const calls = await logCalls(5);
    expect(await worker.runOnce()).toBe(5);
    const bodies = receiver.callbacks.filter((c) => c.path === '/batches');
    expect(bodies.map((c) => (JSON.parse(c.body) as { createdCall: unknown[] }).createdCall.length)).toEqual([2, 2, 1]);
    expect(receiver.events('/batches').map((e) => e.timelineId)).toEqual(calls);
    expect((await events(id)).map((e) => e.status)).toEqual(Array(5).fill(EventStatus.Sent));
    expect(await worker.runOnce()).toBe(0);
    await unsubscribe(id);
  });

  it('sends updates to the subscriptions that ask for them, in updatedCall, signed, with the update time', async () => {
    const both = await t
      .http()
      .post('/v1.0/webhook')
      .set('Authorization', as(USERS.agent))
      .send({ listId: 6, callbackUrl: receiver.url('/updates'), events: ['created', 'updated'] });
    const createdOnly = await subscribe('/creations');
    const [id] = await logCalls(1);
    await worker.runOnce();
    const edit = await t
      .http()
      .patch(`/v2.0/communication/call/${id}`)
      .set('Authorization', as(USERS.agent))
      .send({ note: 'Edited.' });
    expect(edit.status).toBe(200);
    await worker.runOnce();
    const bodies = receiver.callbacks.filter((c) => c.path === '/updates').map((c) => JSON.parse(c.body) as object);
    const created = bodies[0] as { createdCall: { eventId: number }[] };
    expect(bodies).toEqual([
      { teamId: 1, listId: 6, createdCall: [expect.objectContaining({ timelineId: id, communicationType: 'LOGGED' })] },
      {
        teamId: 1,
        listId: 6,
        createdCall: [],
        updatedCall: [
          {
            eventId: expect.any(Number) as number,
            timelineId: id,
            callId: id,
            communicationType: 'LOGGED',
            leadId: 100001,
            agentId: 100234,
            updateTime: edit.body.updateTime as string,
          },
        ],
      },
    ]);
    const update = (bodies[1] as { updatedCall: { eventId: number }[] }).updatedCall[0];
    expect(update.eventId).not.toBe(created.createdCall[0].eventId);
    const [callback] = receiver.callbacks.filter((c) => c.path === '/updates').slice(1);
    const secret = both.body.secret as string;
    expect(
      verifyCallback(
        secret,
        {
          timestamp: callback.headers[TIMESTAMP_HEADER.toLowerCase()] as string,
          signature: callback.headers[SIGNATURE_HEADER.toLowerCase()] as string,
        },
        callback.body,
        Math.floor(Date.now() / 1000),
      ),
    ).toBe(true);
    // A subscription of creations only hears of the creation, not of the edit.
    expect(receiver.callbacks.filter((c) => c.path === '/creations').map((c) => c.body)).toHaveLength(1);
    expect(receiver.events('/creations').map((e) => e.timelineId)).toEqual([id]);
    await unsubscribe(String(both.body.subscribeId));
    await unsubscribe(createdOnly);
  });

  it('serves every subscription each round: a backlog waits its turn, five batches a round', async () => {
    const busy = await subscribe('/busy', 1);
    await logCalls(12);
    const quiet = await subscribe('/quiet', 1);
    await logCalls(1);
    expect(await worker.runOnce()).toBe(6);
    expect(receiver.events('/busy')).toHaveLength(5);
    expect(receiver.events('/quiet')).toHaveLength(1);
    expect(await worker.runOnce()).toBe(5);
    expect(await worker.runOnce()).toBe(3);
    expect(receiver.events('/busy')).toHaveLength(13);
    expect(await worker.runOnce()).toBe(0);
    await unsubscribe(busy);
    await unsubscribe(quiet);
  });

  it('goes on with the other subscriptions when one is deleted during its delivery', async () => {
    const gone = await subscribe('/gone');
    const kept = await subscribe('/kept');
    await logCalls(1);
    // The callback of the first is answered after its subscription is deleted.
    receiver.onCallback = async (path) => {
      if (path === '/gone') await unsubscribe(gone);
    };
    try {
      expect(await worker.runOnce()).toBe(2);
    } finally {
      receiver.onCallback = undefined;
    }
    expect(receiver.events('/kept')).toHaveLength(1);
    expect((await events(kept)).map((e) => e.status)).toEqual([EventStatus.Sent]);
    expect(await events(gone)).toEqual([]);
    await unsubscribe(kept);
  });

  it('retries after a 500, with backoff, and delivers', async () => {
    const id = await subscribe('/retry-500');
    await logCalls(1);
    receiver.answers.push({ status: 500 });
    await worker.runOnce();
    const [failed] = await events(id);
    expect(failed).toMatchObject({ status: EventStatus.Pending, attempts: 1, lastError: 'HTTP 500' });
    expect(Number(failed.nextAttemptMs)).toBeGreaterThan(Number(failed.firstAttemptMs));
    expect(await worker.runOnce()).toBe(0); // not due yet
    await sleep(100);
    await worker.runOnce();
    const [sent] = await events(id);
    expect(sent).toMatchObject({ status: EventStatus.Sent, attempts: 2, lastError: null });
    expect(receiver.callbacks.filter((c) => c.path === '/retry-500')).toHaveLength(2);
    expect(receiver.events('/retry-500')[0].eventId).toBe(receiver.events('/retry-500')[1].eventId);

    const seen = (await report(id)).body as DeliveryReportDto;
    expect(seen).toMatchObject({ backlog: 0, failedEvents: 0, failedDeliveries24h: 1 });
    expect(seen.recentDeliveries.map((d) => [d.success, d.statusCode])).toEqual([
      [true, 200],
      [false, 500],
    ]);
    await unsubscribe(id);
  });

  it('retries after a timeout', async () => {
    const id = await subscribe('/retry-timeout');
    await logCalls(1);
    receiver.answers.push({ status: 200, delayMs: 1000 });
    await worker.runOnce();
    expect((await events(id))[0]).toMatchObject({ status: EventStatus.Pending, lastError: 'no answer within 400 ms' });
    await sleep(100);
    await worker.runOnce();
    expect((await events(id))[0].status).toBe(EventStatus.Sent);
    await unsubscribe(id);
  });

  it('does not follow a redirect', async () => {
    const id = await subscribe('/redirect');
    await logCalls(1);
    receiver.answers.push({ status: 302 });
    await worker.runOnce();
    expect((await events(id))[0]).toMatchObject({ status: EventStatus.Pending, lastError: 'redirect not followed' });
    await unsubscribe(id);
  });

  it('pauses a subscription that failed for a day, holds its events, and sends them when resumed', async () => {
    const clock = t.app.get(Clock);
    const id = await subscribe('/down');
    await logCalls(2);
    const start = Date.now();
    const now = jest.spyOn(clock, 'now');
    try {
      receiver.answers.push({ status: 503 }, { status: 503 });
      now.mockReturnValue(start);
      await worker.runOnce();
      now.mockReturnValue(start + 24 * HOUR + 1000);
      await worker.runOnce();
      const paused = (await report(id)).body;
      expect(paused.webhook.status).toBe('PAUSED');
      expect(paused.webhook.pausedReason).toMatch(/^Every delivery failed since .+; the last one: HTTP 503$/);
      expect(paused.backlog).toBe(2);
      expect((await events(id)).map((e) => e.status)).toEqual([EventStatus.Held, EventStatus.Held]);
      now.mockReturnValue(start + 25 * HOUR);
      expect(await worker.runOnce()).toBe(0); // held, not sent
      // a new event of a paused subscription waits too
      await logCalls(1);
      expect((await events(id)).map((e) => e.status)).toEqual(Array(3).fill(EventStatus.Held));

      const resumed = await t.http().post(`/v1.0/webhook/${id}/resume`).set('Authorization', as(USERS.agent));
      expect(resumed.body.status).toBe('ACTIVE');
      await worker.runOnce();
      expect((await events(id)).map((e) => e.status)).toEqual(Array(3).fill(EventStatus.Sent));
      expect((await report(id)).body.webhook).not.toHaveProperty('pausedReason');
    } finally {
      now.mockRestore();
      await unsubscribe(id);
    }
  });

  it('gives an event up once it has failed for the whole retry window (25 hours)', async () => {
    const id = await subscribe('/gone');
    await logCalls(1);
    const [event] = await events(id);
    await t.dataSource
      .getRepository(WebhookEventEntity)
      .update(event.id, { firstAttemptMs: String(Date.now() - 25 * HOUR - 1), attempts: 40 });
    receiver.answers.push({ status: 500 });
    await worker.runOnce();
    expect((await events(id))[0]).toMatchObject({ status: EventStatus.Dead, attempts: 41 });
    expect((await report(id)).body).toMatchObject({ failedEvents: 1, backlog: 0 });
    await unsubscribe(id);
  });

  it('refuses at delivery a target that is not allowed any more (checked at every attempt)', async () => {
    const id = await subscribe('/moved');
    await t.dataSource
      .getRepository(WebhookSubscriptionEntity)
      .update(id, { callbackUrl: 'https://169.254.169.254/latest/meta-data' });
    await logCalls(1);
    await worker.runOnce();
    expect((await events(id))[0]).toMatchObject({
      status: EventStatus.Pending,
      lastError: 'refused target: callbackUrl: 169.254.169.254 is not a public address',
    });
    await unsubscribe(id);
  });

  it('refuses at delivery a host name that resolves to a private address now, without telling which', async () => {
    const id = await subscribe('/renamed');
    await t.dataSource
      .getRepository(WebhookSubscriptionEntity)
      .update(id, { callbackUrl: 'https://hooks.rebound.test/calls' });
    const dns = fakeDns({ 'hooks.rebound.test': ['10.0.0.9'] });
    try {
      await logCalls(1);
      await worker.runOnce();
      expect((await events(id))[0]).toMatchObject({
        status: EventStatus.Pending,
        lastError: 'refused target: callbackUrl must resolve to a public address',
      });
      expect(dns).toHaveBeenCalledWith('hooks.rebound.test', expect.objectContaining({ all: true }));
      expect(JSON.stringify((await report(id)).body)).not.toContain('10.0.0.9');
    } finally {
      dns.mockRestore();
      await unsubscribe(id);
    }
  });

  it('drops the undelivered events of a deleted subscription', async () => {
    const id = await subscribe('/deleted');
    await logCalls(2);
    await unsubscribe(id);
    expect(await events(id)).toEqual([]);
    expect(await worker.runOnce()).toBe(0);
  });
});

describe('webhook delivery across a crash and a restart', () => {
  it('loses nothing: what a dead worker held goes out when its lease runs out, from the restarted service', async () => {
    const receiver = await new Receiver().start();
    const first = await createTestApp(FAST);
    try {
      const subscribed = await first
        .http()
        .post('/v1.0/webhook')
        .set('Authorization', `Bearer ${first.token(USERS.agent)}`)
        .send({ listId: 6, callbackUrl: receiver.url('/restart') });
      for (let i = 0; i < 3; i++) {
        await first
          .http()
          .post('/v1.0/logType')
          .set('Authorization', `Bearer ${first.token(USERS.agent)}`)
          .send({ leadId: 100001, logType: 'logCall', content: `Before the crash ${i}` });
      }
      // The first instance took the events and died mid-delivery: its claim stays, nothing was sent.
      const leasedUntil = Date.now() + 60_000;
      await first.dataSource
        .getRepository(WebhookEventEntity)
        .update(
          { subscriptionId: String(subscribed.body.subscribeId) },
          { leaseUntilMs: String(leasedUntil), leaseOwner: 'dead-worker' },
        );
      await first.close({ keepDatabase: true });

      const second = await createTestApp(FAST, { database: first.database });
      try {
        const worker = second.app.get(WebhookDeliveryWorker);
        expect(await worker.runOnce()).toBe(0); // still held by the dead worker
        jest.spyOn(second.app.get(Clock), 'now').mockReturnValue(leasedUntil + 1);
        expect(await worker.runOnce()).toBe(3);
        expect(receiver.events('/restart')).toHaveLength(3);
      } finally {
        await second.close();
      }
    } finally {
      await receiver.stop();
    }
  });
});

describe('webhook delivery when the service stops', () => {
  it('sends no further batch, and gives back at once what the round took and had not sent', async () => {
    const receiver = await new Receiver().start();
    const t = await createTestApp(FAST);
    try {
      const bearer = `Bearer ${t.token(USERS.agent)}`;
      const subscribed = await t
        .http()
        .post('/v1.0/webhook')
        .set('Authorization', bearer)
        .send({ listId: 6, callbackUrl: receiver.url('/stopping'), limit: 1 });
      for (let i = 0; i < 3; i++) {
        await t
          .http()
          .post('/v1.0/logType')
          .set('Authorization', bearer)
          .send({ leadId: 100001, logType: 'logCall', content: `Before the stop ${i}` });
      }
      const worker = t.app.get(WebhookDeliveryWorker);
      // The service stops while the receiver answers the round's first batch.
      let stopped: Promise<void> | undefined;
      receiver.onCallback = () => {
        stopped ??= worker.stop(5000);
        return Promise.resolve();
      };
      expect(await worker.runOnce()).toBe(3);
      await stopped;
      expect(receiver.events('/stopping')).toHaveLength(1);
      const events = await t.dataSource
        .getRepository(WebhookEventEntity)
        .find({ where: { subscriptionId: String(subscribed.body.subscribeId) }, order: { id: 'ASC' } });
      expect(events.map((e) => [e.status, e.attempts, e.leaseOwner, String(e.leaseUntilMs)])).toEqual([
        [EventStatus.Sent, 1, null, '0'],
        [EventStatus.Pending, 0, null, '0'],
        [EventStatus.Pending, 0, null, '0'],
      ]);
    } finally {
      receiver.onCallback = undefined;
      await t.close();
      await receiver.stop();
    }
  });
});

(testEngine === 'mysql' ? describe : describe.skip)('two workers on one MySQL database', () => {
  it('never send the same event twice, and send them all', async () => {
    const receiver = await new Receiver().start();
    const one = await createTestApp({ ...FAST, WEBHOOK_WORKER: 'true', WEBHOOK_POLL_MS: '20' });
    const two = await createTestApp(
      { ...FAST, WEBHOOK_WORKER: 'true', WEBHOOK_POLL_MS: '20' },
      { database: one.database },
    );
    const taken = async (spy: jest.SpyInstance) =>
      (await Promise.all(spy.mock.results.map((r) => r.value as Promise<number>))).reduce((a, b) => a + b, 0);
    const spyOne = jest.spyOn(one.app.get(WebhookDeliveryWorker), 'runOnce');
    const spyTwo = jest.spyOn(two.app.get(WebhookDeliveryWorker), 'runOnce');
    try {
      // Slow answers keep each worker busy while the other claims.
      for (let i = 0; i < 400; i++) receiver.answers.push({ status: 200, delayMs: 5 });
      const subscribe = async (app: TestApp, pathName: string) =>
        app
          .http()
          .post('/v1.0/webhook')
          .set('Authorization', `Bearer ${app.token(USERS.agent)}`)
          .send({ listId: 6, callbackUrl: receiver.url(pathName), limit: 3 });
      await subscribe(one, '/a');
      await subscribe(one, '/b');
      await subscribe(one, '/c');
      const created: number[] = [];
      for (let i = 0; i < 60; i++) {
        const app = i % 2 === 0 ? one : two;
        const res = await app
          .http()
          .post('/v1.0/logType')
          .set('Authorization', `Bearer ${app.token(USERS.agent)}`)
          .send({ leadId: 100001, logType: 'logCall', content: `Call ${i}` });
        created.push(res.body.logType.id as number);
      }
      await receiver.waitFor(() => receiver.events().length >= 180, 20_000);
      await sleep(300);
      for (const pathName of ['/a', '/b', '/c']) {
        const timelineIds = receiver.events(pathName).map((e) => e.timelineId as number);
        expect(timelineIds.sort()).toEqual([...created].sort());
        expect(new Set(receiver.events(pathName).map((e) => e.eventId)).size).toBe(60);
      }
      // both took part
      expect(await taken(spyOne)).toBeGreaterThan(0);
      expect(await taken(spyTwo)).toBeGreaterThan(0);
    } finally {
      await two.close({ keepDatabase: true });
      await one.close();
      await receiver.stop();
    }
  });

  it('claims and records the events it can take without waiting on those another transaction holds', async () => {
    const receiver = await new Receiver().start();
    const one = await createTestApp(FAST);
    const holder = one.dataSource.createQueryRunner();
    try {
      const as = `Bearer ${one.token(USERS.agent)}`;
      await one
        .http()
        .post('/v1.0/webhook')
        .set('Authorization', as)
        .send({ listId: 6, callbackUrl: receiver.url('/held'), limit: 100 });
      const calls: number[] = [];
      for (let i = 0; i < 20; i++) {
        const res = await one
          .http()
          .post('/v1.0/logType')
          .set('Authorization', as)
          .send({ leadId: 100001, logType: 'logCall', content: `Call ${i}` });
        calls.push(res.body.logType.id as number);
      }
      const [first] = await one.dataSource
        .getRepository(WebhookEventEntity)
        .find({ order: { nextAttemptMs: 'ASC', id: 'ASC' }, take: 1 });
      // Another worker's claim (or any writer) holds the first event's row until it commits.
      await holder.connect();
      await holder.startTransaction();
      await holder.query('SELECT id FROM webhook_events WHERE id = ? FOR UPDATE', [first.id]);
      // With twenty events MySQL may update a claim's rows through a scan of the table: at REPEATABLE READ it would
      // wait for the held row (and two workers would deadlock on each other's).
      const worker = one.app.get(WebhookDeliveryWorker);
      let timer: NodeJS.Timeout | undefined;
      const stalled = new Promise((resolve) => (timer = setTimeout(() => resolve('stalled'), 5_000)));
      try {
        expect(await Promise.race([worker.runOnce(), stalled])).toBe(19);
      } finally {
        clearTimeout(timer);
      }
      expect(receiver.events('/held').map((e) => e.timelineId)).toEqual(calls.slice(1));
      await holder.commitTransaction();
      expect(await worker.runOnce()).toBe(1);
      expect(receiver.events('/held').map((e) => e.timelineId)).toEqual([...calls.slice(1), calls[0]]);
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
      await one.close();
      await receiver.stop();
    }
  });

  it('never send twice when a round lasts longer than the lease: each batch renews it first', async () => {
    const receiver = await new Receiver().start();
    const env = { ...FAST, WEBHOOK_WORKER: 'true', WEBHOOK_POLL_MS: '20' };
    const one = await createTestApp({ ...env, WEBHOOK_WORKER: 'false' });
    try {
      // Each callback takes 300 ms: five batches of a round take longer than the lease of 1000 ms.
      for (let i = 0; i < 40; i++) receiver.answers.push({ status: 200, delayMs: 300 });
      await one
        .http()
        .post('/v1.0/webhook')
        .set('Authorization', `Bearer ${one.token(USERS.agent)}`)
        .send({ listId: 6, callbackUrl: receiver.url('/slow'), limit: 2 });
      for (let i = 0; i < 20; i++) {
        await one
          .http()
          .post('/v1.0/logType')
          .set('Authorization', `Bearer ${one.token(USERS.agent)}`)
          .send({ leadId: 100001, logType: 'logCall', content: `Call ${i}` });
      }
      const workers = [one.app.get(WebhookDeliveryWorker)];
      const two = await createTestApp(env, { database: one.database });
      try {
        workers.push(two.app.get(WebhookDeliveryWorker));
        workers[0].start();
        await receiver.waitFor(() => receiver.events('/slow').length >= 20, 20_000);
        await sleep(1500);
        const eventIds = receiver.events('/slow').map((e) => String(e.eventId));
        expect(eventIds).toHaveLength(20);
        expect(new Set(eventIds).size).toBe(20);
      } finally {
        await two.close({ keepDatabase: true });
      }
    } finally {
      await one.close();
      await receiver.stop();
    }
  });
});
