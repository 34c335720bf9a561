import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { JwtKeys } from '../../src/auth/jwt-keys';
import { TokenService } from '../../src/auth/token.service';
import { loadAppConfig } from '../../src/config/app-config';
import { freePort } from '../bench/support';
import { CALLS, USERS } from '../support/demo';
import { Receiver } from '../support/receiver';
import { testRedisUrl } from '../support/redis';
import { buildService, type ServiceProcess, startService } from '../support/service-process';
import { skipNote } from '../support/skip-note';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const ROOT = path.resolve(__dirname, '../..');
/** The balancer's configuration of deploy/compose.yaml, run here with loopback addresses. */
const HAPROXY_CFG = path.join(ROOT, 'deploy/haproxy/haproxy.cfg');
const ANONYMOUS_LIMIT = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Answer {
  status: number;
  servedBy: string | null;
  body: string;
}

/** Waits for a condition, polling; fails after `timeoutMs`. */
async function until(what: string, condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Not within ${timeoutMs} ms: ${what}`);
    await sleep(50);
  }
}

const missing = process.env.CALLS_CLUSTER_MISSING ?? '';
if (missing !== '') skipNote(`the multi-instance suite needs ${missing}.`);

/**
 * Two processes of the built service on one MySQL database and one Redis, behind HAProxy with the balancer
 * configuration that deploy/compose.yaml ships, all on loopback: what docs/operating.md's "Several instances
 * behind a load balancer" promises.
 */
// Without SHUTDOWN_DELAY_MS, about one run in eight of the rolling restart saw HAProxy close a client's connection
// without an answer ("other side closed"; docs/operating.md says why). With the delay, 33 runs in a row and every
// CI run since passed without a retry: a failure now is a failure.

(missing === '' ? describe : describe.skip)('two instances behind HAProxy', () => {
  const secret = randomBytes(32).toString('hex');
  const config = loadAppConfig({ JWT_SECRET: secret });
  const tokens = new TokenService(config, new JwtKeys(config));
  const bearer = `Bearer ${tokens.issue({ userId: USERS.agent }).accessToken}`;

  let main: string;
  let database: TestDatabase;
  let receiver: Receiver;
  let env: Record<string, string>;
  const instances: { name: string; port: number; service?: ServiceProcess }[] = [];
  let haproxy: ChildProcess | undefined;
  let haproxyOutput = '';
  let lb: string;

  const start = async (instance: (typeof instances)[number]): Promise<void> => {
    instance.service = await startService(main, { ...env, PORT: String(instance.port) });
  };

  /**
   * A request through the balancer: its status, the instance that answered (X-Served-By) and the body. As the
   * demo agent unless `headers.authorization` is '' (no token).
   */
  const send = async (
    method: 'GET' | 'POST',
    route: string,
    options: { body?: string; headers?: Record<string, string> } = {},
  ): Promise<Answer> => {
    const headers = Object.entries({ authorization: bearer, 'content-type': 'application/json', ...options.headers });
    const res = await fetch(`${lb}${route}`, {
      method,
      body: options.body,
      headers: headers.filter(([, value]) => value !== ''),
      signal: AbortSignal.timeout(15_000),
    });
    return { status: res.status, servedBy: res.headers.get('x-served-by'), body: await res.text() };
  };
  const logCall = (content: string) =>
    send('POST', '/v1.0/logType', { body: JSON.stringify({ leadId: 100001, logType: 'logCall', content }) });

  beforeAll(async () => {
    main = await buildService();
    database = await createTestDatabase();
    // The one-shot migration step of the deployment, then the demo data.
    const cli = (script: string) =>
      promisify(execFile)(process.execPath, [path.join(path.dirname(main), 'cli', script)], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', DATABASE_URL: database.url, JWT_SECRET: secret },
      });
    await cli('migrate.js');
    await cli('seed.js');

    receiver = await new Receiver().start();
    env = {
      DATABASE_URL: database.url,
      DATABASE_MIGRATE: 'false',
      DEMO_DATA: 'false',
      JWT_SECRET: secret,
      REDIS_URL: testRedisUrl,
      REDIS_KEY_PREFIX: `calls-cluster-${randomBytes(4).toString('hex')}:`,
      TRUST_PROXY: 'loopback',
      RATE_LIMIT_PER_MINUTE: '1000000',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: String(ANONYMOUS_LIMIT),
      WEBHOOK_WORKER: 'true',
      WEBHOOK_ALLOW_LOOPBACK_HTTP: 'true',
      WEBHOOK_POLL_MS: '200',
      SHUTDOWN_GRACE_MS: '5000',
      // As deploy/compose.yaml: HAProxy takes a stopping instance out before its connections close.
      SHUTDOWN_DELAY_MS: '3000',
    };
    instances.push({ name: 'api-1', port: await freePort() }, { name: 'api-2', port: await freePort() });
    await Promise.all(instances.map(start));

    const lbPort = await freePort();
    lb = `http://127.0.0.1:${lbPort}`;
    haproxy = spawn(process.env.HAPROXY_PATH ?? 'haproxy', ['-f', HAPROXY_CFG, '-db'], {
      env: {
        PATH: process.env.PATH ?? '',
        LB_BIND: `127.0.0.1:${lbPort}`,
        API_1: `127.0.0.1:${instances[0].port}`,
        API_2: `127.0.0.1:${instances[1].port}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    haproxy.stdout?.on('data', (chunk: Buffer) => (haproxyOutput += chunk.toString()));
    haproxy.stderr?.on('data', (chunk: Buffer) => (haproxyOutput += chunk.toString()));
    // Both instances answer through the balancer.
    const seen = new Set<string>();
    await until(
      `both instances answer through HAProxy\n${haproxyOutput}`,
      async () => {
        if (haproxy?.exitCode !== null) throw new Error(`HAProxy exited:\n${haproxyOutput}`);
        try {
          const answer = await send('GET', '/health/ready');
          if (answer.status === 200 && answer.servedBy !== null) seen.add(answer.servedBy);
        } catch {
          // not listening yet
        }
        return seen.size === 2;
      },
      20_000,
    );
  }, 180_000);

  afterAll(async () => {
    haproxy?.kill('SIGTERM');
    for (const { service } of instances) if (service?.child.exitCode === null) service.child.kill('SIGKILL');
    await receiver?.stop();
    await database?.drop();
  });

  it('shares the rate limit: the limit is reached across both instances, not doubled', async () => {
    // Fixed one-minute windows: the burst stays inside one.
    const toNextMinute = 60_000 - (Date.now() % 60_000);
    if (toNextMinute < 10_000) await sleep(toNextMinute + 100);
    // A client address of its own, read from X-Forwarded-For because TRUST_PROXY trusts the balancer.
    const client = `203.0.113.${1 + (randomBytes(1)[0] % 254)}`;
    const answers: Answer[] = [];
    for (let i = 0; i < ANONYMOUS_LIMIT + 10; i++) {
      answers.push(
        await send('GET', `/v2.0/communication/call/${CALLS.dialer}`, {
          headers: { authorization: '', 'x-forwarded-for': client },
        }),
      );
    }
    const statuses = answers.map((a) => a.status);
    // Per instance the limit would let 2 x 20 through; shared, exactly 20, whichever instance counted them.
    expect(statuses.filter((s) => s === 401)).toHaveLength(ANONYMOUS_LIMIT);
    expect(statuses.slice(ANONYMOUS_LIMIT)).toEqual(Array(10).fill(429));
    expect(new Set(answers.map((a) => a.servedBy))).toEqual(new Set(['api-1', 'api-2']));
    // Another address has its own bucket.
    const other = await send('GET', `/v2.0/communication/call/${CALLS.dialer}`, {
      headers: { authorization: '', 'x-forwarded-for': '198.51.100.7' },
    });
    expect(other.status).toBe(401);
  });

  it('delivers each webhook event once while both instances run delivery workers', async () => {
    const sent = async (): Promise<number[]> =>
      Promise.all(
        instances.map(async ({ port }) => {
          const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
          return Number(/^webhook_events_sent_total (\d+)/m.exec(text)?.[1] ?? NaN);
        }),
      );
    const before = await sent();
    // Slow callbacks and small batches: both workers are busy at the same time.
    receiver.answers.push(...Array<{ status: number; delayMs: number }>(100).fill({ status: 200, delayMs: 30 }));
    const subscription = await send('POST', '/v1.0/webhook', {
      body: JSON.stringify({ listId: 6, callbackUrl: receiver.url('/cluster'), limit: 3 }),
    });
    expect(subscription.status).toBe(200);

    const ids: string[] = [];
    const servedBy = new Set<string | null>();
    await Promise.all(
      Array.from({ length: 4 }, async (_, worker) => {
        for (let i = 0; i < 10; i++) {
          const answer = await logCall(`Cluster call ${worker}.${i}`);
          expect(answer.status).toBe(200);
          servedBy.add(answer.servedBy);
          ids.push(/"id":(\d+)/.exec(answer.body)?.[1] ?? 'none');
        }
      }),
    );
    expect(servedBy).toEqual(new Set(['api-1', 'api-2']));

    const received = () => receiver.events('/cluster').map((e) => String(e.timelineId));
    await receiver.waitFor(() => received().length >= ids.length, 30_000);
    // A few more polling rounds of both workers: a second delivery would arrive now.
    await sleep(1500);
    expect(received().sort()).toEqual([...ids].sort());
    const after = await sent();
    const byInstance = after.map((n, i) => n - before[i]);
    expect(byInstance[0] + byInstance[1]).toBe(ids.length);
    expect(byInstance.every((n) => n > 0)).toBe(true);
  });

  it('a rolling restart under constant load fails no request', async () => {
    const failures: string[] = [];
    const answeredBy: { at: number; servedBy: string | null }[] = [];
    let requests = 0;
    let stop = false;
    const deadline = Date.now() + 90_000;
    const loop = async (worker: number): Promise<void> => {
      for (let i = 0; !stop && Date.now() < deadline && i < 100_000; i++) {
        const kind = i % 5;
        try {
          const answer =
            kind === 4
              ? await logCall(`Rolling ${worker}.${i}`)
              : kind % 2 === 0
                ? await send('GET', `/v2.0/communication/call/${CALLS.dialer}`)
                : await send('GET', '/v1.0/calls?leadId=100001&limit=5');
          requests++;
          answeredBy.push({ at: Date.now(), servedBy: answer.servedBy });
          if (answer.status !== 200) failures.push(`${answer.status} from ${answer.servedBy}: ${answer.body}`);
        } catch (error) {
          requests++;
          failures.push(String((error as Error).cause ?? error));
        }
      }
    };
    const load = Promise.all(Array.from({ length: 6 }, (_, worker) => loop(worker)));

    const restart = async (instance: (typeof instances)[number]): Promise<void> => {
      const { service } = instance;
      if (service === undefined) throw new Error(`${instance.name} is not running`);
      service.child.kill('SIGTERM');
      await expect(service.exited).resolves.toBe(0);
      const back = Date.now();
      await start(instance);
      // Back in the balancer's rotation: it answers requests of the load again.
      await until(
        `${instance.name} answers through HAProxy again`,
        () => answeredBy.some((a) => a.at > back && a.servedBy === instance.name),
        15_000,
      );
    };
    try {
      await sleep(1000);
      await restart(instances[0]);
      await sleep(500);
      await restart(instances[1]);
      await sleep(1000);
    } finally {
      stop = true;
      await load;
    }
    expect(failures.slice(0, 5)).toEqual([]);
    expect(requests).toBeGreaterThan(300);
  });
});
