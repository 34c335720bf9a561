import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { stringifyJson } from '../common/http/lossless-json';
import { isUniqueViolation } from '../database/database-errors';
import { SqlReader } from '../database/sql-reader';
import type { SqlValue } from '../database/sql-values';
import { TransactionRunner } from '../database/transaction-runner';

/** How long a stored answer is replayed; after that the key is forgotten. */
export const KEEP_MS = 24 * 3_600_000;
/** Rows one purge statement deletes at most: a purge never holds the write lock long. */
const PURGE_BATCH = 500;

/** A request that carried an Idempotency-Key, as the interceptor read it. */
export interface IdempotentRequest {
  /** See keyHash. */
  keyHash: string;
  /** See callerOf. */
  caller: string;
  /** `POST /v1.0/logType`. */
  route: string;
  /** See requestFingerprint. */
  fingerprint: string;
  /** The status the route answers a write with (its @HttpCode, 201 for a POST without one). */
  status: number;
}

/** An answer stored under a key. */
export interface StoredAnswer {
  fingerprint: string;
  status: number;
  /** The JSON text that was sent. */
  body: string;
  location: string | null;
}

/**
 * The key was taken by another request with it, which committed while this one waited for it: this
 * request's transaction is rolled back, and the interceptor answers with what the other one stored.
 */
export class IdempotencyKeyTaken extends Error {
  constructor() {
    super('The Idempotency-Key was taken by a concurrent request');
    this.name = 'IdempotencyKeyTaken';
  }
}

const FIND_SQL =
  'SELECT fingerprint, status_code, response_body, location, expires_ms FROM idempotency_keys WHERE key_hash = ?';
const CLAIM_SQL =
  'INSERT INTO idempotency_keys (key_hash, caller, route, fingerprint, status_code, response_body, location, ' +
  'created_ms, expires_ms) VALUES (?, ?, ?, ?, NULL, NULL, NULL, ?, ?)';
const STORE_SQL = 'UPDATE idempotency_keys SET status_code = ?, response_body = ?, location = ? WHERE key_hash = ?';
const FORGET_SQL = 'DELETE FROM idempotency_keys WHERE key_hash = ? AND expires_ms <= ?';
const EXPIRED_SQL = `SELECT key_hash FROM idempotency_keys WHERE expires_ms <= ? ORDER BY expires_ms LIMIT ${PURGE_BATCH}`;

interface FoundRow {
  fingerprint: SqlValue;
  status_code: SqlValue;
  response_body: SqlValue;
  location: SqlValue;
  expires_ms: SqlValue;
}

/**
 * The answers of requests sent with an Idempotency-Key. A write takes the key first thing in its
 * transaction and stores its answer last thing in it, so that the answer exists exactly when the write
 * does: a retry after a commit whose acknowledgement was lost finds it, a retry after a rollback does not.
 * A request with the key while another one holds it waits for that one's transaction on the key's unique
 * row (MySQL's lock; SQLite runs its transactions one at a time), then replays what it stored.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly sql: SqlReader,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /**
   * The answer stored under the request's key within the last 24 h, or null. An expired one is deleted
   * here, so that the key can be taken again before the purge comes by.
   */
  async find(request: Pick<IdempotentRequest, 'keyHash'>): Promise<StoredAnswer | null> {
    const [row] = await this.sql.query<FoundRow>(FIND_SQL, [request.keyHash]);
    if (row === undefined || row.status_code === null || row.status_code === undefined) {
      // None, or one still being written (only SQLite's single connection can see that): the request goes
      // on, and its transaction, queued behind that one, finds the key taken.
      return null;
    }
    const now = this.clock.now();
    if (Number(row.expires_ms) <= now) {
      await this.transactions.run((manager) => manager.query(FORGET_SQL, [request.keyHash, now]));
      return null;
    }
    return {
      fingerprint: String(row.fingerprint),
      status: Number(row.status_code),
      body: String(row.response_body),
      location: row.location === null || row.location === undefined ? null : String(row.location),
    };
  }

  /**
   * Runs the unit of work in a transaction which, for a request with a key, takes the key before the work
   * and stores the work's answer (serialized as it will be sent, and its Location if `locate` gives one)
   * after it. Throws {@link IdempotencyKeyTaken} when a concurrent request with the key committed first.
   */
  run<T>(
    request: IdempotentRequest | null,
    work: (manager: EntityManager) => Promise<T>,
    locate?: (answer: T) => string,
  ): Promise<T> {
    if (request === null) return this.transactions.run(work);
    return this.transactions.run(async (manager) => {
      await this.claim(manager, request);
      const answer = await work(manager);
      await manager.query(STORE_SQL, [
        request.status,
        stringifyJson(answer),
        locate === undefined ? null : locate(answer),
        request.keyHash,
      ]);
      return answer;
    });
  }

  /** Deletes the expired keys, a batch per transaction; how many. */
  async purgeExpired(): Promise<number> {
    const now = this.clock.now();
    let deleted = 0;
    for (;;) {
      const batch = await this.transactions.run(async (manager) => {
        const rows: { key_hash: unknown }[] = await manager.query(EXPIRED_SQL, [now]);
        if (rows.length === 0) return 0;
        const hashes = rows.map((row) => String(row.key_hash));
        await manager.query(
          `DELETE FROM idempotency_keys WHERE key_hash IN (${hashes.map(() => '?').join(', ')}) AND expires_ms <= ?`,
          [...hashes, now],
        );
        return hashes.length;
      });
      deleted += batch;
      if (batch < PURGE_BATCH) return deleted;
    }
  }

  /**
   * Inserts the key's row, without an answer yet. On MySQL a concurrent insert of the same key waits here
   * until this transaction ends: a commit makes it a duplicate, a rollback lets it through.
   */
  private async claim(manager: EntityManager, request: IdempotentRequest): Promise<void> {
    const now = this.clock.now();
    try {
      await manager.query(CLAIM_SQL, [
        request.keyHash,
        request.caller,
        request.route,
        request.fingerprint,
        now,
        now + KEEP_MS,
      ]);
    } catch (error) {
      if (isUniqueViolation(error)) throw new IdempotencyKeyTaken();
      throw error;
    }
  }
}
