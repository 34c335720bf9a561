import 'reflect-metadata';
import { loadAppConfig } from '../../src/config/app-config';
import { JwtKeys } from '../../src/auth/jwt-keys';
import { TokenService } from '../../src/auth/token.service';
import { BenchDatabase, envNumber, mysqlDatabase, runLoad, sqliteDatabase, startServer, table } from './support';

/**
 * `npm run bench`: Get Call under load against the built service, on SQLite and (with TEST_DATABASE_URL)
 * on MySQL. For each engine: a warm-up, then the baseline (a public route that touches neither auth nor
 * the database), the allowed GET (user 100234) and the denied GET (user 100235), each for
 * BENCH_DURATION seconds (10) with BENCH_CONNECTIONS connections (50), in the same run.
 */
const CALL = '/v2.0/communication/call/563172647619608';
const duration = envNumber('BENCH_DURATION', 10);
const connections = envNumber('BENCH_CONNECTIONS', 50);
const warmup = envNumber('BENCH_WARMUP', 5);

async function benchEngine(db: BenchDatabase): Promise<void> {
  const server = await startServer({ DATABASE_URL: db.url, DEMO_DATA: 'true', DATABASE_MIGRATE: 'true' });
  try {
    const tokens = new TokenService(loadAppConfig({}), new JwtKeys(loadAppConfig({})));
    const bearer = (userId: string) => ({ authorization: `Bearer ${tokens.issue({ userId }).accessToken}` });
    const cases = [
      { name: 'baseline GET /health/live', url: `${server.baseUrl}/health/live`, headers: {}, expect: 200 },
      { name: 'GET call as 100234 (allowed)', url: server.baseUrl + CALL, headers: bearer('100234'), expect: 200 },
      { name: 'GET call as 100235 (denied)', url: server.baseUrl + CALL, headers: bearer('100235'), expect: 400 },
    ];
    for (const c of cases) {
      const response = await fetch(c.url, { headers: c.headers });
      if (response.status !== c.expect) throw new Error(`${c.name}: expected ${c.expect}, got ${response.status}`);
    }
    for (const c of cases) await runLoad({ url: c.url, headers: c.headers, durationSeconds: warmup, connections });

    const rows: (string | number)[][] = [];
    let baseline = 0;
    for (const c of cases) {
      const rssBefore = server.rssMb();
      const r = await runLoad({ url: c.url, headers: c.headers, durationSeconds: duration, connections });
      const rssAfter = server.rssMb();
      if (baseline === 0) baseline = r.requestsPerSecond;
      const unexpected = c.expect === 200 ? r.non2xx : r.total - r.non2xx;
      rows.push([
        c.name,
        r.requestsPerSecond.toFixed(0),
        `${r.p50} ms`,
        `${r.p99} ms`,
        (r.requestsPerSecond / baseline).toFixed(2),
        r.errors + r.timeouts + unexpected,
        `${rssBefore.toFixed(0)} -> ${rssAfter.toFixed(0)} MB`,
      ]);
    }
    process.stdout.write(
      `\n${db.label} (${connections} connections, ${duration} s per case, after a ${warmup} s warm-up per case)\n` +
        table(['case', 'req/s', 'p50', 'p99', 'vs baseline', 'errors', 'RSS'], rows) +
        '\n',
    );
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const engines: (() => Promise<BenchDatabase>)[] = [() => Promise.resolve(sqliteDatabase())];
  const mysqlUrl = process.env.TEST_DATABASE_URL;
  if (mysqlUrl) engines.push(() => mysqlDatabase(mysqlUrl));
  else process.stdout.write('(set TEST_DATABASE_URL=mysql://root@127.0.0.1:3306 to bench MySQL as well)\n');
  for (const create of engines) {
    const db = await create();
    try {
      await benchEngine(db);
    } finally {
      await db.drop();
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exitCode = 1;
});
