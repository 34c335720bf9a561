import { type MigrationInterface, type QueryRunner, TableColumn, TableIndex } from 'typeorm';

/**
 * What the search by agent reads a page of a time window with: each communication's team (its lead's) and when
 * the service stored it (the snapshot bound `asOf`), and an index that starts with the team, the channel and the
 * time, so that a page costs the same however many communications lie outside its window. Existing
 * communications take their lead's team, and the migration's time as when they were stored.
 */
export class AddCommunicationSearch1764700000000 implements MigrationInterface {
  name = 'AddCommunicationSearch1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const teamId = new TableColumn({ name: 'team_id', type: 'bigint', isNullable: true });
    const recordedMs = new TableColumn({ name: 'recorded_ms', type: 'bigint', isNullable: true });
    await queryRunner.addColumns('communications', [teamId, recordedMs]);
    await queryRunner.query(
      'UPDATE communications SET recorded_ms = ?, ' +
        'team_id = (SELECT l.team_id FROM leads l WHERE l.id = communications.lead_id)',
      [Date.now()],
    );
    await queryRunner.changeColumns('communications', [
      { oldColumn: teamId, newColumn: new TableColumn({ name: 'team_id', type: 'bigint' }) },
      { oldColumn: recordedMs, newColumn: new TableColumn({ name: 'recorded_ms', type: 'bigint' }) },
    ]);
    await queryRunner.createIndex(
      'communications',
      new TableIndex({
        name: 'idx_communications_team_time',
        columnNames: ['team_id', 'channel', 'create_time', 'id', 'agent_id', 'lead_id', 'recorded_ms'],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('communications', 'idx_communications_team_time');
    await queryRunner.dropColumns('communications', ['recorded_ms', 'team_id']);
  }
}
