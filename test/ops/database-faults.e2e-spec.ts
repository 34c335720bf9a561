import { isDatabaseUnavailable } from '../../src/database/database-errors';
import { SqlReader } from '../../src/database/sql-reader';
import { TransactionRunner } from '../../src/database/transaction-runner';
import { CALLS, USERS } from '../support/demo';
import { TcpProxy } from '../support/tcp-proxy';
import { createTestDatabase, mysqlServerUrl, testEngine } from '../support/test-database';
import { skipNote } from '../support/skip-note';
import { createTestApp, type TestApp } from '../support/test-app';

const REQUEST_TIMEOUT_MS = 2000;

const describeOnMysql = testEngine === 'mysql' ? describe : describe.skip;
if (testEngine !== 'mysql') {
  skipNote('the database faults: they cut a network connection, so they run on MySQL (npm run test:mysql).');
}

describeOnMysql('When the database fails', () => {
  let t: TestApp;
  let proxy: TcpProxy;

  beforeAll(async () => {
    const database = await createTestDatabase();
    const server = new URL(mysqlServerUrl);
    proxy = new TcpProxy(server.hostname, Number(server.port || 3306));
    const port = await proxy.start();
    const proxied = new URL(database.url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(port);
    t = await createTestApp(
      { DATABASE_URL: proxied.toString(), DATABASE_POOL_SIZE: '3', REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS) },
      { database },
    );
  });

  afterAll(async () => {
    await proxy.restore();
    await t.close();
    await proxy.stop();
  });

  const timed = async <T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> => {
    const started = Date.now();
    const result = await run();
    return { result, ms: Date.now() - started };
  };
  const getCall = () =>
    t
      .http()
      .get(`/v2.0/communication/call/${CALLS.dialer}`)
      .set('Authorization', `Bearer ${t.token(USERS.agent)}`);
  const logCall = () =>
    t
      .http()
      .post('/v1.0/logType')
      .set('Authorization', `Bearer ${t.token(USERS.agent)}`)
      .send({ leadId: 100001, logType: 'logCall', content: 'Left a message.', callingOutcome: 'VoiceMessage' });

  /** Polls until the service answers the call again; returns how long it took. */
  const recovery = async (withinMs: number): Promise<number> => {
    const started = Date.now();
    for (;;) {
      const res = await getCall();
      if (res.status === 200) return Date.now() - started;
      if (Date.now() - started > withinMs) throw new Error(`Still ${res.status} after ${withinMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  const expectUnavailable = (res: { status: number; body: unknown }) => {
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ code: 'SERVICE_UNAVAILABLE', message: expect.any(String) as string });
  };

  it('answers normally through the proxy', async () => {
    expect((await getCall()).status).toBe(200);
    expect((await t.http().get('/health/ready')).status).toBe(200);
  });

  describe('a database that went down (connections dropped and refused)', () => {
    beforeAll(() => proxy.refuse());

    it('answers 503 at once, reads and writes alike', async () => {
      const read = await timed(getCall);
      expectUnavailable(read.result);
      expect(read.ms).toBeLessThan(REQUEST_TIMEOUT_MS);
      const write = await timed(logCall);
      expectUnavailable(write.result);
      expect(write.ms).toBeLessThan(REQUEST_TIMEOUT_MS);
    });

    it('turns readiness red while liveness stays green', async () => {
      const ready = await timed(() => t.http().get('/health/ready'));
      expect(ready.result.status).toBe(503);
      expect(ready.result.body).toEqual({
        code: 'SERVICE_UNAVAILABLE',
        message: 'Not ready: the database does not answer.',
      });
      expect(ready.ms).toBeLessThan(1500);
      expect((await t.http().get('/health/live')).status).toBe(200);
    });

    it('recovers by itself when the database is back', async () => {
      await proxy.restore();
      expect(await recovery(10_000)).toBeLessThan(10_000);
      expect((await t.http().get('/health/ready')).status).toBe(200);
      expect((await logCall()).status).toBe(200);
    });
  });

  describe('a database that stopped answering (connections open, nothing comes back)', () => {
    beforeAll(() => proxy.stall());

    it('answers 503 within the request timeout, not a hang', async () => {
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) => timed(() => (i % 2 === 0 ? getCall() : logCall()))),
      );
      for (const { result, ms } of answers) {
        expectUnavailable(result);
        expect(ms).toBeLessThan(REQUEST_TIMEOUT_MS + 1000);
      }
    });

    it('turns readiness red within its 1 s check', async () => {
      const ready = await timed(() => t.http().get('/health/ready'));
      expect(ready.result.status).toBe(503);
      expect(ready.ms).toBeLessThan(REQUEST_TIMEOUT_MS);
    });

    it('recovers by itself when the database answers again', async () => {
      await proxy.restore();
      expect(await recovery(10_000)).toBeLessThan(10_000);
      expect((await t.http().get('/health/ready')).status).toBe(200);
    });
  });

  describe('connections that went silent while new ones work (a failover)', () => {
    beforeAll(async () => {
      // Every connection of the pool open, then frozen.
      await Promise.all(Array.from({ length: 6 }, () => getCall()));
      proxy.freezeOpen();
    });

    afterAll(() => proxy.restore());

    it('answers 503 within the request timeout, then lets the silent connections go and recovers', async () => {
      const answers = await Promise.all(Array.from({ length: 3 }, () => timed(getCall)));
      for (const { result, ms } of answers) {
        expect([200, 503]).toContain(result.status);
        expect(ms).toBeLessThan(REQUEST_TIMEOUT_MS + 1000);
      }
      expect(await recovery(3 * REQUEST_TIMEOUT_MS)).toBeLessThan(3 * REQUEST_TIMEOUT_MS);
      expect((await logCall()).status).toBe(200);
    });
  });

  describe('a statement on a connection that went silent', () => {
    beforeAll(async () => {
      // The pool's three connections open and idle, then frozen: every statement below goes on one of them.
      await Promise.all(Array.from({ length: 3 }, () => t.dataSource.query('SELECT SLEEP(0.1)')));
      proxy.freezeOpen();
    });

    afterAll(() => proxy.restore());

    /** How the promise settled within `ms`, and when; 'pending' if it did not. */
    const settled = async (promise: Promise<unknown>, ms: number) => {
      const started = Date.now();
      let timer: NodeJS.Timeout | undefined;
      const outcome = await Promise.race([
        promise.then(
          () => 'resolved' as const,
          (error: unknown) => error,
        ),
        new Promise<'pending'>((resolve) => (timer = setTimeout(() => resolve('pending'), ms))),
      ]);
      clearTimeout(timer);
      return { outcome, ms: Date.now() - started };
    };

    it('fails within the request timeout, a transaction and a read alike, rather than never settling', async () => {
      const transactions = t.app.get(TransactionRunner);
      const [query, transaction, read] = await Promise.all([
        settled(t.dataSource.query('SELECT 1'), REQUEST_TIMEOUT_MS + 3000),
        settled(
          transactions.run((manager) => manager.query('SELECT 1')),
          REQUEST_TIMEOUT_MS + 3000,
        ),
        settled(t.app.get(SqlReader).query('SELECT 1', []), REQUEST_TIMEOUT_MS + 3000),
      ]);
      for (const { outcome, ms } of [query, transaction, read]) {
        expect(outcome).toBeInstanceOf(Error);
        expect((outcome as Error).message).toContain(`No answer from the database within ${REQUEST_TIMEOUT_MS} ms`);
        expect(isDatabaseUnavailable(outcome)).toBe(true);
        expect(ms).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 50);
        expect(ms).toBeLessThan(REQUEST_TIMEOUT_MS + 1000);
      }
      // The silent connections were let go: the next statements get new ones.
      await expect(transactions.run((manager) => manager.query('SELECT 2 AS two'))).resolves.toEqual([{ two: 2 }]);
    });
  });
});
