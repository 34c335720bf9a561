import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { IdempotencyService } from './idempotency.service';

/** The first purge waits this long after start, out of the way of the start itself. */
const FIRST_PURGE_MS = 5 * 60_000;
const PURGE_EVERY_MS = 3_600_000;

/**
 * Deletes the expired Idempotency-Keys in the background, every hour, in batches. Every instance runs it;
 * they delete the same rows at worst. An expired key is forgotten at once whether or not it was purged.
 */
@Injectable()
export class IdempotencyPurge implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Idempotency');
  private timer: NodeJS.Timeout | undefined;
  private purging: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly idempotency: IdempotencyService) {}

  onApplicationBootstrap(): void {
    this.schedule(FIRST_PURGE_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.purging;
  }

  /** One purge; a failure (the database is down) is logged, and the next one is an hour later. */
  async runOnce(): Promise<void> {
    try {
      const deleted = await this.idempotency.purgeExpired();
      if (deleted > 0) this.logger.log(`Purged ${deleted} expired Idempotency-Key(s)`);
    } catch (error) {
      this.logger.warn(`Purging the expired Idempotency-Keys failed: ${(error as Error).message}`);
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
