import { USERS } from '../support/demo';
import { fakeDns, notFound } from '../support/fake-dns';
import { createTestApp, type TestApp } from '../support/test-app';

describe('webhook subscriptions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ WEBHOOK_ALLOW_LOOPBACK_HTTP: 'true' });
  });

  afterAll(async () => {
    await t.close();
  });

  const as = (userId: string) => `Bearer ${t.token(userId)}`;
  const subscribe = (body: object, userId: string = USERS.agent) =>
    t.http().post('/v1.0/webhook').set('Authorization', as(userId)).send(body);
  const list = (userId: string = USERS.agent) => t.http().get('/v1.0/webhooks').set('Authorization', as(userId));

  it('subscribes, answering the subscription and its signing secret once', async () => {
    const res = await subscribe({ listId: 6, callbackUrl: 'http://127.0.0.1:9/hook', limit: 25 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      subscribeId: expect.any(Number) as number,
      teamId: 1,
      listId: 6,
      callbackUrl: 'http://127.0.0.1:9/hook',
      limit: 25,
      events: ['created'],
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9_-]{32}$/) as string,
    });
    const listed = await list();
    expect(listed.body.webhooks).toContainEqual({
      subscribeId: res.body.subscribeId,
      teamId: 1,
      listId: 6,
      callbackUrl: 'http://127.0.0.1:9/hook',
      limit: 25,
      events: ['created'],
      status: 'ACTIVE',
      createTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/) as string,
    });
    expect(listed.text).not.toContain(res.body.secret as string);
  });

  it('takes a limit of 100 by default', async () => {
    expect((await subscribe({ listId: 6, callbackUrl: 'http://localhost:9/a' })).body.limit).toBe(100);
  });

  it('hears of creations by default, and of what it asks for: updates, or both', async () => {
    expect((await subscribe({ listId: 6, callbackUrl: 'http://localhost:9/e' })).body.events).toEqual(['created']);
    const asked = await subscribe({ listId: 6, callbackUrl: 'http://localhost:9/e', events: ['updated', 'created'] });
    expect(asked.body.events).toEqual(['created', 'updated']);
    const updates = await subscribe({ listId: 6, callbackUrl: 'http://localhost:9/e', events: ['updated'] });
    expect(updates.body.events).toEqual(['updated']);
    const listed = (await list()).body.webhooks as { subscribeId: number; events: string[] }[];
    expect(listed.find((webhook) => webhook.subscribeId === updates.body.subscribeId)?.events).toEqual(['updated']);
  });

  it('lists only the caller’s own subscriptions', async () => {
    await subscribe({ listId: 6, callbackUrl: 'http://127.0.0.1:9/admin' }, USERS.admin);
    const mine = await list(USERS.unrelatedAgent);
    expect(mine.body).toEqual({ webhooks: [] });
  });

  it('deletes a subscription of the caller, and refuses anyone else’s as if it did not exist', async () => {
    const id = String((await subscribe({ listId: 6, callbackUrl: 'http://127.0.0.1:9/d' })).body.subscribeId);
    const foreign = await t.http().delete(`/v1.0/webhook/${id}`).set('Authorization', as(USERS.admin));
    expect(foreign.status).toBe(400);
    expect(foreign.body.code).toBe('PERMISSION_DENIED');
    const missing = await t.http().delete('/v1.0/webhook/123456789').set('Authorization', as(USERS.agent));
    expect(missing.text).toBe(foreign.text);

    const res = await t.http().delete(`/v1.0/webhook/${id}`).set('Authorization', as(USERS.agent));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ subscribeId: Number(id), deleted: true });
    expect(JSON.stringify((await list()).body)).not.toContain(id);
  });

  it.each([
    [
      { listId: 2, callbackUrl: 'http://127.0.0.1:9/x' },
      'LIST_NOT_SUPPORTED',
      'listId 2 cannot be subscribed to yet: only 6 (Call) is offered.',
    ],
    [
      { listId: 13, callbackUrl: 'http://127.0.0.1:9/x' },
      'INVALID_PARAMETER',
      'listId must be an integer from 1 to 12.',
    ],
    [
      { listId: '6', callbackUrl: 'http://127.0.0.1:9/x' },
      'INVALID_PARAMETER',
      'listId must be an integer from 1 to 12.',
    ],
    [{ callbackUrl: 'http://127.0.0.1:9/x' }, 'MISSING_PARAMETER', 'listId is required.'],
    ...[[], ['deleted'], ['created', 'created'], 'updated', [1], ['created', 'updated', 'created']].map(
      (events) =>
        [
          { listId: 6, callbackUrl: 'http://127.0.0.1:9/x', events },
          'INVALID_PARAMETER',
          'events must be a non-empty list of distinct values among "created", "updated".',
        ] as [object, string, string],
    ),
    [{ listId: 6 }, 'MISSING_PARAMETER', 'callbackUrl is required.'],
    [
      { listId: 6, callbackUrl: 'http://127.0.0.1:9/x', limit: 0 },
      'LIMIT_NOT_VALID',
      'limit must be an integer from 1 to 5000.',
    ],
    [
      { listId: 6, callbackUrl: 'http://127.0.0.1:9/x', limit: 5001 },
      'LIMIT_NOT_VALID',
      'limit must be an integer from 1 to 5000.',
    ],
    [
      { listId: 6, callbackUrl: 'http://hooks.example.com/x' },
      'INVALID_PARAMETER',
      'callbackUrl must be an https URL.',
    ],
    [
      { listId: 6, callbackUrl: 'https://10.0.0.7/x' },
      'INVALID_PARAMETER',
      'callbackUrl: 10.0.0.7 is not a public address.',
    ],
    [
      { listId: 6, callbackUrl: 'https://169.254.169.254/latest' },
      'INVALID_PARAMETER',
      'callbackUrl: 169.254.169.254 is not a public address.',
    ],
    [
      { listId: 6, callbackUrl: 'https://[2002:a00:1::1]/x' },
      'INVALID_PARAMETER',
      'callbackUrl: 2002:a00:1::1 is not a public address.',
    ],
    [
      // Teredo: its client, 127.0.0.1, bit-inverted in the last 32 bits
      { listId: 6, callbackUrl: 'https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/x' },
      'INVALID_PARAMETER',
      'callbackUrl: 2001:0:4136:e378:8000:63bf:80ff:fffe is not a public address.',
    ],
    [
      { listId: 6, callbackUrl: `https://example.com/${'x'.repeat(2048)}` },
      'PARAMETER_TOO_LONG',
      'callbackUrl is longer than 2048 characters.',
    ],
  ])('refuses %j', async (body, code, message) => {
    const res = await subscribe(body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code, message });
  });

  describe('loopback with WEBHOOK_ALLOW_LOOPBACK_HTTP: plain http only', () => {
    it.each([
      ['https://127.0.0.1:4000/hook', 'callbackUrl: 127.0.0.1 is a loopback address.'],
      ['https://localhost:4000/hook', 'callbackUrl: localhost is a loopback address.'],
      ['https://[::1]:4000/hook', 'callbackUrl: ::1 is a loopback address.'],
      ['https://[::ffff:127.0.0.1]:4000/hook', 'callbackUrl: ::ffff:7f00:1 is a loopback address.'],
      ['http://[::ffff:127.0.0.1]:4000/hook', 'callbackUrl must be an https URL.'],
    ])('refuses %s', async (callbackUrl, message) => {
      const res = await subscribe({ listId: 6, callbackUrl });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ code: 'INVALID_PARAMETER', message });
    });

    it('refuses an https host name that resolves to loopback', async () => {
      const dns = fakeDns({ 'dev.partner.test': ['127.0.0.1'] });
      try {
        const res = await subscribe({ listId: 6, callbackUrl: 'https://dev.partner.test/hook' });
        expect(res.body).toEqual({
          code: 'INVALID_PARAMETER',
          message: 'callbackUrl must resolve to a public address.',
        });
      } finally {
        dns.mockRestore();
      }
    });

    it('takes http to 127.0.0.0/8 in any form the URL parser reads, stored as dotted decimal', async () => {
      const res = await subscribe({ listId: 6, callbackUrl: 'http://2130706433:9/hook' });
      expect(res.status).toBe(200);
      expect(res.body.callbackUrl).toBe('http://127.0.0.1:9/hook');
    });
  });

  describe('the callback URL, as typed', () => {
    it.each([
      ' http://127.0.0.1:9/x',
      'http://127.0.0.1:9/x ',
      '\thttp://127.0.0.1:9/x',
      'http://127.0.0.1:9/a\tb',
      'http://127.0.0.1:9/x\r\n',
      'http://127.0.0.1:9\\x',
      'http://127.0.0.1:9/x\u00a0',
    ])('refuses %j: whitespace, a control character or a backslash', async (callbackUrl) => {
      const res = await subscribe({ listId: 6, callbackUrl });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        code: 'INVALID_PARAMETER',
        message: 'callbackUrl must not contain whitespace, control characters or backslashes.',
      });
    });

    it('is stored and shown in its normal form', async () => {
      const res = await subscribe({ listId: 6, callbackUrl: 'HTTP://LocalHost:9/a/./b/../calls?x=1' });
      expect(res.status).toBe(200);
      expect(res.body.callbackUrl).toBe('http://localhost:9/a/calls?x=1');
      const listed = (await list()).body.webhooks as { subscribeId: number; callbackUrl: string }[];
      expect(listed.find((w) => w.subscribeId === res.body.subscribeId)?.callbackUrl).toBe(
        'http://localhost:9/a/calls?x=1',
      );
    });

    it('refuses a URL that grows past 2048 characters once normalized', async () => {
      const res = await subscribe({ listId: 6, callbackUrl: `http://127.0.0.1:9/${'é'.repeat(400)}` });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        code: 'PARAMETER_TOO_LONG',
        message: 'callbackUrl is longer than 2048 characters once normalized.',
      });
    });
  });
});

describe('webhook subscriptions outside development', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  const subscribe = (callbackUrl: string) =>
    t
      .http()
      .post('/v1.0/webhook')
      .set('Authorization', `Bearer ${t.token(USERS.agent)}`)
      .send({ listId: 6, callbackUrl });

  it.each([
    ['http://127.0.0.1:4000/hook', 'callbackUrl must be an https URL.'],
    ['https://127.0.0.1:4000/hook', 'callbackUrl: 127.0.0.1 is a loopback address.'],
    ['https://localhost:4000/hook', 'callbackUrl: localhost is a loopback address.'],
  ])('refuses a loopback target %s', async (callbackUrl, message) => {
    const res = await subscribe(callbackUrl);
    expect(res.body).toEqual({ code: 'INVALID_PARAMETER', message });
  });

  describe('to a host name', () => {
    it('subscribes a host that resolves to public addresses only', async () => {
      fakeDns({ 'hooks.partner.test': ['93.184.216.34', '2606:4700::1111'] });
      const res = await subscribe('https://hooks.partner.test/calls');
      expect(res.status).toBe(200);
      expect(res.body.callbackUrl).toBe('https://hooks.partner.test/calls');
    });

    it.each([
      ['a private address', ['10.20.30.40']],
      ['a loopback address', ['127.0.0.1']],
      ['the metadata service', ['169.254.169.254']],
      ['a unique local IPv6 address', ['fd12:3456::7']],
      ['a public address and a private one', ['93.184.216.34', '192.168.50.5']],
    ])('refuses a host that resolves to %s, without telling which', async (_what, addresses) => {
      fakeDns({ 'db.corp.test': addresses });
      const res = await subscribe('https://db.corp.test/hook');
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ code: 'INVALID_PARAMETER', message: 'callbackUrl must resolve to a public address.' });
      for (const address of addresses) expect(res.text).not.toContain(address);
    });

    it('refuses a host name that does not resolve', async () => {
      fakeDns({ 'gone.partner.test': notFound('gone.partner.test') });
      const res = await subscribe('https://gone.partner.test/hook');
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ code: 'INVALID_PARAMETER', message: 'callbackUrl: its host name does not resolve.' });
    });

    it('gives up on a lookup that takes more than 3 s', async () => {
      fakeDns({ 'slow.partner.test': 'never' });
      const started = Date.now();
      const res = await subscribe('https://slow.partner.test/hook');
      const elapsed = Date.now() - started;
      expect(res.body).toEqual({ code: 'INVALID_PARAMETER', message: 'callbackUrl: its host name does not resolve.' });
      expect(elapsed).toBeGreaterThanOrEqual(2900);
      expect(elapsed).toBeLessThan(6000);
    });
  });
});
