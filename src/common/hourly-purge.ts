import type { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/** The first purge waits this long after start, out of the way of the start itself. */
const FIRST_PURGE_MS = 5 * 60_000;
const PURGE_EVERY_MS = 3_600_000;

/** What a background purge deletes, and how it tells of it. */
export interface PurgeTask {
  readonly logger: Logger;
  /** Deletes what is due; how many rows. */
  purge(): Promise<number>;
  /** The log line of a purge that deleted `deleted` (more than 0) rows. */
  purged(deleted: number): string;
  /** The start of the warning of a purge that failed, before its error's message. */
  readonly failure: string;
}

/**
 * Runs a purge in the background, every hour. Every instance runs it; they delete the same rows at worst. A failure
 * (the database is down) is one warning, and the next purge is an hour later; on shutdown it waits for a purge
 * under way.
 */
export class HourlyPurge implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private purging: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly task: PurgeTask) {}

  onApplicationBootstrap(): void {
    this.schedule(FIRST_PURGE_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.purging;
  }

  async runOnce(): Promise<void> {
    try {
      const deleted = await this.task.purge();
      if (deleted > 0) this.task.logger.log(this.task.purged(deleted));
    } catch (error) {
      this.task.logger.warn(`${this.task.failure}: ${(error as Error).message}`);
    }
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => void this.tick(), delayMs);
    // A pending purge does not keep the process alive.
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.purging = this.runOnce();
    await this.purging;
    this.purging = null;
    if (!this.stopped) this.schedule(PURGE_EVERY_MS);
  }
}
