import { Logger } from '@nestjs/common';
import { IdempotencyPurge } from './idempotency-purge.worker';
import type { IdempotencyService } from './idempotency.service';

describe('IdempotencyPurge', () => {
  afterEach(() => jest.restoreAllMocks());

  it('logs how many expired keys one purge deleted', async () => {
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    const purge = new IdempotencyPurge({ purgeExpired: () => Promise.resolve(3) } as IdempotencyService);
    await purge.runOnce();
    expect(log).toHaveBeenCalledWith('Purged 3 expired Idempotency-Key(s)');
  });

  it('stays silent when there was nothing to purge', async () => {
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    const purge = new IdempotencyPurge({ purgeExpired: () => Promise.resolve(0) } as IdempotencyService);
    await purge.runOnce();
    expect(log).not.toHaveBeenCalled();
  });

  it('survives a database that is down: one warning, and the next purge an hour later', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const purge = new IdempotencyPurge({
      purgeExpired: () => Promise.reject(new Error('connect ECONNREFUSED')),
    } as unknown as IdempotencyService);
    await expect(purge.runOnce()).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith('Purging the expired Idempotency-Keys failed: connect ECONNREFUSED');
  });

  it('waits for a purge under way before the application shuts down', async () => {
    let finish: (deleted: number) => void = () => undefined;
    jest.useFakeTimers();
    try {
      const purge = new IdempotencyPurge({
        purgeExpired: () => new Promise<number>((resolve) => (finish = resolve)),
      } as IdempotencyService);
      purge.onApplicationBootstrap();
      jest.advanceTimersByTime(5 * 60_000);
      let shutDown = false;
      const shutdown = purge.onApplicationShutdown().then(() => (shutDown = true));
      await Promise.resolve();
      expect(shutDown).toBe(false);
      finish(0);
      await shutdown;
      expect(shutDown).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });
});
