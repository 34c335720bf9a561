import { MigrationInterface, QueryRunner, Table, TableColumnOptions } from 'typeorm';

const id = (name = 'id'): TableColumnOptions => ({ name, type: 'bigint', isPrimary: true });
const int64 = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'bigint', isNullable });
const varchar = (name: string, length: number, isNullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable,
});
const datetime = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'datetime', isNullable });
const bool = (name: string, defaultValue?: boolean): TableColumnOptions => ({
  name,
  type: 'boolean',
  ...(defaultValue === undefined ? {} : { default: defaultValue ? 1 : 0 }),
});
const fk = (columnName: string, referencedTableName: string, name: string, onDelete = 'RESTRICT') => ({
  name,
  columnNames: [columnName],
  referencedTableName,
  referencedColumnNames: ['id'],
  onDelete,
  onUpdate: 'RESTRICT',
});

/** Teams, users, leads, their other assignees, dialer call records, communications and API clients. */
export class CreateSchema1764100000000 implements MigrationInterface {
  name = 'CreateSchema1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'teams',
        columns: [id(), varchar('name', 100), datetime('created_at')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          id(),
          int64('team_id'),
          varchar('name', 100),
          varchar('email', 254, true),
          varchar('phone_number', 32, true),
          varchar('role', 16),
          bool('access_all_team_leads', false),
          bool('active', true),
          datetime('created_at'),
          datetime('updated_at'),
        ],
        indices: [{ name: 'idx_users_team', columnNames: ['team_id'] }],
        foreignKeys: [fk('team_id', 'teams', 'fk_users_team')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'leads',
        columns: [
          id(),
          int64('team_id'),
          int64('assigned_user_id', true),
          varchar('first_name', 100, true),
          varchar('last_name', 100, true),
          varchar('phone_number', 32, true),
          varchar('email', 254, true),
          bool('hidden', false),
          datetime('deleted_at', true),
          datetime('created_at'),
          datetime('updated_at'),
        ],
        indices: [
          { name: 'idx_leads_team', columnNames: ['team_id'] },
          { name: 'idx_leads_assigned_user', columnNames: ['assigned_user_id'] },
        ],
        foreignKeys: [
          fk('team_id', 'teams', 'fk_leads_team'),
          fk('assigned_user_id', 'users', 'fk_leads_assigned_user'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'lead_assignees',
        columns: [id('lead_id'), id('user_id'), varchar('role', 16), datetime('created_at')],
        indices: [{ name: 'idx_lead_assignees_user', columnNames: ['user_id'] }],
        foreignKeys: [
          fk('lead_id', 'leads', 'fk_lead_assignees_lead', 'CASCADE'),
          fk('user_id', 'users', 'fk_lead_assignees_user', 'CASCADE'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'dialer_call_records',
        columns: [
          id(),
          int64('user_id'),
          varchar('user_phone_number', 32, true),
          varchar('lead_phone_number', 32, true),
          varchar('direction', 8),
          varchar('status', 16),
          datetime('start_time'),
          datetime('end_time', true),
          { name: 'duration', type: 'integer' },
          bool('recording_switch'),
          varchar('show_user_number', 32, true),
          bool('is_machine_answered'),
          { name: 'price', type: 'decimal', precision: 10, scale: 4, isNullable: true },
          { name: 'elapsed_seconds', type: 'integer', isNullable: true },
          datetime('created_at'),
        ],
        indices: [{ name: 'idx_dialer_call_records_user', columnNames: ['user_id'] }],
        foreignKeys: [fk('user_id', 'users', 'fk_dialer_call_records_user')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'communications',
        columns: [
          id(),
          int64('lead_id'),
          int64('agent_id'),
          varchar('channel', 8),
          varchar('source', 8),
          int64('dialer_call_record_id', true),
          varchar('log_phone_number', 32, true),
          varchar('log_direction', 8, true),
          { name: 'content', type: 'text', isNullable: true },
          varchar('calling_outcome', 16, true),
          { name: 'rate_score', type: 'smallint', isNullable: true },
          { name: 'note', type: 'text', isNullable: true },
          datetime('create_time'),
          datetime('update_time'),
        ],
        indices: [
          // The lead's timeline, newest or oldest first, and the keyset cursor over it.
          { name: 'idx_communications_lead', columnNames: ['lead_id', 'id'] },
          { name: 'idx_communications_agent', columnNames: ['agent_id'] },
          { name: 'uq_communications_dialer_call_record', columnNames: ['dialer_call_record_id'], isUnique: true },
        ],
        foreignKeys: [
          fk('lead_id', 'leads', 'fk_communications_lead'),
          fk('agent_id', 'users', 'fk_communications_agent'),
          fk('dialer_call_record_id', 'dialer_call_records', 'fk_communications_dialer_call_record'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'api_clients',
        columns: [
          { name: 'id', type: 'varchar', length: '64', isPrimary: true },
          varchar('secret_hash', 255),
          int64('user_id'),
          varchar('name', 100),
          { ...varchar('scopes', 255), default: "''" },
          datetime('created_at'),
          datetime('revoked_at', true),
        ],
        indices: [{ name: 'idx_api_clients_user', columnNames: ['user_id'] }],
        foreignKeys: [fk('user_id', 'users', 'fk_api_clients_user', 'CASCADE')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'api_clients',
      'communications',
      'dialer_call_records',
      'lead_assignees',
      'leads',
      'users',
      'teams',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
