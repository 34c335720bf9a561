/** The demo data set of the contract (spec section 5), as the e2e suites expect it. */
export const USERS = {
  agent: '100234',
  unrelatedAgent: '100235',
  admin: '100236',
  allTeamLeads: '100237',
  assistant: '100238',
  deactivated: '100239',
  owner: '100240',
  otherTeamAdmin: '200001',
} as const;

export const CALLS = {
  dialer: '563172647619608',
  logged: '563172647619609',
  email: '563172647619610',
  autoOnHiddenLead: '563172647619611',
  above2To53: '9007199254740993',
} as const;

/** The example of the source document, byte for byte: key order, types, numbers. */
export const DIALER_CALL_JSON =
  '{"id":563172647619608,"dialerCallRecordId":400000012345,"userId":100234,"userPhoneNumber":"+14155550100",' +
  '"leadId":100001,"leadPhoneNumber":"+14155550199","direction":"Outbound","status":"Completed",' +
  '"startTime":"2026-04-22 10:15:00","endTime":"2026-04-22 10:18:45","duration":225,"callingOutcome":"Talked",' +
  '"rateScore":4,"recordingSwitch":true,"showUserNumber":"+14155550100","createTime":"2026-04-22 10:15:00",' +
  '"updateTime":"2026-04-22 10:18:45","note":"Discussed pre-approval timeline.","isMachineAnswered":false,' +
  '"price":0.02,"agentId":100234,"elapsedTime":"00:08"}';

export const LOGGED_CALL_JSON =
  '{"id":563172647619609,"userId":100234,"leadId":100001,"leadPhoneNumber":"5865865860","direction":"Outbound",' +
  '"callingOutcome":"VoiceMessage","createTime":"2026-04-22 10:15:30","updateTime":"2026-04-22 10:15:30",' +
  '"note":"Discussed Austin inventory, will send pre-approval doc tomorrow.","agentId":100234}';

export const AUTO_CALL_JSON =
  '{"id":563172647619611,"dialerCallRecordId":400000012346,"userId":100234,"userPhoneNumber":"+14155550100",' +
  '"leadId":100002,"leadPhoneNumber":"+14155550198","direction":"Outbound","status":"VoiceMail",' +
  '"startTime":"2026-04-23 16:00:00","endTime":"2026-04-23 16:00:41","duration":30,"recordingSwitch":false,' +
  '"showUserNumber":"+14155550100","createTime":"2026-04-23 16:00:00","updateTime":"2026-04-23 16:00:41",' +
  '"isMachineAnswered":true,"price":0.015,"agentId":100234,"elapsedTime":"00:11"}';

export const BIG_ID_CALL_JSON =
  '{"id":9007199254740993,"dialerCallRecordId":9007199254740995,"userId":100234,"userPhoneNumber":"+14155550100",' +
  '"leadId":100001,"leadPhoneNumber":"+14155550199","direction":"Inbound","status":"Completed",' +
  '"startTime":"2026-04-24 08:00:00","endTime":"2026-04-24 09:15:03","duration":4503,"callingOutcome":"Talked",' +
  '"rateScore":5,"recordingSwitch":true,"showUserNumber":"+14155550100","createTime":"2026-04-24 08:00:00",' +
  '"updateTime":"2026-04-24 09:15:03","note":"Inbound call about the open house.","isMachineAnswered":false,' +
  '"price":1.3509,"agentId":100234,"elapsedTime":"75:03"}';

const MANAGE_LEAD_100001 = [USERS.agent, USERS.admin, USERS.allTeamLeads, USERS.assistant, USERS.owner];

/** Who sees what: for each demo communication, its JSON and the users who may read it. */
export const EXPECTED: Record<string, { json: string | null; visibleTo: string[] }> = {
  [CALLS.dialer]: { json: DIALER_CALL_JSON, visibleTo: MANAGE_LEAD_100001 },
  [CALLS.logged]: { json: LOGGED_CALL_JSON, visibleTo: MANAGE_LEAD_100001 },
  [CALLS.email]: { json: null, visibleTo: [] },
  // Lead 100002 is hidden: only its assigned agent may manage it.
  [CALLS.autoOnHiddenLead]: { json: AUTO_CALL_JSON, visibleTo: [USERS.agent] },
  [CALLS.above2To53]: { json: BIG_ID_CALL_JSON, visibleTo: MANAGE_LEAD_100001 },
};

export const PERMISSION_DENIED_JSON =
  '{"code":"PERMISSION_DENIED","message":"The resource does not exist or you do not have permission to access it."}';
