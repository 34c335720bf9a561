import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/**
 * Update events: a subscription says which events it hears of (calls created, calls updated; existing ones keep
 * hearing of creations only), and each event which array of the callback it goes in (existing ones: created).
 */
export class AddWebhookUpdateEvents1765100000000 implements MigrationInterface {
  name = 'AddWebhookUpdateEvents1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('webhook_subscriptions', [
      new TableColumn({ name: 'on_created', type: 'boolean', default: 1 }),
      new TableColumn({ name: 'on_updated', type: 'boolean', default: 0 }),
    ]);
    await queryRunner.addColumn(
      'webhook_events',
      new TableColumn({ name: 'kind', type: 'varchar', length: '8', default: "'created'" }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('webhook_events', 'kind');
    await queryRunner.dropColumns('webhook_subscriptions', ['on_updated', 'on_created']);
  }
}
