import { Entity, Index, PrimaryColumn } from 'typeorm';
import type { Int64 } from '../common/int64';
import { Int64Column, Int64PrimaryColumn, VarcharColumn } from '../database/columns';
import type { CallChangeType } from './call-enums';

/**
 * One change of a call (stored, or edited), the change feed's entry. Its `seq` is given in the order the changes
 * commit (see CallChangesRepository.append), with no gap, so that a reader that has seen every change up to a
 * `seq` has missed none before it. No foreign key: it is a log, read only with its communication, which is never
 * deleted, and its writes are on every call's path.
 */
@Entity({ name: 'call_changes' })
// A team's feed, and an agent's own feed in a team, in commit order.
@Index('idx_call_changes_team', ['teamId', 'seq'])
@Index('idx_call_changes_team_agent', ['teamId', 'agentId', 'seq'])
// The feed from a time (`since`) and the purge of what is older than the retention.
@Index('idx_call_changes_time', ['changedMs', 'seq'])
export class CallChangeEntity {
  @Int64PrimaryColumn('seq')
  seq!: Int64;

  @Int64Column({ name: 'communication_id' })
  communicationId!: Int64;

  /** The call's, as its communication holds them (a lead never changes team, a call never changes agent). */
  @Int64Column({ name: 'team_id' })
  teamId!: Int64;

  @Int64Column({ name: 'lead_id' })
  leadId!: Int64;

  @Int64Column({ name: 'agent_id' })
  agentId!: Int64;

  @VarcharColumn({ name: 'change_type', length: 8 })
  changeType!: CallChangeType;

  /** When the change took its `seq`, epoch ms by the database's clock: in `seq` order. */
  @Int64Column({ name: 'changed_ms' })
  changedMs!: Int64;
}

/**
 * The one row of the change feed's marks: the last `seq` given, whose row every change locks to take the next one,
 * and how far the retention purge went (the changes up to `purged_seq`, all older than `purged_ms`, may be gone).
 */
@Entity({ name: 'call_change_marks' })
export class CallChangeMarksEntity {
  @PrimaryColumn({ name: 'id', type: 'integer' })
  id!: number;

  @Int64Column({ name: 'last_seq' })
  lastSeq!: Int64;

  @Int64Column({ name: 'purged_seq' })
  purgedSeq!: Int64;

  @Int64Column({ name: 'purged_ms' })
  purgedMs!: Int64;
}
