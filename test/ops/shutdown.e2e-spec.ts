import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { JwtKeys } from '../../src/auth/jwt-keys';
import { TokenService } from '../../src/auth/token.service';
import { loadAppConfig } from '../../src/config/app-config';
import { CALLS, USERS } from '../support/demo';
import { buildService, type ServiceProcess, startService } from '../support/service-process';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * The service as its own process, sent SIGTERM while it answers a flood of reads and while requests are in
 * flight: requests whose bodies are still arriving when the signal comes.
 */
describe('SIGTERM under load', () => {
  const secret = randomBytes(32).toString('hex');
  const tokens = new TokenService(
    loadAppConfig({ JWT_SECRET: secret }),
    new JwtKeys(loadAppConfig({ JWT_SECRET: secret })),
  );
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

  function get(agent: Agent, path: string): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: service.port, path, agent, headers: { authorization: bearer } });
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
    const workers = Array.from({ length: 8 }, async () => {
      while (flooding) {
        try {
          flood.push(await get(agent, `/v2.0/communication/call/${CALLS.dialer}`));
        } catch (error) {
          floodErrors.push((error as Error).message);
        }
      }
    });

    await new Promise((resolve) => setTimeout(resolve, 1000));

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
