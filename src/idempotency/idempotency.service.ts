import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { Int64Form, stringifyJson } from '../common/http/lossless-json';
import { TransactionRunner } from '../database/transaction-runner';
import { type IdempotentAnswer, IdempotencyKeysRepository } from './idempotency-keys.repository';

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
  /** How the answer writes int64 values, as the request's Accept asked. */
  int64: Int64Form;
}

/** An answer stored under a key: the JSON text that was sent, as it was sent. */
export interface StoredAnswer extends IdempotentAnswer {
  fingerprint: string;
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
    private readonly keys: IdempotencyKeysRepository,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /**
   * The answer stored under the request's key within the last 24 h, or null. An expired one is deleted
   * here, so that the key can be taken again before the purge comes by.
   */
  async find(request: Pick<IdempotentRequest, 'keyHash'>): Promise<StoredAnswer | null> {
    const key = await this.keys.find(request.keyHash);
    if (key === null || key.answer === null) {
      // None, or one still being written (only SQLite's single connection can see that): the request goes
      // on, and its transaction, queued behind that one, finds the key taken.
      return null;
    }
    const now = this.clock.now();
    if (key.expiresMs <= now) {
      await this.transactions.run((manager) => this.keys.deleteIfExpired(manager, request.keyHash, now));
      return null;
    }
    return { fingerprint: key.fingerprint, ...key.answer };
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
      const { keyHash, caller, route, fingerprint } = request;
      const now = this.clock.now();
      const key = { keyHash, caller, route, fingerprint, createdMs: now, expiresMs: now + KEEP_MS };
      if (!(await this.keys.claim(manager, key))) throw new IdempotencyKeyTaken();
      const answer = await work(manager);
      await this.keys.storeAnswer(manager, keyHash, {
        status: request.status,
        body: stringifyJson(answer, request.int64),
        int64: request.int64,
        location: locate === undefined ? null : locate(answer),
      });
      return answer;
    });
  }

  /** Deletes the expired keys, a batch per transaction; how many. */
  async purgeExpired(): Promise<number> {
    const now = this.clock.now();
    let deleted = 0;
    for (;;) {
      const batch = await this.transactions.run((manager) => this.keys.deleteExpired(manager, now, PURGE_BATCH));
      deleted += batch;
      if (batch < PURGE_BATCH) return deleted;
    }
  }
}
