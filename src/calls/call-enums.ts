export enum Channel {
  Call = 'CALL',
  Email = 'EMAIL',
  Text = 'TEXT',
}

/** How a communication came to be: placed by the dialer (AUTO, MANUAL) or written by hand (LOGGED). */
export enum CommunicationSource {
  Auto = 'AUTO',
  Manual = 'MANUAL',
  Logged = 'LOGGED',
}

export enum CallDirection {
  Outbound = 'Outbound',
  Inbound = 'Inbound',
}

/** The direction as a manual log writes it. */
export enum LogDirection {
  Outbound = 'outbound',
  Inbound = 'inbound',
}

export enum CallStatus {
  Completed = 'Completed',
  Missed = 'Missed',
  Failed = 'Failed',
  Busy = 'Busy',
  NoAnswer = 'NoAnswer',
  VoiceMail = 'VoiceMail',
}

export enum CallingOutcome {
  Talked = 'Talked',
  VoiceMessage = 'VoiceMessage',
  NoAnswer = 'NoAnswer',
  BadNumber = 'BadNumber',
  DNCNumber = 'DNCNumber',
  DNCContact = 'DNCContact',
}

/** The channels of a logged email or text, the communications that are not calls. */
export type MessageChannel = Channel.Email | Channel.Text;

/** How an email or a text came to be: written by hand (a manual log) or sent by an automation. */
export enum MessageType {
  Manual = 'Manual',
  Auto = 'Auto',
}

/** What happened to an email, as the source system names its events. */
export enum EmailEventType {
  Sent = 'Sent',
  Opened = 'Opened',
  Bounced = 'Bounced',
}

/** The order of a list of manual logs: by creation time (ties by id) or by id. */
export enum LogSort {
  CreateTime = 'createTime',
  Id = 'id',
}

export enum SortOrder {
  Asc = 'asc',
  Desc = 'desc',
}

/** What a change of the change feed did to its call. */
export enum CallChangeType {
  Created = 'created',
  Updated = 'updated',
}
