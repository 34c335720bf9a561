import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

/**
 * The answers of requests sent with an Idempotency-Key, each stored in the transaction of the write it tells
 * of, under a hash of the caller and the key; kept 24 h.
 */
export class CreateIdempotencyKeys1764510000000 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1764510000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'idempotency_keys',
        columns: [
          { name: 'key_hash', type: 'varchar', length: '64', isPrimary: true },
          { name: 'caller', type: 'varchar', length: '80' },
          { name: 'route', type: 'varchar', length: '100' },
          { name: 'fingerprint', type: 'varchar', length: '64' },
          // 'integer': SQLite reads an 'int' column back as another type than TypeORM's int; MySQL takes both as INT.
          { name: 'status_code', type: 'integer', isNullable: true },
          { name: 'response_body', type: 'text', isNullable: true },
          { name: 'location', type: 'varchar', length: '255', isNullable: true },
          { name: 'created_ms', type: 'bigint' },
          { name: 'expires_ms', type: 'bigint' },
        ],
        // The purge: the expired keys, oldest first.
        indices: [{ name: 'idx_idempotency_keys_expires', columnNames: ['expires_ms'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('idempotency_keys');
  }
}
