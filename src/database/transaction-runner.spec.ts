import type { DataSource, EntityManager } from 'typeorm';
import { TransactionRunner } from './transaction-runner';

describe('TransactionRunner', () => {
  const manager = {} as EntityManager;
  const transaction = jest.fn();
  const runner = (type: string) => new TransactionRunner({ options: { type }, transaction } as unknown as DataSource);

  const deadlock = () =>
    Object.assign(new Error('Deadlock found when trying to get lock; try restarting transaction'), {
      driverError: { code: 'ER_LOCK_DEADLOCK', errno: 1213 },
    });

  beforeEach(() => {
    transaction.mockReset();
    transaction.mockImplementation((work: (m: EntityManager) => Promise<unknown>) => work(manager));
  });

  it('runs the unit of work in a transaction and answers its result', async () => {
    const work = jest.fn().mockResolvedValue('stored');
    await expect(runner('mysql').run(work)).resolves.toBe('stored');
    expect(work).toHaveBeenCalledWith(manager);
  });

  it('runs a unit of work that MySQL rolled back to break a deadlock again', async () => {
    const work = jest.fn().mockRejectedValueOnce(deadlock()).mockRejectedValueOnce(deadlock()).mockResolvedValue(7);
    await expect(runner('mysql').run(work)).resolves.toBe(7);
    expect(work).toHaveBeenCalledTimes(3);
  });

  it('gives up after three deadlocks, with the last one', async () => {
    const third = deadlock();
    const work = jest.fn().mockRejectedValueOnce(deadlock()).mockRejectedValueOnce(deadlock()).mockRejectedValue(third);
    await expect(runner('mysql').run(work)).rejects.toBe(third);
    expect(work).toHaveBeenCalledTimes(3);
  });

  it('does not run a unit of work again after any other error', async () => {
    const refused = Object.assign(new Error("Duplicate entry '1' for key 'PRIMARY'"), { errno: 1062 });
    const work = jest.fn().mockRejectedValue(refused);
    await expect(runner('mysql').run(work)).rejects.toBe(refused);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('runs the units of work on SQLite one after the other', async () => {
    const order: string[] = [];
    let releaseFirst: () => void = () => undefined;
    const sqlite = runner('better-sqlite3');
    const first = sqlite.run(async () => {
      order.push('first begins');
      await new Promise<void>((resolve) => (releaseFirst = resolve));
      order.push('first ends');
    });
    const second = sqlite.run(() => {
      order.push('second begins');
      return Promise.resolve();
    });
    await new Promise((resolve) => setImmediate(resolve));
    releaseFirst();
    await Promise.all([first, second]);
    expect(order).toEqual(['first begins', 'first ends', 'second begins']);
  });

  describe('with a time limit', () => {
    afterEach(() => jest.useRealTimers());

    it('answers the result of a unit of work that ends in time', async () => {
      await expect(runner('mysql').runWithin(1000, () => Promise.resolve('stored'))).resolves.toBe('stored');
    });

    it('stops waiting when the time is up, with an error that says the database is unavailable', async () => {
      jest.useFakeTimers();
      transaction.mockImplementation(() => new Promise(() => undefined));
      const waiting = runner('mysql').runWithin(500, () => Promise.resolve('stored'));
      const outcome = expect(waiting).rejects.toMatchObject({
        code: 'DATABASE_TIMEOUT',
        message: 'No answer from the database within 500 ms',
      });
      await jest.advanceTimersByTimeAsync(500);
      await outcome;
    });

    it('does not run a unit of work whose connection came after its caller stopped waiting', async () => {
      jest.useFakeTimers();
      let connected: () => void = () => undefined;
      transaction.mockImplementation(async (work: (m: EntityManager) => Promise<unknown>) => {
        await new Promise<void>((resolve) => (connected = resolve));
        return work(manager);
      });
      const work = jest.fn().mockResolvedValue('stored');
      const waiting = runner('mysql').runWithin(500, work);
      const outcome = expect(waiting).rejects.toMatchObject({ code: 'DATABASE_TIMEOUT' });
      await jest.advanceTimersByTimeAsync(500);
      await outcome;
      connected();
      await jest.advanceTimersByTimeAsync(0);
      expect(work).not.toHaveBeenCalled();
    });
  });
});
