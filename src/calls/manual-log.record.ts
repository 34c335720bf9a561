import type { Int64 } from '../common/int64';
import type { LeadScoped } from '../leads/lead-access';
import type { Channel, LogSort, SortOrder } from './call-enums';

/**
 * A communication as a manual log stores it (`POST /v1.0/logType`): a logged call, email or text. Text columns
 * come as stored (the mappers leave out what the contract does not allow), the time as UTC text
 * `yyyy-MM-dd HH:mm:ss`.
 */
export interface ManualLog {
  id: Int64;
  leadId: Int64;
  agentId: Int64;
  channel: Channel;
  /** How it came to be (`LOGGED` for a manual log); an email or text of another writer may say otherwise. */
  source: string;
  phoneNumber: string | null;
  direction: string | null;
  content: string | null;
  isPin: boolean;
  callingOutcome: string | null;
  emailSubject: string | null;
  toEmail: string | null;
  fromEmail: string | null;
  createTime: string;
}

/** A logged email or text read together with its lead's access facts for the caller. */
export interface ScopedLog extends LeadScoped {
  log: ManualLog;
}

/**
 * A page of a lead's manual logs of one channel: by offset in the order asked, or after the keyset cursor
 * `afterId` (exclusive) by id, in the direction of `order`.
 */
export type LogPage =
  | { sort: LogSort; order: SortOrder; offset: number; limit: number }
  | { afterId: Int64; order: SortOrder; limit: number };
