import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiClientsService } from '../../src/auth/api-clients.service';
import { UsersService } from '../../src/auth/users.service';
import { Shutdown } from '../../src/observability/shutdown';
import { CALLS, USERS } from '../support/demo';
import { RawExchange, requestHead } from '../support/raw-exchange';
import { testEngine } from '../support/test-database';
import { createTestApp, type TestApp } from '../support/test-app';

describe('Health', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(() => t.close());

  it('answers liveness without a token, touching nothing', async () => {
    const res = await t.http().get('/health/live');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('answers readiness with the state of the database', async () => {
    const res = await t.http().get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'ok',
      info: { database: { status: 'up', responseTime: expect.any(Number) as number } },
      error: {},
      details: { database: { status: 'up', responseTime: expect.any(Number) as number } },
    });
  });

  it('reports not ready once the service is draining for a shutdown', async () => {
    jest.spyOn(t.app.get(Shutdown), 'isDraining', 'get').mockReturnValue(true);
    const res = await t.http().get('/health/ready');
    jest.restoreAllMocks();
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ code: 'SERVICE_UNAVAILABLE', message: 'Not ready: the service is shutting down.' });
    expect((await t.http().get('/health/live')).status).toBe(200);
  });
});

describe('GET /metrics', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(() => t.close());

  const scrape = async () => {
    const res = await t.http().get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    return res.text;
  };

  it('counts requests by route and status, and errors by code', async () => {
    const call = `/v2.0/communication/call/${CALLS.dialer}`;
    await t
      .http()
      .get(call)
      .set('Authorization', `Bearer ${t.token(USERS.agent)}`);
    await t
      .http()
      .get(call)
      .set('Authorization', `Bearer ${t.token(USERS.unrelatedAgent)}`);
    await t.http().get(call);
    const text = await scrape();
    const route = 'route="/v2.0/communication/call/:communicationId"';
    expect(text).toContain(`http_request_duration_seconds_count{method="GET",${route},status="200"} 1`);
    expect(text).toContain(`http_request_duration_seconds_count{method="GET",${route},status="400"} 1`);
    expect(text).toContain(`http_request_duration_seconds_count{method="GET",${route},status="401"} 1`);
    expect(text).toMatch(
      /http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/v2\.0\/communication/,
    );
    expect(text).toContain('http_errors_total{code="PERMISSION_DENIED",status="400"} 1');
    expect(text).toContain('http_errors_total{code="BAD_CREDENTIALS",status="401"} 1');
  });

  it('labels a path no route matches as unmatched, so that scanners do not grow the series', async () => {
    await t.http().get('/wp-admin/setup-config.php');
    await t.http().get('/.env');
    const text = await scrape();
    expect(text).toContain('http_request_duration_seconds_count{method="GET",route="unmatched",status="404"} 2');
    expect(text).not.toContain('wp-admin');
  });

  it('reports the webhook backlog, the database pool and the process', async () => {
    const text = await scrape();
    expect(text).toMatch(/^webhook_events_waiting \d+$/m);
    expect(text).toMatch(/^webhook_oldest_waiting_seconds [\d.]+$/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d+$/m);
    expect(text).toContain('# TYPE db_pool_connections gauge');
    if (testEngine === 'mysql') expect(text).toMatch(/^db_pool_connections\{state="open"\} [1-9]\d*$/m);
  });

  it('is outside the API: no token needed, none used', async () => {
    const res = await t.http().get('/metrics').set('Authorization', 'Bearer not-a-token');
    expect(res.status).toBe(200);
  });
});

describe('GET /metrics: errors answered outside the routes', () => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await createTestApp({ REQUEST_TIMEOUT_MS: '300' });
    const server = t.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => t.close());

  const statusOf = async (data: string) => {
    const raw = new RawExchange(port, data);
    const answer = await raw.answer();
    raw.destroy();
    return answer.status;
  };

  it('counts every error answer, whoever writes it: the HTTP parser, the deadline, the refusals before any route', async () => {
    // A caller whose lookup never ends: the deadline answers.
    jest.spyOn(t.app.get(UsersService), 'findPrincipal').mockReturnValueOnce(new Promise(() => undefined));
    const statuses = [
      await statusOf(requestHead('GET', '/health/live', { 'X-Big': 'x'.repeat(20_000) })),
      await statusOf('FROB / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'),
      await statusOf(requestHead('POST', '/v1.0/leads', { 'Content-Type': 'application/json', 'Content-Length': 2e6 })),
      await statusOf(
        requestHead('GET', `/v2.0/communication/call/${CALLS.dialer}`, {
          Authorization: `Bearer ${t.token(USERS.agent)}`,
        }),
      ),
    ];
    expect(statuses).toEqual([431, 400, 413, 503]);
    const text = (await t.http().get('/metrics')).text;
    expect(text).toContain('http_errors_total{code="HEADERS_TOO_LARGE",status="431"} 1');
    expect(text).toContain('http_errors_total{code="MALFORMED_REQUEST",status="400"} 1');
    expect(text).toContain('http_errors_total{code="PAYLOAD_TOO_LARGE",status="413"} 1');
    expect(text).toContain('http_errors_total{code="SERVICE_UNAVAILABLE",status="503"} 1');
  });
});

describe('Logs', () => {
  let t: TestApp;
  const lines: string[] = [];
  const entries = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: 'log' }, { logDestination: { write: (line: string) => lines.push(line) } });
  });

  afterAll(() => t.close());

  it('writes one JSON line per request, with its request id', async () => {
    const res = await t
      .http()
      .get(`/v2.0/communication/call/${CALLS.dialer}?x=secret-query`)
      .set('Authorization', `Bearer ${t.token(USERS.agent)}`)
      .set('X-Request-Id', 'crm-sync.42:7');
    expect(res.headers['x-request-id']).toBe('crm-sync.42:7');
    const line = entries().find((e) => e.reqId === 'crm-sync.42:7');
    expect(line).toEqual({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) as string,
      service: 'calls-api',
      reqId: 'crm-sync.42:7',
      method: 'GET',
      path: `/v2.0/communication/call/${CALLS.dialer}`,
      route: '/v2.0/communication/call/:communicationId',
      status: 200,
      ms: expect.any(Number) as number,
      userId: USERS.agent,
      msg: 'request',
    });
  });

  it.each([
    ['missing', undefined],
    ['too long', 'x'.repeat(129)],
    ['with spaces', 'a b'],
    ['with a newline escape', 'a\\nb'],
    ['log injection', '"}{"level":"fatal'],
  ])('makes up a request id when the given one is %s', async (_name, given) => {
    const req = t.http().get('/health/live');
    const res = await (given === undefined ? req : req.set('X-Request-Id', given));
    expect(res.headers['x-request-id']).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(entries().some((e) => e.reqId === res.headers['x-request-id'])).toBe(true);
  });

  it('never writes a token, a client secret or the signing secret', async () => {
    const client = await t.app.get(ApiClientsService).create(USERS.agent, 'CRM sync', []);
    const token = t.token(USERS.agent);
    const form = { grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret };
    const issued = await t.http().post('/oauth/token').type('form').send(form);
    expect(issued.status).toBe(200);
    const accessToken = (issued.body as { access_token: string }).access_token;
    await t.http().post('/oauth/token').send(form);
    await t.http().post('/oauth/token').auth(client.clientId, client.clientSecret).type('form').send({
      grant_type: 'client_credentials',
    });
    await t
      .http()
      .post('/oauth/token')
      .type('form')
      .send({ ...form, client_secret: `${client.clientSecret}x` });
    for (const bearer of [token, accessToken, `${token}x`, 'not.a.token']) {
      await t.http().get(`/v2.0/communication/call/${CALLS.dialer}`).set('Authorization', `Bearer ${bearer}`);
    }
    // A body that is not JSON, with the secret in it.
    await t.http().post('/v1.0/logType').set('Authorization', `Bearer ${token}`).type('json').send(`{${token}`);

    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(8);
    for (const secret of [token, accessToken, client.clientSecret, t.config.jwt.secret!]) {
      expect(log).not.toContain(secret);
      // Not even a part of it: the signature of a token, the random part of a secret.
      expect(log).not.toContain(secret.slice(-24));
    }
  });
});
