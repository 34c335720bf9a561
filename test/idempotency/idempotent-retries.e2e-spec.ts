import type { Response } from 'supertest';
import type { DataSource } from 'typeorm';
import { buildOpenApiDocument } from '../../src/app.setup';
import { CommunicationEntity } from '../../src/calls/communication.entity';
import { DialerCallRecordEntity } from '../../src/calls/dialer-call-record.entity';
import { Clock } from '../../src/common/clock';
import { IdempotencyPurge } from '../../src/idempotency/idempotency-purge.worker';
import { IdempotencyKeyEntity } from '../../src/idempotency/idempotency-key.entity';
import { keyHash } from '../../src/idempotency/idempotency-key';
import { KEEP_MS } from '../../src/idempotency/idempotency.service';
import { LeadEntity } from '../../src/leads/lead.entity';
import { CallEventsOutbox } from '../../src/webhooks/call-events.outbox';
import { WebhookEventEntity } from '../../src/webhooks/webhook-event.entity';
import { WebhookSubscriptionEntity } from '../../src/webhooks/webhook-subscription.entity';
import { USERS } from '../support/demo';
import { Factory, freshId } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The next transaction commits, and the acknowledgement of its commit is lost: the service sees the
 * connection fail, as when the database or the network goes down right after the COMMIT reached it.
 */
function loseNextCommitAcknowledgement(dataSource: DataSource): void {
  const createQueryRunner = dataSource.createQueryRunner.bind(dataSource);
  let lost = false;
  const spy = jest.spyOn(dataSource, 'createQueryRunner').mockImplementation((mode) => {
    const runner = createQueryRunner(mode);
    const commit = runner.commitTransaction.bind(runner);
    runner.commitTransaction = async () => {
      await commit();
      if (lost) return;
      lost = true;
      spy.mockRestore();
      throw Object.assign(new Error('Connection lost: The server closed the connection.'), {
        code: 'PROTOCOL_CONNECTION_LOST',
      });
    };
    return runner;
  });
}

describe('Idempotency-Key on the routes that create something', () => {
  let t: TestApp;
  let factory: Factory;
  let dialerToken: string;
  /** The agent's subscription: every Call event of the demo lead 100001 goes to it. */
  let subscriptionId: string;
  /** The service's log lines, kept here: a test that breaks a write on purpose checks its line, not the console. */
  const logLines: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(
      { WEBHOOK_ALLOW_LOOPBACK_HTTP: 'true', CORS_ORIGINS: 'https://crm.example.com' },
      { logDestination: { write: (line: string) => logLines.push(line) } },
    );
    factory = new Factory(t.dataSource);
    const client = await factory.client(USERS.agent, ['dialer:write']);
    dialerToken = t.token(USERS.agent, { clientId: client.clientId, scopes: ['dialer:write'] });
    const subscribed = await t
      .http()
      .post('/v1.0/webhook')
      .set('Authorization', `Bearer ${t.token(USERS.agent)}`)
      .send({ listId: 6, callbackUrl: 'http://127.0.0.1:9/events' });
    expect(subscribed.status).toBe(200);
    subscriptionId = String(subscribed.body.subscribeId);
  });

  afterAll(async () => {
    await t.close();
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  let keys = 0;
  /** A key of its own for each test. */
  const newKey = () => `key-${Date.now().toString(36)}-${(keys += 1)}`;
  const events = () => t.dataSource.getRepository(WebhookEventEntity).countBy({ subscriptionId });
  const storedKeys = () => t.dataSource.getRepository(IdempotencyKeyEntity).count();

  interface Creating {
    path: string;
    /** The status of an answer that wrote. */
    status: number;
    token: () => string;
    /** A valid body for a new record. */
    body: () => Record<string, unknown>;
    /** What the route writes, counted. */
    written: () => Promise<Record<string, number>>;
    /** What one request that writes adds to those counts. */
    oneWrite: Record<string, number>;
  }

  const ROUTES: Record<string, Creating> = {
    'POST /v1.0/logType': {
      path: '/v1.0/logType',
      status: 200,
      token: () => t.token(USERS.agent),
      body: () => ({
        leadId: 100001,
        logType: 'logCall',
        content: `Call ${freshId()}`,
        callingOutcome: 'VoiceMessage',
      }),
      written: async () => ({
        logs: await t.dataSource.getRepository(CommunicationEntity).count(),
        events: await events(),
      }),
      oneWrite: { logs: 1, events: 1 },
    },
    'POST /v1.0/leads': {
      path: '/v1.0/leads',
      status: 201,
      token: () => t.token(USERS.agent),
      body: () => ({ firstName: 'Maya', lastName: `Brooks ${freshId()}`, phoneNumber: '+14155550142' }),
      written: async () => ({ leads: await t.dataSource.getRepository(LeadEntity).count() }),
      oneWrite: { leads: 1 },
    },
    'POST /v1.0/webhook': {
      path: '/v1.0/webhook',
      status: 200,
      token: () => t.token(USERS.owner),
      body: () => ({ listId: 6, callbackUrl: `http://127.0.0.1:9/${freshId()}`, limit: 10 }),
      written: async () => ({ subscriptions: await t.dataSource.getRepository(WebhookSubscriptionEntity).count() }),
      oneWrite: { subscriptions: 1 },
    },
    'POST /v1.0/dialer/calls': {
      path: '/v1.0/dialer/calls',
      status: 201,
      token: () => dialerToken,
      body: () => ({
        dialerCallRecordId: freshId(),
        communicationType: 'MANUAL',
        leadId: 100001,
        userId: 100234,
        direction: 'Outbound',
        status: 'Completed',
        startTime: '2026-05-02 14:00:00',
        duration: 225,
        recordingSwitch: true,
        isMachineAnswered: false,
        price: 0.0125,
      }),
      written: async () => ({
        dialer: await t.dataSource.getRepository(DialerCallRecordEntity).count(),
        calls: await t.dataSource.getRepository(CommunicationEntity).count(),
        events: await events(),
      }),
      oneWrite: { dialer: 1, calls: 1, events: 1 },
    },
  };

  const send = (route: Creating, body: object, key?: string, token = route.token()) => {
    const req = t.http().post(route.path).set('Authorization', `Bearer ${token}`);
    return (key === undefined ? req : req.set('Idempotency-Key', key)).send(body);
  };
  const replayed = (res: Response) => res.headers['idempotent-replayed'] as string | undefined;
  /** How much each count grew. */
  const growth = (before: Record<string, number>, after: Record<string, number>) =>
    Object.fromEntries(Object.entries(after).map(([name, count]) => [name, count - before[name]]));

  describe.each(Object.entries(ROUTES))('%s', (_, route) => {
    it('replays a retry after a commit whose acknowledgement was lost: one write, the answer of that write', async () => {
      const body = route.body();
      const key = newKey();
      const before = await route.written();
      loseNextCommitAcknowledgement(t.dataSource);
      const lost = await send(route, body, key);
      expect(lost.status).toBe(503);
      expect(lost.body.code).toBe('SERVICE_UNAVAILABLE');
      expect(growth(before, await route.written())).toEqual(route.oneWrite);

      const retry = await send(route, body, key);
      expect(retry.status).toBe(route.status);
      expect(replayed(retry)).toBe('true');
      expect(retry.headers['content-type']).toBe('application/json; charset=utf-8');
      const again = await send(route, body, key);
      expect(again.text).toBe(retry.text);
      expect(growth(before, await route.written())).toEqual(route.oneWrite);
    });

    it('answers a retry with the same status and body, marked as a replay, writing nothing', async () => {
      const body = route.body();
      const key = newKey();
      const first = await send(route, body, key);
      expect(first.status).toBe(route.status);
      expect(replayed(first)).toBeUndefined();
      const written = await route.written();
      const retry = await send(route, body, key);
      expect({ status: retry.status, text: retry.text, location: retry.headers.location }).toEqual({
        status: first.status,
        text: first.text,
        location: first.headers.location,
      });
      expect(replayed(retry)).toBe('true');
      expect(await route.written()).toEqual(written);
    });

    it('takes the body with its keys in another order as the same body', async () => {
      const body = route.body();
      const key = newKey();
      const first = await send(route, body, key);
      const reordered = Object.fromEntries(Object.entries(body).reverse());
      const retry = await send(route, reordered, key);
      expect(replayed(retry)).toBe('true');
      expect(retry.text).toBe(first.text);
    });

    it('refuses the same key with another body: 409 IDEMPOTENCY_KEY_REUSED, nothing written', async () => {
      const key = newKey();
      const first = await send(route, route.body(), key);
      expect(first.status).toBe(route.status);
      const written = await route.written();
      const other = await send(route, route.body(), key);
      expect(other.status).toBe(409);
      expect(other.body).toEqual({
        code: 'IDEMPOTENCY_KEY_REUSED',
        message: 'This Idempotency-Key was sent before with another request: use a new key for a new request.',
      });
      expect(await route.written()).toEqual(written);
    });

    it('writes once when requests with one key run at the same time, and answers each with that write', async () => {
      const body = route.body();
      const key = newKey();
      const before = await route.written();
      const answers = await Promise.all(Array.from({ length: 6 }, () => send(route, body, key)));
      expect(answers.map((a) => a.status)).toEqual(Array(6).fill(route.status));
      expect(new Set(answers.map((a) => a.text)).size).toBe(1);
      expect(answers.filter((a) => replayed(a) === undefined)).toHaveLength(1);
      expect(growth(before, await route.written())).toEqual(route.oneWrite);
    });
  });

  describe('POST /v1.0/dialer/calls', () => {
    const dialer = ROUTES['POST /v1.0/dialer/calls'];

    it('with a new key for a record stored before answers as without a key: 200, the stored call, no write', async () => {
      const body = dialer.body();
      const first = await send(dialer, body, newKey());
      const before = await dialer.written();
      const retry = await send(dialer, body, newKey());
      expect(retry.status).toBe(200);
      expect(replayed(retry)).toBeUndefined();
      expect(retry.text).toBe(first.text);
      expect(retry.headers.location).toBe(first.headers.location);
      expect(await dialer.written()).toEqual(before);
    });
  });

  describe('keys', () => {
    const logs = ROUTES['POST /v1.0/logType'];

    it('belong to their caller: another user, or a client of the same user, with the same key writes anew', async () => {
      const body = logs.body();
      const key = newKey();
      const client = await factory.client(USERS.agent);
      const callers = [t.token(USERS.agent), t.token(USERS.admin), t.token(USERS.agent, { clientId: client.clientId })];
      const before = await logs.written();
      const answers: Response[] = [];
      for (const token of callers) answers.push(await send(logs, body, key, token));
      expect(answers.map((a) => [a.status, replayed(a)])).toEqual([
        [200, undefined],
        [200, undefined],
        [200, undefined],
      ]);
      expect(new Set(answers.map((a) => a.body.logType.id as number)).size).toBe(3);
      expect(growth(before, await logs.written())).toEqual({ logs: 3, events: 3 });
      expect(replayed(await send(logs, body, key, callers[2]))).toBe('true');
    });

    it('are compared byte for byte: another case is another key', async () => {
      const body = logs.body();
      const first = await send(logs, body, 'Order-7-retry');
      const other = await send(logs, body, 'order-7-retry');
      expect(replayed(other)).toBeUndefined();
      expect(other.body.logType.id).not.toBe(first.body.logType.id);
    });

    it('name one request: the same key on another route is refused as reused', async () => {
      const key = newKey();
      expect((await send(logs, logs.body(), key)).status).toBe(200);
      const leads = ROUTES['POST /v1.0/leads'];
      const before = await leads.written();
      const res = await send(leads, leads.body(), key);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await leads.written()).toEqual(before);
    });

    it.each([
      ['empty', ''],
      ['longer than 255 characters', 'k'.repeat(256)],
      ['with a space', 'order 7'],
      ['with a tab', 'order\t7'],
      ['beyond ASCII', 'ordré-7'],
    ])('refuses a key %s with 400 IDEMPOTENCY_KEY_INVALID, writing nothing', async (_, key) => {
      const before = await logs.written();
      const keysBefore = await storedKeys();
      const res = await send(logs, logs.body(), key);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        code: 'IDEMPOTENCY_KEY_INVALID',
        message: 'Idempotency-Key must be 1 to 255 visible ASCII characters, without spaces.',
      });
      expect(await logs.written()).toEqual(before);
      expect(await storedKeys()).toBe(keysBefore);
    });

    it('refuses the header sent twice', async () => {
      const res = await t
        .http()
        .post('/v1.0/logType')
        .set('Authorization', `Bearer ${logs.token()}`)
        // Two header lines (superagent passes an array on to Node's setHeader), which Node joins as "a, b".
        .set('Idempotency-Key', ['a', 'b'] as unknown as string)
        .send(logs.body());
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('IDEMPOTENCY_KEY_INVALID');
    });

    it('takes 255 visible ASCII characters, every one of them', async () => {
      const visible = Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCharCode(0x21 + i)).join('');
      const key = (visible + visible + visible).slice(0, 255);
      const body = logs.body();
      const first = await send(logs, body, key);
      expect(first.status).toBe(200);
      expect(replayed(await send(logs, body, key))).toBe('true');
    });
  });

  describe('what is stored', () => {
    const logs = ROUTES['POST /v1.0/logType'];

    it('not a refused request: corrected, it is sent again with its key and written', async () => {
      const key = newKey();
      const refused = await send(logs, { ...logs.body(), logType: 'logcall' }, key);
      expect(refused.status).toBe(400);
      const before = await logs.written();
      const corrected = await send(logs, logs.body(), key);
      expect(corrected.status).toBe(200);
      expect(replayed(corrected)).toBeUndefined();
      expect(await logs.written()).not.toEqual(before);
    });

    it('not a write that failed and was rolled back: the retry writes', async () => {
      const key = newKey();
      const body = logs.body();
      const before = await logs.written();
      // The log and the key are written, then the event fails: all of it is rolled back.
      jest.spyOn(t.app.get(CallEventsOutbox), 'record').mockRejectedValueOnce(new Error('the outbox broke down'));
      logLines.length = 0;
      expect((await send(logs, body, key)).status).toBe(500);
      expect(logLines.map((line) => JSON.parse(line) as { level: string; msg: string })).toEqual([
        expect.objectContaining({ level: 'error', msg: expect.stringContaining('Error: the outbox broke down') }),
      ]);
      expect(await logs.written()).toEqual(before);
      const retry = await send(logs, body, key);
      expect(retry.status).toBe(200);
      expect(replayed(retry)).toBeUndefined();
      expect(growth(before, await logs.written())).toEqual(logs.oneWrite);
    });

    it('the answer as it was sent, under the caller and the route', async () => {
      const key = newKey();
      const first = await send(logs, logs.body(), key);
      const rows: unknown[] = await t.dataSource.query(
        'SELECT response_body, route, caller FROM idempotency_keys WHERE key_hash = ?',
        [keyHash(`user:${USERS.agent}`, key)],
      );
      expect(rows).toEqual([{ response_body: first.text, route: 'POST /v1.0/logType', caller: `user:${USERS.agent}` }]);
    });

    it('no request without a key: two of them write twice', async () => {
      const body = logs.body();
      const before = await logs.written();
      const keysBefore = await storedKeys();
      await send(logs, body);
      await send(logs, body);
      expect(growth(before, await logs.written())).toEqual({ logs: 2, events: 2 });
      expect(await storedKeys()).toBe(keysBefore);
    });
  });

  it('is documented on every route that creates something, and on no other', () => {
    const doc = buildOpenApiDocument(t.app) as unknown as {
      paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) =>
          (operation.parameters ?? []).some((p) => p.in === 'header' && p.name === 'Idempotency-Key'),
        )
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it('may be sent by a browser of an allowed origin, which may read the replay header', async () => {
    const preflight = await t
      .http()
      .options('/v1.0/logType')
      .set('Origin', 'https://crm.example.com')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization,content-type,idempotency-key');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-headers']).toContain('Idempotency-Key');
    const logged = await t
      .http()
      .post('/v1.0/logType')
      .set('Origin', 'https://crm.example.com')
      .set('Authorization', `Bearer ${t.token(USERS.agent)}`)
      .set('Idempotency-Key', newKey())
      .send(ROUTES['POST /v1.0/logType'].body());
    expect(logged.status).toBe(200);
    expect(logged.headers['access-control-expose-headers']).toContain('Idempotent-Replayed');
  });

  describe('after 24 h', () => {
    const logs = ROUTES['POST /v1.0/logType'];

    it('the key is forgotten: the same request with it is a new request', async () => {
      const key = newKey();
      const body = logs.body();
      const first = await send(logs, body, key);
      jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(Date.now() + KEEP_MS + 1000);
      const later = await send(logs, body, key);
      expect(later.status).toBe(200);
      expect(replayed(later)).toBeUndefined();
      expect(later.body.logType.id).not.toBe(first.body.logType.id);
      expect(replayed(await send(logs, body, key))).toBe('true');
    });

    it('the purge deletes the expired keys, in batches, and keeps the others', async () => {
      const now = Date.now();
      const fresh = await storedKeys();
      const expired = Array.from(
        { length: 1_234 },
        (_, i) =>
          `('expired-${i}', 'user:1', 'POST /v1.0/leads', 'f', 201, '{}', NULL, ${now - KEEP_MS - i}, ${now - i})`,
      );
      for (let start = 0; start < expired.length; start += 400) {
        await t.dataSource.query(
          'INSERT INTO idempotency_keys (key_hash, caller, route, fingerprint, status_code, response_body, location, ' +
            `created_ms, expires_ms) VALUES ${expired.slice(start, start + 400).join(', ')}`,
        );
      }
      expect(await storedKeys()).toBe(fresh + 1_234);
      await t.app.get(IdempotencyPurge).runOnce();
      expect(await storedKeys()).toBe(fresh);
    });
  });
});
