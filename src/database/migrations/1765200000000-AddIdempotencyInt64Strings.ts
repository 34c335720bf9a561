import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/**
 * An idempotent answer stores how it wrote int64 values (as strings when its request asked with `int64=string`), so
 * that its replay says so in its Content-Type. Answers stored before wrote numbers.
 */
export class AddIdempotencyInt64Strings1765200000000 implements MigrationInterface {
  name = 'AddIdempotencyInt64Strings1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'idempotency_keys',
      new TableColumn({ name: 'int64_strings', type: 'boolean', default: 0 }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('idempotency_keys', 'int64_strings');
  }
}
