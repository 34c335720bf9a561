import type { LeadScopedDoc } from '../leads/lead-manage.guard';
import { Scope } from '../auth/scopes';
import { ErrorCode } from '../common/errors/error-code';
import { invalidId } from '../common/errors/error-response.dto';
import {
  idListMessage,
  limitMessage,
  oneOfMessage,
  positiveIdMessage,
  requiredMessage,
  tooLongMessage,
  utcTimeMessage,
} from '../common/errors/parameter-messages';
import type { RouteDoc } from '../common/http/route-doc.decorator';
import { CALL_CHANGED, notEditableMessage, NO_RATE_SCORE_ON_LOGGED_CALL } from './call-edit.errors';
import { deactivatedTeamUser, noLeadInTeam, recordedBeforeWithOtherData } from './dialer-ingestion.errors';
import { CallBatchRequestDto, CallBatchResponseDto, MAX_BATCH_IDS, WrappedCallResponseDto } from './dto/call-batch.dto';
import { DIALER_CALL_EXAMPLE, LOGGED_CALL_EXAMPLE } from './dto/call-examples';
import { CallHistoryResponseDto, CallListResponseDto, MAX_LIMIT } from './dto/call-list.dto';
import { CallResponseDto } from './dto/call-response.dto';
import { EditCallDto } from './dto/edit-call.dto';
import { EMAIL_EXAMPLE, EmailResponseDto } from './dto/email-response.dto';
import { ManualLogListResponseDto } from './dto/manual-log-list.dto';
import { LogType, ManualLogResponseDto } from './dto/manual-log.dto';
import { TEXT_EXAMPLE, TextResponseDto } from './dto/text-response.dto';
import { LIMIT_NOT_AN_INTEGER, LOG_WINDOW_EXCEEDED } from './manual-logs.errors';

/** The ETag of a call record, as Get Call and the call edit answer it. */
const CALL_ETAG = {
  ETag: {
    description:
      "The record's version, a strong validator: send it back in If-None-Match (Get Call) or If-Match (the edit).",
    required: true,
    schema: { type: 'string', example: '"2"' },
  },
};

/** Where Get Call answers the call recorded. */
const CALL_LOCATION = {
  Location: {
    description: 'Where Get Call answers the call: `GET /v2.0/communication/call/{communicationId}`.',
    required: true,
    schema: { type: 'string', example: '/v2.0/communication/call/563172647619608' },
  },
};

export const GET_CALL: LeadScopedDoc = {
  operationId: 'getCall',
  summary: 'Get a call by ID',
  description:
    'Returns the call identified by the given communication ID. The communication must be a call record, ' +
    'and the caller must have manage permission on the owning lead; otherwise 400 PERMISSION_DENIED is ' +
    'returned (no existence leak). Manually logged calls (those with no backing dialer record) are ' +
    'populated from the communication content itself: leadPhoneNumber from the logged number and direction ' +
    'inferred from the log; dialer-only fields (elapsedTime, status, etc.) are omitted.\n\n' +
    'Webhook follow-up: when a Call webhook is delivered, pass each `createdCall[].timelineId` from the ' +
    'payload as the communicationId path parameter to fetch the full record. The legacy ' +
    '`createdCall[].callId` points at the dialer record for MANUAL calls and is not interchangeable: prefer ' +
    '`timelineId`.\n\n' +
    'The answer carries the `ETag` of the record (its version, moved by every edit). Send it back in ' +
    '`If-None-Match` to get `304 Not Modified` without a body while the call is unchanged, or in `If-Match` to ' +
    'edit the call only if nobody changed it since (`PATCH`). A refusal has no ETag.',
  params: [
    {
      name: 'communicationId',
      description: 'Communication ID of the call (the `timelineId` of a Call webhook event), decimal digits.',
      schema: { type: 'integer', format: 'int64', minimum: 1, example: 563172647619608 },
    },
  ],
  headers: [
    {
      name: 'If-None-Match',
      required: false,
      description:
        'ETags of the call you hold (a list, or `*`), for example `"1"`: when one is the current one (weak ' +
        'comparison), the answer is 304 without a body.',
      // No example value: the Swagger UI would send it with every "Try it out" and get a 304 for its first call.
      schema: { type: 'string' },
    },
  ],
  answers: {
    200: {
      type: CallResponseDto,
      description: 'Call retrieved successfully.',
      headers: CALL_ETAG,
      examples: {
        dialer: { summary: 'A dialer call (MANUAL)', value: DIALER_CALL_EXAMPLE },
        logged: { summary: 'A manually logged call (LOGGED)', value: LOGGED_CALL_EXAMPLE },
      },
    },
    304: {
      description: 'Not Modified: If-None-Match names the current ETag. No body; the ETag header is the current one.',
      headers: CALL_ETAG,
    },
  },
  errors: [invalidId('communicationId')],
  notManageable: 'No such call, not a call, or its lead is not manageable by the caller',
};

export const EDIT_CALL: LeadScopedDoc = {
  operationId: 'editCall',
  summary: 'Edit a call',
  description:
    'Sets the outcome, the rating or the note of a call whose lead you may manage: the fields given are set, ' +
    '`null` clears one, the others stay as they are. Nothing else can be edited: any other field is refused, ' +
    'named. `rateScore` is for dialer calls only (a logged call has no rating). A note longer than 5000 ' +
    "characters is truncated to 5000, as a manual log's content is; a logged call's note is its log's content. " +
    'The answer is the record as Get Call returns it, with its new `updateTime` and `ETag`. An empty body `{}` ' +
    'changes nothing and answers the record as it is.\n\n' +
    'Optimistic concurrency: send the `ETag` of Get Call in `If-Match`, and the edit applies only if the call ' +
    'is still at that version; otherwise 412 PRECONDITION_FAILED and nothing changes (of two edits with the same ' +
    '`If-Match`, exactly one applies). A missing ID, one that is not a call and a call whose lead you may not ' +
    'manage get the same 400 PERMISSION_DENIED as Get Call.',
  params: [
    {
      name: 'communicationId',
      description: 'Communication ID of the call (the `timelineId` of a Call webhook event), decimal digits.',
      schema: { type: 'integer', format: 'int64', minimum: 1, example: 563172647619608 },
    },
  ],
  headers: [
    {
      name: 'If-Match',
      required: false,
      description:
        'The ETag of the call as you read it (a list, or `*`), for example `"1"`: the edit applies only if one of ' +
        'them is the current one (strong comparison: a `W/` tag never matches); 412 otherwise.',
      // No example value: the Swagger UI would send it with every "Try it out" of the edit.
      schema: { type: 'string' },
    },
  ],
  body: {
    type: EditCallDto,
    examples: {
      outcome: { summary: 'Set the outcome and the rating', value: { callingOutcome: 'VoiceMessage', rateScore: 3 } },
      note: { summary: 'Replace the note', value: { note: 'Called back: pre-approval received.' } },
      clear: { summary: 'Clear the outcome', value: { callingOutcome: null } },
    },
  },
  answers: {
    200: {
      type: CallResponseDto,
      description: 'The call as edited, as Get Call returns it, with its new ETag.',
      headers: CALL_ETAG,
      example: {
        ...DIALER_CALL_EXAMPLE,
        callingOutcome: 'VoiceMessage',
        rateScore: 3,
        updateTime: '2026-04-23 09:30:12',
      },
    },
  },
  errors: [
    {
      code: ErrorCode.InvalidParameter,
      message: notEditableMessage('duration'),
      summary:
        'A field that cannot be edited, a value of the wrong type or out of range, `rateScore` on a logged call ' +
        `(\`${NO_RATE_SCORE_ON_LOGGED_CALL}\`), or communicationId not a positive int64`,
    },
    {
      code: ErrorCode.PreconditionFailed,
      message: CALL_CHANGED,
      summary: 'If-Match names no current ETag: the call changed since it was read',
    },
  ],
  notManageable: 'No such call, not a call, or its lead is not manageable by the caller',
};

export const READ_CALL_BATCH: RouteDoc = {
  operationId: 'getCallsBatch',
  summary: 'Get many calls by ID',
  description:
    `Returns the calls of up to ${MAX_BATCH_IDS} communication IDs in one request: the way to follow up a Call ` +
    'webhook batch (pass its `createdCall[].timelineId`s). `calls` holds the records, exactly as Get Call ' +
    'returns them, of the IDs you may read, in the order asked; `denied` holds the IDs you may not read, in the ' +
    'order asked, for whatever reason: no such communication, not a call (an email, a text), or a call whose lead ' +
    "you may not manage. Which one is not told, as with Get Call's single 400 PERMISSION_DENIED, and it does not " +
    'change the time of the answer either. An ID given twice is answered once, at its first place. IDs are ' +
    'JSON integers (exact also above 2^53) or strings of decimal digits; both arrays answer exact JSON integers.',
  body: {
    type: CallBatchRequestDto,
    examples: {
      webhook: {
        summary: "The timelineIds of a Call webhook's createdCall",
        value: { ids: [563172647619608, 563172647619609, 563172647619611] },
      },
      mixed: {
        summary: 'Numbers and digit strings, an email, a missing ID and a repeat',
        value: { ids: ['563172647619608', 563172647619610, 563172647619999, 563172647619608] },
      },
    },
  },
  answers: {
    200: {
      type: CallBatchResponseDto,
      description: 'The calls you may read and the IDs you may not.',
      example: {
        calls: [DIALER_CALL_EXAMPLE, LOGGED_CALL_EXAMPLE],
        denied: [563172647619610, 563172647619999],
      },
    },
  },
  errors: [
    { code: ErrorCode.MissingParameter, message: requiredMessage('ids'), summary: 'No ids' },
    {
      code: ErrorCode.InvalidParameter,
      message: idListMessage('ids', MAX_BATCH_IDS),
      summary:
        `ids is not a list of 1 to ${MAX_BATCH_IDS} items; an item that is not a positive int64 is named ` +
        `(\`${positiveIdMessage('ids[3]')}\`)`,
    },
  ],
};

export const GET_CALL_V1: LeadScopedDoc = {
  operationId: 'getLegacyCall',
  summary: 'Get a call by ID (v1)',
  description:
    'The call record of Get Call (`GET /v2.0/communication/call/{communicationId}`), wrapped under the key ' +
    '`calls` (one object under a plural key, as the v1 API answers it). `callId` is the communication ID, the ' +
    "`timelineId` of a Call webhook event, not the dialer's record ID (the legacy `callId` of the webhook). " +
    "You must have manage permission on the call's lead; otherwise, as for a missing ID or one that is not a " +
    'call, 400 PERMISSION_DENIED (no existence leak).',
  params: [
    {
      name: 'callId',
      description: 'Communication ID of the call (the `timelineId` of a Call webhook event), decimal digits.',
      schema: { type: 'integer', format: 'int64', minimum: 1, example: 563172647619608 },
    },
  ],
  answers: {
    200: {
      type: WrappedCallResponseDto,
      description: 'Call record retrieved successfully.',
      examples: {
        dialer: { summary: 'A dialer call (MANUAL)', value: { calls: DIALER_CALL_EXAMPLE } },
        logged: { summary: 'A manually logged call (LOGGED)', value: { calls: LOGGED_CALL_EXAMPLE } },
      },
    },
  },
  errors: [invalidId('callId')],
  notManageable: 'No such call, not a call, or its lead is not manageable by the caller',
};

const LIST_ERRORS = [
  invalidId('leadId'),
  { code: ErrorCode.MissingParameter, message: requiredMessage('leadId'), summary: 'No leadId' },
  { code: ErrorCode.LimitNotValid, message: limitMessage(MAX_LIMIT), summary: 'limit out of range' },
];

export const LIST_CALLS: RouteDoc = {
  operationId: 'listLeadCalls',
  summary: 'List calls of a lead',
  description:
    'The calls of a lead you may manage (dialer and logged), newest first, a page at a time by offset, with ' +
    'pagination metadata. Each call is the record of Get Call.',
  answers: {
    200: {
      type: CallListResponseDto,
      description: 'A page of the lead’s calls, newest first, with the offset, the limit and the total.',
      example: {
        get_metadata: { collection: 'calls', limit: 10, offset: 0, total: 2 },
        calls: [LOGGED_CALL_EXAMPLE, DIALER_CALL_EXAMPLE],
      },
    },
  },
  errors: LIST_ERRORS,
};

export const CALL_HISTORY: RouteDoc = {
  operationId: 'listLeadCallHistory',
  summary: 'Call history of a lead',
  description:
    'The calls of a lead you may manage, newest first. Page with the keyset cursor `currentId`: pass the id of ' +
    'the last call you received to get the calls older than it (it is exclusive); an empty `calls` is the end. ' +
    'Without `currentId`, `offset` pages from the newest call. The cursor costs the same on every page.',
  answers: {
    200: {
      type: CallHistoryResponseDto,
      description: 'A page of the lead’s calls, newest first; an empty `calls` is the end.',
      example: { calls: [LOGGED_CALL_EXAMPLE, DIALER_CALL_EXAMPLE] },
    },
  },
  errors: LIST_ERRORS,
};

export const LOG_MANUALLY: RouteDoc = {
  operationId: 'createManualLog',
  summary: 'Add a manual log entry',
  description:
    'Logs a call, an email or a text by hand on a lead you may manage. `content` longer than 5000 characters is ' +
    'truncated to 5000. The fields of another channel are accepted and ignored. A logged call is at once ' +
    'readable with Get Call (`GET /v2.0/communication/call/{id}`) as a manually logged call; a logged email or ' +
    'text is not a call there, but is read with `GET /v2.0/communication/email/{id}` or `.../text/{id}`.',
  answers: {
    200: {
      type: ManualLogResponseDto,
      description: 'The log entry, under the key `logType`, with the fields that apply to its channel.',
      example: {
        logType: {
          id: 563172647619609,
          leadId: 100001,
          leadPhoneNumber: '5865865860',
          callingOutcome: 'VoiceMessage',
          content: 'Discussed Austin inventory, will send pre-approval doc tomorrow.',
          createTime: '2026-04-22 10:15:30',
          outboundOrInbound: 'outbound',
          isPin: false,
          agentId: 100234,
        },
      },
    },
  },
  errors: [
    { code: ErrorCode.MissingParameter, message: requiredMessage('content'), summary: 'A required field is missing' },
    {
      code: ErrorCode.InvalidParameter,
      message: oneOfMessage('logType', Object.values(LogType)),
      summary: 'A field is invalid',
    },
    {
      code: ErrorCode.ParameterTooLong,
      message: tooLongMessage('leadPhoneNumber', 32),
      summary: 'A field is too long',
    },
  ],
};

const COMMUNICATION_ID = (what: string, example: number) => ({
  name: 'communicationId',
  description: `Communication ID of the ${what} (the \`id\` of its manual log), decimal digits.`,
  schema: { type: 'integer' as const, format: 'int64', minimum: 1, example },
});

const SAME_DENIAL =
  'otherwise 400 PERMISSION_DENIED is returned (no existence leak): no such communication, one of another ' +
  'channel and a lead you may not manage get the same answer.';

export const GET_EMAIL: LeadScopedDoc = {
  operationId: 'getEmail',
  summary: 'Get an email by ID',
  description:
    'Returns the email identified by the given communication ID. The communication must be an email record, ' +
    `and the caller must have manage permission on the owning lead; ${SAME_DENIAL} ` +
    'A logged email (`POST /v1.0/logType` with `logEmail`) is built from its log: `direction` from ' +
    '`outboundOrInbound`, `eventType` `Sent` when outbound, `emailEventTime` when it was logged, `emailType` ' +
    '`Manual`. A key without a value is absent. The body and the addresses of a logged email are in its entry ' +
    'of `GET /v1.0/logType`.',
  params: [COMMUNICATION_ID('email', 563172647619610)],
  answers: {
    200: {
      type: EmailResponseDto,
      description: 'Email retrieved successfully.',
      examples: {
        logged: { summary: 'A logged outbound email with a subject', value: EMAIL_EXAMPLE },
        bare: {
          summary: 'A logged email without direction or subject (demo email 563172647619610)',
          value: {
            id: 563172647619610,
            leadId: 100001,
            agentId: 100234,
            emailEventTime: '2026-04-22 11:00:00',
            emailType: 'Manual',
          },
        },
      },
    },
  },
  errors: [invalidId('communicationId')],
  notManageable: 'No such email, not an email, or its lead is not manageable by the caller',
};

export const GET_TEXT: LeadScopedDoc = {
  operationId: 'getText',
  summary: 'Get a text by ID',
  description:
    'Returns the text message identified by the given communication ID. The communication must be a text ' +
    `record, and the caller must have manage permission on the owning lead; ${SAME_DENIAL} ` +
    'A logged text (`POST /v1.0/logType` with `logText`) is built from its log: `direction` from ' +
    '`outboundOrInbound`, `textTime` when it was logged, `textType` `Manual`, `textContent` its content. A key ' +
    'without a value is absent.',
  params: [COMMUNICATION_ID('text', TEXT_EXAMPLE.id)],
  answers: { 200: { type: TextResponseDto, description: 'Text retrieved successfully.', example: TEXT_EXAMPLE } },
  errors: [invalidId('communicationId')],
  notManageable: 'No such text, not a text, or its lead is not manageable by the caller',
};

export const LIST_MANUAL_LOGS: RouteDoc = {
  operationId: 'listManualLogs',
  summary: 'List manual logs of a lead',
  description:
    "Returns the lead's manual-log entries for a single channel (logCall, logEmail or logText), paginated via " +
    'offset+limit or cursor (currentId); each entry as `POST /v1.0/logType` answers it. You must be able to ' +
    'manage the lead. Read as the source reads them: an offset below 0 is 0, a limit outside 1 to 1000 is 10, ' +
    'and `offset + limit` may not pass 20000 (page further with the cursor). Newest first by creation time ' +
    '(ties by id) unless `sort` and `order` say otherwise. With `currentId` above 0 the page holds the logs ' +
    'after it (exclusive) by id, in the `order` asked, and `offset` and `sort` are ignored: pass the id of the ' +
    'last log of a page to get the next; an empty page is the end.',
  answers: {
    200: {
      type: ManualLogListResponseDto,
      description: 'A page of the lead’s logs of the channel, under the key `logType`; an empty page is the end.',
      example: {
        logType: [
          {
            id: 563172647619609,
            leadId: 100001,
            leadPhoneNumber: '5865865860',
            callingOutcome: 'VoiceMessage',
            content: 'Discussed Austin inventory, will send pre-approval doc tomorrow.',
            createTime: '2026-04-22 10:15:30',
            outboundOrInbound: 'outbound',
            isPin: false,
            agentId: 100234,
          },
        ],
      },
    },
  },
  errors: [
    { code: ErrorCode.MissingParameter, message: requiredMessage('logType'), summary: 'No leadId or no logType' },
    {
      code: ErrorCode.InvalidParameter,
      message: LOG_WINDOW_EXCEEDED,
      summary: 'offset + limit past 20000, or a parameter that cannot be read (leadId, logType, sort, ...)',
    },
    { code: ErrorCode.LimitNotValid, message: LIMIT_NOT_AN_INTEGER, summary: 'limit is not an integer' },
  ],
};

export const INGEST_DIALER_CALL: RouteDoc = {
  operationId: 'recordDialerCall',
  summary: 'Record a finished dialer call (telephony service)',
  description:
    'For the telephony service: records a dialer call (MANUAL or AUTO) with its lead, agent, outcome, rating ' +
    `and note. Only tokens of API clients holding the scope \`${Scope.DialerWrite}\` are accepted; the lead and the ` +
    "agents must belong to the client's team. Idempotent on `dialerCallRecordId`: the first request answers " +
    '201, a retry of the same record 200 with the same call, the same id with other data 409. The answer is ' +
    'the call as Get Call returns it; `Location` names it.',
  answers: {
    201: { type: CallResponseDto, description: 'Recorded.', headers: CALL_LOCATION, example: DIALER_CALL_EXAMPLE },
    200: {
      type: CallResponseDto,
      description: 'Recorded before (a retry): the same call.',
      headers: CALL_LOCATION,
      example: DIALER_CALL_EXAMPLE,
    },
  },
  errors: [
    { code: ErrorCode.InvalidParameter, message: utcTimeMessage('startTime'), summary: 'A field is invalid' },
    {
      code: ErrorCode.MissingParameter,
      message: requiredMessage('dialerCallRecordId'),
      summary: 'A required field is missing',
    },
    {
      code: ErrorCode.PermissionDenied,
      message: noLeadInTeam('100001'),
      summary: "A lead or agent outside the client's team",
    },
    {
      code: ErrorCode.AgentInactive,
      message: deactivatedTeamUser('userId', '100239'),
      summary: 'A deactivated agent (userId or agentId)',
    },
    {
      code: ErrorCode.Conflict,
      message: recordedBeforeWithOtherData('400000012399'),
      summary: 'The dialer record exists with other data',
    },
  ],
};
