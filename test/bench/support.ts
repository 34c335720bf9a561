import autocannon from 'autocannon';
import { spawn, ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { JwtKeys } from '../../src/auth/jwt-keys';
import { TokenService } from '../../src/auth/token.service';
import { loadAppConfig } from '../../src/config/app-config';

/** A database for one benchmark run: a temporary SQLite file, or a fresh MySQL database that is dropped after. */
export interface BenchDatabase {
  label: string;
  url: string;
  drop(): Promise<void>;
}

export function sqliteDatabase(): BenchDatabase {
  const dir = mkdtempSync(path.join(tmpdir(), 'calls-bench-'));
  return {
    label: 'SQLite',
    url: `sqlite:${path.join(dir, 'bench.sqlite')}`,
    drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}

export async function mysqlDatabase(serverUrl: string): Promise<BenchDatabase> {
  const server = new URL(serverUrl);
  const name = `calls_bench_${process.pid}`;
  const connect = () =>
    createConnection({
      host: server.hostname,
      port: Number(server.port || 3306),
      user: decodeURIComponent(server.username || 'root'),
      password: decodeURIComponent(server.password),
    });
  const admin = await connect();
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    label: 'MySQL',
    url: url.toString(),
    drop: async () => {
      const c = await connect();
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}

/**
 * The entry point of every benchmark script: runs `benchEngine` on a fresh SQLite database, then on a fresh MySQL
 * database when TEST_DATABASE_URL is set (BENCH_ENGINES=sqlite,mysql picks), dropping each after; an error is
 * printed and sets the exit code.
 */
export function runOnEngines(benchEngine: (db: BenchDatabase) => Promise<void>): void {
  const main = async (): Promise<void> => {
    const mysqlUrl = process.env.TEST_DATABASE_URL;
    const only = process.env.BENCH_ENGINES?.split(',');
    const engines: (() => Promise<BenchDatabase>)[] = [];
    if (!only || only.includes('sqlite')) engines.push(() => Promise.resolve(sqliteDatabase()));
    if (mysqlUrl && (!only || only.includes('mysql'))) engines.push(() => mysqlDatabase(mysqlUrl));
    if (!mysqlUrl) process.stdout.write('(set TEST_DATABASE_URL=mysql://root@127.0.0.1:3306 to bench MySQL as well)\n');
    for (const create of engines) {
      const db = await create();
      try {
        await benchEngine(db);
      } finally {
        await db.drop();
      }
    }
  };
  main().catch((error: unknown) => {
    process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
    process.exitCode = 1;
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The main.js of the build named by BENCH_COMPARE (a checkout folder or the file itself), if any. */
export function compareBuild(): string | undefined {
  const named = process.env.BENCH_COMPARE;
  if (!named) return undefined;
  const mainJs = named.endsWith('.js') ? path.resolve(named) : path.resolve(named, 'dist/src/main.js');
  if (!existsSync(mainJs)) throw new Error(`BENCH_COMPARE: no build at ${mainJs} (run npm run build there)`);
  return mainJs;
}

export interface Server {
  baseUrl: string;
  process: ChildProcess;
  rssMb(): number;
  stop(): Promise<void>;
}

/**
 * Starts the built service (dist/src/main.js, or the `main.js` of another build given as `mainJs`) as its own
 * process, and waits until it answers.
 */
export async function startServer(
  env: Record<string, string>,
  mainJs = path.resolve(__dirname, '../../src/main.js'),
): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [mainJs], {
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      // A benchmark drives one caller far beyond any real client's limit.
      RATE_LIMIT_PER_MINUTE: '1000000',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The service exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/health/live`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('The service did not start within 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    process: child,
    rssMb: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface LoadResult {
  /** Every response's latency in milliseconds and its status. */
  latencies: number[];
  statuses: Map<number, number>;
  seconds: number;
  errors: number;
  timeouts: number;
}

/** Drives one URL with autocannon (GET unless told) and records every response. */
export function runLoad(options: {
  url: string;
  method?: 'GET' | 'POST' | 'PATCH';
  headers?: Record<string, string>;
  body?: string;
  /** Bodies each connection sends in turn, one a request (in place of `body`). */
  bodies?: string[];
  durationSeconds: number;
  connections: number;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        // Only when given: autocannon's defaults do not fill in an option given as undefined.
        ...(options.method === undefined ? {} : { method: options.method }),
        headers: options.headers,
        ...(options.body === undefined ? {} : { body: options.body }),
        ...(options.bodies === undefined ? {} : { requests: options.bodies.map((body) => ({ body })) }),
        connections: options.connections,
        duration: options.durationSeconds,
      },
      (error, result) => {
        if (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        resolve({ latencies, statuses, seconds: result.duration, errors: result.errors, timeouts: result.timeouts });
      },
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
    });
  });
}

/** Several runs of the same case, as one. */
export function merge(results: LoadResult[]): LoadResult {
  const statuses = new Map<number, number>();
  for (const r of results) for (const [status, n] of r.statuses) statuses.set(status, (statuses.get(status) ?? 0) + n);
  return {
    latencies: results.flatMap((r) => r.latencies),
    statuses,
    seconds: results.reduce((sum, r) => sum + r.seconds, 0),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    timeouts: results.reduce((sum, r) => sum + r.timeouts, 0),
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function envNumber(name: string, fallback: number): number {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : Number(value);
}

export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  return cells
    .map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '))
    .join('\n');
}

/** One kind of request in a mixed load, with the one answer it must get. */
export interface LoadCase {
  name: string;
  /** GET unless told. */
  method?: 'GET' | 'POST' | 'PATCH';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  expectStatus: number;
  /** The exact body every answer must have; absent: any body. */
  expectBody?: string;
  /** Share of the requests relative to the other cases (1). */
  weight?: number;
}

export interface CaseResult {
  /** Latency in milliseconds of every answer of this case. */
  latencies: number[];
  /** Answers with another status or body than expected. */
  mismatches: number;
  /** The first unexpected answer, for the report. */
  firstMismatch?: string;
}

export interface MixedLoadResult {
  cases: CaseResult[];
  /** For every answer, all cases: when it arrived (ms since the start of the run) and its latency (ms). */
  arrivals: number[];
  latencies: number[];
  seconds: number;
  errors: number;
  timeouts: number;
}

function shuffle<T>(values: T[]): T[] {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [values[i], values[j]] = [values[j], values[i]];
  }
  return values;
}

/**
 * Drives several kinds of request at once with one autocannon instance: every request of every connection
 * draws its case from a shuffled bag (each case `weight` times per bag), so the cases are interleaved request by
 * request over the same connections, in balanced numbers, and whatever slows the machine down weighs on all of
 * them alike. Every answer is checked against its case and timed. `overallRate` caps the requests per second.
 */
export function runCases(options: {
  baseUrl: string;
  cases: LoadCase[];
  durationSeconds: number;
  connections: number;
  overallRate?: number;
}): Promise<MixedLoadResult> {
  const { cases } = options;
  const results: CaseResult[] = cases.map(() => ({ latencies: [], mismatches: 0 }));
  const arrivals: number[] = [];
  const latencies: number[] = [];
  const draws = cases.flatMap((c, i) => Array.from({ length: c.weight ?? 1 }, () => i));
  let bag: number[] = [];
  const draw = () => {
    if (bag.length === 0) bag = shuffle([...draws]);
    return bag.pop()!;
  };
  // autocannon calls onResponse and then emits 'response' (with the latency) synchronously for the same answer.
  let answered = -1;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.baseUrl,
        connections: options.connections,
        duration: options.durationSeconds,
        overallRate: options.overallRate,
        requests: [
          {
            setupRequest: (request, context) => {
              const i = draw();
              (context as { case: number }).case = i;
              const { method = 'GET', path, headers, body } = cases[i];
              return { ...request, method, path, headers, body };
            },
            onResponse: (status, body, context) => {
              const i = (context as { case: number }).case;
              answered = i;
              const c = cases[i];
              if (status !== c.expectStatus || (c.expectBody !== undefined && body !== c.expectBody)) {
                results[i].mismatches += 1;
                results[i].firstMismatch ??= `${status} ${body.slice(0, 200)}`;
              }
            },
          },
        ],
      },
      (error, result) => {
        if (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        resolve({
          cases: results,
          arrivals,
          latencies,
          seconds: result.duration,
          errors: result.errors,
          timeouts: result.timeouts,
        });
      },
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      if (answered >= 0) results[answered].latencies.push(responseTime);
      arrivals.push(performance.now() - started);
      latencies.push(responseTime);
      answered = -1;
    });
  });
}

export const sortedCopy = (values: number[]) => [...values].sort((a, b) => a - b);

export const formatMs = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;

/** The `Authorization` header of a demo user, signed with the development key the benchmarked services start with. */
export function bearerOf(userId: string): { authorization: string } {
  const config = loadAppConfig({});
  return { authorization: `Bearer ${new TokenService(config, new JwtKeys(config)).issue({ userId }).accessToken}` };
}
