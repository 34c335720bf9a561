import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

/**
 * The change feed of calls (`GET /v1.0/communication/call/changes`): one row per change, numbered in commit order
 * by the marks row, which every change locks. Every call stored before it is one `created` change, in id order,
 * at the time it was stored, so that a reader starting from the beginning gets every call.
 */
export class CreateCallChanges1765000000000 implements MigrationInterface {
  name = 'CreateCallChanges1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'call_changes',
        columns: [
          { name: 'seq', type: 'bigint', isPrimary: true },
          { name: 'communication_id', type: 'bigint' },
          { name: 'team_id', type: 'bigint' },
          { name: 'lead_id', type: 'bigint' },
          { name: 'agent_id', type: 'bigint' },
          { name: 'change_type', type: 'varchar', length: '8' },
          { name: 'changed_ms', type: 'bigint' },
        ],
        indices: [
          { name: 'idx_call_changes_team', columnNames: ['team_id', 'seq'] },
          { name: 'idx_call_changes_team_agent', columnNames: ['team_id', 'agent_id', 'seq'] },
          { name: 'idx_call_changes_time', columnNames: ['changed_ms', 'seq'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'call_change_marks',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true },
          { name: 'last_seq', type: 'bigint' },
          { name: 'purged_seq', type: 'bigint' },
          { name: 'purged_ms', type: 'bigint' },
        ],
      }),
    );
    await queryRunner.query(
      'INSERT INTO call_changes (seq, communication_id, team_id, lead_id, agent_id, change_type, changed_ms) ' +
        "SELECT ROW_NUMBER() OVER (ORDER BY c.id), c.id, c.team_id, c.lead_id, c.agent_id, 'created', c.recorded_ms " +
        "FROM communications c WHERE c.channel = 'CALL'",
    );
    await queryRunner.query(
      'INSERT INTO call_change_marks (id, last_seq, purged_seq, purged_ms) ' +
        'SELECT 1, COUNT(*), 0, 0 FROM call_changes',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('call_change_marks');
    await queryRunner.dropTable('call_changes');
  }
}
