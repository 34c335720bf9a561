import type { Int64 } from '../common/int64';
import type { LeadScoped } from './lead-access';

/** A lead as stored, times as UTC text (`yyyy-MM-dd HH:mm:ss`). */
export interface Lead {
  id: Int64;
  teamId: Int64;
  assignedUserId: Int64 | null;
  firstName: string | null;
  lastName: string | null;
  phoneNumber: string | null;
  email: string | null;
  hidden: boolean;
  createTime: string;
  updateTime: string;
}

/** A lead read with all its fields and its access facts for the caller. */
export interface ManageableLead extends LeadScoped {
  lead: Lead;
}
