import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { JwtKeys } from '../../src/auth/jwt-keys';
import { TokenService } from '../../src/auth/token.service';
import { CallDirection, CallStatus, Channel, CommunicationSource } from '../../src/calls/call-enums';
import { CommunicationEntity } from '../../src/calls/communication.entity';
import { DialerCallRecordEntity } from '../../src/calls/dialer-call-record.entity';
import { loadAppConfig } from '../../src/config/app-config';
import { resolveDataSourceOptions } from '../../src/database/data-source-options';
import { ENTITIES } from '../../src/entities';
import { LeadEntity } from '../../src/leads/lead.entity';
import { prepareDatabase } from '../../src/seeds/prepare-database';
import { type BenchDatabase, envNumber, runOnEngines, startServer, table } from './support';

/**
 * `npm run bench:search`: the search by agent (POST /v1.0/agent/communication) over a window of 24 hours holding
 * BENCH_IN_WINDOW calls (20,000) of agent 100234: the time of a page of 1,000 at offsets 0, 10,000 and 19,000
 * (median of BENCH_RUNS runs, 5), first with no other calls, then after BENCH_OUTSIDE calls (1,000,000) of the
 * same team were added outside the window, before and after it. Targets: an offset costs at most 1.3 times more
 * with the million outside; offset 19,000 at most 3 times offset 0. SQLite, and MySQL too with TEST_DATABASE_URL.
 */
const IN_WINDOW = envNumber('BENCH_IN_WINDOW', 20_000);
const OUTSIDE = envNumber('BENCH_OUTSIDE', 1_000_000);
const RUNS = envNumber('BENCH_RUNS', 5);
const LIMIT = 1000;
const OFFSETS = [0, 10_000, 19_000].filter((offset) => offset + LIMIT <= IN_WINDOW);
const LEAD = '810000001';
const WINDOW_START = Date.UTC(2026, 5, 1);
const DAY = 86_400_000;
const quiet = { log: () => undefined, error: () => undefined, warn: () => undefined };

let nextId = 700_000_000_000_000;

/** `count` calls of agent 100234 on the bench's lead, at times spread evenly over [from, to). */
async function addCalls(dataSource: DataSource, count: number, from: number, to: number): Promise<void> {
  const step = (to - from) / count;
  const recordedMs = String(Date.now());
  for (let start = 0; start < count; start += 1000) {
    const dialer: Partial<DialerCallRecordEntity>[] = [];
    const communications: Partial<CommunicationEntity>[] = [];
    for (let i = start; i < Math.min(start + 1000, count); i++) {
      const id = String((nextId += 1));
      const time = new Date(Math.floor((from + i * step) / 1000) * 1000);
      const withDialer = i % 4 === 0;
      if (withDialer) {
        dialer.push({
          id,
          userId: '100234',
          userPhoneNumber: '+14155550100',
          leadPhoneNumber: '+14155550111',
          direction: CallDirection.Outbound,
          status: CallStatus.Completed,
          startTime: time,
          endTime: time,
          duration: 60,
          recordingSwitch: true,
          showUserNumber: '+14155550100',
          isMachineAnswered: false,
          price: '0.0200',
          elapsedSeconds: 7,
          payloadHash: null,
          createdAt: time,
        });
      }
      communications.push({
        id,
        leadId: LEAD,
        teamId: '1',
        recordedMs,
        agentId: '100234',
        channel: Channel.Call,
        source: withDialer ? CommunicationSource.Manual : CommunicationSource.Logged,
        dialerCallRecordId: withDialer ? id : null,
        logPhoneNumber: withDialer ? null : '+14155550111',
        logDirection: null,
        content: withDialer ? null : `Call ${i}`,
        isPin: false,
        emailSubject: null,
        toEmail: null,
        fromEmail: null,
        callingOutcome: null,
        rateScore: null,
        note: null,
        createTime: time,
        updateTime: time,
      });
    }
    await dataSource.transaction(async (manager) => {
      if (dialer.length > 0) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(DialerCallRecordEntity)
          .values(dialer)
          .updateEntity(false)
          .execute();
      }
      await manager
        .createQueryBuilder()
        .insert()
        .into(CommunicationEntity)
        .values(communications)
        .updateEntity(false)
        .execute();
    });
  }
}

async function open(url: string): Promise<DataSource> {
  const config = loadAppConfig({ DATABASE_URL: url, DEMO_DATA: 'true' });
  const dataSource = new DataSource(await resolveDataSourceOptions(config.database, ENTITIES));
  await dataSource.initialize();
  await prepareDatabase(dataSource, config, quiet);
  return dataSource;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function benchEngine(db: BenchDatabase): Promise<void> {
  let dataSource = await open(db.url);
  const now = new Date(WINDOW_START);
  await dataSource.getRepository(LeadEntity).insert({
    id: LEAD,
    teamId: '1',
    assignedUserId: '100234',
    firstName: 'Busy',
    lastName: 'Lead',
    phoneNumber: '+14155550111',
    email: null,
    hidden: false,
    deletedAt: null,
    createdAt: now,
    updatedAt: now,
  });
  await addCalls(dataSource, IN_WINDOW, WINDOW_START, WINDOW_START + DAY);
  await dataSource.destroy();

  const config = loadAppConfig({});
  const tokens = new TokenService(config, new JwtKeys(config));
  const pageTimes = async (): Promise<Map<string, number[]>> => {
    const server = await startServer({ DATABASE_URL: db.url, DATABASE_MIGRATE: 'false', DEMO_DATA: 'false' });
    try {
      const times = new Map<string, number[]>();
      for (const [view, userId, teamView] of [
        ['agent', '100234', false],
        ['teamView', '100236', true],
      ] as const) {
        const authorization = `Bearer ${tokens.issue({ userId }).accessToken}`;
        const pageAt = async (offset: number) => {
          const started = process.hrtime.bigint();
          const res = await fetch(`${server.baseUrl}/v1.0/agent/communication`, {
            method: 'POST',
            headers: { authorization, 'content-type': 'application/json' },
            body: JSON.stringify({
              type: 'CALL',
              startTime: WINDOW_START,
              endTime: WINDOW_START + DAY,
              offset,
              limit: LIMIT,
              teamView,
            }),
          });
          const body = await res.text();
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          const entries = [...body.matchAll(/\{"id":\d+/g)].length;
          if (res.status !== 200 || entries !== LIMIT)
            throw new Error(`offset ${offset}: ${res.status}, ${entries} entries`);
          return ms;
        };
        // Warm-up: the JIT, the statement caches and the database's pages.
        for (let i = 0; i < 3; i++) for (const offset of OFFSETS) await pageAt(offset);
        for (const offset of OFFSETS) {
          const runs: number[] = [];
          for (let i = 0; i < RUNS; i++) runs.push(await pageAt(offset));
          times.set(`${view} ${offset}`, runs);
        }
      }
      return times;
    } finally {
      await server.stop();
    }
  };

  const alone = await pageTimes();
  const filledAt = Date.now();
  dataSource = await open(db.url);
  const before = Math.floor(OUTSIDE / 2);
  await addCalls(dataSource, before, WINDOW_START - 150 * DAY, WINDOW_START);
  await addCalls(dataSource, OUTSIDE - before, WINDOW_START + DAY, WINDOW_START + 150 * DAY);
  await dataSource.destroy();
  const fillSeconds = (Date.now() - filledAt) / 1000;
  const crowded = await pageTimes();

  const rows: string[][] = [];
  for (const view of ['agent', 'teamView']) {
    const first = median(alone.get(`${view} 0`)!);
    for (const offset of OFFSETS) {
      const a = median(alone.get(`${view} ${offset}`)!);
      const c = median(crowded.get(`${view} ${offset}`)!);
      rows.push([
        `${view}, offset ${offset}`,
        `${a.toFixed(1)} ms`,
        `${c.toFixed(1)} ms`,
        (c / a).toFixed(2),
        (a / first).toFixed(2),
      ]);
    }
  }
  process.stdout.write(
    `\n${db.label}: a window of 24 h holding ${IN_WINDOW} calls, pages of ${LIMIT} (median of ${RUNS}); ` +
      `${OUTSIDE} calls of the team outside it added in ${fillSeconds.toFixed(0)} s\n` +
      table(['page', 'window alone', `with ${OUTSIDE} outside`, 'outside/alone', 'vs offset 0'], rows) +
      '\ntargets: outside/alone at most 1.3; offset 19000 at most 3 times offset 0\n',
  );
}

runOnEngines(benchEngine);
