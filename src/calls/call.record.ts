import type { Int64 } from '../common/int64';
import type { LeadScoped } from '../leads/lead-access';
import type { CallChangeType, CommunicationSource } from './call-enums';

/**
 * A call as stored: its communication and, for a dialer call, its dialer record. Text columns come as
 * stored (the mapper leaves out what the contract does not allow), times as UTC text `yyyy-MM-dd HH:mm:ss`.
 */
export interface Call {
  id: Int64;
  leadId: Int64;
  agentId: Int64;
  /** How it came to be: MANUAL or AUTO (the dialer's), LOGGED (by hand). */
  source: CommunicationSource;
  /** A manual log's number and direction, and its text. */
  logPhoneNumber: string | null;
  logDirection: string | null;
  content: string | null;
  callingOutcome: string | null;
  rateScore: number | null;
  note: string | null;
  createTime: string;
  updateTime: string;
  /** 1 when stored, one more on each change: what the record's ETag is made of. */
  version: number;
  /** Null for a manually logged call. */
  dialer: DialerRecord | null;
}

export interface DialerRecord {
  id: Int64;
  userId: Int64;
  userPhoneNumber: string | null;
  leadPhoneNumber: string | null;
  direction: string | null;
  status: string | null;
  startTime: string | null;
  endTime: string | null;
  duration: number | null;
  recordingSwitch: boolean;
  showUserNumber: string | null;
  isMachineAnswered: boolean;
  /** US dollars, as the DECIMAL(10,4) column holds it. */
  price: number | null;
  elapsedSeconds: number | null;
}

/** A call read together with its lead's access facts for the caller. */
export interface ScopedCall extends LeadScoped {
  call: Call;
}

/** A change of the change feed: its place in commit order, what it did, and its call as it is now. */
export interface CallChange {
  seq: Int64;
  changeType: CallChangeType;
  call: Call;
}
