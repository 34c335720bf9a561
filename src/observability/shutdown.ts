import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Server } from 'node:http';

/**
 * A graceful stop. On SIGTERM the service stops taking connections, closes the idle keep-alive ones, answers
 * the requests in flight (with `Connection: close`), and only then closes the database pool and exits. It
 * reports itself not ready from the start, so that a load balancer stops sending traffic.
 */
@Injectable()
export class Shutdown {
  private draining = false;
  private inFlight = 0;
  private settled: (() => void) | undefined;

  get isDraining(): boolean {
    return this.draining;
  }

  /** Express middleware: counts the requests in flight. */
  readonly track = (_request: Request, response: Response, next: NextFunction): void => {
    this.inFlight += 1;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      this.inFlight -= 1;
      if (this.inFlight === 0) this.settled?.();
    };
    response.on('finish', finish);
    response.on('close', finish);
    if (this.draining) response.setHeader('Connection', 'close');
    next();
  };

  /** Stops taking connections and waits for the requests in flight, at most `graceMs`. */
  async drain(server: Server, graceMs: number): Promise<{ unfinished: number }> {
    this.draining = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    if (this.inFlight > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => (this.settled = resolve)),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs))),
      ]);
      clearTimeout(timer);
    }
    const unfinished = this.inFlight;
    server.closeAllConnections();
    await closed;
    return { unfinished };
  }
}
