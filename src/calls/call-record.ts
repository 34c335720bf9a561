import type { SqlValue } from '../database/sql-values';
import type { LeadScoped } from '../leads/lead-access';

/** A call as read from the database: the communication and, for a dialer call, its dialer record. */
export interface CallRow {
  id: SqlValue;
  lead_id: SqlValue;
  agent_id: SqlValue;
  log_phone_number: SqlValue;
  log_direction: SqlValue;
  content: SqlValue;
  calling_outcome: SqlValue;
  rate_score: SqlValue;
  note: SqlValue;
  create_time: SqlValue;
  update_time: SqlValue;
  /** The dialer record's id: null for a manually logged call. */
  dialer_id: SqlValue;
  dialer_user_id: SqlValue;
  user_phone_number: SqlValue;
  lead_phone_number: SqlValue;
  direction: SqlValue;
  status: SqlValue;
  start_time: SqlValue;
  end_time: SqlValue;
  duration: SqlValue;
  recording_switch: SqlValue;
  show_user_number: SqlValue;
  is_machine_answered: SqlValue;
  price: SqlValue;
  elapsed_seconds: SqlValue;
}

export interface CallRecord extends LeadScoped {
  row: CallRow;
}

/** The columns of a {@link CallRow}, for a query over `communications c LEFT JOIN dialer_call_records d`. */
export const CALL_COLUMNS =
  'c.id, c.lead_id, c.agent_id, c.log_phone_number, c.log_direction, c.content, c.calling_outcome, ' +
  'c.rate_score, c.note, c.create_time, c.update_time, d.id AS dialer_id, d.user_id AS dialer_user_id, ' +
  'd.user_phone_number, d.lead_phone_number, d.direction, d.status, d.start_time, d.end_time, d.duration, ' +
  'd.recording_switch, d.show_user_number, d.is_machine_answered, d.price, d.elapsed_seconds';
