import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Int64 } from '../common/int64';
import { BooleanColumn, Int64Column, IntColumn, VarcharColumn } from '../database/columns';

/**
 * The answer of a request that carried an Idempotency-Key and wrote something, stored in the transaction
 * of that write, so that a retry of the request finds it exactly when the write happened. Times are epoch
 * milliseconds.
 */
@Entity({ name: 'idempotency_keys' })
@Index('idx_idempotency_keys_expires', ['expiresMs'])
export class IdempotencyKeyEntity {
  /** SHA-256 (hex) of the caller and the key: see keyHash. */
  @PrimaryColumn({ name: 'key_hash', type: 'varchar', length: 64 })
  keyHash!: string;

  /** `user:<id>` or `client:<client id>`. */
  @VarcharColumn({ name: 'caller', length: 80 })
  caller!: string;

  /** `POST /v1.0/logType`. */
  @VarcharColumn({ name: 'route', length: 100 })
  route!: string;

  /** SHA-256 (hex) of the route and the body: see requestFingerprint. */
  @VarcharColumn({ name: 'fingerprint', length: 64 })
  fingerprint!: string;

  /** Null until the answer is stored, later in the transaction that took the key. */
  @IntColumn({ name: 'status_code', nullable: true })
  statusCode!: number | null;

  /** The JSON text of the answer, as it was sent. */
  @Column({ name: 'response_body', type: 'text', nullable: true })
  responseBody!: string | null;

  /** Whether the answer wrote its int64 values as strings, as its request asked (`int64=string`). */
  @BooleanColumn({ name: 'int64_strings', default: false })
  int64Strings!: boolean;

  /** The answer's Location header, if it had one. */
  @VarcharColumn({ name: 'location', length: 255, nullable: true })
  location!: string | null;

  @Int64Column({ name: 'created_ms' })
  createdMs!: Int64;

  /** From then on the key is forgotten: a request with it is a new request, and the purge deletes the row. */
  @Int64Column({ name: 'expires_ms' })
  expiresMs!: Int64;
}
