import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { bodyShapes } from './body-shapes';
import {
  bearerOf,
  compareBuild,
  type BenchDatabase,
  envNumber,
  formatMs,
  percentile,
  runOnEngines,
  type Server,
  sortedCopy,
  startServer,
  table,
} from './support';

/**
 * `npm run bench:bodies`: what a request body costs the service, and what it costs everyone else. For each 1 MB
 * body shape (test/bench/body-shapes.ts) sent to POST /v1.0/leads one request after the other, the server's CPU
 * time per request (from /proc, so the reading, parsing, validation, discarding and garbage collection are all
 * in it) with a valid token, without one (401) and from an address over its anonymous limit (429); then the
 * latency of a Get Call, BENCH_PROBE_RATE a second (50), while one client sends each shape back to back for
 * BENCH_DURATION seconds (5); then the same during an anonymous flood of BENCH_FLOOD_CONNECTIONS connections (10)
 * each sending a 900 KB body of nested arrays BENCH_FLOOD_RATE times a second (8), with the service's memory.
 *
 * BENCH_COMPARE names another checkout, built (`npm run build` there): its service runs beside this one on the same
 * database, and every measurement is made on both, one after the other, in the same run.
 */
const BYTES = envNumber('BENCH_BODY_BYTES', 1_000_000);
const duration = envNumber('BENCH_DURATION', 5);
const probeRate = envNumber('BENCH_PROBE_RATE', 50);
const floodConnections = envNumber('BENCH_FLOOD_CONNECTIONS', 10);
const floodRate = envNumber('BENCH_FLOOD_RATE', 8);
const floodSeconds = envNumber('BENCH_FLOOD_DURATION', 10);
/** Time spent measuring each shape's CPU cost, at least three requests. */
const costSeconds = envNumber('BENCH_COST_SECONDS', 2);

const CALL = '/v2.0/communication/call/563172647619608';
const LEADS = '/v1.0/leads';
const ANONYMOUS_LIMIT = 60;
const CLOCK_TICKS_PER_SECOND = 100;

interface Answer {
  status: number;
  ms: number;
}

/** One HTTP client: its own keep-alive connections, bound to a loopback address of its own (its rate-limit bucket). */
class Client {
  private readonly agent: Agent;

  constructor(
    private readonly baseUrl: string,
    private readonly localAddress = '127.0.0.1',
    maxSockets = 1,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  send(method: string, path: string, headers: Record<string, string>, body?: Buffer): Promise<Answer> {
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = request(
        `${this.baseUrl}${path}`,
        {
          method,
          agent: this.agent,
          localAddress: this.localAddress,
          headers: body === undefined ? headers : { ...headers, 'content-length': String(body.length) },
        },
        (res) => {
          res.resume();
          // The answer may come before the whole body is written (a 401): the connection is free once it is.
          res.on('end', () => {
            const answer = { status: res.statusCode ?? 0, ms: performance.now() - started };
            if (req.writableFinished) resolve(answer);
            else req.once('finish', () => resolve(answer));
          });
        },
      );
      req.on('error', (error) => reject(error));
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** The service's CPU time so far, in milliseconds (user and system, every thread). */
function cpuMs(server: Server): number {
  const fields = readFileSync(`/proc/${server.process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** A fresh loopback address, for a rate-limit bucket of its own. */
let addresses = 0;
function freshAddress(): string {
  addresses += 1;
  return `127.0.${Math.floor(addresses / 250) + 1}.${(addresses % 250) + 1}`;
}

interface Cost {
  cpuMs: number;
  statuses: string;
}

/** The CPU time per request of `send`, repeated one after the other for `costSeconds` (three times at least). */
async function costOf(server: Server, send: () => Promise<Answer>): Promise<Cost> {
  const statuses = new Map<number, number>();
  const before = cpuMs(server);
  const started = performance.now();
  let count = 0;
  while (count < 3 || performance.now() - started < costSeconds * 1000) {
    const { status } = await send();
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    count += 1;
  }
  return {
    cpuMs: (cpuMs(server) - before) / count,
    statuses: [...statuses.keys()].sort().join('/'),
  };
}

/** The service's event-loop delay (p99 and max, ms) since the previous call: prom-client resets it on each scrape. */
async function eventLoopDelay(baseUrl: string): Promise<{ p99: number; max: number }> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const read = (name: string) => Number(new RegExp(`^${name} ([\\d.e+-]+)$`, 'm').exec(text)?.[1]) * 1000;
  return { p99: read('nodejs_eventloop_lag_p99_seconds'), max: read('nodejs_eventloop_lag_max_seconds') };
}

/**
 * Get Call latencies (ms) at `probeRate` a second while `load` runs, the answers that were not 200, and the
 * service's event-loop delay meanwhile (what the latencies measured by this client, on the same machine, cannot
 * tell apart from the client's own delays).
 */
async function probeWhile(baseUrl: string, bearer: string, load: () => Promise<void>) {
  await eventLoopDelay(baseUrl);
  const client = new Client(baseUrl, '127.0.0.1', 50);
  const latencies: number[] = [];
  let failures = 0;
  const probes: Promise<void>[] = [];
  const timer = setInterval(() => {
    probes.push(
      client.send('GET', CALL, { authorization: bearer }).then(
        (answer) => {
          if (answer.status === 200) latencies.push(answer.ms);
          else failures += 1;
        },
        () => {
          failures += 1;
        },
      ),
    );
  }, 1000 / probeRate);
  await load();
  clearInterval(timer);
  await Promise.all(probes);
  client.close();
  const loop = await eventLoopDelay(baseUrl);
  const sorted = sortedCopy(latencies);
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
    failures,
    loopP99: loop.p99,
    loopMax: loop.max,
  };
}

/** Sends `body` back to back from one client for `seconds`. */
async function backToBack(client: Client, headers: Record<string, string>, body: Buffer, seconds: number) {
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) await client.send('POST', LEADS, headers, body);
}

type Probed = Awaited<ReturnType<typeof probeWhile>>;

interface BuildResult {
  label: string;
  costs: { shape: string; auth: Cost; anonymous: Cost; overLimit: Cost }[];
  probes: ({ shape: string } & Probed)[];
  flood: { statuses: string; rssStart: number; rssMax: number } & Probed;
}

async function measure(label: string, server: Server, bearer: string): Promise<BuildResult> {
  const json = { 'content-type': 'application/json' };
  const authenticated = { ...json, authorization: bearer };
  const shapes = bodyShapes(BYTES).map((shape) => ({ name: shape.name, body: Buffer.from(shape.json) }));

  // Warm-up: the routes, the token cache, the JIT.
  const warm = new Client(server.baseUrl);
  for (let i = 0; i < 50; i++) await warm.send('GET', CALL, { authorization: bearer });
  for (let i = 0; i < 5; i++) await warm.send('POST', LEADS, authenticated, Buffer.from('{"firstName":"Warm"}'));

  const costs = [];
  for (const shape of shapes) {
    const auth = await costOf(server, () => warm.send('POST', LEADS, authenticated, shape.body));
    let anonymousClient = new Client(server.baseUrl, freshAddress());
    let sent = 0;
    const anonymous = await costOf(server, () => {
      // A new address before this one's budget runs out: every answer a 401.
      if (++sent % (ANONYMOUS_LIMIT - 5) === 0) {
        anonymousClient.close();
        anonymousClient = new Client(server.baseUrl, freshAddress());
      }
      return anonymousClient.send('POST', LEADS, json, shape.body);
    });
    anonymousClient.close();
    // An address whose anonymous budget is spent, afresh for each shape (the budget comes back on the minute).
    const spent = new Client(server.baseUrl, freshAddress());
    for (let i = 0; i < ANONYMOUS_LIMIT; i++) await spent.send('GET', CALL, {});
    const overLimit = await costOf(server, () => spent.send('POST', LEADS, json, shape.body));
    spent.close();
    costs.push({ shape: shape.name, auth, anonymous, overLimit });
  }

  const probes = [
    {
      shape: '(nothing else)',
      ...(await probeWhile(server.baseUrl, bearer, () => new Promise((r) => setTimeout(r, duration * 1000)))),
    },
  ];
  for (const shape of shapes) {
    const sender = new Client(server.baseUrl);
    probes.push({
      shape: shape.name,
      ...(await probeWhile(server.baseUrl, bearer, () => backToBack(sender, authenticated, shape.body, duration))),
    });
    sender.close();
  }

  const floodBody = Buffer.from(bodyShapes(900_000).find((s) => s.name === 'nested arrays')!.json);
  const floodStatuses = new Map<number, number>();
  const rssStart = server.rssMb();
  let rssMax = rssStart;
  const sampler = setInterval(() => (rssMax = Math.max(rssMax, server.rssMb())), 100);
  const flooders = Array.from({ length: floodConnections }, () => new Client(server.baseUrl, '127.0.0.1'));
  const flooded = await probeWhile(server.baseUrl, bearer, async () => {
    const until = performance.now() + floodSeconds * 1000;
    await Promise.all(
      flooders.map(async (client) => {
        while (performance.now() < until) {
          const started = performance.now();
          const { status } = await client.send('POST', LEADS, json, floodBody).catch(() => ({ status: 0 }));
          floodStatuses.set(status, (floodStatuses.get(status) ?? 0) + 1);
          await new Promise((r) => setTimeout(r, Math.max(0, 1000 / floodRate - (performance.now() - started))));
        }
      }),
    );
  });
  clearInterval(sampler);
  for (const client of [warm, ...flooders]) client.close();
  const statuses = [...floodStatuses].map(([status, n]) => `${n} × ${status}`).join(', ');
  return { label, costs, probes, flood: { statuses, ...flooded, rssStart, rssMax } };
}

function report(db: BenchDatabase, results: BuildResult[]): void {
  const cost = (c: Cost) => `${c.cpuMs.toFixed(1)} ms (${c.statuses})`;
  const costRows = results.flatMap((r) => {
    const yardstick = r.costs[0].auth.cpuMs;
    return r.costs.map((c) => [
      results.length > 1 ? `${r.label}: ${c.shape}` : c.shape,
      cost(c.auth),
      `${(c.auth.cpuMs / yardstick).toFixed(1)}x`,
      cost(c.anonymous),
      cost(c.overLimit),
    ]);
  });
  const probeRows = results.flatMap((r) =>
    r.probes.map((p) => [
      results.length > 1 ? `${r.label}: ${p.shape}` : p.shape,
      formatMs(p.p50),
      formatMs(p.p99),
      formatMs(p.max),
      p.failures,
      `${formatMs(p.loopP99)} / ${formatMs(p.loopMax)}`,
    ]),
  );
  const floodRows = results.map((r) => [
    r.label,
    r.flood.statuses,
    formatMs(r.flood.p50),
    formatMs(r.flood.p99),
    formatMs(r.flood.max),
    `${formatMs(r.flood.loopP99)} / ${formatMs(r.flood.loopMax)}`,
    `${r.flood.rssStart.toFixed(0)} MB -> ${r.flood.rssMax.toFixed(0)} MB`,
  ]);
  process.stdout.write(
    `\n${db.label}: server CPU per request of a ${BYTES.toLocaleString('en')}-byte body, POST ${LEADS}, one request ` +
      `after the other for ${costSeconds} s (status in brackets)\n` +
      table(['shape', 'valid token', 'vs one long string', 'no token', 'over the anonymous limit'], costRows) +
      `\n\n${db.label}: Get Call (${probeRate}/s) while one client sends each shape back to back, ${duration} s each\n` +
      table(['sent meanwhile', 'p50', 'p99', 'max', 'not 200', 'service event-loop delay p99 / max'], probeRows) +
      `\n\n${db.label}: Get Call (${probeRate}/s) during an anonymous flood: ${floodConnections} connections each ` +
      `sending a 900 KB body of nested arrays ${floodRate} times a second, ${floodSeconds} s\n` +
      table(
        ['build', 'flood answers', 'p50', 'p99', 'max', 'event-loop delay p99 / max', 'service memory (RSS)'],
        floodRows,
      ) +
      '\n',
  );
}

async function benchEngine(db: BenchDatabase): Promise<void> {
  const env = {
    DATABASE_URL: db.url,
    // The shapes are sent as one user, far beyond any real client's limit; anonymous callers get the default.
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: String(ANONYMOUS_LIMIT),
  };
  const server = await startServer({ ...env, DEMO_DATA: 'true', DATABASE_MIGRATE: 'true' });
  const compareJs = compareBuild();
  const before = compareJs
    ? await startServer({ ...env, DATABASE_MIGRATE: 'false', WEBHOOK_WORKER: 'false' }, compareJs)
    : undefined;
  try {
    const bearer = bearerOf('100234').authorization;
    const results = [];
    if (before) results.push(await measure('before', before, bearer));
    results.push(await measure('this build', server, bearer));
    report(db, results);
  } finally {
    await server.stop();
    await before?.stop();
  }
}

runOnEngines(benchEngine);
