import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ApiClientEntity } from '../../src/auth/api-client.entity';
import { generateClientSecret, hashClientSecret } from '../../src/auth/client-secret';
import { loadAppConfig } from '../../src/config/app-config';
import { JwtKeys } from '../../src/auth/jwt-keys';
import { TokenService } from '../../src/auth/token.service';
import { resolveDataSourceOptions } from '../../src/database/data-source-options';
import { ENTITIES } from '../../src/entities';
import {
  type BenchDatabase,
  envNumber,
  formatMs,
  type LoadCase,
  type MixedLoadResult,
  percentile,
  runCases,
  runOnEngines,
  sortedCopy,
  type Server,
  startServer,
  table,
} from './support';

/**
 * `npm run bench:timing`: no existence leak through timing. The three PERMISSION_DENIED answers of Get Call (no
 * such communication, a communication that is not a call, a call on a lead the caller may not manage) must take
 * the same time: their median and p90 latencies must lie within 10% of each other. So must the two refusals of
 * the token endpoint, for a wrong secret of a registered client id and for an unknown client id. The cases are
 * interleaved request by request (each request draws its case from a shuffled bag) over the same
 * TIMING_CONNECTIONS connections (1: a latency is then one request's own work, not a queue behind others), in
 * TIMING_ROUNDS rounds (20) of TIMING_ROUND_SECONDS (3), after a TIMING_WARMUP (5) s warm-up. SQLite, and MySQL
 * too with TEST_DATABASE_URL (BENCH_ENGINES=sqlite,mysql picks). A fourth case, the allowed read of a call, runs
 * among them as a control outside the verdict (TIMING_CONTROL=0 leaves it out), and the right secret at the token
 * endpoint. It prints the figures and a verdict; it never fails on timing.
 */
const rounds = envNumber('TIMING_ROUNDS', 20);
const roundSeconds = envNumber('TIMING_ROUND_SECONDS', 3);
const connections = envNumber('TIMING_CONNECTIONS', 1);
const warmup = envNumber('TIMING_WARMUP', 5);
const withControl = envNumber('TIMING_CONTROL', 1) !== 0;
const LIMIT = 0.1;
const CALL = '/v2.0/communication/call/';
const TOKEN = '/oauth/token';
/** Headers that differ from one answer to the next whatever the case. */
const VARYING = /^(date|x-request-id|x-ratelimit-.*)$/;

const spread = (values: number[]) => (Math.max(...values) - Math.min(...values)) / Math.min(...values);
const percent = (fraction: number) => `${(fraction * 100).toFixed(1)} %`;
const signed = (fraction: number) => `${fraction >= 0 ? '+' : ''}${percent(fraction)}`;

async function benchEngine(db: BenchDatabase): Promise<void> {
  const server = await startServer({ DATABASE_URL: db.url, DEMO_DATA: 'true', DATABASE_MIGRATE: 'true' });
  try {
    await getCallCases(db, server);
    await tokenCases(db, server);
  } finally {
    await server.stop();
  }
}

async function getCallCases(db: BenchDatabase, server: Server): Promise<void> {
  const config = loadAppConfig({});
  const tokens = new TokenService(config, new JwtKeys(config));
  const bearer = (userId: string) => ({ authorization: `Bearer ${tokens.issue({ userId }).accessToken}` });
  const cases: LoadCase[] = [
    {
      name: 'no such id: 563172647619999 as 100235',
      path: `${CALL}563172647619999`,
      headers: bearer('100235'),
      expectStatus: 400,
    },
    {
      name: 'not a call: the email 563172647619610 as 100234',
      path: `${CALL}563172647619610`,
      headers: bearer('100234'),
      expectStatus: 400,
    },
    {
      name: 'lead not manageable: 563172647619608 as 100235',
      path: `${CALL}563172647619608`,
      headers: bearer('100235'),
      expectStatus: 400,
    },
  ];
  // Not in the verdict: the allowed read of the same call, which does more work (the call's row, the mapping, a
  // longer body), to show that the benchmark does see a difference when there is one.
  const control: LoadCase = {
    name: 'control, not in the verdict: 563172647619608 as 100234 (200)',
    path: `${CALL}563172647619608`,
    headers: bearer('100234'),
    expectStatus: 200,
  };
  await compare(db, server, 'the three PERMISSION_DENIED cases of Get Call', '"PERMISSION_DENIED"', cases, control);
}

/** A wrong secret for a registered client and any secret for an unknown client id of the same form. */
async function tokenCases(db: BenchDatabase, server: Server): Promise<void> {
  const clientId = 'cl_0123456789abcdef01234567';
  const secret = generateClientSecret();
  await registerClient(db, clientId, secret);
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const request = (id: string, clientSecret: string) =>
    `grant_type=client_credentials&client_id=${id}&client_secret=${clientSecret}`;
  const wrongSecret = generateClientSecret();
  const cases: LoadCase[] = [
    {
      name: 'registered client id, wrong secret',
      method: 'POST',
      path: TOKEN,
      headers: form,
      body: request(clientId, wrongSecret),
      expectStatus: 401,
    },
    {
      name: 'unknown client id, wrong secret',
      method: 'POST',
      path: TOKEN,
      headers: form,
      body: request('cl_fedcba9876543210fedcba98', wrongSecret),
      expectStatus: 401,
    },
  ];
  const control: LoadCase = {
    name: 'control, not in the verdict: the right secret (200)',
    method: 'POST',
    path: TOKEN,
    headers: form,
    body: request(clientId, secret),
    expectStatus: 200,
  };
  await compare(db, server, 'the two BAD_CREDENTIALS cases of the token endpoint', '"BAD_CREDENTIALS"', cases, control);
}

async function registerClient(db: BenchDatabase, clientId: string, secret: string): Promise<void> {
  const dataSource = new DataSource(
    await resolveDataSourceOptions(loadAppConfig({ DATABASE_URL: db.url }).database, ENTITIES),
  );
  await dataSource.initialize();
  try {
    await dataSource.getRepository(ApiClientEntity).insert({
      id: clientId,
      secretHash: hashClientSecret(secret),
      userId: '100234',
      name: 'timing bench',
      scopes: '',
      createdAt: new Date(),
      revokedAt: null,
    });
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Checks that the answers of `cases` are identical (and contain `expected`), then drives them interleaved with the
 * control and prints the figures and the verdict.
 */
async function compare(
  db: BenchDatabase,
  server: Server,
  title: string,
  expected: string,
  cases: LoadCase[],
  control: LoadCase,
): Promise<void> {
  // The answers themselves must not tell the cases apart: the same status, body and headers.
  const answers = await Promise.all(
    cases.map(async (c) => {
      const response = await fetch(server.baseUrl + c.path, { method: c.method, headers: c.headers, body: c.body });
      const headers = [...response.headers].filter(([name]) => !VARYING.test(name)).map(([n, v]) => `${n}: ${v}`);
      return { status: response.status, body: await response.text(), headers: headers.join('\n') };
    }),
  );
  const [first] = answers;
  if (!first.body.includes(expected)) {
    throw new Error(`unexpected answer: ${first.status} ${first.body}`);
  }
  const identical = answers.every(
    (a) => a.status === first.status && a.body === first.body && a.headers === first.headers,
  );
  for (const c of cases) c.expectBody = first.body;

  const driven = withControl ? [...cases, control] : cases;
  await runCases({ baseUrl: server.baseUrl, cases: driven, durationSeconds: warmup, connections });
  const runs: MixedLoadResult[] = [];
  for (let round = 0; round < rounds; round++) {
    runs.push(await runCases({ baseUrl: server.baseUrl, cases: driven, durationSeconds: roundSeconds, connections }));
  }
  const perCase = driven.map((_, i) => sortedCopy(runs.flatMap((r) => r.cases[i].latencies)));
  const mismatches = driven.map((_, i) => runs.reduce((sum, r) => sum + r.cases[i].mismatches, 0));
  const firstMismatch = runs.flatMap((r) => r.cases.map((c) => c.firstMismatch)).find((m) => m !== undefined);
  const errors = runs.reduce((sum, r) => sum + r.errors, 0);
  const timeouts = runs.reduce((sum, r) => sum + r.timeouts, 0);
  const denied = perCase.slice(0, cases.length);
  const medians = denied.map((l) => percentile(l, 50));
  const p90s = denied.map((l) => percentile(l, 90));
  const roundsOver = runs.filter(
    (r) => spread(r.cases.slice(0, cases.length).map((c) => percentile(sortedCopy(c.latencies), 50))) > LIMIT,
  ).length;
  const medianSpread = spread(medians);
  const p90Spread = spread(p90s);
  const within = medianSpread <= LIMIT && p90Spread <= LIMIT;
  // Unloaded, the p90 lies within about 1.6x the median (0.54 and 0.88 ms on SQLite on a quiet 2-core machine).
  const busy = Math.min(...p90s) > 2 * Math.max(...medians);
  const clean = identical && errors + timeouts + mismatches.reduce((a, b) => a + b, 0) === 0;

  process.stdout.write(
    `\n${db.label}: ${title}, interleaved request by request over the same ` +
      `${connections} connection${connections === 1 ? '' : 's'}, ${rounds} rounds of ${roundSeconds} s after a ` +
      `${warmup} s warm-up\n` +
      `answers: ${first.status} ${first.body}\n` +
      `  ${identical ? 'identical' : 'NOT IDENTICAL'} in the ${cases.length} cases (status, body, headers but ` +
      'date, x-request-id and x-ratelimit-*)\n' +
      table(
        ['case', 'requests', 'median', 'p90', 'p99', 'mismatches'],
        driven.map((c, i) => [
          c.name,
          perCase[i].length,
          formatMs(percentile(perCase[i], 50)),
          formatMs(percentile(perCase[i], 90)),
          formatMs(percentile(perCase[i], 99)),
          mismatches[i],
        ]),
      ) +
      `\nspread (max-min)/min: medians ${percent(medianSpread)}, p90s ${percent(p90Spread)}; ` +
      `rounds whose medians spread over 10 %: ${roundsOver} of ${rounds}\n` +
      (withControl
        ? `control: median ${signed(percentile(perCase[cases.length], 50) / Math.max(...medians) - 1)}, p90 ` +
          `${signed(percentile(perCase[cases.length], 90) / Math.max(...p90s) - 1)} over the slowest refused case\n`
        : '') +
      `errors ${errors}, timeouts ${timeouts}${firstMismatch ? `, first mismatch: ${firstMismatch}` : ''}\n` +
      `verdict: ${within ? 'PASS' : 'OVER'}: medians and p90s ${within ? 'within' : 'NOT within'} 10 % of each ` +
      `other${clean ? '' : `; BUT some answers were not the expected identical ${first.status}`}\n` +
      (busy
        ? `  (a busy machine: the p90s are ${(Math.min(...p90s) / Math.max(...medians)).toFixed(1)}x the medians, so ` +
          'they fall in the tail that other processes add, where a few samples move them a lot; rerun on a quiet ' +
          'machine or with more TIMING_ROUNDS before reading the p90 spread)\n'
        : ''),
  );
}

runOnEngines(benchEngine);
