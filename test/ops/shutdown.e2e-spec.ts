import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { JwtKeys } from '../../src/auth/jwt-keys';
import { TokenService } from '../../src/auth/token.service';
import { loadAppConfig } from '../../src/config/app-config';
import { CALLS, USERS } from '../support/demo';
import { Receiver } from '../support/receiver';
import { buildService, type ServiceProcess, startService } from '../support/service-process';
import { skipNote } from '../support/skip-note';
import { TcpProxy } from '../support/tcp-proxy';
import { createTestDatabase, mysqlServerUrl, type TestDatabase, testEngine } from '../support/test-database';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const secret = randomBytes(32).toString('hex');
const tokens = new TokenService(
  loadAppConfig({ JWT_SECRET: secret }),
  new JwtKeys(loadAppConfig({ JWT_SECRET: secret })),
);

/** A GET with this bearer token, on the agent's connections (a new one without an agent). */
function getAs(bearer: string, port: number, agent: Agent | undefined, path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent, headers: { authorization: bearer } });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * The service as its own process, sent SIGTERM while it answers a flood of reads and while requests are in
 * flight: requests whose bodies are still arriving when the signal comes.
 */
describe('SIGTERM under load', () => {
  let database: TestDatabase;
  let service: ServiceProcess;

  beforeAll(async () => {
    const main = await buildService();
    database = await createTestDatabase();
    service = await startService(main, {
      DATABASE_URL: database.url,
      DATABASE_MIGRATE: 'true',
      DEMO_DATA: 'true',
      JWT_SECRET: secret,
      LOG_LEVEL: 'log',
      WEBHOOK_WORKER: 'true',
      RATE_LIMIT_PER_MINUTE: '1000000',
      SHUTDOWN_GRACE_MS: '10000',
    });
  }, 120_000);

  afterAll(async () => {
    if (service?.child.exitCode === null) service.child.kill('SIGKILL');
    await database?.drop();
  });

  const bearer = `Bearer ${tokens.issue({ userId: USERS.agent }).accessToken}`;

  /** A request sent at once up to its last bytes, which wait for `finish()`: the server has it in flight. */
  function slowRequest(agent: Agent, method: string, path: string, body: string) {
    const req = request({
      host: '127.0.0.1',
      port: service.port,
      method,
      path,
      agent,
      headers: {
        authorization: bearer,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      },
    });
    const answer = new Promise<Answer>((resolve, reject) => {
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      });
      req.on('error', reject);
    });
    req.write(body.slice(0, 8));
    return { answer, finish: () => req.end(body.slice(8)) };
  }

  const get = (agent: Agent, path: string) => getAs(bearer, service.port, agent, path);

  const inFlight = async (): Promise<number> => {
    const text = await (await fetch(`${service.baseUrl}/metrics`)).text();
    // The scrape itself is one of them.
    return Number(/^http_requests_in_flight (\d+)$/m.exec(text)?.[1] ?? 0) - 1;
  };

  it('stops accepting, answers every request in flight, closes the pool and exits 0', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 64 });

    // A flood of reads on keep-alive connections, until the signal.
    let flooding = true;
    const flood: Answer[] = [];
    const floodErrors: string[] = [];
    const startFlood = () =>
      Array.from({ length: 8 }, async () => {
        while (flooding) {
          try {
            flood.push(await get(agent, `/v2.0/communication/call/${CALLS.dialer}`));
          } catch (error) {
            floodErrors.push((error as Error).message);
          }
        }
      });
    let workers = startFlood();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    // Paused while the requests below get in flight, so that the count of requests in flight is theirs alone: a
    // request still waiting to be accepted when the signal comes is refused with its connection (ECONNRESET).
    flooding = false;
    await Promise.all(workers);

    // Requests in flight: 40 logs whose bodies stop short.
    const slow = Array.from({ length: 40 }, (_, i) =>
      slowRequest(
        agent,
        'POST',
        '/v1.0/logType',
        JSON.stringify({ leadId: 100001, logType: 'logCall', content: `In flight ${i}`, callingOutcome: 'Talked' }),
      ),
    );
    for (let waited = 0; (await inFlight()) < 40; waited += 50) {
      if (waited > 10_000) throw new Error(`Only ${await inFlight()} requests in flight`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    flooding = true;
    workers = startFlood();
    await new Promise((resolve) => setTimeout(resolve, 300));
    service.child.kill('SIGTERM');
    flooding = false;
    await Promise.all(workers);
    await new Promise((resolve) => setTimeout(resolve, 300));

    // No new connection is taken.
    await expect(fetch(`${service.baseUrl}/health/live`)).rejects.toThrow();

    // Every request in flight is answered, in full, and told that the connection closes.
    for (const request of slow) request.finish();
    const answers = await Promise.all(slow.map((request) => request.answer));
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 40 }, () => 200));
    expect(answers.map((a) => a.headers.connection)).toEqual(Array.from({ length: 40 }, () => 'close'));
    const ids = answers.map((a) => /"id":(\d+)/.exec(a.body)?.[1]);
    expect(new Set(ids).size).toBe(40);

    // The flood: every answer it got is the record; none was cut off by the shutdown.
    expect(flood.length).toBeGreaterThan(50);
    expect(new Set(flood.map((a) => a.status))).toEqual(new Set([200]));
    expect(floodErrors).toEqual([]);

    expect(await service.exited).toBe(0);
    expect(service.output()).toContain('SIGTERM: draining the requests in flight');
    expect(service.output()).toContain('"msg":"Stopped"');
    agent.destroy();
  }, 60_000);
});

/**
 * Behind a load balancer: for SHUTDOWN_DELAY_MS after SIGTERM the instance is not ready but still serves, on the
 * connections the balancer holds and on new ones, each answer closing its connection, so that no connection
 * the balancer may still send a request on is closed under that request.
 */
describe('SIGTERM with a delay for the load balancer', () => {
  let database: TestDatabase;
  let service: ServiceProcess;
  const bearer = `Bearer ${tokens.issue({ userId: USERS.agent }).accessToken}`;

  beforeAll(async () => {
    const main = await buildService();
    database = await createTestDatabase();
    service = await startService(main, {
      DATABASE_URL: database.url,
      DATABASE_MIGRATE: 'true',
      DEMO_DATA: 'true',
      JWT_SECRET: secret,
      LOG_LEVEL: 'log',
      SHUTDOWN_DELAY_MS: '2000',
      SHUTDOWN_GRACE_MS: '5000',
    });
  }, 120_000);

  afterAll(async () => {
    if (service?.child.exitCode === null) service.child.kill('SIGKILL');
    await database?.drop();
  });

  const get = (agent: Agent | undefined, path: string) => getAs(bearer, service.port, agent, path);

  it('reports not ready, keeps serving on old and new connections with Connection: close, then stops and exits 0', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const before = await get(agent, `/v2.0/communication/call/${CALLS.dialer}`);
    expect(before.status).toBe(200);
    expect(before.headers.connection).toBe('keep-alive');

    const signalled = Date.now();
    service.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));

    // The keep-alive connection opened before the signal still takes a request, and is closed after its answer.
    const onIdle = await get(agent, `/v2.0/communication/call/${CALLS.dialer}`);
    expect(onIdle.status).toBe(200);
    expect(onIdle.headers.connection).toBe('close');
    // New connections are still taken; the balancer's health check is told to stop sending.
    const ready = await get(undefined, '/health/ready');
    expect(ready.status).toBe(503);
    const onNew = await get(undefined, `/v2.0/communication/call/${CALLS.dialer}`);
    expect(onNew.status).toBe(200);
    expect(onNew.headers.connection).toBe('close');
    expect(Date.now() - signalled).toBeLessThan(2000);

    expect(await service.exited).toBe(0);
    expect(Date.now() - signalled).toBeGreaterThanOrEqual(2000);
    expect(service.output()).toContain('SIGTERM: not ready; serving 2000 ms more while the balancer lets go');
    expect(service.output()).toContain('"msg":"Stopped"');
    agent.destroy();
  }, 60_000);
});

const describeOnMysql = testEngine === 'mysql' ? describe : describe.skip;
if (testEngine !== 'mysql') {
  skipNote('SIGTERM with a database that does not answer: it cuts a network connection, so it runs on MySQL.');
}

/**
 * The service as its own process on a MySQL database reached through a proxy, its webhook worker running,
 * sent SIGTERM while the worker waits on a database that went silent, or after an outage: it is gone within
 * SHUTDOWN_GRACE_MS whatever it waits on.
 */
describeOnMysql('SIGTERM when the database does not answer', () => {
  let main: string;
  let receiver: Receiver;
  const running: { service: ServiceProcess; proxy: TcpProxy; database: TestDatabase }[] = [];

  beforeAll(async () => {
    main = await buildService();
    receiver = await new Receiver().start();
  }, 120_000);

  afterAll(async () => {
    for (const { service, proxy, database } of running) {
      if (service.child.exitCode === null && service.child.signalCode === null) service.child.kill('SIGKILL');
      await proxy.stop();
      await database.drop();
    }
    await receiver.stop();
  });

  async function startBehindProxy(env: Record<string, string>) {
    const database = await createTestDatabase();
    const server = new URL(mysqlServerUrl);
    const proxy = new TcpProxy(server.hostname, Number(server.port || 3306));
    const proxied = new URL(database.url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(await proxy.start());
    const service = await startService(main, {
      DATABASE_URL: proxied.toString(),
      DATABASE_MIGRATE: 'true',
      DEMO_DATA: 'true',
      JWT_SECRET: secret,
      LOG_LEVEL: 'log',
      WEBHOOK_WORKER: 'true',
      WEBHOOK_ALLOW_LOOPBACK_HTTP: 'true',
      ...env,
    });
    running.push({ service, proxy, database });
    return { service, proxy };
  }

  /** Sends SIGTERM and waits for the exit, at most `ms`: the exit code and how long it took, or 'running'. */
  async function terminate(service: ServiceProcess, ms: number) {
    const sent = Date.now();
    service.child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const exit = await Promise.race([
      service.exited,
      new Promise<'running'>((resolve) => (timer = setTimeout(() => resolve('running'), ms))),
    ]);
    clearTimeout(timer);
    return { exit, ms: Date.now() - sent };
  }

  /** Opens `count` connections of the pool or more, as traffic would: more to close than the one the worker waits on. */
  async function openConnections(service: ServiceProcess, count: number): Promise<void> {
    const authorization = `Bearer ${tokens.issue({ userId: USERS.agent }).accessToken}`;
    for (let tries = 0; tries < 50; tries++) {
      const metrics = await (await fetch(`${service.baseUrl}/metrics`)).text();
      if (Number(/^db_pool_connections\{state="open"\} (\d+)$/m.exec(metrics)?.[1]) >= count) return;
      await Promise.all(
        Array.from({ length: 8 }, () =>
          fetch(`${service.baseUrl}/v2.0/communication/call/${CALLS.dialer}`, { headers: { authorization } }),
        ),
      );
    }
    throw new Error(`The pool did not open ${count} connections`);
  }

  const lines = (service: ServiceProcess) =>
    service
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { level: string; msg: string });

  it('exits within SHUTDOWN_GRACE_MS (default 10 s) while its worker waits on a database gone silent', async () => {
    const { service, proxy } = await startBehindProxy({});
    await openConnections(service, 3);
    proxy.stall();
    // The worker's next round sends a statement, and waits for an answer that does not come.
    await proxy.nextSend();
    const { exit, ms } = await terminate(service, 15_000);
    expect(exit).not.toBe('running');
    expect(ms).toBeLessThan(10_000 + 500);
    const logged = lines(service).map((line) => line.msg);
    // It ends through its shutdown, cleanly or at the deadline: the pool's connection freed just in time, or not.
    expect([
      [0, 'Stopped'],
      [1, 'Not stopped 10000 ms after SIGTERM: exiting without waiting any longer'],
    ]).toContainEqual([exit, logged.at(-1)]);
    expect(logged).toContain('SIGTERM: draining the requests in flight (at most 10000 ms)');
    expect(logged).toContain(
      'Stopping without the delivery round in progress: it did not end within 9000 ms (the database does not ' +
        'answer?). The events it holds go out again once their lease runs out (60 s).',
    );
  }, 30_000);

  it('exits 1 at SHUTDOWN_GRACE_MS, saying so, when closing the pool would wait longer on the silent database', async () => {
    const { service, proxy } = await startBehindProxy({ SHUTDOWN_GRACE_MS: '2000' });
    await openConnections(service, 3);
    proxy.stall();
    await proxy.nextSend();
    const { exit, ms } = await terminate(service, 7000);
    expect(exit).toBe(1);
    expect(ms).toBeGreaterThanOrEqual(2000);
    expect(ms).toBeLessThan(2000 + 500);
    const warnings = lines(service).filter((line) => line.level === 'warn' || line.level === 'error');
    expect(warnings.map((line) => [line.level, line.msg])).toEqual([
      [
        'warn',
        'Stopping without the delivery round in progress: it did not end within 1800 ms (the database does not ' +
          'answer?). The events it holds go out again once their lease runs out (60 s).',
      ],
      ['error', 'Not stopped 2000 ms after SIGTERM: exiting without waiting any longer'],
    ]);
  }, 30_000);

  it('delivers again after an outage that cut its statements, then stops at once and exits 0', async () => {
    const { service, proxy } = await startBehindProxy({ REQUEST_TIMEOUT_MS: '2000' });
    const bearer = `Bearer ${tokens.issue({ userId: USERS.agent }).accessToken}`;
    const post = (path: string, body: object) =>
      fetch(`${service.baseUrl}${path}`, {
        method: 'POST',
        headers: { authorization: bearer, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const logCall = () => post('/v1.0/logType', { leadId: 100001, logType: 'logCall', content: 'Called back.' });
    expect((await post('/v1.0/webhook', { listId: 6, callbackUrl: receiver.url('/after'), limit: 100 })).status).toBe(
      200,
    );

    proxy.stall();
    const outage = Date.now();
    // The worker's round breaks off (its statement cut after 2 s), and it says so.
    while (!service.output().includes('Webhook delivery waits: the database does not answer')) {
      if (Date.now() - outage > 5000) throw new Error(`No warning within 5 s:\n${service.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise((resolve) => setTimeout(resolve, 5000 - (Date.now() - outage)));
    await proxy.restore();
    expect((await logCall()).status).toBe(200);
    await receiver.waitFor(() => receiver.events('/after').length === 1, 5000);

    const { exit, ms } = await terminate(service, 12_000);
    expect(exit).toBe(0);
    expect(ms).toBeLessThan(2000);
    expect(lines(service).at(-1)?.msg).toBe('Stopped');
  }, 40_000);
});
