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
import { prepareDatabase } from '../../src/seeds/prepare-database';
import { LeadEntity } from '../../src/leads/lead.entity';
import { type BenchDatabase, envNumber, runOnEngines, startServer, table } from './support';

/**
 * `npm run bench:pages`: walks the call history of a lead with BENCH_CALLS calls (100,000) a page of 1,000 at a
 * time, with the keyset cursor and with offsets, and prints the time of each kind of page from the first to
 * the last, with the query plan of the cursor query. SQLite, and MySQL too with TEST_DATABASE_URL.
 */
const CALLS = envNumber('BENCH_CALLS', 100_000);
const LIMIT = 1000;
const WALKS = envNumber('BENCH_WALKS', 3);
const LEAD = '800000001';
const quiet = { log: () => undefined, error: () => undefined, warn: () => undefined };

async function fill(url: string): Promise<DataSource> {
  const config = loadAppConfig({ DATABASE_URL: url, DEMO_DATA: 'true' });
  const dataSource = new DataSource(await resolveDataSourceOptions(config.database, ENTITIES));
  await dataSource.initialize();
  await prepareDatabase(dataSource, config, quiet);
  const now = new Date(Date.UTC(2026, 4, 1));
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
  for (let start = 0; start < CALLS; start += 1000) {
    const dialer: Partial<DialerCallRecordEntity>[] = [];
    const communications: Partial<CommunicationEntity>[] = [];
    for (let i = start; i < Math.min(start + 1000, CALLS); i++) {
      const withDialer = i % 4 === 0;
      if (withDialer) {
        dialer.push({
          id: String(900_000_000_000 + i),
          userId: '100234',
          userPhoneNumber: '+14155550100',
          leadPhoneNumber: '+14155550111',
          direction: CallDirection.Outbound,
          status: CallStatus.Completed,
          startTime: now,
          endTime: now,
          duration: 60,
          recordingSwitch: true,
          showUserNumber: '+14155550100',
          isMachineAnswered: false,
          price: '0.0200',
          elapsedSeconds: 7,
          payloadHash: null,
          createdAt: now,
        });
      }
      communications.push({
        id: String(600_000_000_000_000 + i),
        leadId: LEAD,
        teamId: '1',
        recordedMs: String(now.getTime()),
        agentId: '100234',
        channel: Channel.Call,
        source: withDialer ? CommunicationSource.Manual : CommunicationSource.Logged,
        dialerCallRecordId: withDialer ? String(900_000_000_000 + i) : null,
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
        createTime: now,
        updateTime: now,
      });
    }
    // updateEntity(false): no read-back of defaults, which TypeORM would do with one condition per row.
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
  return dataSource;
}

async function plan(dataSource: DataSource): Promise<string> {
  const sqlite = dataSource.options.type === 'better-sqlite3';
  const sql =
    `SELECT c.id FROM communications c${sqlite ? '' : ' FORCE INDEX (idx_communications_lead_channel)'} ` +
    'LEFT JOIN dialer_call_records d ON d.id = c.dialer_call_record_id ' +
    "WHERE c.lead_id = ? AND c.channel = 'CALL' AND c.id < ? ORDER BY c.id DESC LIMIT 1000";
  const rows: Record<string, string | null>[] = await dataSource.query(
    `${sqlite ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN'} ${sql}`,
    [LEAD, '700000000000000'],
  );
  return rows
    .map((r) => (sqlite ? `${r.detail}` : `${r.table}: ${r.type} on ${r.key} (${r.Extra ?? ''})`))
    .join('\n  ');
}

async function timed(url: string, authorization: string): Promise<{ ms: number; body: string }> {
  const start = process.hrtime.bigint();
  const res = await fetch(url, { headers: { authorization } });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${body}`);
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, body };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function benchEngine(db: BenchDatabase): Promise<void> {
  const filledAt = Date.now();
  const dataSource = await fill(db.url);
  const fillSeconds = (Date.now() - filledAt) / 1000;
  const queryPlan = await plan(dataSource);
  await dataSource.destroy();
  const server = await startServer({ DATABASE_URL: db.url, DATABASE_MIGRATE: 'false', DEMO_DATA: 'false' });
  try {
    const config = loadAppConfig({});
    const authorization = `Bearer ${new TokenService(config, new JwtKeys(config)).issue({ userId: '100234' }).accessToken}`;
    const pages = Math.ceil(CALLS / LIMIT);
    const cursorTimes: number[][] = Array.from({ length: pages }, () => []);
    for (let walk = 0; walk < WALKS; walk++) {
      let cursor = '';
      for (let page = 0; page < pages; page++) {
        const { ms, body } = await timed(
          `${server.baseUrl}/v1.0/communication/call?leadId=${LEAD}&limit=${LIMIT}${cursor}`,
          authorization,
        );
        cursorTimes[page].push(ms);
        const ids = [...body.matchAll(/\{"id":(\d+)/g)].map((m) => m[1]);
        if (ids.length !== Math.min(LIMIT, CALLS - page * LIMIT)) throw new Error(`page ${page}: ${ids.length} calls`);
        cursor = `&currentId=${ids[ids.length - 1]}`;
      }
    }
    const offsetAt = async (offset: number) => {
      const times: number[] = [];
      for (let i = 0; i < WALKS; i++) {
        times.push(
          (
            await timed(
              `${server.baseUrl}/v1.0/communication/call?leadId=${LEAD}&limit=${LIMIT}&offset=${offset}`,
              authorization,
            )
          ).ms,
        );
      }
      return median(times);
    };
    const perPage = cursorTimes.map(median);
    const at = (fraction: number) => Math.min(pages - 1, Math.floor(fraction * pages));
    const rows = [
      ['keyset cursor (currentId)', ...[0, 0.25, 0.5, 0.75, 1].map((f) => `${perPage[at(f)].toFixed(1)} ms`)],
      [
        'offset',
        ...(await Promise.all(
          [0, 0.25, 0.5, 0.75, 1].map(async (f) => `${(await offsetAt(at(f) * LIMIT)).toFixed(1)} ms`),
        )),
      ],
    ];
    process.stdout.write(
      `\n${db.label}: a lead with ${CALLS} calls, pages of ${LIMIT} (median of ${WALKS} walks; filled in ${fillSeconds.toFixed(0)} s)\n` +
        table(['page', 'first', '25%', '50%', '75%', 'last'], rows) +
        `\ncursor walk: median page ${median(perPage).toFixed(1)} ms, slowest ${Math.max(...perPage).toFixed(1)} ms, ` +
        `last/first ${(perPage[pages - 1] / perPage[0]).toFixed(2)}\nquery plan of a cursor page:\n  ${queryPlan}\n`,
    );
  } finally {
    await server.stop();
  }
}

runOnEngines(benchEngine);
