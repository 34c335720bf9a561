import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { TOKEN_BODY_LIMIT } from '../../src/auth/token.controller';
import { Clock } from '../../src/common/clock';
import { DISCARD_MS } from '../../src/common/http/unread-bodies';
import { LeadsService } from '../../src/leads/leads.service';
import { CALLS, DIALER_CALL_JSON, USERS } from '../support/demo';
import { RawExchange, requestHead } from '../support/raw-exchange';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Request bodies: read only once the caller is authenticated and within its rate limit, so that the answer to a
 * request without a valid token, or over its limit, goes out before its body arrives; refused at once when their
 * declared size is over the limit; and discarded, for a bounded time, when they were answered unread.
 */

jest.setTimeout(30_000);

/** Ten bytes of a JSON body of about 900 KB, the rest left unsent. */
const LENGTH = 900_000;
const START = '{"firstNa';

async function listen(t: TestApp): Promise<number> {
  const server = t.app.getHttpServer() as Server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return (server.address() as AddressInfo).port;
}

const jsonHead = (path: string, headers: Record<string, string | number>) =>
  requestHead('POST', path, { 'Content-Type': 'application/json', 'Content-Length': LENGTH, ...headers });

describe('request bodies', () => {
  let t: TestApp;
  let port: number;
  let agent: string;

  beforeAll(async () => {
    t = await createTestApp();
    port = await listen(t);
    agent = t.token(USERS.agent);
  });

  afterAll(() => t.close());

  it.each([
    ['no token', () => ({})],
    ['a malformed token', () => ({ Authorization: 'Bearer not-a-token' })],
    ['the token of a deactivated user', () => ({ Authorization: `Bearer ${t.token(USERS.deactivated)}` })],
  ])('answers a request with %s 401 before its body arrives', async (_, headers) => {
    const exchange = new RawExchange(port, jsonHead('/v1.0/leads', headers()) + START);
    const answer = await exchange.answer();
    exchange.destroy();
    expect({ status: answer.status, code: (JSON.parse(answer.body) as { code: string }).code }).toEqual({
      status: 401,
      code: 'BAD_CREDENTIALS',
    });
  });

  it('reads the body of a request that passed authentication, as it arrives', async () => {
    const body = JSON.stringify({ firstName: 'Slow', lastName: 'Sender' });
    const exchange = new RawExchange(
      port,
      requestHead('POST', '/v1.0/leads', {
        Authorization: `Bearer ${agent}`,
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
      }) + body.slice(0, 10),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    exchange.send(body.slice(10));
    const answer = await exchange.answer();
    exchange.destroy();
    expect(answer.status).toBe(201);
    expect(JSON.parse(answer.body)).toMatchObject({ firstName: 'Slow', lastName: 'Sender' });
  });

  it('answers a complete request as its handler did when unreadable bytes follow it, then closes', async () => {
    const body = JSON.stringify({ firstName: 'Pipelined', lastName: 'Garbage' });
    const exchange = new RawExchange(
      port,
      requestHead('POST', '/v1.0/leads', {
        Authorization: `Bearer ${agent}`,
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
      }) +
        body +
        'garbage\r\n',
    );
    const answer = await exchange.answer();
    await exchange.closed;
    const [{ n }] = await t.dataSource.query<{ n: number | string }[]>(
      "SELECT COUNT(*) AS n FROM leads WHERE first_name = 'Pipelined'",
    );
    // The lead was written: the answer says so, not a 400 that a client would retry into a second lead.
    expect({ status: answer.status, leads: Number(n) }).toEqual({ status: 201, leads: 1 });
    expect(JSON.parse(answer.body)).toMatchObject({ firstName: 'Pipelined', lastName: 'Garbage' });
  });

  it('discards the rest of a body it answered unread, and the connection serves the next request', async () => {
    const server = t.app.getHttpServer() as Server;
    const accepted = new Promise<Socket>((resolve) => server.once('connection', resolve));
    const exchange = new RawExchange(port);
    const socket = await accepted;
    for (let i = 0; i < 20; i++) {
      exchange.send(jsonHead('/v1.0/leads', {}) + START);
      expect((await exchange.answer()).status).toBe(401);
      exchange.send(`,${'x'.repeat(LENGTH - START.length - 1)}`);
    }
    exchange.send(requestHead('GET', `/v2.0/communication/call/${CALLS.dialer}`, { Authorization: `Bearer ${agent}` }));
    const next = await exchange.answer();
    // Nothing of the requests answered early stays attached to the connection.
    expect(socket.listenerCount('close')).toBeLessThan(5);
    exchange.destroy();
    expect({ status: next.status, body: next.body }).toEqual({ status: 200, body: DIALER_CALL_JSON });
  });

  it(`closes the connection of a client still sending an answered body ${DISCARD_MS / 1000} s after the answer`, async () => {
    const exchange = new RawExchange(
      port,
      requestHead('POST', '/v1.0/leads', { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' }),
    );
    const feed = setInterval(() => exchange.send('400\r\n' + ' '.repeat(0x400) + '\r\n'), 50);
    try {
      const answer = await exchange.answer();
      expect(answer.status).toBe(401);
      const closedAt = await exchange.closed;
      expect(closedAt - answer.ms).toBeGreaterThanOrEqual(DISCARD_MS - 100);
      expect(closedAt - answer.ms).toBeLessThan(DISCARD_MS + 2000);
    } finally {
      clearInterval(feed);
    }
  });

  it.each([2_000_000, 99_999_999_999])(
    'answers a declared body of %d bytes 413 at once, before any byte of it',
    async (length) => {
      const exchange = new RawExchange(
        port,
        requestHead('POST', '/v1.0/leads', {
          Authorization: `Bearer ${agent}`,
          'Content-Type': 'application/json',
          'Content-Length': length,
        }) + '{"firstN',
      );
      const answer = await exchange.answer();
      exchange.destroy();
      expect({ status: answer.status, body: JSON.parse(answer.body) as unknown }).toEqual({
        status: 413,
        body: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' },
      });
      expect(answer.ms).toBeLessThan(1000);
    },
  );

  it(`takes a token request of at most ${TOKEN_BODY_LIMIT / 1024} KB, the body of a public route`, async () => {
    const form = (length: number) => `grant_type=client_credentials&client_id=cl_x&client_secret=${'s'.repeat(length)}`;
    const atLimit = await t
      .http()
      .post('/oauth/token')
      .type('form')
      .send(form(TOKEN_BODY_LIMIT - form(0).length));
    expect(atLimit.body).toEqual({
      code: 'PARAMETER_TOO_LONG',
      message: 'client_secret is longer than 512 characters.',
      error: 'invalid_request',
      error_description: 'client_secret is longer than 512 characters.',
    });
    const over = await t
      .http()
      .post('/oauth/token')
      .type('form')
      .send(form(TOKEN_BODY_LIMIT - form(0).length + 1));
    expect({ status: over.status, body: over.body as unknown }).toEqual({
      status: 413,
      body: {
        code: 'PAYLOAD_TOO_LARGE',
        message: 'The request body is too large.',
        error: 'invalid_request',
        error_description: 'The request body is too large.',
      },
    });
  });

  it('does not read the body of a GET', async () => {
    const res = await t
      .http()
      .get(`/v2.0/communication/call/${CALLS.dialer}`)
      .set('Authorization', `Bearer ${agent}`)
      .set('Content-Type', 'application/json')
      .send('{"not json');
    expect({ status: res.status, text: res.text }).toEqual({ status: 200, text: DIALER_CALL_JSON });
  });
});

describe('request bodies over the rate limit', () => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '2', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '2' });
    port = await listen(t);
    // The middle of a minute: the counters do not reset during a test.
    let now = Date.UTC(2026, 10, 26, 12, 0, 30);
    jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => (now += 1));
  });

  afterAll(() => t.close());

  it.each([
    ['a caller with a valid token', '/v1.0/leads', () => ({ Authorization: `Bearer ${t.token(USERS.admin)}` })],
    ['an anonymous caller of the token endpoint', '/oauth/token', () => ({})],
  ])('answers %s over its limit 429 before the body arrives', async (_, path, headers) => {
    for (let i = 0; i < 2; i++) {
      const spent = await t.http().post(path).set(headers()).send({});
      expect(spent.status).toBeLessThan(429);
    }
    const exchange = new RawExchange(port, jsonHead(path, headers()) + START);
    const answer = await exchange.answer();
    exchange.destroy();
    expect({ status: answer.status, code: (JSON.parse(answer.body) as { code: string }).code }).toEqual({
      status: 429,
      code: 'TOO_MANY_REQUESTS',
    });
  });
});

describe('slow clients', () => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await createTestApp();
    port = await listen(t);
  });

  afterAll(() => t.close());

  it('gives the headers 10 s and the whole request 30 s, checked every second', () => {
    const server = t.app.getHttpServer() as Server & { connectionsCheckingInterval: number };
    expect({
      headers: server.headersTimeout,
      request: server.requestTimeout,
      checkedEvery: server.connectionsCheckingInterval,
    }).toEqual({ headers: 10_000, request: 30_000, checkedEvery: 1_000 });
  });

  it('answers headers that have not ended after 10 s 408 within a second, in JSON', async () => {
    const exchange = new RawExchange(port, 'GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: 1');
    const answer = await exchange.answer(15_000);
    expect({ status: answer.status, body: JSON.parse(answer.body) as unknown }).toEqual({
      status: 408,
      body: { code: 'REQUEST_TIMEOUT', message: 'The request took too long to arrive.' },
    });
    expect(answer.ms).toBeGreaterThanOrEqual(10_000);
    expect(answer.ms).toBeLessThan(11_500);
    await exchange.closed;
  });
});

describe('slow bodies, with a deadline of 500 ms and 2 s for the whole request (1 s for its headers)', () => {
  let t: TestApp;
  let port: number;
  let agent: string;

  beforeAll(async () => {
    t = await createTestApp({ REQUEST_TIMEOUT_MS: '500' });
    const server = t.app.getHttpServer() as Server;
    // Node takes the smaller of the two for the headers.
    server.headersTimeout = 1000;
    server.requestTimeout = 2000;
    port = await listen(t);
    agent = t.token(USERS.agent);
  });

  afterAll(() => t.close());

  afterEach(() => jest.restoreAllMocks());

  const leadHead = (headers: Record<string, string | number>) =>
    requestHead('POST', '/v1.0/leads', {
      Authorization: `Bearer ${agent}`,
      'Content-Type': 'application/json',
      ...headers,
    });

  it('answers a body that never ends 408 when the request time is up, not 503 at the deadline, and closes', async () => {
    const exchange = new RawExchange(port, leadHead({ 'Transfer-Encoding': 'chunked' }) + '9\r\n{"firstNa\r\n');
    const feed = setInterval(() => exchange.send('1\r\n \r\n'), 200);
    try {
      const answer = await exchange.answer();
      expect({
        status: answer.status,
        connection: answer.headers.connection,
        body: JSON.parse(answer.body) as unknown,
      }).toEqual({
        status: 408,
        connection: 'close',
        body: { code: 'REQUEST_TIMEOUT', message: 'The request took too long to arrive.' },
      });
      expect(answer.ms).toBeGreaterThanOrEqual(2000);
      expect(answer.ms).toBeLessThan(4000);
      expect((await exchange.closed) - answer.ms).toBeLessThan(500);
    } finally {
      clearInterval(feed);
      exchange.destroy();
    }
    expect((await t.http().get('/metrics')).text).toContain('http_errors_total{code="REQUEST_TIMEOUT",status="408"} 1');
  });

  it('does not count the time the client takes to send its body against the deadline', async () => {
    const body = JSON.stringify({ firstName: 'Patient' });
    const exchange = new RawExchange(port, leadHead({ 'Content-Length': Buffer.byteLength(body) }));
    for (const character of body) {
      await new Promise((resolve) => setTimeout(resolve, 1000 / body.length));
      exchange.send(character);
    }
    const answer = await exchange.answer();
    exchange.destroy();
    expect(answer.ms).toBeGreaterThan(900);
    expect(answer.status).toBe(201);
  });

  it('answers 503 when the service itself takes longer than the deadline, its body once received', async () => {
    jest.spyOn(t.app.get(LeadsService), 'create').mockReturnValueOnce(new Promise(() => undefined));
    const body = JSON.stringify({ firstName: 'Stuck' });
    const exchange = new RawExchange(port, leadHead({ 'Content-Length': Buffer.byteLength(body) }) + body);
    const answer = await exchange.answer();
    exchange.destroy();
    expect({ status: answer.status, body: JSON.parse(answer.body) as unknown }).toEqual({
      status: 503,
      body: {
        code: 'SERVICE_UNAVAILABLE',
        message: 'The service is temporarily unavailable. Retry later. (no answer within 500 ms)',
      },
    });
  });
});
