import { createServer, type Server } from 'node:http';
import type { Response } from 'express';
import { Registry } from 'prom-client';
import type { Metrics } from './metrics';
import { Shutdown } from './shutdown';

describe('Shutdown', () => {
  let server: Server;
  const metrics = { registry: new Registry() } as Metrics;

  beforeEach(async () => {
    metrics.registry.clear();
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterEach(() => {
    if (server.listening) server.close();
  });

  it('winds down what asked to, given the grace, and waits for it', async () => {
    const shutdown = new Shutdown(metrics);
    const events: string[] = [];
    shutdown.onDrain(async (limitMs) => {
      events.push(`wind down within ${limitMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      events.push('wound down');
    });
    await expect(shutdown.drain(server, 1000)).resolves.toEqual({ unfinished: 0 });
    expect(events).toEqual(['wind down within 1000 ms', 'wound down']);
    expect(shutdown.isDraining).toBe(true);
    expect(server.listening).toBe(false);
  });

  it('does not wait for it past the grace', async () => {
    const shutdown = new Shutdown(metrics);
    shutdown.onDrain(() => new Promise<void>(() => undefined));
    const started = Date.now();
    await expect(shutdown.drain(server, 100)).resolves.toEqual({ unfinished: 0 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('reports the requests in flight when scraped, each counted once whether it finished or closed first', async () => {
    const shutdown = new Shutdown(metrics);
    const inFlight = async () =>
      (await metrics.registry.getSingleMetricAsString('http_requests_in_flight')).split('\n').pop();
    const [a, b] = [{}, {}] as Response[];
    shutdown.admit(a);
    shutdown.admit(b);
    await expect(inFlight()).resolves.toBe('http_requests_in_flight 2');
    shutdown.release(a);
    shutdown.release(a);
    await expect(inFlight()).resolves.toBe('http_requests_in_flight 1');
    shutdown.release(b);
    await expect(inFlight()).resolves.toBe('http_requests_in_flight 0');
  });

  it('lets the drain end once the last request in flight is answered', async () => {
    const shutdown = new Shutdown(metrics);
    const response = { headersSent: true } as Response;
    shutdown.admit(response);
    const drained = shutdown.drain(server, 5000);
    setTimeout(() => shutdown.release(response), 50);
    await expect(drained).resolves.toEqual({ unfinished: 0 });
  });
});
