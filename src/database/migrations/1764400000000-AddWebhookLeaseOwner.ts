import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/**
 * Who holds a webhook event's lease: the token of the worker's claim. A worker records an outcome only for
 * the events it still holds, so that one whose lease ran out never overwrites what another did since.
 */
export class AddWebhookLeaseOwner1764400000000 implements MigrationInterface {
  name = 'AddWebhookLeaseOwner1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'webhook_events',
      new TableColumn({ name: 'lease_owner', type: 'varchar', length: '32', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('webhook_events', 'lease_owner');
  }
}
