import { Injectable } from '@nestjs/common';
import { Gauge } from 'prom-client';
import type { Response } from 'express';
import type { Server } from 'node:http';
import { settlesWithin } from '../common/deadline';
import { Metrics } from './metrics';

/**
 * A graceful stop. On SIGTERM the service stops taking connections, closes the idle keep-alive ones, answers
 * the requests in flight (with `Connection: close`) while what else winds down (the webhook worker's round)
 * does so too, and only then closes the database pool and exits. It reports itself not ready from the
 * start, so that a load balancer stops sending traffic.
 */
@Injectable()
export class Shutdown {
  private draining = false;
  private readonly inFlight = new Set<Response>();
  private settled: (() => void) | undefined;
  private readonly windDowns: ((limitMs: number) => Promise<void>)[] = [];

  constructor(metrics: Metrics) {
    const inFlight = this.inFlight;
    new Gauge({
      name: 'http_requests_in_flight',
      help: 'Requests received and not answered yet.',
      registers: [metrics.registry],
      // Read when scraped: a request in flight costs no update of its own.
      collect() {
        this.set(inFlight.size);
      },
    });
  }

  get isDraining(): boolean {
    return this.draining;
  }

  /** Work to wind down when the drain begins, alongside the requests in flight, given the same time. */
  onDrain(windDown: (limitMs: number) => Promise<void>): void {
    this.windDowns.push(windDown);
  }

  /** A request arrived: it is in flight until its answer is sent or its connection closes. */
  admit(response: Response): void {
    this.inFlight.add(response);
    if (this.draining) response.setHeader('Connection', 'close');
  }

  /** The request's answer was sent, or its connection closed (whichever comes first counts). */
  release(response: Response): void {
    if (this.inFlight.delete(response) && this.inFlight.size === 0) this.settled?.();
  }

  /**
   * Reports the instance not ready and has every answer from now on close its connection, while it still
   * takes connections: the balancer takes it out of rotation, and no connection it might still send a request
   * on is closed under that request. {@link drain} begins the same way.
   */
  stopBeingReady(): void {
    this.draining = true;
  }

  /**
   * Stops taking connections and waits, at most `graceMs`, for the requests in flight and for what winds
   * down alongside them.
   */
  async drain(server: Server, graceMs: number): Promise<{ unfinished: number }> {
    this.draining = true;
    const windingDown = Promise.all(this.windDowns.map((windDown) => windDown(graceMs)));
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    // The requests in flight end their connections: no client sends another on them.
    for (const response of this.inFlight) if (!response.headersSent) response.setHeader('Connection', 'close');
    const answered =
      this.inFlight.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => (this.settled = resolve));
    await settlesWithin(Promise.all([answered, windingDown]), graceMs);
    const unfinished = this.inFlight.size;
    server.closeAllConnections();
    await closed;
    return { unfinished };
  }
}
