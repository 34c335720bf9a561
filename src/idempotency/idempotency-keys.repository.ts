import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../database/database-errors';
import { SqlReader } from '../database/sql-reader';
import { Int64Form } from '../common/http/lossless-json';
import { sqlBool, sqlInt, sqlString, type SqlValue } from '../database/sql-values';

/** An answer as stored: the status, the JSON text that was sent and how it wrote int64s, the Location. */
export interface IdempotentAnswer {
  status: number;
  body: string;
  int64: Int64Form;
  location: string | null;
}

/** A key as stored: its answer is null while the transaction that took the key has not stored it yet. */
export interface IdempotencyKeyRecord {
  fingerprint: string;
  answer: IdempotentAnswer | null;
  /** Epoch ms. */
  expiresMs: number;
}

/** A key being taken, before the answer of its request exists. */
export interface NewIdempotencyKey {
  keyHash: string;
  caller: string;
  route: string;
  fingerprint: string;
  createdMs: number;
  expiresMs: number;
}

interface KeyRow {
  fingerprint: SqlValue;
  status_code: SqlValue;
  response_body: SqlValue;
  int64_strings: SqlValue;
  location: SqlValue;
  expires_ms: SqlValue;
}

const FIND_SQL =
  'SELECT fingerprint, status_code, response_body, int64_strings, location, expires_ms FROM idempotency_keys ' +
  'WHERE key_hash = ?';
const CLAIM_SQL =
  'INSERT INTO idempotency_keys (key_hash, caller, route, fingerprint, status_code, response_body, location, ' +
  'created_ms, expires_ms) VALUES (?, ?, ?, ?, NULL, NULL, NULL, ?, ?)';
const STORE_SQL =
  'UPDATE idempotency_keys SET status_code = ?, response_body = ?, int64_strings = ?, location = ? WHERE key_hash = ?';
const FORGET_SQL = 'DELETE FROM idempotency_keys WHERE key_hash = ? AND expires_ms <= ?';

/** The idempotency_keys table. */
@Injectable()
export class IdempotencyKeysRepository {
  constructor(private readonly sql: SqlReader) {}

  async find(keyHash: string): Promise<IdempotencyKeyRecord | null> {
    const [row] = await this.sql.query<KeyRow>(FIND_SQL, [keyHash]);
    if (row === undefined) return null;
    const status = sqlInt(row.status_code);
    return {
      fingerprint: String(row.fingerprint),
      answer:
        status === null
          ? null
          : {
              status,
              body: String(row.response_body),
              int64: sqlBool(row.int64_strings) ? Int64Form.String : Int64Form.Number,
              location: sqlString(row.location),
            },
      expiresMs: Number(row.expires_ms),
    };
  }

  /**
   * Inserts the key without an answer; false when another request's transaction committed it first. On
   * MySQL a concurrent insert of the same key waits here until that transaction ends: a commit makes it a
   * duplicate, a rollback lets it through.
   */
  async claim(manager: EntityManager, key: NewIdempotencyKey): Promise<boolean> {
    try {
      await manager.query(CLAIM_SQL, [
        key.keyHash,
        key.caller,
        key.route,
        key.fingerprint,
        key.createdMs,
        key.expiresMs,
      ]);
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async storeAnswer(manager: EntityManager, keyHash: string, answer: IdempotentAnswer): Promise<void> {
    const strings = answer.int64 === Int64Form.String ? 1 : 0;
    await manager.query(STORE_SQL, [answer.status, answer.body, strings, answer.location, keyHash]);
  }

  /** Deletes the key if it has expired by `nowMs` (another request may have taken it afresh meanwhile). */
  async deleteIfExpired(manager: EntityManager, keyHash: string, nowMs: number): Promise<void> {
    await manager.query(FORGET_SQL, [keyHash, nowMs]);
  }

  /** Deletes up to `limit` of the keys expired by `nowMs`, the oldest first; how many. */
  async deleteExpired(manager: EntityManager, nowMs: number, limit: number): Promise<number> {
    const rows = await this.sql.queryIn<{ key_hash: SqlValue }>(
      manager,
      `SELECT key_hash FROM idempotency_keys WHERE expires_ms <= ? ORDER BY expires_ms LIMIT ${limit}`,
      [nowMs],
    );
    if (rows.length === 0) return 0;
    const hashes = rows.map((row) => String(row.key_hash));
    await manager.query(
      `DELETE FROM idempotency_keys WHERE key_hash IN (${hashes.map(() => '?').join(', ')}) AND expires_ms <= ?`,
      [...hashes, nowMs],
    );
    return hashes.length;
  }
}
