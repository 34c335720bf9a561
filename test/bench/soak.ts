import 'reflect-metadata';
import { loadAppConfig } from '../../src/config/app-config';
import { JwtKeys } from '../../src/auth/jwt-keys';
import { TokenService } from '../../src/auth/token.service';
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
  startServer,
  table,
} from './support';

/**
 * `npm run bench:soak`: the service under a steady load for a while. For each engine (SQLite, and MySQL too with
 * TEST_DATABASE_URL; BENCH_ENGINES=sqlite,mysql picks): a SOAK_WARMUP (5) s warm-up, the maximum throughput of
 * the allowed Get Call over SOAK_MAX_SECONDS (10) with SOAK_MAX_CONNECTIONS (50) connections, then SOAK_SECONDS
 * (60) at SOAK_LOAD (0.8) of that maximum (autocannon's overallRate) over SOAK_CONNECTIONS (10) connections,
 * three allowed reads to one denied, every answer checked, after SOAK_SETTLE (10) s at that rate. It samples the
 * service's RSS every second and cuts the run in 10 s windows, and prints the figures with a verdict: zero errors,
 * flat memory (the mean RSS of the last window at most 30 MB and 20 % above the first's), a stable p99 (no window's
 * over twice the median window's). It never fails on the figures.
 */
const seconds = envNumber('SOAK_SECONDS', 60);
const load = envNumber('SOAK_LOAD', 0.8);
const connections = envNumber('SOAK_CONNECTIONS', 10);
const maxSeconds = envNumber('SOAK_MAX_SECONDS', 10);
const maxConnections = envNumber('SOAK_MAX_CONNECTIONS', 50);
const warmup = envNumber('SOAK_WARMUP', 5);
const settle = envNumber('SOAK_SETTLE', 10);
const WINDOW_SECONDS = 10;
const CALL = '/v2.0/communication/call/563172647619608';

async function benchEngine(db: BenchDatabase): Promise<void> {
  const server = await startServer({ DATABASE_URL: db.url, DEMO_DATA: 'true', DATABASE_MIGRATE: 'true' });
  try {
    const config = loadAppConfig({});
    const tokens = new TokenService(config, new JwtKeys(config));
    const bearer = (userId: string) => ({ authorization: `Bearer ${tokens.issue({ userId }).accessToken}` });
    const allowed: LoadCase = { name: 'allowed', path: CALL, headers: bearer('100234'), expectStatus: 200, weight: 3 };
    const denied: LoadCase = { name: 'denied', path: CALL, headers: bearer('100235'), expectStatus: 400, weight: 1 };
    for (const c of [allowed, denied]) {
      const response = await fetch(server.baseUrl + c.path, { headers: c.headers });
      c.expectBody = await response.text();
      if (response.status !== c.expectStatus) throw new Error(`${c.name}: ${response.status} ${c.expectBody}`);
    }
    const base = { baseUrl: server.baseUrl };

    await runCases({ ...base, cases: [allowed, denied], durationSeconds: warmup, connections: maxConnections });
    const max = await runCases({
      ...base,
      cases: [allowed],
      durationSeconds: maxSeconds,
      connections: maxConnections,
    });
    const maxRate = max.latencies.length / max.seconds;
    const maxSorted = sortedCopy(max.latencies);
    const target = Math.round(maxRate * load);

    // Settle at the target rate first, so that the memory at the start is that of this load, not of the maximum.
    await runCases({ ...base, cases: [allowed, denied], durationSeconds: settle, connections, overallRate: target });
    // The service's memory, every second from the start of the soak to its end.
    const t0 = performance.now();
    const rss: { at: number; mb: number }[] = [];
    const sample = () => rss.push({ at: performance.now() - t0, mb: server.rssMb() });
    sample();
    const sampler = setInterval(sample, 1000);
    let soak: MixedLoadResult;
    try {
      soak = await runCases({
        ...base,
        cases: [allowed, denied],
        durationSeconds: seconds,
        connections,
        overallRate: target,
      });
    } finally {
      clearInterval(sampler);
    }
    sample();

    const windows = Math.max(1, Math.floor(seconds / WINDOW_SECONDS));
    const windowOf = (at: number) => Math.min(windows - 1, Math.floor(at / (WINDOW_SECONDS * 1000)));
    const perWindow: number[][] = Array.from({ length: windows }, () => []);
    soak.arrivals.forEach((at, i) => perWindow[windowOf(at)].push(soak.latencies[i]));
    const rssPerWindow: number[][] = Array.from({ length: windows }, () => []);
    for (const s of rss) rssPerWindow[windowOf(s.at)].push(s.mb);
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const windowP99 = perWindow.map((l) => percentile(sortedCopy(l), 99));
    const medianWindowP99 = mean(sortedCopy(windowP99).slice((windows - 1) >> 1, (windows >> 1) + 1));
    const worstWindow = Math.max(...windowP99) / medianWindowP99;
    const mismatches = soak.cases.reduce((sum, c) => sum + c.mismatches, 0);
    const firstMismatch = soak.cases.map((c) => c.firstMismatch).find((m) => m !== undefined);
    const achieved = soak.latencies.length / soak.seconds;
    const sorted = sortedCopy(soak.latencies);
    const mb = rss.map((s) => s.mb);
    const [firstRss, lastRss] = [mean(rssPerWindow[0]), mean(rssPerWindow[windows - 1])];
    const growth = lastRss - firstRss;

    const zeroErrors = soak.errors + soak.timeouts + mismatches === 0;
    const flat = growth <= Math.min(30, firstRss * 0.2);
    const stable = worstWindow <= 2;
    const yes = (ok: boolean) => (ok ? 'yes' : 'NO');
    const sign = (v: number) => `${v >= 0 ? '+' : ''}${v.toFixed(1)}`;
    process.stdout.write(
      `\n${db.label}: Get Call for ${seconds} s at ${Math.round(load * 100)} % of the maximum throughput, 3 allowed ` +
        `(100234) to 1 denied (100235), ${connections} connections, after ${settle} s at that rate\n` +
        `max throughput (allowed, ${maxConnections} connections, ${max.seconds.toFixed(0)} s): ` +
        `${maxRate.toFixed(0)} req/s, p50 ${formatMs(percentile(maxSorted, 50))}, p99 ` +
        `${formatMs(percentile(maxSorted, 99))}\n` +
        `target ${target} req/s; achieved ${achieved.toFixed(0)} req/s (${((100 * achieved) / maxRate).toFixed(0)} % ` +
        `of the maximum${achieved < target * 0.9 ? ': the machine gave less than the target' : ''})\n` +
        `requests ${soak.latencies.length} (allowed ${soak.cases[0].latencies.length}, denied ` +
        `${soak.cases[1].latencies.length}); unexpected answers (status or body) ${mismatches}; errors ` +
        `${soak.errors}; timeouts ${soak.timeouts}${firstMismatch ? `; first unexpected: ${firstMismatch}` : ''}\n` +
        `latency, whole run: p50 ${formatMs(percentile(sorted, 50))}, p99 ${formatMs(percentile(sorted, 99))}\n` +
        `service RSS: start ${mb[0].toFixed(0)} MB, end ${mb[mb.length - 1].toFixed(0)} MB, max ` +
        `${Math.max(...mb).toFixed(0)} MB; every 5 s: ${mb
          .filter((_, i) => i % 5 === 0)
          .map((v) => v.toFixed(0))
          .join(' ')} MB\n` +
        table(
          ['window', 'requests', 'req/s', 'p50', 'p99', 'RSS mean'],
          perWindow.map((l, w) => {
            const s = sortedCopy(l);
            return [
              `${w * WINDOW_SECONDS}-${(w + 1) * WINDOW_SECONDS} s`,
              l.length,
              (l.length / WINDOW_SECONDS).toFixed(0),
              formatMs(percentile(s, 50)),
              formatMs(percentile(s, 99)),
              `${mean(rssPerWindow[w]).toFixed(0)} MB`,
            ];
          }),
        ) +
        `\nverdict: ${zeroErrors && flat && stable ? 'PASS' : 'CHECK'}: zero errors ${yes(zeroErrors)}; flat memory ` +
        `(mean RSS of the last window ${sign(growth)} MB from the first, <= 30 MB and 20 %) ${yes(flat)}; stable ` +
        `p99 (worst window ${worstWindow.toFixed(2)}x the median window's, <= 2) ${yes(stable)}\n`,
    );
  } finally {
    await server.stop();
  }
}

runOnEngines(benchEngine);
