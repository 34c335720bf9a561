import 'reflect-metadata';
import autocannon from 'autocannon';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  type BenchDatabase,
  bearerOf,
  compareBuild,
  envNumber,
  runOnEngines,
  type Server,
  startServer,
  table,
} from './support';

/**
 * `npm run bench:cpu`: the service's own CPU time per request, the figure that settles a change to the request path
 * on a shared machine where throughput moves by a fifth between runs. Each server (this build, the build named by
 * BENCH_COMPARE on the same database, and the bare NestJS app of framework-baseline.ts) is pinned to one core and the
 * load generator to the other (`taskset`, when the machine has it and two cores); then, BENCH_ROUNDS times (12), each
 * server in turn, in an order reversed every round, answers BENCH_REQUESTS requests (10,000) over 20 connections, and
 * the CPU time its process spent on them (user + system, all its threads: garbage collection included, from
 * /proc/<pid>/stat) is divided by their number. It prints the median and the spread of each case, and the ceiling's
 * CPU per request as a fraction of each Get Call's (the throughput fraction of `npm run bench`, without the noise of
 * the load generator and the neighbours).
 */
const CALL = '/v2.0/communication/call/563172647619608';
const requests = envNumber('BENCH_REQUESTS', 10_000);
const rounds = envNumber('BENCH_ROUNDS', 12);
const TICK_US = 1_000_000 / Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());

interface Case {
  name: string;
  server: Server;
  url: string;
  headers: Record<string, string>;
  expect: number;
  perRequestUs: number[];
}

/** CPU time (user + system) the process has used, in microseconds. */
function cpuUs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_US;
}

/** Pins a process (all its threads) to one core; false when `taskset` is missing or the core is not there. */
function pin(pid: number, core: number): boolean {
  try {
    execFileSync('taskset', ['-a', '-cp', String(core), String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function drive(c: Case, amount: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let wrong = 0;
    const instance = autocannon({ url: c.url, headers: c.headers, connections: 20, amount }, (error) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(),
    );
    instance.on('response', (_client: unknown, status: number) => {
      if (status !== c.expect && wrong++ === 0) reject(new Error(`${c.name}: answered ${status}`));
    });
  });
}

async function benchEngine(db: BenchDatabase): Promise<void> {
  const quiet = { WEBHOOK_WORKER: 'false' };
  const server = await startServer({ DATABASE_URL: db.url, DEMO_DATA: 'true', DATABASE_MIGRATE: 'true', ...quiet });
  const compareJs = compareBuild();
  const before = compareJs
    ? await startServer({ DATABASE_URL: db.url, DATABASE_MIGRATE: 'false', ...quiet }, compareJs)
    : undefined;
  const bearer = bearerOf('100234');
  const body = await (await fetch(server.baseUrl + CALL, { headers: bearer })).text();
  const framework = await startServer({ BASELINE_BODY: body }, path.resolve(__dirname, 'framework-baseline.js'));
  const servers = [server, framework, ...(before ? [before] : [])];
  try {
    const pinned = servers.every((s) => pin(s.process.pid!, 1)) && pin(process.pid, 0);
    const cases: Case[] = [
      {
        name: 'framework ceiling (bare Nest)',
        server: framework,
        url: framework.baseUrl + CALL,
        headers: {},
        expect: 200,
      },
      { name: 'GET call as 100234 (allowed)', server, url: server.baseUrl + CALL, headers: bearer, expect: 200 },
      { name: 'GET /health/live', server, url: `${server.baseUrl}/health/live`, headers: {}, expect: 200 },
    ].map((c) => ({ ...c, perRequestUs: [] }));
    if (before) {
      cases.push({
        name: 'BEFORE: GET call as 100234',
        server: before,
        url: before.baseUrl + CALL,
        headers: bearer,
        expect: 200,
        perRequestUs: [],
      });
    }
    for (const c of cases) await drive(c, Math.min(requests, 5_000)); // warm-up
    for (let round = 0; round < rounds; round++) {
      for (const c of round % 2 === 0 ? cases : [...cases].reverse()) {
        const pid = c.server.process.pid!;
        const start = cpuUs(pid);
        await drive(c, requests);
        c.perRequestUs.push((cpuUs(pid) - start) / requests);
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
    const ceiling = median(cases[0].perRequestUs);
    process.stdout.write(
      `\n${db.label}: CPU time of the server per request, ${rounds} rounds of ${requests} requests (20 connections), ` +
        `${pinned ? 'servers on core 1, load on core 0' : 'not pinned (no taskset or one core)'}\n`,
    );
    process.stdout.write(
      table(
        ['case', 'median µs', 'min', 'max', 'ceiling / case'],
        cases.map((c) => [
          c.name,
          median(c.perRequestUs).toFixed(1),
          Math.min(...c.perRequestUs).toFixed(1),
          Math.max(...c.perRequestUs).toFixed(1),
          (ceiling / median(c.perRequestUs)).toFixed(2),
        ]),
      ) + '\n',
    );
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

runOnEngines(benchEngine);
