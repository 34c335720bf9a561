import 'reflect-metadata';
import path from 'node:path';
import {
  bearerOf,
  compareBuild,
  type BenchDatabase,
  envNumber,
  type LoadResult,
  merge,
  percentile,
  runLoad,
  runOnEngines,
  startServer,
  table,
} from './support';

/**
 * `npm run bench`: Get Call under load against the built service, on SQLite and (with TEST_DATABASE_URL)
 * on MySQL. For each engine: a warm-up, then the baseline (a public route that touches neither auth nor
 * the database), the allowed GET (user 100234) and the denied GET (user 100235), each for
 * BENCH_DURATION seconds (10) in BENCH_ROUNDS turns (5) with BENCH_CONNECTIONS connections (50), in the
 * same run. A second baseline is the framework's ceiling: a bare NestJS app (framework-baseline.ts) answering
 * Get Call's path with the same JSON and nothing else; each case is printed as a fraction of both. BENCH_COMPARE names another checkout (built with `npm run build`): its service runs beside this one
 * on the same database and its two Get Call cases take their turns among these, so that a change is measured
 * against the build before it side by side. A last case reads calls through the batch (BATCH_SIZE readable calls of
 * 100234 a request, logged through the API at the start) and the calls per second of both ways are compared. Two more
 * cases measure the call edit: Get Call with If-None-Match naming the current ETag (a 304 without a body) against the
 * full Get Call, and PATCH of the call above 2^53 as 100234, each connection alternating two edits so that every
 * request changes the record (a call Get Call's cases do not read, so that their ETag stays current).
 */
const CALL = '/v2.0/communication/call/563172647619608';
const duration = envNumber('BENCH_DURATION', 10);
const connections = envNumber('BENCH_CONNECTIONS', 50);
const warmup = envNumber('BENCH_WARMUP', 5);
const rounds = envNumber('BENCH_ROUNDS', 5);
/** BENCH_CASES=get-call: the baselines and Get Call only (no batch, 304 or edit case, whose writes change the database between turns). */
const getCallOnly = process.env.BENCH_CASES === 'get-call';
const BATCH = '/v2.0/communication/call/batch';
const BATCH_SIZE = 100;
const EDITED = '/v2.0/communication/call/9007199254740993';
const EDITS = ['{"rateScore":1,"note":"Bench edit A"}', '{"rateScore":2,"note":"Bench edit B"}'];

/** Get Call's answer as the service gives it, for the framework baseline to send back. */
async function callJson(baseUrl: string): Promise<string> {
  const response = await fetch(baseUrl + CALL, { headers: bearerOf('100234') });
  if (response.status !== 200) throw new Error(`Get Call answered ${response.status}`);
  return response.text();
}

/**
 * The body of a batch of BATCH_SIZE calls that 100234 may read: the demo's dialer and logged calls and the one above
 * 2^53, and calls it logs on its lead 100001 through `POST /v1.0/logType` for the rest.
 */
async function readableBatch(baseUrl: string, authorization: string): Promise<string> {
  const ids = ['563172647619608', '563172647619609', '9007199254740993'];
  while (ids.length < BATCH_SIZE) {
    const response = await fetch(`${baseUrl}/v1.0/logType`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ leadId: 100001, logType: 'logCall', content: `Bench call ${ids.length}` }),
    });
    if (response.status !== 200) throw new Error(`Logging a call answered ${response.status}`);
    ids.push(/"id":(\d+)/.exec(await response.text())![1]);
  }
  return `{"ids":[${ids.join(',')}]}`;
}

async function benchEngine(db: BenchDatabase): Promise<void> {
  const server = await startServer({ DATABASE_URL: db.url, DEMO_DATA: 'true', DATABASE_MIGRATE: 'true' });
  const compareJs = compareBuild();
  const framework = await startServer(
    { BASELINE_BODY: await callJson(server.baseUrl) },
    path.resolve(__dirname, 'framework-baseline.js'),
  );
  const before = compareJs
    ? await startServer({ DATABASE_URL: db.url, DATABASE_MIGRATE: 'false', WEBHOOK_WORKER: 'false' }, compareJs)
    : undefined;
  try {
    const batch = {
      method: 'POST' as const,
      headers: { ...bearerOf('100234'), 'content-type': 'application/json' },
      body: await readableBatch(server.baseUrl, bearerOf('100234').authorization),
    };
    const etag = (await fetch(server.baseUrl + CALL, { headers: bearerOf('100234') })).headers.get('etag') ?? '';
    const cases: {
      name: string;
      url: string;
      headers: Record<string, string>;
      expect: number;
      method?: 'POST' | 'PATCH';
      body?: string;
      bodies?: string[];
    }[] = [
      { name: 'baseline GET /health/live', url: `${server.baseUrl}/health/live`, headers: {}, expect: 200 },
      { name: 'framework ceiling (bare Nest)', url: framework.baseUrl + CALL, headers: {}, expect: 200 },
      { name: 'GET call as 100234 (allowed)', url: server.baseUrl + CALL, headers: bearerOf('100234'), expect: 200 },
      { name: 'GET call as 100235 (denied)', url: server.baseUrl + CALL, headers: bearerOf('100235'), expect: 400 },
    ];
    if (before) {
      cases.push(
        { name: 'BEFORE: GET call as 100234', url: before.baseUrl + CALL, headers: bearerOf('100234'), expect: 200 },
        { name: 'BEFORE: GET call as 100235', url: before.baseUrl + CALL, headers: bearerOf('100235'), expect: 400 },
      );
    }
    const batchCase = getCallOnly
      ? -1
      : cases.push({
          name: `POST batch of ${BATCH_SIZE} as 100234`,
          url: server.baseUrl + BATCH,
          ...batch,
          expect: 200,
        }) - 1;
    const notModifiedCase = getCallOnly
      ? -1
      : cases.push({
          name: 'GET call as 100234, If-None-Match (304)',
          url: server.baseUrl + CALL,
          headers: { ...bearerOf('100234'), 'if-none-match': etag },
          expect: 304,
        }) - 1;
    const editCase = getCallOnly
      ? -1
      : cases.push({
          name: 'PATCH call as 100234 (an edit)',
          url: server.baseUrl + EDITED,
          method: 'PATCH',
          headers: { ...bearerOf('100234'), 'content-type': 'application/json' },
          bodies: EDITS,
          expect: 200,
        }) - 1;
    for (const c of cases) {
      const response = await fetch(c.url, { method: c.method, headers: c.headers, body: c.body ?? c.bodies?.[0] });
      if (response.status !== c.expect) throw new Error(`${c.name}: expected ${c.expect}, got ${response.status}`);
      if (c.body !== undefined) {
        const answer = JSON.parse(await response.text()) as { calls: unknown[] };
        if (answer.calls.length !== BATCH_SIZE) throw new Error(`${c.name}: ${answer.calls.length} calls read`);
      }
    }
    for (const c of cases) await runLoad({ ...c, durationSeconds: warmup, connections });

    // The cases take turns, round after round, so that a machine that speeds up or slows down during the run
    // weighs on all of them alike and the ratios to the baseline stay fair.
    const runs = cases.map(() => [] as LoadResult[]);
    const rssStart = server.rssMb();
    for (let round = 0; round < rounds; round++) {
      for (const [i, c] of cases.entries()) {
        runs[i].push(await runLoad({ ...c, durationSeconds: duration / rounds, connections }));
      }
    }
    const rssEnd = server.rssMb();

    const results = runs.map(merge);
    const rate = (r: LoadResult) => r.latencies.length / r.seconds;
    const baseline = rate(results[0]);
    const ceiling = rate(results[1]);
    const rows = cases.map((c, i) => {
      const r = results[i];
      const sorted = [...r.latencies].sort((a, b) => a - b);
      const unexpected = r.latencies.length - (r.statuses.get(c.expect) ?? 0);
      return [
        c.name,
        rate(r).toFixed(0),
        `${percentile(sorted, 50).toFixed(1)} ms`,
        `${percentile(sorted, 99).toFixed(1)} ms`,
        (rate(r) / baseline).toFixed(2),
        (rate(r) / ceiling).toFixed(2),
        r.errors + r.timeouts + unexpected,
      ];
    });
    process.stdout.write(
      `\n${db.label}: ${connections} connections, ${duration} s per case in ${rounds} rounds, after a ${warmup} s ` +
        `warm-up per case\n` +
        table(['case', 'req/s', 'p50', 'p99', 'vs /health/live', 'vs framework', 'errors'], rows) +
        `\nservice memory (RSS): ${rssStart.toFixed(0)} MB at the start of the measured rounds, ` +
        `${rssEnd.toFixed(0)} MB at their end\n` +
        (getCallOnly
          ? ''
          : `calls read per second: ${rate(results[2]).toFixed(0)} by single Get Calls, ` +
            `${(rate(results[batchCase]) * BATCH_SIZE).toFixed(0)} by batches of ${BATCH_SIZE} ` +
            `(${((rate(results[batchCase]) * BATCH_SIZE) / rate(results[2])).toFixed(1)}x, target 15x)\n` +
            `Get Call with If-None-Match: ${rate(results[notModifiedCase]).toFixed(0)} req/s answered 304, against ` +
            `${rate(results[2]).toFixed(0)} in full (${(rate(results[notModifiedCase]) / rate(results[2])).toFixed(2)}x); ` +
            `edits: ${rate(results[editCase]).toFixed(0)} PATCH/s\n`),
    );
  } finally {
    await server.stop();
    await framework.stop();
    await before?.stop();
  }
}

runOnEngines(benchEngine);
