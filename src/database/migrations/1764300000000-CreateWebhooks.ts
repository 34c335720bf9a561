import { type MigrationInterface, type QueryRunner, Table, type TableColumnOptions } from 'typeorm';

const int64 = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'bigint', isNullable });
// 'integer': SQLite reads an 'int' column back as another type than TypeORM's int; MySQL takes both as INT.
const int = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable });
const varchar = (name: string, length: number, isNullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable,
});

/** Webhook subscriptions, the transactional outbox of their events, and the log of delivery attempts. */
export class CreateWebhooks1764300000000 implements MigrationInterface {
  name = 'CreateWebhooks1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'webhook_subscriptions',
        columns: [
          { name: 'id', type: 'bigint', isPrimary: true },
          int64('team_id'),
          int64('user_id'),
          int('list_id'),
          varchar('callback_url', 2048),
          int('batch_limit'),
          varchar('secret', 64),
          varchar('status', 8),
          varchar('paused_reason', 500, true),
          int64('failing_since_ms', true),
          { name: 'created_at', type: 'datetime' },
          { name: 'updated_at', type: 'datetime' },
        ],
        indices: [
          { name: 'idx_webhook_subscriptions_team_list', columnNames: ['team_id', 'list_id'] },
          { name: 'idx_webhook_subscriptions_user', columnNames: ['user_id'] },
        ],
        foreignKeys: [
          {
            name: 'fk_webhook_subscriptions_team',
            columnNames: ['team_id'],
            referencedTableName: 'teams',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
            onUpdate: 'RESTRICT',
          },
          {
            name: 'fk_webhook_subscriptions_user',
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'RESTRICT',
          },
        ],
      }),
    );
    const bySubscription = (name: string) => ({
      name,
      columnNames: ['subscription_id'],
      referencedTableName: 'webhook_subscriptions',
      referencedColumnNames: ['id'],
      onDelete: 'CASCADE',
      onUpdate: 'RESTRICT',
    });
    await queryRunner.createTable(
      new Table({
        name: 'webhook_events',
        columns: [
          { name: 'id', type: 'bigint', isPrimary: true },
          int64('event_id'),
          int64('subscription_id'),
          { name: 'payload', type: 'text' },
          varchar('status', 8),
          { ...int('attempts'), default: 0 },
          int64('created_ms'),
          int64('next_attempt_ms'),
          int64('first_attempt_ms', true),
          { ...int64('lease_until_ms'), default: 0 },
          varchar('last_error', 500, true),
          int64('sent_ms', true),
        ],
        indices: [
          // The worker's claim: the events due, oldest first.
          { name: 'idx_webhook_events_due', columnNames: ['status', 'next_attempt_ms'] },
          { name: 'idx_webhook_events_subscription', columnNames: ['subscription_id', 'status'] },
          {
            name: 'uq_webhook_events_event_subscription',
            columnNames: ['event_id', 'subscription_id'],
            isUnique: true,
          },
        ],
        foreignKeys: [bySubscription('fk_webhook_events_subscription')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'webhook_deliveries',
        columns: [
          { name: 'id', type: 'bigint', isPrimary: true },
          int64('subscription_id'),
          int64('attempted_ms'),
          int('event_count'),
          int('status_code', true),
          varchar('error', 500, true),
          int('duration_ms'),
          { name: 'success', type: 'boolean' },
        ],
        indices: [
          { name: 'idx_webhook_deliveries_subscription', columnNames: ['subscription_id', 'id'] },
          { name: 'idx_webhook_deliveries_attempted', columnNames: ['attempted_ms'] },
        ],
        foreignKeys: [bySubscription('fk_webhook_deliveries_subscription')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('webhook_deliveries');
    await queryRunner.dropTable('webhook_events');
    await queryRunner.dropTable('webhook_subscriptions');
  }
}
