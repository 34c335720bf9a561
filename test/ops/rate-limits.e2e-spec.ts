import { randomBytes } from 'node:crypto';
import type { Response } from 'supertest';
import { Clock } from '../../src/common/clock';
import { CALLS, USERS } from '../support/demo';
import { Factory } from '../support/factories';
import { redisIsUp, testRedisUrl } from '../support/redis';
import { skipNote } from '../support/skip-note';
import { createTestApp, type TestApp } from '../support/test-app';

// 12:00:30 UTC: the window runs to 12:01:00, 30 s away.
const NOW = Date.UTC(2026, 10, 26, 12, 0, 30);
const WINDOW_END_S = Date.UTC(2026, 10, 26, 12, 1, 0) / 1000;

function freezeClock(t: TestApp, at: number): (ms: number) => void {
  let now = at;
  jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => now);
  return (ms) => {
    now += ms;
  };
}

function limitHeaders(res: Response): { limit: string; remaining: string; reset: string } {
  return {
    limit: res.headers['x-ratelimit-limit'],
    remaining: res.headers['x-ratelimit-remaining'],
    reset: res.headers['x-ratelimit-reset'],
  };
}

describe('Rate limits, in memory', () => {
  let t: TestApp;
  let advance: (ms: number) => void;

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '5', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '3' });
  });

  afterAll(() => t.close());

  let minute = 0;
  beforeEach(() => {
    // Each test in a minute of its own: the counters of one do not reach the next.
    minute += 10;
    advance = freezeClock(t, NOW + minute * 60_000);
  });

  afterEach(() => jest.restoreAllMocks());

  const resetOf = () => WINDOW_END_S + minute * 60;
  const getCall = (token: string, id: string = CALLS.dialer) =>
    t.http().get(`/v2.0/communication/call/${id}`).set('Authorization', `Bearer ${token}`);

  it('counts down on every answer, then refuses with 429 and Retry-After until the window ends', async () => {
    const token = t.token(USERS.agent);
    const seen = [];
    for (let i = 0; i < 5; i++) {
      const res = await getCall(token);
      expect(res.status).toBe(200);
      seen.push(limitHeaders(res));
    }
    expect(seen.map((h) => h.remaining)).toEqual(['4', '3', '2', '1', '0']);
    expect(new Set(seen.map((h) => `${h.limit}/${h.reset}`))).toEqual(new Set([`5/${resetOf()}`]));

    const refused = await getCall(token);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      code: 'TOO_MANY_REQUESTS',
      message: 'Too many requests: at most 5 a minute. Retry after 30 s.',
    });
    expect(refused.headers['retry-after']).toBe('30');
    expect(limitHeaders(refused)).toEqual({ limit: '5', remaining: '0', reset: String(resetOf()) });

    advance(29_000);
    expect((await getCall(token)).headers['retry-after']).toBe('1');
    advance(1_000);
    const next = await getCall(token);
    expect(next.status).toBe(200);
    expect(limitHeaders(next)).toEqual({ limit: '5', remaining: '4', reset: String(resetOf() + 60) });
  });

  it('counts refusals too: an answer of any status carries the headers', async () => {
    const token = t.token(USERS.unrelatedAgent);
    const denied = await getCall(token);
    expect(denied.status).toBe(400);
    expect(limitHeaders(denied)).toEqual({ limit: '5', remaining: '4', reset: String(resetOf()) });
    const invalid = await getCall(token, 'abc');
    expect(invalid.status).toBe(400);
    expect(invalid.headers['x-ratelimit-remaining']).toBe('3');
  });

  it('gives each user of user tokens a bucket of their own', async () => {
    const agent = t.token(USERS.agent);
    for (let i = 0; i < 5; i++) await getCall(agent);
    expect((await getCall(agent)).status).toBe(429);
    const admin = await getCall(t.token(USERS.admin));
    expect(admin.status).toBe(200);
    expect(admin.headers['x-ratelimit-remaining']).toBe('4');
  });

  it('gives an API client one bucket, whichever of its tokens calls, apart from its user', async () => {
    const client = await new Factory(t.dataSource).client(USERS.agent);
    const first = t.token(USERS.agent, { clientId: client.clientId });
    const second = t.token(USERS.agent, { clientId: client.clientId });
    for (let i = 0; i < 3; i++) expect((await getCall(first)).status).toBe(200);
    expect((await getCall(second)).headers['x-ratelimit-remaining']).toBe('1');
    expect((await getCall(second)).status).toBe(200);
    expect((await getCall(first)).status).toBe(429);
    // The user's own tokens are another bucket.
    expect((await getCall(t.token(USERS.agent))).headers['x-ratelimit-remaining']).toBe('4');
  });

  it('counts requests without a valid token against their address: failed tokens and the token endpoint', async () => {
    const bad = await getCall('not-a-token');
    expect(bad.status).toBe(401);
    expect(limitHeaders(bad)).toEqual({ limit: '3', remaining: '2', reset: String(resetOf()) });
    const login = await t
      .http()
      .post('/oauth/token')
      .type('form')
      .send({ grant_type: 'client_credentials', client_id: '1', client_secret: 'guess' });
    expect(login.status).toBe(401);
    expect(login.headers['x-ratelimit-remaining']).toBe('1');
    expect((await t.http().get(`/v2.0/communication/call/${CALLS.dialer}`)).status).toBe(401);

    // Past the limit, guessing gets 429 whatever the guess, while valid tokens go on in their own buckets.
    const guess = await getCall(t.token(USERS.agent).slice(0, -2) + 'xx');
    expect(guess.status).toBe(429);
    expect(guess.body.code).toBe('TOO_MANY_REQUESTS');
    expect((await getCall(t.token(USERS.agent))).status).toBe(200);
  });

  it('does not count the probes of health and metrics, nor mark them', async () => {
    for (let i = 0; i < 8; i++) {
      for (const path of ['/health/live', '/health/ready', '/metrics']) {
        const res = await t.http().get(path);
        expect(res.status).toBe(200);
        expect(res.headers['x-ratelimit-limit']).toBeUndefined();
      }
    }
  });
});

const describeWithRedis = redisIsUp() ? describe : describe.skip;
if (!redisIsUp()) {
  skipNote(`the shared rate limits: no Redis answers at ${testRedisUrl} (set TEST_REDIS_URL).`);
}

describeWithRedis('Rate limits shared by two instances through Redis', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    const env = {
      RATE_LIMIT_PER_MINUTE: '6',
      REDIS_URL: testRedisUrl,
      // Keys of their own: runs in parallel and earlier runs do not share counters with this one.
      REDIS_KEY_PREFIX: `calls-test:${randomBytes(6).toString('hex')}:`,
    };
    a = await createTestApp(env);
    b = await createTestApp(env, { database: a.database });
  });

  afterAll(async () => {
    await b?.close({ keepDatabase: true });
    await a?.close();
  });

  afterEach(() => jest.restoreAllMocks());

  it('applies one limit to a caller whichever instance answers', async () => {
    freezeClock(a, NOW);
    freezeClock(b, NOW);
    const token = a.token(USERS.agent);
    const remaining = [];
    for (let i = 0; i < 6; i++) {
      const app = i % 2 === 0 ? a : b;
      const res = await app
        .http()
        .get(`/v2.0/communication/call/${CALLS.dialer}`)
        .set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(200);
      remaining.push(res.headers['x-ratelimit-remaining']);
    }
    expect(remaining).toEqual(['5', '4', '3', '2', '1', '0']);
    for (const app of [a, b]) {
      const res = await app
        .http()
        .get(`/v2.0/communication/call/${CALLS.dialer}`)
        .set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(429);
      expect(res.headers['retry-after']).toBe('30');
    }
  });
});

describe('Rate limits when Redis does not answer', () => {
  let t: TestApp;

  beforeAll(async () => {
    // A port nothing listens on.
    t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '3', REDIS_URL: 'redis://127.0.0.1:1' });
  });

  afterAll(() => t.close());

  it('counts in memory meanwhile: the service answers and the limit still holds per instance', async () => {
    freezeClock(t, NOW);
    const token = t.token(USERS.agent);
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const res = await t
        .http()
        .get(`/v2.0/communication/call/${CALLS.dialer}`)
        .set('Authorization', `Bearer ${token}`);
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});
