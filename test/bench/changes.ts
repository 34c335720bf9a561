import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { JwtKeys } from '../../src/auth/jwt-keys';
import { TokenService } from '../../src/auth/token.service';
import { CallChangeEntity, CallChangeMarksEntity } from '../../src/calls/call-change.entity';
import { CallChangeType, Channel, CommunicationSource } from '../../src/calls/call-enums';
import { CommunicationEntity } from '../../src/calls/communication.entity';
import { loadAppConfig } from '../../src/config/app-config';
import { resolveDataSourceOptions } from '../../src/database/data-source-options';
import { ENTITIES } from '../../src/entities';
import { prepareDatabase } from '../../src/seeds/prepare-database';
import {
  type BenchDatabase,
  envNumber,
  formatMs,
  percentile,
  runCases,
  runOnEngines,
  sortedCopy,
  startServer,
  table,
} from './support';

/**
 * `npm run bench:changes`: the change side of calls, on each engine.
 * 1. Get Call with `If-None-Match` (304, no body) against a full Get Call, interleaved in one run; and `PATCH`
 *    throughput over BENCH_EDITED (50) calls, each edit a change of the feed and a version (BENCH_SECONDS, 10, with
 *    BENCH_CONNECTIONS, 8).
 * 2. The change feed's page of 1,000 (median of BENCH_RUNS, 5): with BENCH_FIRST (5,000) changes, then after
 *    BENCH_CHANGES (1,000,000) changes of the team, at the start and at the end of the feed; for the agent's own feed
 *    and the team's (teamView). Target: a page after the million at most 1.3 times a page at the start.
 * SQLite, and MySQL too with TEST_DATABASE_URL.
 */
const EDITED = envNumber('BENCH_EDITED', 50);
const SECONDS = envNumber('BENCH_SECONDS', 10);
const CONNECTIONS = envNumber('BENCH_CONNECTIONS', 8);
const FIRST = envNumber('BENCH_FIRST', 5_000);
const CHANGES = envNumber('BENCH_CHANGES', 1_000_000);
const RUNS = envNumber('BENCH_RUNS', 5);
const PAGE = 1000;
/** The calls the bench's changes are of: the feed joins each change to its call. */
const CALLS_CHANGED = 1000;
const DIALER_CALL = '563172647619608';
const quiet = { log: () => undefined, error: () => undefined, warn: () => undefined };

async function open(url: string): Promise<DataSource> {
  const config = loadAppConfig({ DATABASE_URL: url, DEMO_DATA: 'true' });
  const dataSource = new DataSource(await resolveDataSourceOptions(config.database, ENTITIES));
  await dataSource.initialize();
  await prepareDatabase(dataSource, config, quiet);
  return dataSource;
}

/** CALLS_CHANGED logged calls of agent 100234 on lead 100001, ids from `firstId`. */
async function addCalls(dataSource: DataSource, firstId: bigint): Promise<string[]> {
  const now = new Date(Date.UTC(2026, 5, 1));
  const rows: Partial<CommunicationEntity>[] = Array.from({ length: CALLS_CHANGED }, (_, i) => ({
    id: String(firstId + BigInt(i)),
    leadId: '100001',
    teamId: '1',
    recordedMs: String(now.getTime()),
    agentId: '100234',
    channel: Channel.Call,
    source: CommunicationSource.Logged,
    dialerCallRecordId: null,
    logPhoneNumber: '+14155550111',
    logDirection: null,
    content: `Call ${i}`,
    isPin: false,
    emailSubject: null,
    toEmail: null,
    fromEmail: null,
    callingOutcome: null,
    rateScore: null,
    note: null,
    createTime: now,
    updateTime: now,
  }));
  for (let start = 0; start < rows.length; start += 500) {
    await dataSource
      .createQueryBuilder()
      .insert()
      .into(CommunicationEntity)
      .values(rows.slice(start, start + 500))
      .updateEntity(false)
      .execute();
  }
  return rows.map((row) => row.id as string);
}

/** Appends `count` changes of the calls to the feed, after its last seq, as the service numbers them. */
async function addChanges(dataSource: DataSource, calls: string[], count: number): Promise<void> {
  const marks = await dataSource.getRepository(CallChangeMarksEntity).findOneByOrFail({ id: 1 });
  let seq = BigInt(marks.lastSeq);
  const changedMs = String(Date.now());
  for (let start = 0; start < count; start += 1000) {
    const rows: Partial<CallChangeEntity>[] = [];
    for (let i = start; i < Math.min(start + 1000, count); i++) {
      seq += 1n;
      rows.push({
        seq: String(seq),
        communicationId: calls[i % calls.length],
        teamId: '1',
        leadId: '100001',
        agentId: '100234',
        changeType: i < calls.length ? CallChangeType.Created : CallChangeType.Updated,
        changedMs,
      });
    }
    await dataSource.transaction(async (manager) => {
      await manager.createQueryBuilder().insert().into(CallChangeEntity).values(rows).updateEntity(false).execute();
      await manager.update(CallChangeMarksEntity, { id: 1 }, { lastSeq: String(seq) });
    });
  }
}

const median = (values: number[]) => sortedCopy(values)[Math.floor(values.length / 2)];
const cursorAfter = (seq: bigint) => Buffer.from(`v1.${seq}`).toString('base64url');

async function benchEngine(db: BenchDatabase): Promise<void> {
  let dataSource = await open(db.url);
  const calls = await addCalls(dataSource, 720_000_000_000_000n);
  await addChanges(dataSource, calls, FIRST);
  const startSeq = BigInt((await dataSource.getRepository(CallChangeMarksEntity).findOneByOrFail({ id: 1 })).lastSeq);
  await dataSource.destroy();

  const config = loadAppConfig({});
  const tokens = new TokenService(config, new JwtKeys(config));
  const agent = `Bearer ${tokens.issue({ userId: '100234' }).accessToken}`;
  const admin = `Bearer ${tokens.issue({ userId: '100236' }).accessToken}`;
  const env = { DATABASE_URL: db.url, DATABASE_MIGRATE: 'false', DEMO_DATA: 'false', WEBHOOK_WORKER: 'false' };

  /** The median time of a page of PAGE changes after `afterSeq`, for the agent's feed and the team's. */
  const pageTimes = async (baseUrl: string, afterSeq: bigint): Promise<{ own: number; team: number }> => {
    const time = async (authorization: string, teamView: boolean) => {
      const url = `${baseUrl}/v1.0/communication/call/changes?limit=${PAGE}&cursor=${cursorAfter(afterSeq)}${teamView ? '&teamView=true' : ''}`;
      const runs: number[] = [];
      for (let i = 0; i < RUNS + 3; i++) {
        const started = process.hrtime.bigint();
        const res = await fetch(url, { headers: { authorization } });
        const body = await res.text();
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        const entries = [...body.matchAll(/"changeType"/g)].length;
        if (res.status !== 200 || entries !== PAGE) throw new Error(`after ${afterSeq}: ${res.status}, ${entries}`);
        // The first three warm the JIT, the statement caches and the database's pages.
        if (i >= 3) runs.push(ms);
      }
      return median(runs);
    };
    return { own: await time(agent, false), team: await time(admin, true) };
  };

  const server = await startServer(env);
  const rows: string[][] = [];
  try {
    // 1. Conditional reads and edits.
    const getCall = `/v2.0/communication/call/${DIALER_CALL}`;
    const reads = await runCases({
      baseUrl: server.baseUrl,
      cases: [
        { name: 'full', path: getCall, headers: { authorization: agent }, expectStatus: 200 },
        {
          name: '304',
          path: getCall,
          headers: { authorization: agent, 'if-none-match': '"1"' },
          expectStatus: 304,
          expectBody: '',
        },
      ],
      durationSeconds: SECONDS,
      connections: CONNECTIONS,
    });
    const edits = await runCases({
      baseUrl: server.baseUrl,
      cases: calls.slice(0, EDITED).map((id, i) => ({
        name: `edit ${id}`,
        method: 'PATCH' as const,
        path: `/v2.0/communication/call/${id}`,
        headers: { authorization: agent, 'content-type': 'application/json' },
        body: JSON.stringify({ note: `Edited ${i}` }),
        expectStatus: 200,
      })),
      durationSeconds: SECONDS,
      connections: CONNECTIONS,
    });
    const summary = (name: string, latencies: number[], seconds: number, mismatches: number) => {
      const sorted = sortedCopy(latencies);
      rows.push([
        name,
        `${(latencies.length / seconds).toFixed(0)}/s`,
        formatMs(percentile(sorted, 50)),
        formatMs(percentile(sorted, 99)),
        String(mismatches),
      ]);
    };
    // The two reads share the run: each has about half of its requests.
    summary('GET call, full (200)', reads.cases[0].latencies, reads.seconds, reads.cases[0].mismatches);
    summary('GET call, If-None-Match (304)', reads.cases[1].latencies, reads.seconds, reads.cases[1].mismatches);
    const editLatencies = edits.cases.flatMap((c) => c.latencies);
    const editMismatches = edits.cases.reduce((sum, c) => sum + c.mismatches, 0);
    summary(`PATCH, ${EDITED} calls in turn`, editLatencies, edits.seconds, editMismatches);
    if (reads.cases.some((c) => c.mismatches > 0) || editMismatches > 0) {
      throw new Error(
        `unexpected answers: ${[...reads.cases, ...edits.cases].map((c) => c.firstMismatch ?? '').join(' ')}`,
      );
    }
  } finally {
    await server.stop();
  }

  // 2. The feed at the start, then after the million.
  let atStart: { own: number; team: number };
  {
    const feed = await startServer(env);
    try {
      atStart = await pageTimes(feed.baseUrl, startSeq - BigInt(FIRST));
    } finally {
      await feed.stop();
    }
  }
  const filling = Date.now();
  dataSource = await open(db.url);
  await addChanges(dataSource, calls, CHANGES);
  const lastSeq = BigInt((await dataSource.getRepository(CallChangeMarksEntity).findOneByOrFail({ id: 1 })).lastSeq);
  await dataSource.destroy();
  const fillSeconds = (Date.now() - filling) / 1000;
  const feed = await startServer(env);
  let first: { own: number; team: number };
  let end: { own: number; team: number };
  try {
    first = await pageTimes(feed.baseUrl, startSeq - BigInt(FIRST));
    end = await pageTimes(feed.baseUrl, lastSeq - BigInt(PAGE) - 1n);
  } finally {
    await feed.stop();
  }
  const feedRows = (['own', 'team'] as const).map((view) => [
    view === 'own' ? "the agent's own feed" : "the team's (teamView)",
    formatMs(atStart[view]),
    formatMs(first[view]),
    formatMs(end[view]),
    (end[view] / atStart[view]).toFixed(2),
    (end[view] / first[view]).toFixed(2),
  ]);
  process.stdout.write(
    `\n${db.label}: ${SECONDS} s each, ${CONNECTIONS} connections\n` +
      table(['request', 'rate', 'p50', 'p99', 'unexpected'], rows) +
      `\n\nthe change feed, pages of ${PAGE} (median of ${RUNS}); ${CHANGES} changes added in ${fillSeconds.toFixed(0)} s\n` +
      table(
        [
          'feed',
          `start, ${FIRST} changes`,
          `start, +${CHANGES}`,
          `end, +${CHANGES}`,
          `end / start with ${FIRST}`,
          'end / start, same run',
        ],
        feedRows,
      ) +
      '\ntarget: a page at the end after the million at most 1.3 times a page at the start\n',
  );
}

runOnEngines(benchEngine);
