import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/**
 * A subscription says how its callbacks write int64 values: as numbers (existing ones, and the default) or as
 * strings (`int64: "string"`); its events' payloads are stored so.
 */
export class AddWebhookInt64Strings1765300000000 implements MigrationInterface {
  name = 'AddWebhookInt64Strings1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'webhook_subscriptions',
      new TableColumn({ name: 'int64_strings', type: 'boolean', default: 0 }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('webhook_subscriptions', 'int64_strings');
  }
}
