import 'reflect-metadata';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { JwtKeys } from '../../src/auth/jwt-keys';
import { TokenService } from '../../src/auth/token.service';
import { loadAppConfig } from '../../src/config/app-config';
import { resolveDataSourceOptions } from '../../src/database/data-source-options';
import { ENTITIES } from '../../src/entities';
import { prepareDatabase } from '../../src/seeds/prepare-database';
import { EventStatus, WebhookEventEntity } from '../../src/webhooks/webhook-event.entity';
import { SubscriptionStatus, WebhookSubscriptionEntity } from '../../src/webhooks/webhook-subscription.entity';
import { type BenchDatabase, envNumber, percentile, runOnEngines, startServer, table } from './support';

/**
 * `npm run bench:webhooks`: how fast Call events reach a local receiver. Throughput: BENCH_EVENTS (20,000) events
 * waiting in the outbox when the service starts, delivered in batches of 100. Delay: BENCH_CALLS (300) calls
 * logged through the API at about BENCH_RATE (20) per second, each timed from the answer of its POST (the commit)
 * to the arrival of its event. SQLite, and MySQL too with TEST_DATABASE_URL.
 */
const EVENTS = envNumber('BENCH_EVENTS', 20_000);
const CALLS = envNumber('BENCH_CALLS', 300);
const RATE = envNumber('BENCH_RATE', 20);
const SUBSCRIPTION = '880000000000001';
const quiet = { log: () => undefined, error: () => undefined, warn: () => undefined };

class Receiver {
  arrivals = new Map<string, number>();
  count = 0;
  private server!: HttpServer;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const at = performance.now();
        const body = Buffer.concat(chunks).toString('utf8');
        for (const match of body.matchAll(/"timelineId":(\d+)/g)) {
          this.arrivals.set(match[1], at);
          this.count += 1;
        }
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  async waitFor(count: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.count < count) {
      if (Date.now() > deadline) throw new Error(`only ${this.count} of ${count} events arrived`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

async function fill(url: string, callbackUrl: string): Promise<void> {
  const config = loadAppConfig({ DATABASE_URL: url, DEMO_DATA: 'true' });
  const dataSource = new DataSource(await resolveDataSourceOptions(config.database, ENTITIES));
  await dataSource.initialize();
  try {
    await prepareDatabase(dataSource, config, quiet);
    const now = new Date();
    await dataSource.getRepository(WebhookSubscriptionEntity).insert({
      id: SUBSCRIPTION,
      teamId: '1',
      userId: '100234',
      listId: 6,
      callbackUrl,
      batchLimit: 100,
      secret: 'whsec_bench',
      status: SubscriptionStatus.Active,
      pausedReason: null,
      failingSinceMs: null,
      createdAt: now,
      updatedAt: now,
    });
    const ms = String(Date.now());
    for (let start = 0; start < EVENTS; start += 1000) {
      const rows = Array.from({ length: Math.min(1000, EVENTS - start) }, (_, i) => {
        const n = start + i;
        return {
          id: String(870_000_000_000_000 + n),
          eventId: String(860_000_000_000_000 + n),
          subscriptionId: SUBSCRIPTION,
          payload: `{"eventId":${860_000_000_000_000 + n},"timelineId":${850_000_000_000_000 + n},"callId":${850_000_000_000_000 + n},"communicationType":"LOGGED","leadId":100001,"agentId":100234}`,
          status: EventStatus.Pending,
          attempts: 0,
          createdMs: ms,
          nextAttemptMs: ms,
          firstAttemptMs: null,
          leaseUntilMs: '0',
          leaseOwner: null,
          lastError: null,
          sentMs: null,
        };
      });
      await dataSource
        .createQueryBuilder()
        .insert()
        .into(WebhookEventEntity)
        .values(rows)
        .updateEntity(false)
        .execute();
    }
  } finally {
    await dataSource.destroy();
  }
}

async function benchEngine(db: BenchDatabase): Promise<void> {
  const receiver = new Receiver();
  const callbackUrl = await receiver.start();
  await fill(db.url, callbackUrl);
  const started = performance.now();
  const server = await startServer({
    DATABASE_URL: db.url,
    DATABASE_MIGRATE: 'false',
    DEMO_DATA: 'false',
    WEBHOOK_ALLOW_LOOPBACK_HTTP: 'true',
  });
  try {
    await receiver.waitFor(EVENTS, 600_000);
    const arrivals = [...receiver.arrivals.values()];
    const first = Math.min(...arrivals);
    const last = Math.max(...arrivals);
    const throughput = EVENTS / ((last - first) / 1000);

    const config = loadAppConfig({});
    const authorization = `Bearer ${new TokenService(config, new JwtKeys(config)).issue({ userId: '100234' }).accessToken}`;
    const committed = new Map<string, number>();
    for (let i = 0; i < CALLS; i++) {
      const sent = performance.now();
      const res = await fetch(`${server.baseUrl}/v1.0/logType`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify({ leadId: 100001, logType: 'logCall', content: `Bench call ${i}` }),
      });
      const text = await res.text();
      committed.set(/"id":(\d+)/.exec(text)?.[1] ?? '', performance.now());
      const pause = 1000 / RATE - (performance.now() - sent);
      if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
    }
    await receiver.waitFor(EVENTS + CALLS, 60_000);
    const delays = [...committed].map(([id, at]) => (receiver.arrivals.get(id) ?? NaN) - at).sort((a, b) => a - b);
    process.stdout.write(
      `\n${db.label}\n` +
        table(
          ['measure', 'value'],
          [
            [`throughput: ${EVENTS} events waiting at start, batches of 100`, `${throughput.toFixed(0)} events/s`],
            ['  from the service start to the last event', `${((last - started) / 1000).toFixed(1)} s`],
            [
              `delay from commit to delivery, ${CALLS} calls at ${RATE}/s: p50`,
              `${percentile(delays, 50).toFixed(0)} ms`,
            ],
            ['  p99', `${percentile(delays, 99).toFixed(0)} ms`],
            ['  max', `${delays[delays.length - 1].toFixed(0)} ms`],
          ],
        ) +
        '\n',
    );
  } finally {
    await server.stop();
    await receiver.stop();
  }
}

runOnEngines(benchEngine);
