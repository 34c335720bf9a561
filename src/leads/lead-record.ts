import type { SqlValue } from '../database/sql-values';
import type { LeadScoped } from './lead-access';

export interface LeadRow {
  id: SqlValue;
  team_id: SqlValue;
  assigned_user_id: SqlValue;
  first_name: SqlValue;
  last_name: SqlValue;
  phone_number: SqlValue;
  email: SqlValue;
  hidden: SqlValue;
  created_at: SqlValue;
  updated_at: SqlValue;
}

/** A lead read together with its access facts for the caller. */
export interface LeadRecord extends LeadScoped {
  row: LeadRow;
}

export const LEAD_COLUMNS =
  'l.id, l.team_id, l.assigned_user_id, l.first_name, l.last_name, l.phone_number, l.email, l.hidden, ' +
  'l.created_at, l.updated_at';
