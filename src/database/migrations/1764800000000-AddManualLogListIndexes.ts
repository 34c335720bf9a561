import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

/**
 * The indexes of a lead's manual logs of one channel (`GET /v1.0/logType`), by id and by creation time: a
 * page reads the logs it answers (and those it skips by offset), never the lead's dialer calls between them.
 */
export class AddManualLogListIndexes1764800000000 implements MigrationInterface {
  name = 'AddManualLogListIndexes1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'communications',
      new TableIndex({ name: 'idx_communications_lead_log_id', columnNames: ['lead_id', 'channel', 'source', 'id'] }),
    );
    await queryRunner.createIndex(
      'communications',
      new TableIndex({
        name: 'idx_communications_lead_log_time',
        columnNames: ['lead_id', 'channel', 'source', 'create_time', 'id'],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('communications', 'idx_communications_lead_log_time');
    await queryRunner.dropIndex('communications', 'idx_communications_lead_log_id');
  }
}
