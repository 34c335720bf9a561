import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { withDeadline } from '../common/deadline';
import { databaseTimeout, isDeadlock } from './database-errors';

/** Runs of a unit of work that MySQL rolled back as a deadlock victim, before its error goes to the caller. */
const DEADLOCK_ATTEMPTS = 3;

/**
 * Runs units of work in a transaction. MySQL runs them side by side on pooled connections, at READ
 * COMMITTED; a unit of work that MySQL rolls back to break a deadlock runs again (up to three times in
 * all), so a unit of work must not do anything outside the database. The embedded SQLite database has one
 * connection, on which TypeORM would nest a second transaction inside a first that is still open (as a
 * savepoint): there they run one after the other.
 */
@Injectable()
export class TransactionRunner {
  private readonly serial: boolean;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.serial = dataSource.options.type === 'better-sqlite3';
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.serial) {
      return this.runAgainAfterDeadlock(work);
    }
    const result = this.tail.then(() => this.dataSource.transaction(work));
    this.tail = result.catch(() => undefined);
    return result;
  }

  /**
   * Runs a read that must see only what has committed. On MySQL at once: a statement sees only committed rows. On
   * SQLite once the transactions queued before it have ended: a statement run while one of them is open would see
   * its uncommitted rows, on the one connection they share.
   */
  readCommitted<T>(read: () => Promise<T>): Promise<T> {
    if (!this.serial) return read();
    const result = this.tail.then(read);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /**
   * Like run, but the caller waits at most `limitMs` in all (for a connection, for each statement, for the
   * commit), then gets a DATABASE_TIMEOUT error. A unit of work whose connection comes later than that is not
   * run; one already running goes on without its caller (each statement bounded by the connection watchdog)
   * and may still commit: it must be one that may.
   */
  runWithin<T>(limitMs: number, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const timeout = databaseTimeout(`No answer from the database within ${limitMs} ms`);
    let late = false;
    return withDeadline(
      this.run((manager) => (late ? Promise.reject(timeout) : work(manager))),
      limitMs,
      () => {
        late = true;
        return timeout;
      },
    );
  }

  private async runAgainAfterDeadlock<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(work);
      } catch (error) {
        if (!isDeadlock(error) || attempt === DEADLOCK_ATTEMPTS) throw error;
      }
    }
  }
}
