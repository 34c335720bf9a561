import { USERS } from '../support/demo';
import { Receiver } from '../support/receiver';
import { skipNote } from '../support/skip-note';
import { TcpProxy } from '../support/tcp-proxy';
import { createTestDatabase, mysqlServerUrl, testEngine } from '../support/test-database';
import { createTestApp, type TestApp } from '../support/test-app';

const describeOnMysql = testEngine === 'mysql' ? describe : describe.skip;
if (testEngine !== 'mysql') {
  skipNote('the webhook worker through database outages: they cut a network connection, so they run on MySQL.');
}

interface LogLine {
  level: string;
  context?: string;
  msg: string;
}

/** The warning of a round that broke off because the database does not answer. */
const OUTAGE_WARNING =
  /^Webhook delivery waits: the database does not answer \(No answer from the database within \d+ ms\)\. The worker pings it every 1 s and delivers again at its first answer; the events of a round that broke off go out again once their lease runs out \(\d+ s\)\.$/;

/**
 * The delivery worker, its loop running, on a MySQL database reached through a proxy that goes silent for a
 * while: the next call logged once the database answers again must go out within 5 s, whatever the worker
 * was doing when it went silent.
 */
describeOnMysql('the webhook worker when the database goes silent', () => {
  let receiver: Receiver;

  beforeAll(async () => {
    receiver = await new Receiver().start();
  });

  afterAll(() => receiver.stop());

  /** Polls until the condition holds; fails, naming what was awaited, past `withinMs`. */
  const until = async (condition: () => boolean, withinMs: number, what: string): Promise<void> => {
    const deadline = Date.now() + withinMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`Not within ${withinMs} ms: ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  /**
   * A service whose worker delivers the calls of the demo agent to `path` of the receiver, its database behind
   * a proxy; it has delivered one call already.
   */
  async function deliveringThroughProxy(path: string, env: Record<string, string> = {}) {
    const database = await createTestDatabase();
    const server = new URL(mysqlServerUrl);
    const proxy = new TcpProxy(server.hostname, Number(server.port || 3306));
    const proxied = new URL(database.url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(await proxy.start());
    const lines: LogLine[] = [];
    const t: TestApp = await createTestApp(
      {
        DATABASE_URL: proxied.toString(),
        WEBHOOK_WORKER: 'true',
        WEBHOOK_ALLOW_LOOPBACK_HTTP: 'true',
        LOG_LEVEL: 'log',
        ...env,
      },
      { database, logDestination: { write: (line: string) => lines.push(JSON.parse(line) as LogLine) } },
    );
    const bearer = `Bearer ${t.token(USERS.agent)}`;
    const logCall = () =>
      t
        .http()
        .post('/v1.0/logType')
        .set('Authorization', bearer)
        .send({ leadId: 100001, logType: 'logCall', content: 'Called back.', callingOutcome: 'Talked' });
    const subscribed = await t
      .http()
      .post('/v1.0/webhook')
      .set('Authorization', bearer)
      .send({ listId: 6, callbackUrl: receiver.url(path), limit: 100 });
    expect(subscribed.status).toBe(200);
    expect((await logCall()).status).toBe(200);
    await receiver.waitFor(() => receiver.events(path).length === 1);
    const workerLines = () => lines.filter((line) => line.context === 'Webhooks');
    return {
      proxy,
      logCall,
      workerLines,
      close: async () => {
        await proxy.restore();
        await t.close();
        await proxy.stop();
      },
    };
  }

  /**
   * Silences the database for `outageMs`: the worker must say, while it lasts, that its round broke off and
   * what it does. Then, once the database answers, the next call logged must be delivered within 5 s.
   */
  async function throughOutage(
    service: Awaited<ReturnType<typeof deliveringThroughProxy>>,
    path: string,
    outageMs: number,
    silence: (proxy: TcpProxy) => void,
  ): Promise<{ deliveredMs: number }> {
    const { proxy, logCall, workerLines } = service;
    const began = Date.now();
    silence(proxy);
    await until(
      () => workerLines().some((line) => line.level === 'warn'),
      outageMs - (Date.now() - began),
      'the worker warns that the database does not answer',
    );
    await new Promise((resolve) => setTimeout(resolve, outageMs - (Date.now() - began)));
    await proxy.restore();
    const restored = Date.now();

    // The API answers again by itself; the call it records is the next one the worker must deliver.
    let logged = await logCall();
    while (logged.status !== 200) {
      if (Date.now() - restored > 5000) throw new Error(`The API still answers ${logged.status}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      logged = await logCall();
    }
    await until(() => receiver.events(path).length === 2, 5000 - (Date.now() - restored), 'the next call delivered');
    const delivered = receiver.callbacks.filter((callback) => callback.path === path)[1];
    expect(receiver.events(path)[1].timelineId).toBe(logged.body.logType.id);
    return { deliveredMs: delivered.at - restored };
  }

  const expectOneWarningThenResumed = (lines: LogLine[]) => {
    const warnings = lines.filter((line) => line.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].msg).toMatch(OUTAGE_WARNING);
    expect(lines.filter((line) => line.level === 'error')).toEqual([]);
    expect(lines.at(-1)?.msg).toMatch(/^The database answers again \(after \d+ s\): webhook delivery goes on$/);
  };

  it('delivers within 5 s of a silent outage of 5 s that outlasted its statements (cut after 2 s)', async () => {
    const service = await deliveringThroughProxy('/silent-5s', { REQUEST_TIMEOUT_MS: '2000' });
    try {
      const { deliveredMs } = await throughOutage(service, '/silent-5s', 5000, (proxy) => proxy.stall());
      expect(deliveredMs).toBeLessThan(5000);
      expectOneWarningThenResumed(service.workerLines());
    } finally {
      await service.close();
    }
  }, 30_000);

  it('delivers within 5 s of a silent outage of 30 s, with the default timeouts', async () => {
    const service = await deliveringThroughProxy('/silent-30s');
    try {
      const { deliveredMs } = await throughOutage(service, '/silent-30s', 30_000, (proxy) => proxy.stall());
      expect(deliveredMs).toBeLessThan(5000);
      // One warning for the whole outage, not one per attempt.
      expectOneWarningThenResumed(service.workerLines());
    } finally {
      await service.close();
    }
  }, 60_000);

  it('delivers within 5 s of 15 s of lost replies (its statements reach the database), with the default timeouts', async () => {
    const service = await deliveringThroughProxy('/lost-replies');
    try {
      const { deliveredMs } = await throughOutage(service, '/lost-replies', 15_000, (proxy) => proxy.loseReplies());
      expect(deliveredMs).toBeLessThan(5000);
      expectOneWarningThenResumed(service.workerLines());
    } finally {
      await service.close();
    }
  }, 45_000);
});
