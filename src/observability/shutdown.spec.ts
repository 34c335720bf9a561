import { createServer, type Server } from 'node:http';
import type { Metrics } from './metrics';
import { Shutdown } from './shutdown';

describe('Shutdown', () => {
  let server: Server;
  const metrics = { inFlight: { inc: jest.fn(), dec: jest.fn() } } as unknown as Metrics;

  beforeEach(async () => {
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
});
