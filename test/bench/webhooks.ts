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
import { CallEventKind, EventStatus, WebhookEventEntity } from '../../src/webhooks/webhook-event.entity';
import { SubscriptionStatus, WebhookSubscriptionEntity } from '../../src/webhooks/webhook-subscription.entity';
import { type BenchDatabase, envNumber, percentile, runOnEngines, startServer, table } from './support';

/**
 * `npm run bench:webhooks`: how fast Call events reach a local receiver, creations and updates side by side.
 * Throughput: BENCH_EVENTS (20,000) creation events, then as many update events, waiting in the outbox when the
 * service starts, delivered in batches of 100 (each kind timed from its first arrival to its last). Delay:
 * BENCH_CALLS (300) calls logged through the API at about BENCH_RATE (20) per second and each edited once, each event
 * timed from the answer of its request (the commit) to its arrival. SQLite, and MySQL too with TEST_DATABASE_URL.
 */
const EVENTS = envNumber('BENCH_EVENTS', 20_000);
const CALLS = envNumber('BENCH_CALLS', 300);
const RATE = envNumber('BENCH_RATE', 20);
const SUBSCRIPTION = '880000000000001';
const quiet = { log: () => undefined, error: () => undefined, warn: () => undefined };

type Kind = 'created' | 'updated';

class Receiver {
  /** When each call's event of each kind arrived, by timelineId. */
  arrivals: Record<Kind, Map<string, number>> = { created: new Map(), updated: new Map() };
  count = 0;
  private server!: HttpServer;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const at = performance.now();
        const body = Buffer.concat(chunks).toString('utf8');
        // The update array, when there is one, comes after the creations': split there.
        const split = body.indexOf('"updatedCall":');
        const parts: [Kind, string][] = [
          ['created', split < 0 ? body : body.slice(0, split)],
          ['updated', split < 0 ? '' : body.slice(split)],
        ];
        for (const [kind, part] of parts) {
          for (const match of part.matchAll(/"timelineId":(\d+)/g)) {
            this.arrivals[kind].set(match[1], at);
            this.count += 1;
          }
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
      onCreated: true,
      onUpdated: true,
      secret: 'whsec_bench',
      status: SubscriptionStatus.Active,
      pausedReason: null,
      failingSinceMs: null,
      createdAt: now,
      updatedAt: now,
    });
    const ms = String(Date.now());
    // The creations of EVENTS calls, then an update of each.
    for (let start = 0; start < 2 * EVENTS; start += 1000) {
      const rows = Array.from({ length: Math.min(1000, 2 * EVENTS - start) }, (_, i) => {
        const n = start + i;
        const kind = n < EVENTS ? CallEventKind.Created : CallEventKind.Updated;
        const call = 850_000_000_000_000 + (n % EVENTS);
        const update = kind === CallEventKind.Updated ? ',"updateTime":"2026-11-27 10:00:05"' : '';
        return {
          id: String(870_000_000_000_000 + n),
          eventId: String(860_000_000_000_000 + n),
          subscriptionId: SUBSCRIPTION,
          payload: `{"eventId":${860_000_000_000_000 + n},"timelineId":${call},"callId":${call},"communicationType":"LOGGED","leadId":100001,"agentId":100234${update}}`,
          kind,
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
    await receiver.waitFor(2 * EVENTS, 600_000);
    const span = (kind: Kind) => {
      const arrivals = [...receiver.arrivals[kind].values()];
      return { first: Math.min(...arrivals), last: Math.max(...arrivals) };
    };
    const throughput = (kind: Kind) => EVENTS / ((span(kind).last - span(kind).first) / 1000);
    const last = span('updated').last;

    const config = loadAppConfig({});
    const authorization = `Bearer ${new TokenService(config, new JwtKeys(config)).issue({ userId: '100234' }).accessToken}`;
    const committed: Record<Kind, Map<string, number>> = { created: new Map(), updated: new Map() };
    for (let i = 0; i < CALLS; i++) {
      const sent = performance.now();
      const res = await fetch(`${server.baseUrl}/v1.0/logType`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify({ leadId: 100001, logType: 'logCall', content: `Bench call ${i}` }),
      });
      const id = /"id":(\d+)/.exec(await res.text())?.[1] ?? '';
      committed.created.set(id, performance.now());
      const edit = await fetch(`${server.baseUrl}/v2.0/communication/call/${id}`, {
        method: 'PATCH',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify({ note: `Edited ${i}` }),
      });
      if (edit.status !== 200) throw new Error(`PATCH ${id}: ${edit.status} ${await edit.text()}`);
      committed.updated.set(id, performance.now());
      const pause = 1000 / RATE - (performance.now() - sent);
      if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
    }
    await receiver.waitFor(2 * EVENTS + 2 * CALLS, 60_000);
    const delays = (kind: Kind) =>
      [...committed[kind]].map(([id, at]) => (receiver.arrivals[kind].get(id) ?? NaN) - at).sort((a, b) => a - b);
    const created = delays('created');
    const updated = delays('updated');
    process.stdout.write(
      `\n${db.label}\n` +
        table(
          ['measure', 'creations', 'updates'],
          [
            [
              `throughput: ${EVENTS} events of each kind waiting at start, batches of 100`,
              `${throughput('created').toFixed(0)} events/s`,
              `${throughput('updated').toFixed(0)} events/s`,
            ],
            ['  from the service start to the last event', '', `${((last - started) / 1000).toFixed(1)} s`],
            [
              `delay from commit to delivery, ${CALLS} calls at ${RATE}/s, each edited: p50`,
              `${percentile(created, 50).toFixed(0)} ms`,
              `${percentile(updated, 50).toFixed(0)} ms`,
            ],
            ['  p99', `${percentile(created, 99).toFixed(0)} ms`, `${percentile(updated, 99).toFixed(0)} ms`],
            ['  max', `${created[created.length - 1].toFixed(0)} ms`, `${updated[updated.length - 1].toFixed(0)} ms`],
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
