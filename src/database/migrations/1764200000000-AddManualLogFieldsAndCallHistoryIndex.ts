import { type MigrationInterface, type QueryRunner, TableColumn, TableIndex } from 'typeorm';

/**
 * The fields of a manual log (pin, email subject and addresses), the fingerprint that makes dialer
 * ingestion idempotent, and an index for a lead's call history that includes the channel.
 */
export class AddManualLogFieldsAndCallHistoryIndex1764200000000 implements MigrationInterface {
  name = 'AddManualLogFieldsAndCallHistoryIndex1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('communications', [
      new TableColumn({ name: 'is_pin', type: 'boolean', default: 0 }),
      new TableColumn({ name: 'email_subject', type: 'varchar', length: '255', isNullable: true }),
      new TableColumn({ name: 'to_email', type: 'varchar', length: '254', isNullable: true }),
      new TableColumn({ name: 'from_email', type: 'varchar', length: '254', isNullable: true }),
    ]);
    await queryRunner.createIndex(
      'communications',
      new TableIndex({ name: 'idx_communications_lead_channel', columnNames: ['lead_id', 'channel', 'id'] }),
    );
    await queryRunner.dropIndex('communications', 'idx_communications_lead');
    await queryRunner.addColumn(
      'dialer_call_records',
      new TableColumn({ name: 'payload_hash', type: 'varchar', length: '64', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('dialer_call_records', 'payload_hash');
    await queryRunner.createIndex(
      'communications',
      new TableIndex({ name: 'idx_communications_lead', columnNames: ['lead_id', 'id'] }),
    );
    await queryRunner.dropIndex('communications', 'idx_communications_lead_channel');
    await queryRunner.dropColumns('communications', ['from_email', 'to_email', 'email_subject', 'is_pin']);
  }
}
