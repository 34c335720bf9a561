/**
 * The types of the Calls API, generated from openapi.json by openapi-typescript: run `npm run client:generate`
 * (examples/typescript-client/generate.ts), never edit by hand. Every int64 is `number | bigint`: a number below
 * 2^53, a bigint from 2^53 on, as the client's lossless parser reads it (client.ts).
 */
export interface paths {
    "/oauth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get an access token (client credentials)
         * @description OAuth 2.0 client credentials grant for a registered API client, which then acts as the user it is bound to. Send a form (`application/x-www-form-urlencoded`) or JSON body; the client id and secret may instead come in an HTTP Basic `Authorization` header. A refusal is an OAuth error (RFC 6749 section 5.2): `error` and `error_description` beside the `code` and `message` of every error of this API.
         */
        post: operations["issueToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1.0/leads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a lead
         * @description Creates a lead in your team, assigned to you or to another active user of your team. Give at least one of firstName, lastName, phoneNumber and email.
         */
        post: operations["createLead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1.0/leads/{leadId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a lead by ID
         * @description Returns the lead when you may manage it; otherwise 400 PERMISSION_DENIED, the same answer as for a lead that does not exist (no existence leak).
         */
        get: operations["getLead"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1.0/leads/{leadId}/assignment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reassign a lead
         * @description Makes another active user of the team the assigned agent of the lead. Only an OWNER, an ADMIN or a user with ACCESS_ALL_TEAM_LEADS may, on a lead they may manage. Takes effect on the very next request.
         */
        post: operations["reassignLead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2.0/communication/call/{communicationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a call by ID
         * @description Returns the call identified by the given communication ID. The communication must be a call record, and the caller must have manage permission on the owning lead; otherwise 400 PERMISSION_DENIED is returned (no existence leak). Manually logged calls (those with no backing dialer record) are populated from the communication content itself: leadPhoneNumber from the logged number and direction inferred from the log; dialer-only fields (elapsedTime, status, etc.) are omitted.
         *
         *     Webhook follow-up: when a Call webhook is delivered, pass each `createdCall[].timelineId` from the payload as the communicationId path parameter to fetch the full record. The legacy `createdCall[].callId` points at the dialer record for MANUAL calls and is not interchangeable: prefer `timelineId`.
         *
         *     The answer carries the `ETag` of the record (its version, moved by every edit). Send it back in `If-None-Match` to get `304 Not Modified` without a body while the call is unchanged, or in `If-Match` to edit the call only if nobody changed it since (`PATCH`). A refusal has no ETag.
         */
        get: operations["getCall"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit a call
         * @description Sets the outcome, the rating or the note of a call whose lead you may manage: the fields given are set, `null` clears one, the others stay as they are. Nothing else can be edited: any other field is refused, named. `rateScore` is for dialer calls only (a logged call has no rating). A note longer than 5000 characters is truncated to 5000, as a manual log's content is; a logged call's note is its log's content. The answer is the record as Get Call returns it, with its new `updateTime` and `ETag`. An empty body `{}` changes nothing and answers the record as it is.
         *
         *     Optimistic concurrency: send the `ETag` of Get Call in `If-Match`, and the edit applies only if the call is still at that version; otherwise 412 PRECONDITION_FAILED and nothing changes (of two edits with the same `If-Match`, exactly one applies). A missing ID, one that is not a call and a call whose lead you may not manage get the same 400 PERMISSION_DENIED as Get Call.
         */
        patch: operations["editCall"];
        trace?: never;
    };
    "/v2.0/communication/call/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get many calls by ID
         * @description Returns the calls of up to 1000 communication IDs in one request: the way to follow up a Call webhook batch (pass its `createdCall[].timelineId`s). `calls` holds the records, exactly as Get Call returns them, of the IDs you may read, in the order asked; `denied` holds the IDs you may not read, in the order asked, for whatever reason: no such communication, not a call (an email, a text), or a call whose lead you may not manage. Which one is not told, as with Get Call's single 400 PERMISSION_DENIED, and it does not change the time of the answer either. An ID given twice is answered once, at its first place. IDs are JSON integers (exact also above 2^53) or strings of decimal digits; both arrays answer exact JSON integers.
         */
        post: operations["getCallsBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1.0/calls/{callId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a call by ID (v1)
         * @description The call record of Get Call (`GET /v2.0/communication/call/{communicationId}`), wrapped under the key `calls` (one object under a plural key, as the v1 API answers it). `callId` is the communication ID, the `timelineId` of a Call webhook event, not the dialer's record ID (the legacy `callId` of the webhook). You must have manage permission on the call's lead; otherwise, as for a missing ID or one that is not a call, 400 PERMISSION_DENIED (no existence leak).
         */
        get: operations["getLegacyCall"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1.0/calls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List calls of a lead
         * @description The calls of a lead you may manage (dialer and logged), newest first, a page at a time by offset, with pagination metadata. Each call is the record of Get Call.
         */
        get: operations["listLeadCalls"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1.0/communication/call": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Call history of a lead
         * @description The calls of a lead you may manage, newest first. Page with the keyset cursor `currentId`: pass the id of the last call you received to get the calls older than it (it is exclusive); an empty `calls` is the end. Without `currentId`, `offset` pages from the newest call. The cursor costs the same on every page.
         */
        get: operations["listLeadCallHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1.0/logType": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List manual logs of a lead
         * @description Returns the lead's manual-log entries for a single channel (logCall, logEmail or logText), paginated via offset+limit or cursor (currentId); each entry as `POST /v1.0/logType` answers it. You must be able to manage the lead. Read as the source reads them: an offset below 0 is 0, a limit outside 1 to 1000 is 10, and `offset + limit` may not pass 20000 (page further with the cursor). Newest first by creation time (ties by id) unless `sort` and `order` say otherwise. With `currentId` above 0 the page holds the logs after it (exclusive) by id, in the `order` asked, and `offset` and `sort` are ignored: pass the id of the last log of a page to get the next; an empty page is the end.
         */
        get: operations["listManualLogs"];
        put?: never;
        /**
         * Add a manual log entry
         * @description Logs a call, an email or a text by hand on a lead you may manage. `content` longer than 5000 characters is truncated to 5000. The fields of another channel are accepted and ignored. A logged call is at once readable with Get Call (`GET /v2.0/communication/call/{id}`) as a manually logged call; a logged email or text is not a call there, but is read with `GET /v2.0/communication/email/{id}` or `.../text/{id}`.
         */
        post: operations["createManualLog"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2.0/communication/email/{communicationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an email by ID
         * @description Returns the email identified by the given communication ID. The communication must be an email record, and the caller must have manage permission on the owning lead; otherwise 400 PERMISSION_DENIED is returned (no existence leak): no such communication, one of another channel and a lead you may not manage get the same answer. A logged email (`POST /v1.0/logType` with `logEmail`) is built from its log: `direction` from `outboundOrInbound`, `eventType` `Sent` when outbound, `emailEventTime` when it was logged, `emailType` `Manual`. A key without a value is absent. The body and the addresses of a logged email are in its entry of `GET /v1.0/logType`.
         */
        get: operations["getEmail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2.0/communication/text/{communicationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a text by ID
         * @description Returns the text message identified by the given communication ID. The communication must be a text record, and the caller must have manage permission on the owning lead; otherwise 400 PERMISSION_DENIED is returned (no existence leak): no such communication, one of another channel and a lead you may not manage get the same answer. A logged text (`POST /v1.0/logType` with `logText`) is built from its log: `direction` from `outboundOrInbound`, `textTime` when it was logged, `textType` `Manual`, `textContent` its content. A key without a value is absent.
         */
        get: operations["getText"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1.0/dialer/calls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a finished dialer call (telephony service)
         * @description For the telephony service: records a dialer call (MANUAL or AUTO) with its lead, agent, outcome, rating and note. Only tokens of API clients holding the scope `dialer:write` are accepted; the lead and the agents must belong to the client's team. Idempotent on `dialerCallRecordId`: the first request answers 201, a retry of the same record 200 with the same call, the same id with other data 409. The answer is the call as Get Call returns it; `Location` names it.
         */
        post: operations["recordDialerCall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1.0/agent/communication": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Search communications by agent
         * @description The calls, logged emails or logged texts of a time window of at most 24 hours, oldest first (ties by id), a page at a time: your own (you are their agent), or with `teamView` those of your whole team. Either way only those on leads you may manage: a hidden lead shows only to its assigned agent and assignees. A call is in the window by its start time, a logged call, email or text by the time it was logged.
         *
         *     Recovering after missed webhooks: read the window since the last event you processed, and follow `hasMore` with `offset`, sending back the first page's `asOf` so that calls stored meanwhile shift no page. Past `offset + limit` = 20000, narrow the window instead (start the next one at the last entry's time).
         *
         *     Bad input is 400 naming the field: an unknown type (type must be one of CALL, EMAIL, TEXT.), an endTime not after startTime (endTime must be after startTime.), a window over 24 hours, a limit outside 1 to 1000 (LIMIT_NOT_VALID), offset + limit over 20000 (offset + limit must be at most 20000: narrow the window (startTime, endTime) to read further, for example from the time of the last entry you received.).
         */
        post: operations["searchCommunications"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1.0/communication/call/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Follow the changes of calls
         * @description Every call stored (by the dialer, or logged by hand) or edited, in the order the changes committed, each as the record of Get Call now plus `changeType`: your own calls (you are their agent), or with `teamView` your team's, either way on the leads you may manage (as the search by agent). For a copy of the calls kept in sync (a warehouse, another CRM): start with no `cursor` (from the oldest change kept) or with `since`, then send each answer's `nextCursor` back, at once while `hasMore`, later otherwise.
         *
         *     The guarantee: following `nextCursor` you see every change exactly once, or a later state of its call in its place, and never miss one, even when transactions commit out of order; there is no depth limit, and a page costs the same however long the history. A call changed twice shows twice, both times as it is now.
         *
         *     Changes are kept `CALL_CHANGES_KEPT_DAYS` (30 by default). A cursor (or a `since`) older than that gets 410 CURSOR_EXPIRED: resync, then follow the feed with `since` = the time the resync started.
         */
        get: operations["listCallChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1.0/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Subscribe to Call events
         * @description Subscribes you to an event list of your team (listId 6, Call: every new MANUAL or LOGGED call; AUTO calls produce none). You receive the events of the leads the source system would notify you of: for a hidden lead only its assigned agent; for the others its assigned agent and the team’s OWNER and ADMIN users. Each callback is a POST of `{"teamId", "listId": 6, "createdCall": [{"eventId", "timelineId", "callId", "communicationType", "leadId", "agentId"}]}` with up to `limit` events, signed with the secret of the answer (headers X-Webhook-Timestamp and X-Webhook-Signature). Fetch each `timelineId` with Get Call.
         *
         *     With `"events": ["created", "updated"]` (or `["updated"]`), the edits of those calls come too, in an `updatedCall` array beside `createdCall` (there when the batch holds updates), each element with the same fields plus the call's new `updateTime`. The default, `["created"]`, tells of new calls only.
         *
         *     The callbacks, their headers and bodies (`CallCallbackDto`, `PingCallbackDto`) are this operation’s `callEvents` and `ping` callbacks.
         */
        post: operations["subscribeWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1.0/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List your subscriptions
         * @description Your subscriptions, each with its status (`ACTIVE`, or `PAUSED` after a day of failed deliveries).
         */
        get: operations["listWebhooks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1.0/webhook/{subscribeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a subscription
         * @description Its undelivered events are dropped with it.
         */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1.0/webhook/{subscribeId}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a paused subscription
         * @description A subscription whose every delivery failed for a day is paused; resuming it sends its held events at once.
         */
        post: operations["resumeWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1.0/webhook/{subscribeId}/ping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a test callback
         * @description Sends one signed test callback to the subscription’s URL now and answers how the receiver answered. The callback is a POST of `{"teamId", "listId": 6, "ping": {"subscribeId", "eventId", "sentAt"}}` (no `createdCall`), signed and checked against the target policy exactly as a delivery is, and waits as long (WEBHOOK_TIMEOUT_MS, within the request’s own deadline). A paused subscription can be pinged. The ping changes nothing: not the status, not the failure clock that pauses a subscription, not the delivery log. The answer is 200 whatever the receiver did: `delivered` and `outcome` tell.
         */
        post: operations["pingWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1.0/webhook/{subscribeId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send events again
         * @description Queues again this subscription’s events of the last 7 days, the ones named (`eventIds`, 1 to 1000) or all those since a time (`since`, epoch ms), under their original `eventId`s: the delivery worker sends them as any event, signed, in batches of the subscription’s limit, with the same retries. An event still waiting for its delivery is not queued twice; one delivered is sent again at each call. A paused subscription’s events wait until it is resumed. Events of another subscription are never touched: asked for by id, they are `notFound`.
         */
        post: operations["redeliverWebhookEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1.0/webhook/{subscribeId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How a subscription’s deliveries go
         * @description Its status (and why it was paused), the events waiting, the events given up, and the latest attempts.
         */
        get: operations["getWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness: the process is up and serving
         * @description It checks nothing else (touches neither auth nor the database): restart the process when it fails.
         */
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness: the service can answer requests
         * @description The database answers within 1 s and the service is not shutting down. Send traffic only when it is 200.
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        TokenRequestDto: {
            /**
             * @example client_credentials
             * @enum {string}
             */
            grant_type: "client_credentials";
            /**
             * @description The API client id. May be sent in an HTTP Basic Authorization header instead.
             * @example cl_4f9a2c0e8b7d6a5f4e3d2c1b
             */
            client_id?: string;
            /**
             * @description The API client secret. May be sent in an HTTP Basic Authorization header instead.
             * @example pP0o9Ii8Uu7Yy6Tt5Rr4Ee3Ww2Qq1Aa0Ss9Dd8Ff7Gg6
             */
            client_secret?: string;
            /**
             * @description Space-separated scopes to request; defaults to every scope the client holds.
             * @example dialer:write
             */
            scope?: string;
        };
        TokenResponseDto: {
            /** @description A JWT to send as `Authorization: Bearer <access_token>`. */
            access_token: string;
            /**
             * @example Bearer
             * @enum {string}
             */
            token_type: "Bearer";
            /**
             * @description Seconds until the token expires.
             * @example 3600
             */
            expires_in: number;
            /**
             * @description The scopes granted, when the client holds any.
             * @example dialer:write
             */
            scope?: string;
        };
        /** @enum {string} */
        ErrorCode: "INVALID_PARAMETER" | "MISSING_PARAMETER" | "PARAMETER_TOO_LONG" | "LIMIT_NOT_VALID" | "LIST_NOT_SUPPORTED" | "MALFORMED_JSON" | "MALFORMED_REQUEST" | "HEADERS_TOO_LARGE" | "REQUEST_TIMEOUT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "IDEMPOTENCY_KEY_INVALID" | "IDEMPOTENCY_KEY_REUSED" | "BAD_CREDENTIALS" | "UNSUPPORTED_GRANT_TYPE" | "PERMISSION_DENIED" | "AGENT_INACTIVE" | "INSUFFICIENT_SCOPE" | "INSUFFICIENT_ROLE" | "ACCESS_ALL_TEAM_LEADS" | "CONFLICT" | "PRECONDITION_FAILED" | "CURSOR_EXPIRED" | "TOO_MANY_REQUESTS" | "NOT_FOUND" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
        /** @enum {string} */
        OAuthError: "invalid_request" | "invalid_client" | "unsupported_grant_type" | "invalid_scope";
        OAuthErrorResponseDto: {
            /** @example PERMISSION_DENIED */
            code: components["schemas"]["ErrorCode"];
            /** @example The resource does not exist or you do not have permission to access it. */
            message: string;
            /** @example invalid_client */
            error: components["schemas"]["OAuthError"];
            /**
             * @description The message, in printable ASCII.
             * @example Unknown client, wrong secret, or the client is revoked.
             */
            error_description: string;
        };
        ErrorResponseDto: {
            /** @example PERMISSION_DENIED */
            code: components["schemas"]["ErrorCode"];
            /** @example The resource does not exist or you do not have permission to access it. */
            message: string;
        };
        CreateLeadDto: {
            /** @example Sarah */
            firstName?: string;
            /** @example Johnson */
            lastName?: string;
            /** @example +14155550199 */
            phoneNumber?: string;
            /** @example sarah.johnson@example.com */
            email?: string;
            /**
             * @description Create the lead hidden (private). Default `false`.
             * @example false
             */
            hidden?: boolean;
            /**
             * Format: int64
             * @description The agent to assign, an active user of your team; you by default.
             * @example 100234
             */
            assignedUserId?: number | bigint;
        };
        LeadResponseDto: {
            /**
             * Format: int64
             * @description ID of the lead.
             * @example 100001
             */
            id: number | bigint;
            /**
             * Format: int64
             * @description The team the lead belongs to.
             * @example 1
             */
            teamId: number | bigint;
            /**
             * Format: int64
             * @description The assigned agent (primary owner); absent when the lead has none.
             * @example 100234
             */
            assignedUserId?: number | bigint;
            /**
             * @description First name.
             * @example Sarah
             */
            firstName?: string;
            /**
             * @description Last name.
             * @example Johnson
             */
            lastName?: string;
            /**
             * @description Phone number.
             * @example +14155550199
             */
            phoneNumber?: string;
            /**
             * @description Email address.
             * @example sarah.johnson@example.com
             */
            email?: string;
            /**
             * @description A hidden (private) lead: only its assignees may manage it.
             * @example false
             */
            hidden: boolean;
            /**
             * @description When the lead was created, formatted as 'yyyy-MM-dd HH:mm:ss' in UTC.
             * @example 2026-04-01 09:00:00
             */
            createTime: string;
            /**
             * @description When the lead was last updated, formatted as 'yyyy-MM-dd HH:mm:ss' in UTC.
             * @example 2026-04-01 09:00:00
             */
            updateTime: string;
        };
        AssignLeadDto: {
            /**
             * Format: int64
             * @description The new assigned agent, an active user of the lead’s team.
             * @example 100235
             */
            assignedUserId: number | bigint;
        };
        /**
         * @description Direction of the call from the agent's point of view (for a logged call, inferred from the log).
         * @enum {string}
         */
        CallDirection: "Outbound" | "Inbound";
        /**
         * @description Final call status. Dialer calls only; omitted for manually logged calls.
         * @enum {string}
         */
        CallStatus: "Completed" | "Missed" | "Failed" | "Busy" | "NoAnswer" | "VoiceMail";
        /**
         * @description Outcome tag assigned by the agent, when set.
         * @enum {string}
         */
        CallingOutcome: "Talked" | "VoiceMessage" | "NoAnswer" | "BadNumber" | "DNCNumber" | "DNCContact";
        CallResponseDto: {
            /**
             * Format: int64
             * @description ID of the call (the communication id).
             * @example 563172647619608
             */
            id: number | bigint;
            /**
             * Format: int64
             * @description Internal dialer call record ID. Dialer calls only; omitted for manually logged calls.
             * @example 400000012345
             */
            dialerCallRecordId?: number | bigint;
            /**
             * Format: int64
             * @description User ID of the agent on the call (for a logged call, the agent who logged it).
             * @example 100234
             */
            userId: number | bigint;
            /**
             * @description Phone number used by the agent. Dialer calls only; omitted for manually logged calls.
             * @example +14155550100
             */
            userPhoneNumber?: string;
            /**
             * Format: int64
             * @description ID of the lead on the call.
             * @example 100001
             */
            leadId: number | bigint;
            /**
             * @description Phone number of the lead (for a logged call, the number written in the log).
             * @example +14155550199
             */
            leadPhoneNumber?: string;
            /**
             * @description Direction of the call from the agent's point of view (for a logged call, inferred from the log).
             * @example Outbound
             */
            direction?: components["schemas"]["CallDirection"];
            /**
             * @description Final call status. Dialer calls only; omitted for manually logged calls.
             * @example Completed
             */
            status?: components["schemas"]["CallStatus"];
            /**
             * @description Start time of the call, formatted as 'yyyy-MM-dd HH:mm:ss' in UTC. Dialer calls only; omitted for manually logged calls.
             * @example 2026-04-22 10:15:00
             */
            startTime?: string;
            /**
             * @description End time of the call, formatted as 'yyyy-MM-dd HH:mm:ss' in UTC. Dialer calls only; omitted for manually logged calls.
             * @example 2026-04-22 10:18:45
             */
            endTime?: string;
            /**
             * Format: int32
             * @description Call duration (talk time) in seconds. Dialer calls only; omitted for manually logged calls.
             * @example 225
             */
            duration?: number;
            /**
             * @description Outcome tag assigned by the agent, when set.
             * @example Talked
             */
            callingOutcome?: components["schemas"]["CallingOutcome"];
            /**
             * Format: int32
             * @description Agent's subjective rating of the call, 0-5, when set. Dialer calls only; omitted for manually logged calls.
             * @example 4
             */
            rateScore?: number;
            /**
             * @description Whether the call was recorded. Dialer calls only; omitted for manually logged calls.
             * @example true
             */
            recordingSwitch?: boolean;
            /**
             * @description Phone number displayed to the lead (caller ID). Dialer calls only; omitted for manually logged calls.
             * @example +14155550100
             */
            showUserNumber?: string;
            /**
             * @description Creation time of the call record, formatted as 'yyyy-MM-dd HH:mm:ss' in UTC.
             * @example 2026-04-22 10:15:00
             */
            createTime: string;
            /**
             * @description Last-updated time of the call record, formatted as 'yyyy-MM-dd HH:mm:ss' in UTC.
             * @example 2026-04-22 10:18:45
             */
            updateTime: string;
            /**
             * @description Free-text note entered by the agent for the call, when set (for a logged call, the log's content).
             * @example Discussed pre-approval timeline.
             */
            note?: string;
            /**
             * @description Whether the call was answered by a voicemail / answering machine. Dialer calls only; omitted for manually logged calls.
             * @example false
             */
            isMachineAnswered?: boolean;
            /**
             * Format: double
             * @description Cost of the call in USD, exact to 4 decimals. Dialer calls only; omitted for manually logged calls.
             * @example 0.02
             */
            price?: number;
            /**
             * Format: int64
             * @description User ID of the related agent.
             * @example 100234
             */
            agentId: number | bigint;
            /**
             * @description Time from dialing to connection, formatted as 'mm:ss' (minutes may pass 59, e.g. '75:03'). Dialer calls only; omitted for manually logged calls.
             * @example 00:08
             */
            elapsedTime?: string;
        };
        EditCallDto: {
            /**
             * @description The outcome tag; null clears it.
             * @example Talked
             * @enum {string|null}
             */
            callingOutcome?: "Talked" | "VoiceMessage" | "NoAnswer" | "BadNumber" | "DNCNumber" | "DNCContact" | null;
            /**
             * @description The agent's rating, 0 to 5, of a dialer call (a logged call has none: 400); null clears it.
             * @example 4
             */
            rateScore?: number | null;
            /**
             * @description The agent's note (of a logged call: its log's content, which Get Call answers as `note`). Longer than 5000 characters is truncated to 5000, as a manual log's content is; null or an empty text clears it.
             * @example Called back: pre-approval received.
             */
            note?: string | null;
        };
        CallBatchRequestDto: {
            /**
             * @description 1 to 1000 communication ids (the `timelineId`s of Call webhook events), each a JSON integer (exact also above 2^53) or a string of decimal digits. An id given twice is answered once.
             * @example [
             *       563172647619608,
             *       563172647619609,
             *       563172647619610
             *     ]
             */
            ids: ((number | bigint) | string)[];
        };
        CallBatchResponseDto: {
            /** @description The records of the ids you may read, as Get Call answers them, in the order asked. */
            calls: components["schemas"]["CallResponseDto"][];
            /**
             * @description The ids you may not read, in the order asked: no such communication, not a call, or a call whose lead you may not manage (which of these is not told, as with Get Call's PERMISSION_DENIED).
             * @example [
             *       563172647619610
             *     ]
             */
            denied: (number | bigint)[];
        };
        WrappedCallResponseDto: {
            calls: components["schemas"]["CallResponseDto"];
        };
        ListMetadataDto: {
            /**
             * @example calls
             * @enum {string}
             */
            collection: "calls";
            /** @example 10 */
            limit: number;
            /** @example 0 */
            offset: number;
            /**
             * @description All the calls of the lead.
             * @example 3
             */
            total: number;
        };
        CallListResponseDto: {
            get_metadata: components["schemas"]["ListMetadataDto"];
            /** @description The page, newest first. */
            calls: components["schemas"]["CallResponseDto"][];
        };
        CallHistoryResponseDto: {
            /** @description The page, newest first; empty past the last call. */
            calls: components["schemas"]["CallResponseDto"][];
        };
        /**
         * @description Channel of the log (case-sensitive).
         * @enum {string}
         */
        LogType: "logCall" | "logEmail" | "logText";
        /**
         * @description Direction from the agent's point of view (calls, emails and texts).
         * @enum {string}
         */
        LogDirection: "outbound" | "inbound";
        CreateManualLogDto: {
            /**
             * Format: int64
             * @description Lead to attach the log to; you must be able to manage it.
             * @example 100001
             */
            leadId: number | bigint;
            /**
             * @description Channel of the log (case-sensitive).
             * @example logCall
             */
            logType: components["schemas"]["LogType"];
            /**
             * @description Call notes, email body or text message. Longer than 5000 characters is truncated to 5000, not refused.
             * @example Discussed Austin inventory, will send pre-approval doc tomorrow.
             */
            content: string;
            /**
             * @description Number called or texted (calls and texts).
             * @example 5865865860
             */
            leadPhoneNumber?: string;
            /**
             * @description Outcome of the call (calls only).
             * @example VoiceMessage
             */
            callingOutcome?: components["schemas"]["CallingOutcome"];
            /**
             * @description Direction from the agent's point of view (calls, emails and texts).
             * @example outbound
             */
            outboundOrInbound?: components["schemas"]["LogDirection"];
            /**
             * @description Pin the log on the lead's timeline. Default `false`.
             * @example false
             */
            isPin?: boolean;
            /**
             * @description Subject (emails only).
             * @example Follow-up on Austin listings
             */
            emailSubject?: string;
            /**
             * @description Recipient (emails only).
             * @example sarah.johnson@example.com
             */
            toEmail?: string;
            /**
             * @description Sender (emails only).
             * @example agent@lofty.com
             */
            fromEmail?: string;
        };
        ManualLogDto: {
            /**
             * Format: int64
             * @description ID of the log: the communication id (for a logged call, the communicationId of Get Call).
             * @example 563172647619609
             */
            id: number | bigint;
            /**
             * Format: int64
             * @example 100001
             */
            leadId: number | bigint;
            /**
             * @description Calls and texts, when given.
             * @example 5865865860
             */
            leadPhoneNumber?: string;
            /** @description Calls, when given. */
            callingOutcome?: components["schemas"]["CallingOutcome"];
            /**
             * @description The content, at most 5000 characters.
             * @example Discussed Austin inventory, will send pre-approval doc tomorrow.
             */
            content: string;
            /**
             * @description When the log was created, 'yyyy-MM-dd HH:mm:ss' in UTC.
             * @example 2026-04-22 10:15:30
             */
            createTime: string;
            /** @description When given. */
            outboundOrInbound?: components["schemas"]["LogDirection"];
            /** @example false */
            isPin: boolean;
            /**
             * Format: int64
             * @description The agent who logged it (you).
             * @example 100234
             */
            agentId: number | bigint;
            /**
             * @description Emails, when given.
             * @example Follow-up on Austin listings
             */
            emailSubject?: string;
            /**
             * @description Emails, when given.
             * @example sarah.johnson@example.com
             */
            toEmail?: string;
            /**
             * @description Emails, when given.
             * @example agent@lofty.com
             */
            fromEmail?: string;
        };
        ManualLogResponseDto: {
            logType: components["schemas"]["ManualLogDto"];
        };
        /** @enum {string} */
        LogSort: "createTime" | "id";
        /** @enum {string} */
        SortOrder: "asc" | "desc";
        ManualLogListResponseDto: {
            /** @description The page, in the order asked; empty past the last log. */
            logType: components["schemas"]["ManualLogDto"][];
        };
        /**
         * @description What happened to the email. A logged outbound email is `Sent`; a logged inbound email, or one without a direction, has none (no event of the list describes an email received).
         * @enum {string}
         */
        EmailEventType: "Sent" | "Opened" | "Bounced";
        /**
         * @description `Manual` for an email logged by hand, `Auto` for one sent by an automation.
         * @enum {string}
         */
        MessageType: "Manual" | "Auto";
        EmailResponseDto: {
            /**
             * Format: int64
             * @description ID of the email (the communication id).
             * @example 892504829734913
             */
            id: number | bigint;
            /**
             * Format: int64
             * @description ID of the lead.
             * @example 100001
             */
            leadId: number | bigint;
            /**
             * @description Direction from the agent's point of view: the log's `outboundOrInbound`, when given.
             * @example Outbound
             */
            direction?: components["schemas"]["CallDirection"];
            /**
             * Format: int64
             * @description User ID of the agent (for a logged email, who logged it).
             * @example 100234
             */
            agentId: number | bigint;
            /**
             * @description What happened to the email. A logged outbound email is `Sent`; a logged inbound email, or one without a direction, has none (no event of the list describes an email received).
             * @example Sent
             */
            eventType?: components["schemas"]["EmailEventType"];
            /**
             * @description When the email event happened (for a logged email, when it was logged), 'yyyy-MM-dd HH:mm:ss' UTC.
             * @example 2026-04-22 11:05:00
             */
            emailEventTime: string;
            /**
             * @description `Manual` for an email logged by hand, `Auto` for one sent by an automation.
             * @example Manual
             */
            emailType?: components["schemas"]["MessageType"];
            /**
             * @description Subject, when given.
             * @example Follow-up on Austin listings
             */
            emailSubject?: string;
        };
        TextResponseDto: {
            /**
             * Format: int64
             * @description ID of the text (the communication id).
             * @example 892504829734914
             */
            id: number | bigint;
            /**
             * Format: int64
             * @description ID of the lead.
             * @example 100001
             */
            leadId: number | bigint;
            /**
             * @description Direction from the agent's point of view: the log's `outboundOrInbound`, when given.
             * @example Inbound
             */
            direction?: components["schemas"]["CallDirection"];
            /**
             * Format: int64
             * @description User ID of the agent (for a logged text, who logged it).
             * @example 100234
             */
            agentId: number | bigint;
            /**
             * @description When the text was sent or received (for a logged text, when it was logged), 'yyyy-MM-dd HH:mm:ss' UTC.
             * @example 2026-04-22 11:30:00
             */
            textTime: string;
            /**
             * @description `Manual` for a text logged by hand, `Auto` for one sent by an automation.
             * @example Manual
             */
            textType?: components["schemas"]["MessageType"];
            /**
             * @description The message, when given.
             * @example Can we see the house on Elm St. on Saturday?
             */
            textContent?: string;
        };
        IngestDialerCallDto: {
            /**
             * Format: int64
             * @description The dialer's record id; a retry with the same id stores nothing twice.
             * @example 400000012399
             */
            dialerCallRecordId: number | bigint;
            /**
             * @description MANUAL: placed by the agent; AUTO: placed by the dialer.
             * @example MANUAL
             * @enum {string}
             */
            communicationType: "MANUAL" | "AUTO";
            /**
             * Format: int64
             * @description A lead of the client's team.
             * @example 100001
             */
            leadId: number | bigint;
            /**
             * Format: int64
             * @description The agent on the call, a user of the client's team.
             * @example 100234
             */
            userId: number | bigint;
            /**
             * Format: int64
             * @description The related agent; the agent on the call by default.
             * @example 100234
             */
            agentId?: number | bigint;
            /** @example +14155550100 */
            userPhoneNumber?: string;
            /** @example +14155550199 */
            leadPhoneNumber?: string;
            /** @example Outbound */
            direction: components["schemas"]["CallDirection"];
            /** @example Completed */
            status: components["schemas"]["CallStatus"];
            /**
             * @description 'yyyy-MM-dd HH:mm:ss' in UTC.
             * @example 2026-04-22 10:15:00
             */
            startTime: string;
            /**
             * @description 'yyyy-MM-dd HH:mm:ss' in UTC, not before startTime.
             * @example 2026-04-22 10:18:45
             */
            endTime?: string;
            /**
             * @description Talk time in seconds.
             * @example 225
             */
            duration: number;
            /** @example Talked */
            callingOutcome?: components["schemas"]["CallingOutcome"];
            /** @example 4 */
            rateScore?: number;
            /** @example true */
            recordingSwitch: boolean;
            /** @example +14155550100 */
            showUserNumber?: string;
            /** @example Discussed pre-approval timeline. */
            note?: string;
            /** @example false */
            isMachineAnswered: boolean;
            /**
             * @description USD, at most 4 decimals.
             * @example 0.02
             */
            price?: number;
            /**
             * @description Time from dialing to connection, 'mm:ss' (minutes may pass 59).
             * @example 00:08
             */
            elapsedTime?: string;
        };
        /**
         * @description Which communications: calls, logged emails or logged texts.
         * @enum {string}
         */
        CommunicationType: "CALL" | "EMAIL" | "TEXT";
        SearchCommunicationsDto: {
            /**
             * @description Which communications: calls, logged emails or logged texts.
             * @example CALL
             */
            type: components["schemas"]["CommunicationType"];
            /**
             * Format: int64
             * @description Start of the window, epoch milliseconds (inclusive). A call is in the window by its start, a logged call, email or text by the time it was logged.
             * @example 1776816000000
             */
            startTime: number | bigint;
            /**
             * Format: int64
             * @description End of the window, epoch milliseconds (exclusive); after startTime, and at most 24 hours after it.
             * @example 1776902400000
             */
            endTime: number | bigint;
            /** @description Zero-based index of the first entry, oldest first; offset + limit at most 20000. Default `0`. */
            offset?: number;
            /** @description Entries per page. Default `10`. */
            limit?: number;
            /** @description The whole team's communications on the leads you may manage, not only yours; needs OWNER, ADMIN or ACCESS_ALL_TEAM_LEADS (403 ACCESS_ALL_TEAM_LEADS otherwise). Default `false`. */
            teamView?: boolean;
            /**
             * Format: int64
             * @description Snapshot bound, epoch milliseconds: leave out what was stored after it. Send back the `asOf` of the first page with every following page of the same window: a call stored meanwhile (a dialer's late upload) then shifts no page, so that paging never repeats nor skips an entry.
             * @example 1776902460000
             */
            asOf?: number | bigint;
        };
        CommunicationPageDto: {
            /**
             * @description The offset asked for.
             * @example 0
             */
            offset: number;
            /**
             * @description The limit asked for (10 when none was).
             * @example 10
             */
            limit: number;
            /** @description The entries, oldest first (ties by id): for CALL the records of Get Call; for EMAIL and TEXT those of Get Email and Get Text. */
            pageData: (components["schemas"]["CallResponseDto"] | components["schemas"]["EmailResponseDto"] | components["schemas"]["TextResponseDto"])[];
            /**
             * @description Whether entries follow this page in the window.
             * @example false
             */
            hasMore: boolean;
            /**
             * Format: int64
             * @description The snapshot bound this page was read with (the one sent, or the time of this page).
             * @example 1776902460000
             */
            asOf: number | bigint;
        };
        /**
         * @description `created`: the call was stored (by the dialer, or logged by hand); `updated`: it was edited. The record is the call as it is now, so a later change of the same call may already show.
         * @enum {string}
         */
        CallChangeType: "created" | "updated";
        CallChangeDto: {
            /**
             * Format: int64
             * @description ID of the call (the communication id).
             * @example 563172647619608
             */
            id: number | bigint;
            /**
             * Format: int64
             * @description Internal dialer call record ID. Dialer calls only; omitted for manually logged calls.
             * @example 400000012345
             */
            dialerCallRecordId?: number | bigint;
            /**
             * Format: int64
             * @description User ID of the agent on the call (for a logged call, the agent who logged it).
             * @example 100234
             */
            userId: number | bigint;
            /**
             * @description Phone number used by the agent. Dialer calls only; omitted for manually logged calls.
             * @example +14155550100
             */
            userPhoneNumber?: string;
            /**
             * Format: int64
             * @description ID of the lead on the call.
             * @example 100001
             */
            leadId: number | bigint;
            /**
             * @description Phone number of the lead (for a logged call, the number written in the log).
             * @example +14155550199
             */
            leadPhoneNumber?: string;
            /**
             * @description Direction of the call from the agent's point of view (for a logged call, inferred from the log).
             * @example Outbound
             */
            direction?: components["schemas"]["CallDirection"];
            /**
             * @description Final call status. Dialer calls only; omitted for manually logged calls.
             * @example Completed
             */
            status?: components["schemas"]["CallStatus"];
            /**
             * @description Start time of the call, formatted as 'yyyy-MM-dd HH:mm:ss' in UTC. Dialer calls only; omitted for manually logged calls.
             * @example 2026-04-22 10:15:00
             */
            startTime?: string;
            /**
             * @description End time of the call, formatted as 'yyyy-MM-dd HH:mm:ss' in UTC. Dialer calls only; omitted for manually logged calls.
             * @example 2026-04-22 10:18:45
             */
            endTime?: string;
            /**
             * Format: int32
             * @description Call duration (talk time) in seconds. Dialer calls only; omitted for manually logged calls.
             * @example 225
             */
            duration?: number;
            /**
             * @description Outcome tag assigned by the agent, when set.
             * @example Talked
             */
            callingOutcome?: components["schemas"]["CallingOutcome"];
            /**
             * Format: int32
             * @description Agent's subjective rating of the call, 0-5, when set. Dialer calls only; omitted for manually logged calls.
             * @example 4
             */
            rateScore?: number;
            /**
             * @description Whether the call was recorded. Dialer calls only; omitted for manually logged calls.
             * @example true
             */
            recordingSwitch?: boolean;
            /**
             * @description Phone number displayed to the lead (caller ID). Dialer calls only; omitted for manually logged calls.
             * @example +14155550100
             */
            showUserNumber?: string;
            /**
             * @description Creation time of the call record, formatted as 'yyyy-MM-dd HH:mm:ss' in UTC.
             * @example 2026-04-22 10:15:00
             */
            createTime: string;
            /**
             * @description Last-updated time of the call record, formatted as 'yyyy-MM-dd HH:mm:ss' in UTC.
             * @example 2026-04-22 10:18:45
             */
            updateTime: string;
            /**
             * @description Free-text note entered by the agent for the call, when set (for a logged call, the log's content).
             * @example Discussed pre-approval timeline.
             */
            note?: string;
            /**
             * @description Whether the call was answered by a voicemail / answering machine. Dialer calls only; omitted for manually logged calls.
             * @example false
             */
            isMachineAnswered?: boolean;
            /**
             * Format: double
             * @description Cost of the call in USD, exact to 4 decimals. Dialer calls only; omitted for manually logged calls.
             * @example 0.02
             */
            price?: number;
            /**
             * Format: int64
             * @description User ID of the related agent.
             * @example 100234
             */
            agentId: number | bigint;
            /**
             * @description Time from dialing to connection, formatted as 'mm:ss' (minutes may pass 59, e.g. '75:03'). Dialer calls only; omitted for manually logged calls.
             * @example 00:08
             */
            elapsedTime?: string;
            /**
             * @description `created`: the call was stored (by the dialer, or logged by hand); `updated`: it was edited. The record is the call as it is now, so a later change of the same call may already show.
             * @example created
             */
            changeType: components["schemas"]["CallChangeType"];
        };
        CallChangePageDto: {
            /**
             * @description The limit asked for (100 when none was).
             * @example 100
             */
            limit: number;
            /** @description The changes, in the order they committed. */
            pageData: components["schemas"]["CallChangeDto"][];
            /**
             * @description Where the next page starts: send it back as `cursor`. Opaque. Given also when the page is empty: keep it, and ask again later.
             * @example djEuMTAy
             */
            nextCursor: string;
            /**
             * @description Whether more changes are there already: if so, ask for the next page at once.
             * @example false
             */
            hasMore: boolean;
        };
        /**
         * @description MANUAL: a call the dialer recorded; LOGGED: a call logged by hand.
         * @enum {string}
         */
        CallEventType: "MANUAL" | "LOGGED";
        CallEventDto: {
            /**
             * Format: int64
             * @description The event’s stable id, the same in every retry and redelivery: drop an event whose eventId you have seen.
             * @example 892505129402368
             */
            eventId: number | bigint;
            /**
             * Format: int64
             * @description The communication id of the call: pass it to Get Call (`GET /v2.0/communication/call/{communicationId}`) or, for a whole callback, to the call batch (`POST /v2.0/communication/call/batch`).
             * @example 892505129373696
             */
            timelineId: number | bigint;
            /**
             * Format: int64
             * @description Legacy: the dialer record id of a MANUAL call (not a communication id), the log’s own id of a LOGGED one. Prefer `timelineId`.
             * @example 400000012399
             */
            callId: number | bigint;
            /**
             * @description MANUAL: a call the dialer recorded; LOGGED: a call logged by hand.
             * @example MANUAL
             */
            communicationType: components["schemas"]["CallEventType"];
            /**
             * Format: int64
             * @description The lead of the call.
             * @example 100001
             */
            leadId: number | bigint;
            /**
             * Format: int64
             * @description The agent of the call.
             * @example 100234
             */
            agentId: number | bigint;
        };
        CallUpdateEventDto: {
            /**
             * Format: int64
             * @description The event’s stable id, the same in every retry and redelivery: drop an event whose eventId you have seen.
             * @example 892505129402368
             */
            eventId: number | bigint;
            /**
             * Format: int64
             * @description The communication id of the call: pass it to Get Call (`GET /v2.0/communication/call/{communicationId}`) or, for a whole callback, to the call batch (`POST /v2.0/communication/call/batch`).
             * @example 892505129373696
             */
            timelineId: number | bigint;
            /**
             * Format: int64
             * @description Legacy: the dialer record id of a MANUAL call (not a communication id), the log’s own id of a LOGGED one. Prefer `timelineId`.
             * @example 400000012399
             */
            callId: number | bigint;
            /**
             * @description MANUAL: a call the dialer recorded; LOGGED: a call logged by hand.
             * @example MANUAL
             */
            communicationType: components["schemas"]["CallEventType"];
            /**
             * Format: int64
             * @description The lead of the call.
             * @example 100001
             */
            leadId: number | bigint;
            /**
             * Format: int64
             * @description The agent of the call.
             * @example 100234
             */
            agentId: number | bigint;
            /**
             * @description The call’s new `updateTime`, `yyyy-MM-dd HH:mm:ss` UTC, as Get Call answers it.
             * @example 2026-11-27 10:00:05
             */
            updateTime: string;
        };
        CallCallbackDto: {
            /**
             * Format: int64
             * @description The team of the calls.
             * @example 1
             */
            teamId: number | bigint;
            /**
             * @description The event list: 6, Call.
             * @example 6
             */
            listId: number;
            /** @description The calls stored, in the order their events were written; always there, empty when the batch holds only updates. */
            createdCall: components["schemas"]["CallEventDto"][];
            /** @description The calls edited (subscriptions with `updated` among their `events`), there only when the batch holds any. A call may be in both arrays: apply `createdCall` first. */
            updatedCall?: components["schemas"]["CallUpdateEventDto"][];
        };
        PingEventDto: {
            /**
             * Format: int64
             * @description The subscription pinged.
             * @example 892505117106176
             */
            subscribeId: number | bigint;
            /**
             * Format: int64
             * @description A fresh id, never a Call event’s; the ping’s answer names it too.
             * @example 892505301655552
             */
            eventId: number | bigint;
            /**
             * @description When it was sent, `yyyy-MM-dd HH:mm:ss` UTC.
             * @example 2026-11-26 21:05:14
             */
            sentAt: string;
        };
        PingCallbackDto: {
            /**
             * Format: int64
             * @description The team of the subscription.
             * @example 1
             */
            teamId: number | bigint;
            /**
             * @description The subscription’s event list: 6, Call.
             * @example 6
             */
            listId: number;
            /** @description The test: answer 2xx and do nothing. */
            ping: components["schemas"]["PingEventDto"];
        };
        /**
         * @description How the callbacks write int64 values (ids, `teamId`): `number`, exact JSON numbers, or `string`, strings of digits, for a receiver whose JSON parser rounds numbers above 2^53 (JavaScript’s). Default `number`.
         * @enum {string}
         */
        Int64Form: "number" | "string";
        CreateWebhookDto: {
            /**
             * @description The event list: 6 is Call (MANUAL and LOGGED calls; AUTO calls produce no event). The others are not offered yet.
             * @example 6
             */
            listId: number;
            /**
             * @description An https URL that resolves to a public address; redirects are not followed. No whitespace, control characters or backslashes. It is stored and shown normalized (`HTTPS://Hooks.Example.com:443/calls` is `https://hooks.example.com/calls`).
             * @example https://hooks.example.com/lofty/calls
             */
            callbackUrl: string;
            /** @description The most events in one callback. Default `100`. */
            limit?: number;
            /**
             * @description What to hear of: `created` (a call was stored, in `createdCall`), `updated` (a call was edited, in `updatedCall`), or both. Default `["created"]`.
             * @example [
             *       "created",
             *       "updated"
             *     ]
             */
            events?: ("created" | "updated")[];
            /**
             * @description How the callbacks write int64 values (ids, `teamId`): `number`, exact JSON numbers, or `string`, strings of digits, for a receiver whose JSON parser rounds numbers above 2^53 (JavaScript’s). Default `number`.
             * @example string
             */
            int64?: components["schemas"]["Int64Form"];
        };
        CreatedWebhookDto: {
            /**
             * Format: int64
             * @example 892505117106176
             */
            subscribeId: number | bigint;
            /**
             * Format: int64
             * @example 1
             */
            teamId: number | bigint;
            /** @example 6 */
            listId: number;
            /** @example https://hooks.example.com/lofty/calls */
            callbackUrl: string;
            /** @example 100 */
            limit: number;
            /**
             * @description What it hears of: calls `created`, calls `updated`.
             * @example [
             *       "created"
             *     ]
             */
            events: ("created" | "updated")[];
            /**
             * @description `string` when its callbacks write int64 values as strings; absent when they write numbers.
             * @enum {string}
             */
            int64?: "string";
            /**
             * @description The key of the callbacks’ HMAC-SHA256 signatures. Shown this once: keep it.
             * @example whsec_3fJ0kzQ8sV1...
             */
            secret: string;
        };
        /**
         * @description PAUSED after a day of failed deliveries, until resumed.
         * @enum {string}
         */
        SubscriptionStatus: "ACTIVE" | "PAUSED";
        WebhookDto: {
            /**
             * Format: int64
             * @example 892505117106176
             */
            subscribeId: number | bigint;
            /**
             * Format: int64
             * @example 1
             */
            teamId: number | bigint;
            /** @example 6 */
            listId: number;
            /** @example https://hooks.example.com/lofty/calls */
            callbackUrl: string;
            /** @example 100 */
            limit: number;
            /**
             * @description What it hears of: calls `created`, calls `updated`.
             * @example [
             *       "created"
             *     ]
             */
            events: ("created" | "updated")[];
            /**
             * @description `string` when its callbacks write int64 values as strings; absent when they write numbers.
             * @enum {string}
             */
            int64?: "string";
            /**
             * @description PAUSED after a day of failed deliveries, until resumed.
             * @example ACTIVE
             */
            status: components["schemas"]["SubscriptionStatus"];
            /** @description Why the subscription was paused. */
            pausedReason?: string;
            /** @example 2026-11-26 21:00:00 */
            createTime: string;
        };
        WebhookListDto: {
            webhooks: components["schemas"]["WebhookDto"][];
        };
        DeletedWebhookDto: {
            /**
             * Format: int64
             * @example 892505117106176
             */
            subscribeId: number | bigint;
            /** @example true */
            deleted: boolean;
        };
        /**
         * @description DELIVERED, or why not: HTTP_STATUS (answered, not 2xx), REDIRECT (a 3xx: redirects are not followed), TIMEOUT (no answer in time), TARGET_REFUSED (the URL or the address its host resolves to is not allowed: no connection was made), TLS (the TLS handshake failed), CONNECTION (refused, reset, the host name does not resolve).
         * @enum {string}
         */
        PingOutcome: "DELIVERED" | "HTTP_STATUS" | "REDIRECT" | "TIMEOUT" | "TARGET_REFUSED" | "TLS" | "CONNECTION";
        PingResultDto: {
            /**
             * Format: int64
             * @example 892505117106176
             */
            subscribeId: number | bigint;
            /**
             * Format: int64
             * @description The `ping.eventId` of the test callback: a fresh id, never one of a Call event.
             * @example 892505301655552
             */
            eventId: number | bigint;
            /**
             * @description The receiver answered 2xx within the timeout.
             * @example true
             */
            delivered: boolean;
            /**
             * @description DELIVERED, or why not: HTTP_STATUS (answered, not 2xx), REDIRECT (a 3xx: redirects are not followed), TIMEOUT (no answer in time), TARGET_REFUSED (the URL or the address its host resolves to is not allowed: no connection was made), TLS (the TLS handshake failed), CONNECTION (refused, reset, the host name does not resolve).
             * @example DELIVERED
             */
            outcome: components["schemas"]["PingOutcome"];
            /**
             * @description The HTTP status the receiver answered, if it answered.
             * @example 200
             */
            statusCode?: number;
            /**
             * @description From the start of the request to its answer (or failure), in ms.
             * @example 42
             */
            durationMs: number;
            /**
             * @description Why it failed, as the delivery log tells it.
             * @example connect ECONNREFUSED 203.0.113.7:443
             */
            error?: string;
        };
        RedeliverWebhookDto: {
            /**
             * @description 1 to 1000 `eventId`s of this subscription’s events of the last 7 days, each a JSON integer (exact also above 2^53) or a string of decimal digits. Give this or `since`, not both.
             * @example [
             *       892505129402368,
             *       892505129402369
             *     ]
             */
            eventIds?: (number | bigint)[];
            /**
             * Format: int64
             * @description Every event of this subscription created at or after this time (epoch ms); events older than 7 days are not kept, so an earlier time means the last 7 days. Give this or `eventIds`, not both.
             * @example 1795640400000
             */
            since?: number | bigint;
        };
        RedeliveryDto: {
            /**
             * Format: int64
             * @example 892505117106176
             */
            subscribeId: number | bigint;
            /**
             * @description PAUSED: the events queued wait, with the others, until the subscription is resumed.
             * @example ACTIVE
             */
            status: components["schemas"]["SubscriptionStatus"];
            /**
             * @description Events queued to be sent again (or still waiting for their delivery).
             * @example 2
             */
            queued: number;
            /**
             * @description The `eventIds` asked for that are not events of this subscription of the last 7 days, in the order asked (always empty with `since`).
             * @example []
             */
            notFound: (number | bigint)[];
        };
        DeliveryDto: {
            /** @example 2026-11-26 21:05:12 */
            time: string;
            /**
             * @description Events in the callback.
             * @example 3
             */
            events: number;
            /** @example true */
            success: boolean;
            /**
             * @description The HTTP status the callback got, if any.
             * @example 200
             */
            statusCode?: number;
            /**
             * @description Why it failed.
             * @example HTTP 503
             */
            error?: string;
            /** @example 38 */
            durationMs: number;
        };
        DeliveryReportDto: {
            webhook: components["schemas"]["WebhookDto"];
            /**
             * @description Events waiting to be delivered (held ones included).
             * @example 0
             */
            backlog: number;
            /**
             * @description When the oldest waiting event was created.
             * @example 2026-11-26 21:04:59
             */
            oldestWaiting?: string;
            /**
             * @description Events given up after a day of failed attempts.
             * @example 0
             */
            failedEvents: number;
            /**
             * @description Deliveries of the last 24 hours that failed.
             * @example 0
             */
            failedDeliveries24h: number;
            /** @description The 50 latest delivery attempts, newest first. */
            recentDeliveries: components["schemas"]["DeliveryDto"][];
        };
        /** @description LeadResponseDto with its int64 values as strings of digits, as answered to `Accept: application/json; int64=string`. */
        LeadResponseDtoInt64String: {
            /**
             * @description ID of the lead.
             * @example 100001
             */
            id: string;
            /**
             * @description The team the lead belongs to.
             * @example 1
             */
            teamId: string;
            /**
             * @description The assigned agent (primary owner); absent when the lead has none.
             * @example 100234
             */
            assignedUserId?: string;
            /**
             * @description First name.
             * @example Sarah
             */
            firstName?: string;
            /**
             * @description Last name.
             * @example Johnson
             */
            lastName?: string;
            /**
             * @description Phone number.
             * @example +14155550199
             */
            phoneNumber?: string;
            /**
             * @description Email address.
             * @example sarah.johnson@example.com
             */
            email?: string;
            /**
             * @description A hidden (private) lead: only its assignees may manage it.
             * @example false
             */
            hidden: boolean;
            /**
             * @description When the lead was created, formatted as 'yyyy-MM-dd HH:mm:ss' in UTC.
             * @example 2026-04-01 09:00:00
             */
            createTime: string;
            /**
             * @description When the lead was last updated, formatted as 'yyyy-MM-dd HH:mm:ss' in UTC.
             * @example 2026-04-01 09:00:00
             */
            updateTime: string;
        };
        /** @description CallResponseDto with its int64 values as strings of digits, as answered to `Accept: application/json; int64=string`. */
        CallResponseDtoInt64String: {
            /**
             * @description ID of the call (the communication id).
             * @example 563172647619608
             */
            id: string;
            /**
             * @description Internal dialer call record ID. Dialer calls only; omitted for manually logged calls.
             * @example 400000012345
             */
            dialerCallRecordId?: string;
            /**
             * @description User ID of the agent on the call (for a logged call, the agent who logged it).
             * @example 100234
             */
            userId: string;
            /**
             * @description Phone number used by the agent. Dialer calls only; omitted for manually logged calls.
             * @example +14155550100
             */
            userPhoneNumber?: string;
            /**
             * @description ID of the lead on the call.
             * @example 100001
             */
            leadId: string;
            /**
             * @description Phone number of the lead (for a logged call, the number written in the log).
             * @example +14155550199
             */
            leadPhoneNumber?: string;
            /**
             * @description Direction of the call from the agent's point of view (for a logged call, inferred from the log).
             * @example Outbound
             */
            direction?: components["schemas"]["CallDirection"];
            /**
             * @description Final call status. Dialer calls only; omitted for manually logged calls.
             * @example Completed
             */
            status?: components["schemas"]["CallStatus"];
            /**
             * @description Start time of the call, formatted as 'yyyy-MM-dd HH:mm:ss' in UTC. Dialer calls only; omitted for manually logged calls.
             * @example 2026-04-22 10:15:00
             */
            startTime?: string;
            /**
             * @description End time of the call, formatted as 'yyyy-MM-dd HH:mm:ss' in UTC. Dialer calls only; omitted for manually logged calls.
             * @example 2026-04-22 10:18:45
             */
            endTime?: string;
            /**
             * Format: int32
             * @description Call duration (talk time) in seconds. Dialer calls only; omitted for manually logged calls.
             * @example 225
             */
            duration?: number;
            /**
             * @description Outcome tag assigned by the agent, when set.
             * @example Talked
             */
            callingOutcome?: components["schemas"]["CallingOutcome"];
            /**
             * Format: int32
             * @description Agent's subjective rating of the call, 0-5, when set. Dialer calls only; omitted for manually logged calls.
             * @example 4
             */
            rateScore?: number;
            /**
             * @description Whether the call was recorded. Dialer calls only; omitted for manually logged calls.
             * @example true
             */
            recordingSwitch?: boolean;
            /**
             * @description Phone number displayed to the lead (caller ID). Dialer calls only; omitted for manually logged calls.
             * @example +14155550100
             */
            showUserNumber?: string;
            /**
             * @description Creation time of the call record, formatted as 'yyyy-MM-dd HH:mm:ss' in UTC.
             * @example 2026-04-22 10:15:00
             */
            createTime: string;
            /**
             * @description Last-updated time of the call record, formatted as 'yyyy-MM-dd HH:mm:ss' in UTC.
             * @example 2026-04-22 10:18:45
             */
            updateTime: string;
            /**
             * @description Free-text note entered by the agent for the call, when set (for a logged call, the log's content).
             * @example Discussed pre-approval timeline.
             */
            note?: string;
            /**
             * @description Whether the call was answered by a voicemail / answering machine. Dialer calls only; omitted for manually logged calls.
             * @example false
             */
            isMachineAnswered?: boolean;
            /**
             * Format: double
             * @description Cost of the call in USD, exact to 4 decimals. Dialer calls only; omitted for manually logged calls.
             * @example 0.02
             */
            price?: number;
            /**
             * @description User ID of the related agent.
             * @example 100234
             */
            agentId: string;
            /**
             * @description Time from dialing to connection, formatted as 'mm:ss' (minutes may pass 59, e.g. '75:03'). Dialer calls only; omitted for manually logged calls.
             * @example 00:08
             */
            elapsedTime?: string;
        };
        /** @description CallBatchResponseDto with its int64 values as strings of digits, as answered to `Accept: application/json; int64=string`. */
        CallBatchResponseDtoInt64String: {
            /** @description The records of the ids you may read, as Get Call answers them, in the order asked. */
            calls: components["schemas"]["CallResponseDtoInt64String"][];
            /**
             * @description The ids you may not read, in the order asked: no such communication, not a call, or a call whose lead you may not manage (which of these is not told, as with Get Call's PERMISSION_DENIED).
             * @example [
             *       "563172647619610"
             *     ]
             */
            denied: string[];
        };
        /** @description WrappedCallResponseDto with its int64 values as strings of digits, as answered to `Accept: application/json; int64=string`. */
        WrappedCallResponseDtoInt64String: {
            calls: components["schemas"]["CallResponseDtoInt64String"];
        };
        /** @description CallListResponseDto with its int64 values as strings of digits, as answered to `Accept: application/json; int64=string`. */
        CallListResponseDtoInt64String: {
            get_metadata: components["schemas"]["ListMetadataDto"];
            /** @description The page, newest first. */
            calls: components["schemas"]["CallResponseDtoInt64String"][];
        };
        /** @description CallHistoryResponseDto with its int64 values as strings of digits, as answered to `Accept: application/json; int64=string`. */
        CallHistoryResponseDtoInt64String: {
            /** @description The page, newest first; empty past the last call. */
            calls: components["schemas"]["CallResponseDtoInt64String"][];
        };
        /** @description ManualLogResponseDto with its int64 values as strings of digits, as answered to `Accept: application/json; int64=string`. */
        ManualLogResponseDtoInt64String: {
            logType: components["schemas"]["ManualLogDtoInt64String"];
        };
        /** @description ManualLogDto with its int64 values as strings of digits, as answered to `Accept: application/json; int64=string`. */
        ManualLogDtoInt64String: {
            /**
             * @description ID of the log: the communication id (for a logged call, the communicationId of Get Call).
             * @example 563172647619609
             */
            id: string;
            /** @example 100001 */
            leadId: string;
            /**
             * @description Calls and texts, when given.
             * @example 5865865860
             */
            leadPhoneNumber?: string;
            /** @description Calls, when given. */
            callingOutcome?: components["schemas"]["CallingOutcome"];
            /**
             * @description The content, at most 5000 characters.
             * @example Discussed Austin inventory, will send pre-approval doc tomorrow.
             */
            content: string;
            /**
             * @description When the log was created, 'yyyy-MM-dd HH:mm:ss' in UTC.
             * @example 2026-04-22 10:15:30
             */
            createTime: string;
            /** @description When given. */
            outboundOrInbound?: components["schemas"]["LogDirection"];
            /** @example false */
            isPin: boolean;
            /**
             * @description The agent who logged it (you).
             * @example 100234
             */
            agentId: string;
            /**
             * @description Emails, when given.
             * @example Follow-up on Austin listings
             */
            emailSubject?: string;
            /**
             * @description Emails, when given.
             * @example sarah.johnson@example.com
             */
            toEmail?: string;
            /**
             * @description Emails, when given.
             * @example agent@lofty.com
             */
            fromEmail?: string;
        };
        /** @description ManualLogListResponseDto with its int64 values as strings of digits, as answered to `Accept: application/json; int64=string`. */
        ManualLogListResponseDtoInt64String: {
            /** @description The page, in the order asked; empty past the last log. */
            logType: components["schemas"]["ManualLogDtoInt64String"][];
        };
        /** @description EmailResponseDto with its int64 values as strings of digits, as answered to `Accept: application/json; int64=string`. */
        EmailResponseDtoInt64String: {
            /**
             * @description ID of the email (the communication id).
             * @example 892504829734913
             */
            id: string;
            /**
             * @description ID of the lead.
             * @example 100001
             */
            leadId: string;
            /**
             * @description Direction from the agent's point of view: the log's `outboundOrInbound`, when given.
             * @example Outbound
             */
            direction?: components["schemas"]["CallDirection"];
            /**
             * @description User ID of the agent (for a logged email, who logged it).
             * @example 100234
             */
            agentId: string;
            /**
             * @description What happened to the email. A logged outbound email is `Sent`; a logged inbound email, or one without a direction, has none (no event of the list describes an email received).
             * @example Sent
             */
            eventType?: components["schemas"]["EmailEventType"];
            /**
             * @description When the email event happened (for a logged email, when it was logged), 'yyyy-MM-dd HH:mm:ss' UTC.
             * @example 2026-04-22 11:05:00
             */
            emailEventTime: string;
            /**
             * @description `Manual` for an email logged by hand, `Auto` for one sent by an automation.
             * @example Manual
             */
            emailType?: components["schemas"]["MessageType"];
            /**
             * @description Subject, when given.
             * @example Follow-up on Austin listings
             */
            emailSubject?: string;
        };
        /** @description TextResponseDto with its int64 values as strings of digits, as answered to `Accept: application/json; int64=string`. */
        TextResponseDtoInt64String: {
            /**
             * @description ID of the text (the communication id).
             * @example 892504829734914
             */
            id: string;
            /**
             * @description ID of the lead.
             * @example 100001
             */
            leadId: string;
            /**
             * @description Direction from the agent's point of view: the log's `outboundOrInbound`, when given.
             * @example Inbound
             */
            direction?: components["schemas"]["CallDirection"];
            /**
             * @description User ID of the agent (for a logged text, who logged it).
             * @example 100234
             */
            agentId: string;
            /**
             * @description When the text was sent or received (for a logged text, when it was logged), 'yyyy-MM-dd HH:mm:ss' UTC.
             * @example 2026-04-22 11:30:00
             */
            textTime: string;
            /**
             * @description `Manual` for a text logged by hand, `Auto` for one sent by an automation.
             * @example Manual
             */
            textType?: components["schemas"]["MessageType"];
            /**
             * @description The message, when given.
             * @example Can we see the house on Elm St. on Saturday?
             */
            textContent?: string;
        };
        /** @description CommunicationPageDto with its int64 values as strings of digits, as answered to `Accept: application/json; int64=string`. */
        CommunicationPageDtoInt64String: {
            /**
             * @description The offset asked for.
             * @example 0
             */
            offset: number;
            /**
             * @description The limit asked for (10 when none was).
             * @example 10
             */
            limit: number;
            /** @description The entries, oldest first (ties by id): for CALL the records of Get Call; for EMAIL and TEXT those of Get Email and Get Text. */
            pageData: (components["schemas"]["CallResponseDtoInt64String"] | components["schemas"]["EmailResponseDtoInt64String"] | components["schemas"]["TextResponseDtoInt64String"])[];
            /**
             * @description Whether entries follow this page in the window.
             * @example false
             */
            hasMore: boolean;
            /**
             * @description The snapshot bound this page was read with (the one sent, or the time of this page).
             * @example 1776902460000
             */
            asOf: string;
        };
        /** @description CallChangePageDto with its int64 values as strings of digits, as answered to `Accept: application/json; int64=string`. */
        CallChangePageDtoInt64String: {
            /**
             * @description The limit asked for (100 when none was).
             * @example 100
             */
            limit: number;
            /** @description The changes, in the order they committed. */
            pageData: components["schemas"]["CallChangeDtoInt64String"][];
            /**
             * @description Where the next page starts: send it back as `cursor`. Opaque. Given also when the page is empty: keep it, and ask again later.
             * @example djEuMTAy
             */
            nextCursor: string;
            /**
             * @description Whether more changes are there already: if so, ask for the next page at once.
             * @example false
             */
            hasMore: boolean;
        };
        /** @description CallChangeDto with its int64 values as strings of digits, as answered to `Accept: application/json; int64=string`. */
        CallChangeDtoInt64String: {
            /**
             * @description ID of the call (the communication id).
             * @example 563172647619608
             */
            id: string;
            /**
             * @description Internal dialer call record ID. Dialer calls only; omitted for manually logged calls.
             * @example 400000012345
             */
            dialerCallRecordId?: string;
            /**
             * @description User ID of the agent on the call (for a logged call, the agent who logged it).
             * @example 100234
             */
            userId: string;
            /**
             * @description Phone number used by the agent. Dialer calls only; omitted for manually logged calls.
             * @example +14155550100
             */
            userPhoneNumber?: string;
            /**
             * @description ID of the lead on the call.
             * @example 100001
             */
            leadId: string;
            /**
             * @description Phone number of the lead (for a logged call, the number written in the log).
             * @example +14155550199
             */
            leadPhoneNumber?: string;
            /**
             * @description Direction of the call from the agent's point of view (for a logged call, inferred from the log).
             * @example Outbound
             */
            direction?: components["schemas"]["CallDirection"];
            /**
             * @description Final call status. Dialer calls only; omitted for manually logged calls.
             * @example Completed
             */
            status?: components["schemas"]["CallStatus"];
            /**
             * @description Start time of the call, formatted as 'yyyy-MM-dd HH:mm:ss' in UTC. Dialer calls only; omitted for manually logged calls.
             * @example 2026-04-22 10:15:00
             */
            startTime?: string;
            /**
             * @description End time of the call, formatted as 'yyyy-MM-dd HH:mm:ss' in UTC. Dialer calls only; omitted for manually logged calls.
             * @example 2026-04-22 10:18:45
             */
            endTime?: string;
            /**
             * Format: int32
             * @description Call duration (talk time) in seconds. Dialer calls only; omitted for manually logged calls.
             * @example 225
             */
            duration?: number;
            /**
             * @description Outcome tag assigned by the agent, when set.
             * @example Talked
             */
            callingOutcome?: components["schemas"]["CallingOutcome"];
            /**
             * Format: int32
             * @description Agent's subjective rating of the call, 0-5, when set. Dialer calls only; omitted for manually logged calls.
             * @example 4
             */
            rateScore?: number;
            /**
             * @description Whether the call was recorded. Dialer calls only; omitted for manually logged calls.
             * @example true
             */
            recordingSwitch?: boolean;
            /**
             * @description Phone number displayed to the lead (caller ID). Dialer calls only; omitted for manually logged calls.
             * @example +14155550100
             */
            showUserNumber?: string;
            /**
             * @description Creation time of the call record, formatted as 'yyyy-MM-dd HH:mm:ss' in UTC.
             * @example 2026-04-22 10:15:00
             */
            createTime: string;
            /**
             * @description Last-updated time of the call record, formatted as 'yyyy-MM-dd HH:mm:ss' in UTC.
             * @example 2026-04-22 10:18:45
             */
            updateTime: string;
            /**
             * @description Free-text note entered by the agent for the call, when set (for a logged call, the log's content).
             * @example Discussed pre-approval timeline.
             */
            note?: string;
            /**
             * @description Whether the call was answered by a voicemail / answering machine. Dialer calls only; omitted for manually logged calls.
             * @example false
             */
            isMachineAnswered?: boolean;
            /**
             * Format: double
             * @description Cost of the call in USD, exact to 4 decimals. Dialer calls only; omitted for manually logged calls.
             * @example 0.02
             */
            price?: number;
            /**
             * @description User ID of the related agent.
             * @example 100234
             */
            agentId: string;
            /**
             * @description Time from dialing to connection, formatted as 'mm:ss' (minutes may pass 59, e.g. '75:03'). Dialer calls only; omitted for manually logged calls.
             * @example 00:08
             */
            elapsedTime?: string;
            /**
             * @description `created`: the call was stored (by the dialer, or logged by hand); `updated`: it was edited. The record is the call as it is now, so a later change of the same call may already show.
             * @example created
             */
            changeType: components["schemas"]["CallChangeType"];
        };
        /** @description CreatedWebhookDto with its int64 values as strings of digits, as answered to `Accept: application/json; int64=string`. */
        CreatedWebhookDtoInt64String: {
            /** @example 892505117106176 */
            subscribeId: string;
            /** @example 1 */
            teamId: string;
            /** @example 6 */
            listId: number;
            /** @example https://hooks.example.com/lofty/calls */
            callbackUrl: string;
            /** @example 100 */
            limit: number;
            /**
             * @description What it hears of: calls `created`, calls `updated`.
             * @example [
             *       "created"
             *     ]
             */
            events: ("created" | "updated")[];
            /**
             * @description `string` when its callbacks write int64 values as strings; absent when they write numbers.
             * @enum {string}
             */
            int64?: "string";
            /**
             * @description The key of the callbacks’ HMAC-SHA256 signatures. Shown this once: keep it.
             * @example whsec_3fJ0kzQ8sV1...
             */
            secret: string;
        };
        /** @description CallCallbackDto with its int64 values as strings of digits, as answered to `Accept: application/json; int64=string`. */
        CallCallbackDtoInt64String: {
            /**
             * @description The team of the calls.
             * @example 1
             */
            teamId: string;
            /**
             * @description The event list: 6, Call.
             * @example 6
             */
            listId: number;
            /** @description The calls stored, in the order their events were written; always there, empty when the batch holds only updates. */
            createdCall: components["schemas"]["CallEventDtoInt64String"][];
            /** @description The calls edited (subscriptions with `updated` among their `events`), there only when the batch holds any. A call may be in both arrays: apply `createdCall` first. */
            updatedCall?: components["schemas"]["CallUpdateEventDtoInt64String"][];
        };
        /** @description CallEventDto with its int64 values as strings of digits, as answered to `Accept: application/json; int64=string`. */
        CallEventDtoInt64String: {
            /**
             * @description The event’s stable id, the same in every retry and redelivery: drop an event whose eventId you have seen.
             * @example 892505129402368
             */
            eventId: string;
            /**
             * @description The communication id of the call: pass it to Get Call (`GET /v2.0/communication/call/{communicationId}`) or, for a whole callback, to the call batch (`POST /v2.0/communication/call/batch`).
             * @example 892505129373696
             */
            timelineId: string;
            /**
             * @description Legacy: the dialer record id of a MANUAL call (not a communication id), the log’s own id of a LOGGED one. Prefer `timelineId`.
             * @example 400000012399
             */
            callId: string;
            /**
             * @description MANUAL: a call the dialer recorded; LOGGED: a call logged by hand.
             * @example MANUAL
             */
            communicationType: components["schemas"]["CallEventType"];
            /**
             * @description The lead of the call.
             * @example 100001
             */
            leadId: string;
            /**
             * @description The agent of the call.
             * @example 100234
             */
            agentId: string;
        };
        /** @description CallUpdateEventDto with its int64 values as strings of digits, as answered to `Accept: application/json; int64=string`. */
        CallUpdateEventDtoInt64String: {
            /**
             * @description The event’s stable id, the same in every retry and redelivery: drop an event whose eventId you have seen.
             * @example 892505129402368
             */
            eventId: string;
            /**
             * @description The communication id of the call: pass it to Get Call (`GET /v2.0/communication/call/{communicationId}`) or, for a whole callback, to the call batch (`POST /v2.0/communication/call/batch`).
             * @example 892505129373696
             */
            timelineId: string;
            /**
             * @description Legacy: the dialer record id of a MANUAL call (not a communication id), the log’s own id of a LOGGED one. Prefer `timelineId`.
             * @example 400000012399
             */
            callId: string;
            /**
             * @description MANUAL: a call the dialer recorded; LOGGED: a call logged by hand.
             * @example MANUAL
             */
            communicationType: components["schemas"]["CallEventType"];
            /**
             * @description The lead of the call.
             * @example 100001
             */
            leadId: string;
            /**
             * @description The agent of the call.
             * @example 100234
             */
            agentId: string;
            /**
             * @description The call’s new `updateTime`, `yyyy-MM-dd HH:mm:ss` UTC, as Get Call answers it.
             * @example 2026-11-27 10:00:05
             */
            updateTime: string;
        };
        /** @description PingCallbackDto with its int64 values as strings of digits, as answered to `Accept: application/json; int64=string`. */
        PingCallbackDtoInt64String: {
            /**
             * @description The team of the subscription.
             * @example 1
             */
            teamId: string;
            /**
             * @description The subscription’s event list: 6, Call.
             * @example 6
             */
            listId: number;
            /** @description The test: answer 2xx and do nothing. */
            ping: components["schemas"]["PingEventDtoInt64String"];
        };
        /** @description PingEventDto with its int64 values as strings of digits, as answered to `Accept: application/json; int64=string`. */
        PingEventDtoInt64String: {
            /**
             * @description The subscription pinged.
             * @example 892505117106176
             */
            subscribeId: string;
            /**
             * @description A fresh id, never a Call event’s; the ping’s answer names it too.
             * @example 892505301655552
             */
            eventId: string;
            /**
             * @description When it was sent, `yyyy-MM-dd HH:mm:ss` UTC.
             * @example 2026-11-26 21:05:14
             */
            sentAt: string;
        };
        /** @description WebhookListDto with its int64 values as strings of digits, as answered to `Accept: application/json; int64=string`. */
        WebhookListDtoInt64String: {
            webhooks: components["schemas"]["WebhookDtoInt64String"][];
        };
        /** @description WebhookDto with its int64 values as strings of digits, as answered to `Accept: application/json; int64=string`. */
        WebhookDtoInt64String: {
            /** @example 892505117106176 */
            subscribeId: string;
            /** @example 1 */
            teamId: string;
            /** @example 6 */
            listId: number;
            /** @example https://hooks.example.com/lofty/calls */
            callbackUrl: string;
            /** @example 100 */
            limit: number;
            /**
             * @description What it hears of: calls `created`, calls `updated`.
             * @example [
             *       "created"
             *     ]
             */
            events: ("created" | "updated")[];
            /**
             * @description `string` when its callbacks write int64 values as strings; absent when they write numbers.
             * @enum {string}
             */
            int64?: "string";
            /**
             * @description PAUSED after a day of failed deliveries, until resumed.
             * @example ACTIVE
             */
            status: components["schemas"]["SubscriptionStatus"];
            /** @description Why the subscription was paused. */
            pausedReason?: string;
            /** @example 2026-11-26 21:00:00 */
            createTime: string;
        };
        /** @description DeletedWebhookDto with its int64 values as strings of digits, as answered to `Accept: application/json; int64=string`. */
        DeletedWebhookDtoInt64String: {
            /** @example 892505117106176 */
            subscribeId: string;
            /** @example true */
            deleted: boolean;
        };
        /** @description PingResultDto with its int64 values as strings of digits, as answered to `Accept: application/json; int64=string`. */
        PingResultDtoInt64String: {
            /** @example 892505117106176 */
            subscribeId: string;
            /**
             * @description The `ping.eventId` of the test callback: a fresh id, never one of a Call event.
             * @example 892505301655552
             */
            eventId: string;
            /**
             * @description The receiver answered 2xx within the timeout.
             * @example true
             */
            delivered: boolean;
            /**
             * @description DELIVERED, or why not: HTTP_STATUS (answered, not 2xx), REDIRECT (a 3xx: redirects are not followed), TIMEOUT (no answer in time), TARGET_REFUSED (the URL or the address its host resolves to is not allowed: no connection was made), TLS (the TLS handshake failed), CONNECTION (refused, reset, the host name does not resolve).
             * @example DELIVERED
             */
            outcome: components["schemas"]["PingOutcome"];
            /**
             * @description The HTTP status the receiver answered, if it answered.
             * @example 200
             */
            statusCode?: number;
            /**
             * @description From the start of the request to its answer (or failure), in ms.
             * @example 42
             */
            durationMs: number;
            /**
             * @description Why it failed, as the delivery log tells it.
             * @example connect ECONNREFUSED 203.0.113.7:443
             */
            error?: string;
        };
        /** @description RedeliveryDto with its int64 values as strings of digits, as answered to `Accept: application/json; int64=string`. */
        RedeliveryDtoInt64String: {
            /** @example 892505117106176 */
            subscribeId: string;
            /**
             * @description PAUSED: the events queued wait, with the others, until the subscription is resumed.
             * @example ACTIVE
             */
            status: components["schemas"]["SubscriptionStatus"];
            /**
             * @description Events queued to be sent again (or still waiting for their delivery).
             * @example 2
             */
            queued: number;
            /**
             * @description The `eventIds` asked for that are not events of this subscription of the last 7 days, in the order asked (always empty with `since`).
             * @example []
             */
            notFound: string[];
        };
        /** @description DeliveryReportDto with its int64 values as strings of digits, as answered to `Accept: application/json; int64=string`. */
        DeliveryReportDtoInt64String: {
            webhook: components["schemas"]["WebhookDtoInt64String"];
            /**
             * @description Events waiting to be delivered (held ones included).
             * @example 0
             */
            backlog: number;
            /**
             * @description When the oldest waiting event was created.
             * @example 2026-11-26 21:04:59
             */
            oldestWaiting?: string;
            /**
             * @description Events given up after a day of failed attempts.
             * @example 0
             */
            failedEvents: number;
            /**
             * @description Deliveries of the last 24 hours that failed.
             * @example 0
             */
            failedDeliveries24h: number;
            /** @description The 50 latest delivery attempts, newest first. */
            recentDeliveries: components["schemas"]["DeliveryDto"][];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description The request's id: the X-Request-Id you sent when it is 1 to 128 letters, digits and `._:-`, a new UUID otherwise. The service's log lines of the request carry it: quote it when reporting a problem. */
        "X-Request-Id": string;
        /** @description The requests the caller's bucket (its API client, its user, or its address without a valid token) takes a minute. */
        "X-RateLimit-Limit": number;
        /** @description The requests left in the current minute, this one counted. */
        "X-RateLimit-Remaining": number;
        /** @description When the current window ends and the count starts again, in epoch seconds (on the minute). */
        "X-RateLimit-Reset": number | bigint;
        /** @description Seconds to wait before sending the request again (a 503: at least that long, then back off). */
        "Retry-After": number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    issueToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["TokenRequestDto"];
                "application/json": components["schemas"]["TokenRequestDto"];
            };
        };
        responses: {
            /** @description A bearer token. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "access_token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...",
                     *       "token_type": "Bearer",
                     *       "expires_in": 3600,
                     *       "scope": "dialer:write"
                     *     }
                     */
                    "application/json": components["schemas"]["TokenResponseDto"];
                };
            };
            /** @description `MISSING_PARAMETER`: A field is missing; `INVALID_PARAMETER`: A field is malformed; `PARAMETER_TOO_LONG`: A field is too long; `MALFORMED_JSON`: A JSON body that does not parse; `UNSUPPORTED_GRANT_TYPE`: Another grant type; `INVALID_PARAMETER`: A scope the client does not hold */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthErrorResponseDto"];
                };
            };
            /** @description `BAD_CREDENTIALS`: Bad client credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthErrorResponseDto"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: A body over 16 KB */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthErrorResponseDto"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: Neither a form nor JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthErrorResponseDto"];
                };
            };
            /** @description `TOO_MANY_REQUESTS`: Past the address's requests a minute: wait Retry-After seconds */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: The database is unreachable, or the request got no answer within REQUEST_TIMEOUT_MS: retry after Retry-After seconds, with backoff */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    createLead: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe. Send a new unique value (a UUID, say) with each new request, and the same value with every retry of it. Within 24 h a retry with the same key and the same body is not executed again: it gets the answer of the request that wrote (the same status, body and Location), with `Idempotent-Replayed: true`, also when that answer never reached you (a 503, a broken connection). The same key with another body or on another route is refused with 409 IDEMPOTENCY_KEY_REUSED. Keys are per caller. An error answer is not stored: correct the request and send it with the same key. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateLeadDto"];
            };
        };
        responses: {
            /** @description The lead created. */
            201: {
                headers: {
                    /** @description Where the lead is read: `GET /v1.0/leads/{leadId}`. */
                    Location: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description `true` on the stored answer of an earlier request with the same Idempotency-Key (nothing was executed again); absent on an answer of this request. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 100001,
                     *       "teamId": 1,
                     *       "assignedUserId": 100234,
                     *       "firstName": "Sarah",
                     *       "lastName": "Johnson",
                     *       "phoneNumber": "+14155550199",
                     *       "email": "sarah.johnson@example.com",
                     *       "hidden": false,
                     *       "createTime": "2026-04-01 09:00:00",
                     *       "updateTime": "2026-04-01 09:00:00"
                     *     }
                     */
                    "application/json": components["schemas"]["LeadResponseDto"];
                    "application/json; int64=string": components["schemas"]["LeadResponseDtoInt64String"];
                };
            };
            /** @description `MISSING_PARAMETER`: Nothing to name the lead by; `INVALID_PARAMETER`: A field is invalid; `PARAMETER_TOO_LONG`: A field is too long; `MALFORMED_JSON`: A body that is not valid JSON, nests deeper than 32 levels or holds too many members; `IDEMPOTENCY_KEY_INVALID`: An Idempotency-Key that is empty, too long or not visible ASCII */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `BAD_CREDENTIALS`: Missing, invalid or expired token, or unknown or deactivated user */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REUSED`: The Idempotency-Key was sent before with another body or on another route */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: A body over 1 MB, or a Content-Length that says so (then answered before the body is sent) */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: A body that is not JSON in UTF-8 */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `TOO_MANY_REQUESTS`: Past the caller's requests a minute (its API client's, or its user's): wait Retry-After seconds */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: The database is unreachable, or the request got no answer within REQUEST_TIMEOUT_MS: retry after Retry-After seconds, with backoff */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getLead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description ID of the lead, decimal digits. */
                leadId: number | bigint;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The lead. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 100001,
                     *       "teamId": 1,
                     *       "assignedUserId": 100234,
                     *       "firstName": "Sarah",
                     *       "lastName": "Johnson",
                     *       "phoneNumber": "+14155550199",
                     *       "email": "sarah.johnson@example.com",
                     *       "hidden": false,
                     *       "createTime": "2026-04-01 09:00:00",
                     *       "updateTime": "2026-04-01 09:00:00"
                     *     }
                     */
                    "application/json": components["schemas"]["LeadResponseDto"];
                    "application/json; int64=string": components["schemas"]["LeadResponseDtoInt64String"];
                };
            };
            /** @description `INVALID_PARAMETER`: leadId is not a positive int64; `PERMISSION_DENIED`: No such resource, or its lead is not manageable by the caller */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `BAD_CREDENTIALS`: Missing, invalid or expired token, or unknown or deactivated user */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `TOO_MANY_REQUESTS`: Past the caller's requests a minute (its API client's, or its user's): wait Retry-After seconds */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: The database is unreachable, or the request got no answer within REQUEST_TIMEOUT_MS: retry after Retry-After seconds, with backoff */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    reassignLead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description ID of the lead, decimal digits. */
                leadId: number | bigint;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignLeadDto"];
            };
        };
        responses: {
            /** @description The lead, reassigned. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 100001,
                     *       "teamId": 1,
                     *       "assignedUserId": 100235,
                     *       "firstName": "Sarah",
                     *       "lastName": "Johnson",
                     *       "phoneNumber": "+14155550199",
                     *       "email": "sarah.johnson@example.com",
                     *       "hidden": false,
                     *       "createTime": "2026-04-01 09:00:00",
                     *       "updateTime": "2026-04-23 08:30:00"
                     *     }
                     */
                    "application/json": components["schemas"]["LeadResponseDto"];
                    "application/json; int64=string": components["schemas"]["LeadResponseDtoInt64String"];
                };
            };
            /** @description `INVALID_PARAMETER`: leadId is not a positive int64; `MISSING_PARAMETER`: No assignedUserId; `PERMISSION_DENIED`: No such resource, or its lead is not manageable by the caller; `MALFORMED_JSON`: A body that is not valid JSON, nests deeper than 32 levels or holds too many members */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `BAD_CREDENTIALS`: Missing, invalid or expired token, or unknown or deactivated user */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `INSUFFICIENT_ROLE`: An agent without ACCESS_ALL_TEAM_LEADS */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: A body over 1 MB, or a Content-Length that says so (then answered before the body is sent) */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: A body that is not JSON in UTF-8 */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `TOO_MANY_REQUESTS`: Past the caller's requests a minute (its API client's, or its user's): wait Retry-After seconds */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: The database is unreachable, or the request got no answer within REQUEST_TIMEOUT_MS: retry after Retry-After seconds, with backoff */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getCall: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETags of the call you hold (a list, or `*`), for example `"1"`: when one is the current one (weak comparison), the answer is 304 without a body. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description Communication ID of the call (the `timelineId` of a Call webhook event), decimal digits. */
                communicationId: number | bigint;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Call retrieved successfully. */
            200: {
                headers: {
                    /** @description The record's version, a strong validator: send it back in If-None-Match (Get Call) or If-Match (the edit). */
                    ETag: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallResponseDto"];
                    "application/json; int64=string": components["schemas"]["CallResponseDtoInt64String"];
                };
            };
            /** @description Not Modified: If-None-Match names the current ETag. No body; the ETag header is the current one. */
            304: {
                headers: {
                    /** @description The record's version, a strong validator: send it back in If-None-Match (Get Call) or If-Match (the edit). */
                    ETag: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `INVALID_PARAMETER`: communicationId is not a positive int64; `PERMISSION_DENIED`: No such call, not a call, or its lead is not manageable by the caller */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `BAD_CREDENTIALS`: Missing, invalid or expired token, or unknown or deactivated user */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `TOO_MANY_REQUESTS`: Past the caller's requests a minute (its API client's, or its user's): wait Retry-After seconds */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: The database is unreachable, or the request got no answer within REQUEST_TIMEOUT_MS: retry after Retry-After seconds, with backoff */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    editCall: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the call as you read it (a list, or `*`), for example `"1"`: the edit applies only if one of them is the current one (strong comparison: a `W/` tag never matches); 412 otherwise. */
                "If-Match"?: string;
            };
            path: {
                /** @description Communication ID of the call (the `timelineId` of a Call webhook event), decimal digits. */
                communicationId: number | bigint;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EditCallDto"];
            };
        };
        responses: {
            /** @description The call as edited, as Get Call returns it, with its new ETag. */
            200: {
                headers: {
                    /** @description The record's version, a strong validator: send it back in If-None-Match (Get Call) or If-Match (the edit). */
                    ETag: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 563172647619608,
                     *       "dialerCallRecordId": 400000012345,
                     *       "userId": 100234,
                     *       "userPhoneNumber": "+14155550100",
                     *       "leadId": 100001,
                     *       "leadPhoneNumber": "+14155550199",
                     *       "direction": "Outbound",
                     *       "status": "Completed",
                     *       "startTime": "2026-04-22 10:15:00",
                     *       "endTime": "2026-04-22 10:18:45",
                     *       "duration": 225,
                     *       "callingOutcome": "VoiceMessage",
                     *       "rateScore": 3,
                     *       "recordingSwitch": true,
                     *       "showUserNumber": "+14155550100",
                     *       "createTime": "2026-04-22 10:15:00",
                     *       "updateTime": "2026-04-23 09:30:12",
                     *       "note": "Discussed pre-approval timeline.",
                     *       "isMachineAnswered": false,
                     *       "price": 0.02,
                     *       "agentId": 100234,
                     *       "elapsedTime": "00:08"
                     *     }
                     */
                    "application/json": components["schemas"]["CallResponseDto"];
                    "application/json; int64=string": components["schemas"]["CallResponseDtoInt64String"];
                };
            };
            /** @description `INVALID_PARAMETER`: A field that cannot be edited, a value of the wrong type or out of range, `rateScore` on a logged call (`rateScore applies to dialer calls only: a logged call has no rating.`), or communicationId not a positive int64; `PERMISSION_DENIED`: No such call, not a call, or its lead is not manageable by the caller; `MALFORMED_JSON`: A body that is not valid JSON, nests deeper than 32 levels or holds too many members */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `BAD_CREDENTIALS`: Missing, invalid or expired token, or unknown or deactivated user */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `PRECONDITION_FAILED`: If-Match names no current ETag: the call changed since it was read */
            412: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: A body over 1 MB, or a Content-Length that says so (then answered before the body is sent) */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: A body that is not JSON in UTF-8 */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `TOO_MANY_REQUESTS`: Past the caller's requests a minute (its API client's, or its user's): wait Retry-After seconds */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: The database is unreachable, or the request got no answer within REQUEST_TIMEOUT_MS: retry after Retry-After seconds, with backoff */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getCallsBatch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CallBatchRequestDto"];
            };
        };
        responses: {
            /** @description The calls you may read and the IDs you may not. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "calls": [
                     *         {
                     *           "id": 563172647619608,
                     *           "dialerCallRecordId": 400000012345,
                     *           "userId": 100234,
                     *           "userPhoneNumber": "+14155550100",
                     *           "leadId": 100001,
                     *           "leadPhoneNumber": "+14155550199",
                     *           "direction": "Outbound",
                     *           "status": "Completed",
                     *           "startTime": "2026-04-22 10:15:00",
                     *           "endTime": "2026-04-22 10:18:45",
                     *           "duration": 225,
                     *           "callingOutcome": "Talked",
                     *           "rateScore": 4,
                     *           "recordingSwitch": true,
                     *           "showUserNumber": "+14155550100",
                     *           "createTime": "2026-04-22 10:15:00",
                     *           "updateTime": "2026-04-22 10:18:45",
                     *           "note": "Discussed pre-approval timeline.",
                     *           "isMachineAnswered": false,
                     *           "price": 0.02,
                     *           "agentId": 100234,
                     *           "elapsedTime": "00:08"
                     *         },
                     *         {
                     *           "id": 563172647619609,
                     *           "userId": 100234,
                     *           "leadId": 100001,
                     *           "leadPhoneNumber": "5865865860",
                     *           "direction": "Outbound",
                     *           "callingOutcome": "VoiceMessage",
                     *           "createTime": "2026-04-22 10:15:30",
                     *           "updateTime": "2026-04-22 10:15:30",
                     *           "note": "Discussed Austin inventory, will send pre-approval doc tomorrow.",
                     *           "agentId": 100234
                     *         }
                     *       ],
                     *       "denied": [
                     *         563172647619610,
                     *         563172647619999
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["CallBatchResponseDto"];
                    "application/json; int64=string": components["schemas"]["CallBatchResponseDtoInt64String"];
                };
            };
            /** @description `MISSING_PARAMETER`: No ids; `INVALID_PARAMETER`: ids is not a list of 1 to 1000 items; an item that is not a positive int64 is named (`ids[3] must be a positive integer id (int64).`); `MALFORMED_JSON`: A body that is not valid JSON, nests deeper than 32 levels or holds too many members */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `BAD_CREDENTIALS`: Missing, invalid or expired token, or unknown or deactivated user */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: A body over 1 MB, or a Content-Length that says so (then answered before the body is sent) */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: A body that is not JSON in UTF-8 */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `TOO_MANY_REQUESTS`: Past the caller's requests a minute (its API client's, or its user's): wait Retry-After seconds */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: The database is unreachable, or the request got no answer within REQUEST_TIMEOUT_MS: retry after Retry-After seconds, with backoff */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getLegacyCall: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Communication ID of the call (the `timelineId` of a Call webhook event), decimal digits. */
                callId: number | bigint;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Call record retrieved successfully. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WrappedCallResponseDto"];
                    "application/json; int64=string": components["schemas"]["WrappedCallResponseDtoInt64String"];
                };
            };
            /** @description `INVALID_PARAMETER`: callId is not a positive int64; `PERMISSION_DENIED`: No such call, not a call, or its lead is not manageable by the caller */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `BAD_CREDENTIALS`: Missing, invalid or expired token, or unknown or deactivated user */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `TOO_MANY_REQUESTS`: Past the caller's requests a minute (its API client's, or its user's): wait Retry-After seconds */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: The database is unreachable, or the request got no answer within REQUEST_TIMEOUT_MS: retry after Retry-After seconds, with backoff */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listLeadCalls: {
        parameters: {
            query: {
                /** @description Lead whose calls to return; you must be able to manage it. */
                leadId: number | bigint;
                /** @description Calls per page. */
                limit?: number;
                /** @description Zero-based index of the first call, newest first. */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the lead’s calls, newest first, with the offset, the limit and the total. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "get_metadata": {
                     *         "collection": "calls",
                     *         "limit": 10,
                     *         "offset": 0,
                     *         "total": 2
                     *       },
                     *       "calls": [
                     *         {
                     *           "id": 563172647619609,
                     *           "userId": 100234,
                     *           "leadId": 100001,
                     *           "leadPhoneNumber": "5865865860",
                     *           "direction": "Outbound",
                     *           "callingOutcome": "VoiceMessage",
                     *           "createTime": "2026-04-22 10:15:30",
                     *           "updateTime": "2026-04-22 10:15:30",
                     *           "note": "Discussed Austin inventory, will send pre-approval doc tomorrow.",
                     *           "agentId": 100234
                     *         },
                     *         {
                     *           "id": 563172647619608,
                     *           "dialerCallRecordId": 400000012345,
                     *           "userId": 100234,
                     *           "userPhoneNumber": "+14155550100",
                     *           "leadId": 100001,
                     *           "leadPhoneNumber": "+14155550199",
                     *           "direction": "Outbound",
                     *           "status": "Completed",
                     *           "startTime": "2026-04-22 10:15:00",
                     *           "endTime": "2026-04-22 10:18:45",
                     *           "duration": 225,
                     *           "callingOutcome": "Talked",
                     *           "rateScore": 4,
                     *           "recordingSwitch": true,
                     *           "showUserNumber": "+14155550100",
                     *           "createTime": "2026-04-22 10:15:00",
                     *           "updateTime": "2026-04-22 10:18:45",
                     *           "note": "Discussed pre-approval timeline.",
                     *           "isMachineAnswered": false,
                     *           "price": 0.02,
                     *           "agentId": 100234,
                     *           "elapsedTime": "00:08"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["CallListResponseDto"];
                    "application/json; int64=string": components["schemas"]["CallListResponseDtoInt64String"];
                };
            };
            /** @description `INVALID_PARAMETER`: leadId is not a positive int64; `MISSING_PARAMETER`: No leadId; `LIMIT_NOT_VALID`: limit out of range; `PERMISSION_DENIED`: No such resource, or its lead is not manageable by the caller */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `BAD_CREDENTIALS`: Missing, invalid or expired token, or unknown or deactivated user */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `TOO_MANY_REQUESTS`: Past the caller's requests a minute (its API client's, or its user's): wait Retry-After seconds */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: The database is unreachable, or the request got no answer within REQUEST_TIMEOUT_MS: retry after Retry-After seconds, with backoff */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listLeadCallHistory: {
        parameters: {
            query: {
                /** @description Lead whose calls to return; you must be able to manage it. */
                leadId: number | bigint;
                /** @description Calls per page. */
                limit?: number;
                /** @description Zero-based index of the first call, newest first. */
                offset?: number;
                /** @description Keyset cursor: the calls older than this communication id (exclusive), newest first. Pass the `id` of the last call of a page to get the next one; an empty page is the end. When given, `offset` is ignored. */
                currentId?: number | bigint;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the lead’s calls, newest first; an empty `calls` is the end. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "calls": [
                     *         {
                     *           "id": 563172647619609,
                     *           "userId": 100234,
                     *           "leadId": 100001,
                     *           "leadPhoneNumber": "5865865860",
                     *           "direction": "Outbound",
                     *           "callingOutcome": "VoiceMessage",
                     *           "createTime": "2026-04-22 10:15:30",
                     *           "updateTime": "2026-04-22 10:15:30",
                     *           "note": "Discussed Austin inventory, will send pre-approval doc tomorrow.",
                     *           "agentId": 100234
                     *         },
                     *         {
                     *           "id": 563172647619608,
                     *           "dialerCallRecordId": 400000012345,
                     *           "userId": 100234,
                     *           "userPhoneNumber": "+14155550100",
                     *           "leadId": 100001,
                     *           "leadPhoneNumber": "+14155550199",
                     *           "direction": "Outbound",
                     *           "status": "Completed",
                     *           "startTime": "2026-04-22 10:15:00",
                     *           "endTime": "2026-04-22 10:18:45",
                     *           "duration": 225,
                     *           "callingOutcome": "Talked",
                     *           "rateScore": 4,
                     *           "recordingSwitch": true,
                     *           "showUserNumber": "+14155550100",
                     *           "createTime": "2026-04-22 10:15:00",
                     *           "updateTime": "2026-04-22 10:18:45",
                     *           "note": "Discussed pre-approval timeline.",
                     *           "isMachineAnswered": false,
                     *           "price": 0.02,
                     *           "agentId": 100234,
                     *           "elapsedTime": "00:08"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["CallHistoryResponseDto"];
                    "application/json; int64=string": components["schemas"]["CallHistoryResponseDtoInt64String"];
                };
            };
            /** @description `INVALID_PARAMETER`: leadId is not a positive int64; `MISSING_PARAMETER`: No leadId; `LIMIT_NOT_VALID`: limit out of range; `PERMISSION_DENIED`: No such resource, or its lead is not manageable by the caller */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `BAD_CREDENTIALS`: Missing, invalid or expired token, or unknown or deactivated user */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `TOO_MANY_REQUESTS`: Past the caller's requests a minute (its API client's, or its user's): wait Retry-After seconds */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: The database is unreachable, or the request got no answer within REQUEST_TIMEOUT_MS: retry after Retry-After seconds, with backoff */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listManualLogs: {
        parameters: {
            query: {
                /** @description Lead whose manual logs to return; you must be able to manage it. */
                leadId: number | bigint;
                /** @description Channel of the logs (case-sensitive). */
                logType: components["schemas"]["LogType"];
                /** @description Zero-based index of the first log. Below 0 is read as 0; ignored when `currentId` is given. */
                offset?: number;
                /** @description Logs per page, 1 to 1000; a value outside is read as 10. `offset + limit` is at most 20000. */
                limit?: number;
                /** @description Order by creation time (ties by id; the default) or by id. Ignored with `currentId`, which pages by id. */
                sort?: components["schemas"]["LogSort"];
                /** @description `desc` newest first (the default), `asc` oldest first. */
                order?: components["schemas"]["SortOrder"];
                /** @description Keyset cursor: the logs after this id (exclusive) in the `order` asked, by id: older ones with `desc`, newer ones with `asc`. Pass the `id` of the last log of a page to get the next one; an empty page is the end. When above 0, `offset` and `sort` are ignored; 0 or below is no cursor. */
                currentId?: number | bigint;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the lead’s logs of the channel, under the key `logType`; an empty page is the end. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "logType": [
                     *         {
                     *           "id": 563172647619609,
                     *           "leadId": 100001,
                     *           "leadPhoneNumber": "5865865860",
                     *           "callingOutcome": "VoiceMessage",
                     *           "content": "Discussed Austin inventory, will send pre-approval doc tomorrow.",
                     *           "createTime": "2026-04-22 10:15:30",
                     *           "outboundOrInbound": "outbound",
                     *           "isPin": false,
                     *           "agentId": 100234
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ManualLogListResponseDto"];
                    "application/json; int64=string": components["schemas"]["ManualLogListResponseDtoInt64String"];
                };
            };
            /** @description `MISSING_PARAMETER`: No leadId or no logType; `INVALID_PARAMETER`: offset + limit past 20000, or a parameter that cannot be read (leadId, logType, sort, ...); `LIMIT_NOT_VALID`: limit is not an integer; `PERMISSION_DENIED`: No such resource, or its lead is not manageable by the caller */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `BAD_CREDENTIALS`: Missing, invalid or expired token, or unknown or deactivated user */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `TOO_MANY_REQUESTS`: Past the caller's requests a minute (its API client's, or its user's): wait Retry-After seconds */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: The database is unreachable, or the request got no answer within REQUEST_TIMEOUT_MS: retry after Retry-After seconds, with backoff */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    createManualLog: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe. Send a new unique value (a UUID, say) with each new request, and the same value with every retry of it. Within 24 h a retry with the same key and the same body is not executed again: it gets the answer of the request that wrote (the same status, body and Location), with `Idempotent-Replayed: true`, also when that answer never reached you (a 503, a broken connection). The same key with another body or on another route is refused with 409 IDEMPOTENCY_KEY_REUSED. Keys are per caller. An error answer is not stored: correct the request and send it with the same key. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateManualLogDto"];
            };
        };
        responses: {
            /** @description The log entry, under the key `logType`, with the fields that apply to its channel. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description `true` on the stored answer of an earlier request with the same Idempotency-Key (nothing was executed again); absent on an answer of this request. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "logType": {
                     *         "id": 563172647619609,
                     *         "leadId": 100001,
                     *         "leadPhoneNumber": "5865865860",
                     *         "callingOutcome": "VoiceMessage",
                     *         "content": "Discussed Austin inventory, will send pre-approval doc tomorrow.",
                     *         "createTime": "2026-04-22 10:15:30",
                     *         "outboundOrInbound": "outbound",
                     *         "isPin": false,
                     *         "agentId": 100234
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ManualLogResponseDto"];
                    "application/json; int64=string": components["schemas"]["ManualLogResponseDtoInt64String"];
                };
            };
            /** @description `MISSING_PARAMETER`: A required field is missing; `INVALID_PARAMETER`: A field is invalid; `PARAMETER_TOO_LONG`: A field is too long; `PERMISSION_DENIED`: No such resource, or its lead is not manageable by the caller; `MALFORMED_JSON`: A body that is not valid JSON, nests deeper than 32 levels or holds too many members; `IDEMPOTENCY_KEY_INVALID`: An Idempotency-Key that is empty, too long or not visible ASCII */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `BAD_CREDENTIALS`: Missing, invalid or expired token, or unknown or deactivated user */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REUSED`: The Idempotency-Key was sent before with another body or on another route */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: A body over 1 MB, or a Content-Length that says so (then answered before the body is sent) */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: A body that is not JSON in UTF-8 */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `TOO_MANY_REQUESTS`: Past the caller's requests a minute (its API client's, or its user's): wait Retry-After seconds */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: The database is unreachable, or the request got no answer within REQUEST_TIMEOUT_MS: retry after Retry-After seconds, with backoff */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getEmail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Communication ID of the email (the `id` of its manual log), decimal digits. */
                communicationId: number | bigint;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Email retrieved successfully. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailResponseDto"];
                    "application/json; int64=string": components["schemas"]["EmailResponseDtoInt64String"];
                };
            };
            /** @description `INVALID_PARAMETER`: communicationId is not a positive int64; `PERMISSION_DENIED`: No such email, not an email, or its lead is not manageable by the caller */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `BAD_CREDENTIALS`: Missing, invalid or expired token, or unknown or deactivated user */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `TOO_MANY_REQUESTS`: Past the caller's requests a minute (its API client's, or its user's): wait Retry-After seconds */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: The database is unreachable, or the request got no answer within REQUEST_TIMEOUT_MS: retry after Retry-After seconds, with backoff */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getText: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Communication ID of the text (the `id` of its manual log), decimal digits. */
                communicationId: number | bigint;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Text retrieved successfully. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 892504829734914,
                     *       "leadId": 100001,
                     *       "direction": "Inbound",
                     *       "agentId": 100234,
                     *       "textTime": "2026-04-22 11:30:00",
                     *       "textType": "Manual",
                     *       "textContent": "Can we see the house on Elm St. on Saturday?"
                     *     }
                     */
                    "application/json": components["schemas"]["TextResponseDto"];
                    "application/json; int64=string": components["schemas"]["TextResponseDtoInt64String"];
                };
            };
            /** @description `INVALID_PARAMETER`: communicationId is not a positive int64; `PERMISSION_DENIED`: No such text, not a text, or its lead is not manageable by the caller */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `BAD_CREDENTIALS`: Missing, invalid or expired token, or unknown or deactivated user */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `TOO_MANY_REQUESTS`: Past the caller's requests a minute (its API client's, or its user's): wait Retry-After seconds */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: The database is unreachable, or the request got no answer within REQUEST_TIMEOUT_MS: retry after Retry-After seconds, with backoff */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    recordDialerCall: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe. Send a new unique value (a UUID, say) with each new request, and the same value with every retry of it. Within 24 h a retry with the same key and the same body is not executed again: it gets the answer of the request that wrote (the same status, body and Location), with `Idempotent-Replayed: true`, also when that answer never reached you (a 503, a broken connection). The same key with another body or on another route is refused with 409 IDEMPOTENCY_KEY_REUSED. Keys are per caller. An error answer is not stored: correct the request and send it with the same key. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IngestDialerCallDto"];
            };
        };
        responses: {
            /** @description Recorded before (a retry): the same call. */
            200: {
                headers: {
                    /** @description Where Get Call answers the call: `GET /v2.0/communication/call/{communicationId}`. */
                    Location: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description `true` on the stored answer of an earlier request with the same Idempotency-Key (nothing was executed again); absent on an answer of this request. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 563172647619608,
                     *       "dialerCallRecordId": 400000012345,
                     *       "userId": 100234,
                     *       "userPhoneNumber": "+14155550100",
                     *       "leadId": 100001,
                     *       "leadPhoneNumber": "+14155550199",
                     *       "direction": "Outbound",
                     *       "status": "Completed",
                     *       "startTime": "2026-04-22 10:15:00",
                     *       "endTime": "2026-04-22 10:18:45",
                     *       "duration": 225,
                     *       "callingOutcome": "Talked",
                     *       "rateScore": 4,
                     *       "recordingSwitch": true,
                     *       "showUserNumber": "+14155550100",
                     *       "createTime": "2026-04-22 10:15:00",
                     *       "updateTime": "2026-04-22 10:18:45",
                     *       "note": "Discussed pre-approval timeline.",
                     *       "isMachineAnswered": false,
                     *       "price": 0.02,
                     *       "agentId": 100234,
                     *       "elapsedTime": "00:08"
                     *     }
                     */
                    "application/json": components["schemas"]["CallResponseDto"];
                    "application/json; int64=string": components["schemas"]["CallResponseDtoInt64String"];
                };
            };
            /** @description Recorded. */
            201: {
                headers: {
                    /** @description Where Get Call answers the call: `GET /v2.0/communication/call/{communicationId}`. */
                    Location: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description `true` on the stored answer of an earlier request with the same Idempotency-Key (nothing was executed again); absent on an answer of this request. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 563172647619608,
                     *       "dialerCallRecordId": 400000012345,
                     *       "userId": 100234,
                     *       "userPhoneNumber": "+14155550100",
                     *       "leadId": 100001,
                     *       "leadPhoneNumber": "+14155550199",
                     *       "direction": "Outbound",
                     *       "status": "Completed",
                     *       "startTime": "2026-04-22 10:15:00",
                     *       "endTime": "2026-04-22 10:18:45",
                     *       "duration": 225,
                     *       "callingOutcome": "Talked",
                     *       "rateScore": 4,
                     *       "recordingSwitch": true,
                     *       "showUserNumber": "+14155550100",
                     *       "createTime": "2026-04-22 10:15:00",
                     *       "updateTime": "2026-04-22 10:18:45",
                     *       "note": "Discussed pre-approval timeline.",
                     *       "isMachineAnswered": false,
                     *       "price": 0.02,
                     *       "agentId": 100234,
                     *       "elapsedTime": "00:08"
                     *     }
                     */
                    "application/json": components["schemas"]["CallResponseDto"];
                    "application/json; int64=string": components["schemas"]["CallResponseDtoInt64String"];
                };
            };
            /** @description `INVALID_PARAMETER`: A field is invalid; `MISSING_PARAMETER`: A required field is missing; `PERMISSION_DENIED`: A lead or agent outside the client's team; `AGENT_INACTIVE`: A deactivated agent (userId or agentId); `MALFORMED_JSON`: A body that is not valid JSON, nests deeper than 32 levels or holds too many members; `IDEMPOTENCY_KEY_INVALID`: An Idempotency-Key that is empty, too long or not visible ASCII */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `BAD_CREDENTIALS`: Missing, invalid or expired token, or unknown or deactivated user */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `INSUFFICIENT_SCOPE`: Not a dialer:write client token */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `CONFLICT`: The dialer record exists with other data; `IDEMPOTENCY_KEY_REUSED`: The Idempotency-Key was sent before with another body or on another route */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: A body over 1 MB, or a Content-Length that says so (then answered before the body is sent) */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: A body that is not JSON in UTF-8 */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `TOO_MANY_REQUESTS`: Past the caller's requests a minute (its API client's, or its user's): wait Retry-After seconds */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: The database is unreachable, or the request got no answer within REQUEST_TIMEOUT_MS: retry after Retry-After seconds, with backoff */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    searchCommunications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SearchCommunicationsDto"];
            };
        };
        responses: {
            /** @description Page of communication entries. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "offset": 0,
                     *       "limit": 10,
                     *       "pageData": [
                     *         {
                     *           "id": 563172647619608,
                     *           "dialerCallRecordId": 400000012345,
                     *           "userId": 100234,
                     *           "userPhoneNumber": "+14155550100",
                     *           "leadId": 100001,
                     *           "leadPhoneNumber": "+14155550199",
                     *           "direction": "Outbound",
                     *           "status": "Completed",
                     *           "startTime": "2026-04-22 10:15:00",
                     *           "endTime": "2026-04-22 10:18:45",
                     *           "duration": 225,
                     *           "callingOutcome": "Talked",
                     *           "rateScore": 4,
                     *           "recordingSwitch": true,
                     *           "showUserNumber": "+14155550100",
                     *           "createTime": "2026-04-22 10:15:00",
                     *           "updateTime": "2026-04-22 10:18:45",
                     *           "note": "Discussed pre-approval timeline.",
                     *           "isMachineAnswered": false,
                     *           "price": 0.02,
                     *           "agentId": 100234,
                     *           "elapsedTime": "00:08"
                     *         },
                     *         {
                     *           "id": 563172647619609,
                     *           "userId": 100234,
                     *           "leadId": 100001,
                     *           "leadPhoneNumber": "5865865860",
                     *           "direction": "Outbound",
                     *           "callingOutcome": "VoiceMessage",
                     *           "createTime": "2026-04-22 10:15:30",
                     *           "updateTime": "2026-04-22 10:15:30",
                     *           "note": "Discussed Austin inventory, will send pre-approval doc tomorrow.",
                     *           "agentId": 100234
                     *         }
                     *       ],
                     *       "hasMore": false,
                     *       "asOf": 1776902460000
                     *     }
                     */
                    "application/json": components["schemas"]["CommunicationPageDto"];
                    "application/json; int64=string": components["schemas"]["CommunicationPageDtoInt64String"];
                };
            };
            /** @description `INVALID_PARAMETER`: A bad field, or a window over 24 hours; `MISSING_PARAMETER`: type, startTime or endTime missing; `LIMIT_NOT_VALID`: limit out of range; `MALFORMED_JSON`: A body that is not valid JSON, nests deeper than 32 levels or holds too many members */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `BAD_CREDENTIALS`: Missing, invalid or expired token, or unknown or deactivated user */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `ACCESS_ALL_TEAM_LEADS`: teamView without the permission */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: A body over 1 MB, or a Content-Length that says so (then answered before the body is sent) */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: A body that is not JSON in UTF-8 */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `TOO_MANY_REQUESTS`: Past the caller's requests a minute (its API client's, or its user's): wait Retry-After seconds */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: The database is unreachable, or the request got no answer within REQUEST_TIMEOUT_MS: retry after Retry-After seconds, with backoff */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listCallChanges: {
        parameters: {
            query?: {
                /** @description Where to go on from: the `nextCursor` of the page before. Without `cursor` and `since`, the feed starts at the oldest change kept. */
                cursor?: string;
                /** @description Start from a time instead, epoch milliseconds: the changes made at or after it (by the database clock), and maybe a few just before. For the first read after a resync: the time the resync started. Not with `cursor`. */
                since?: number | bigint;
                /** @description Changes per page. */
                limit?: number;
                /** @description The changes of your whole team's calls on the leads you may manage, not only of yours; needs OWNER, ADMIN or ACCESS_ALL_TEAM_LEADS (403 ACCESS_ALL_TEAM_LEADS otherwise). Keep it the same along one cursor. */
                teamView?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of changes; `nextCursor` is where the next one starts. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "limit": 100,
                     *       "pageData": [
                     *         {
                     *           "id": 563172647619609,
                     *           "userId": 100234,
                     *           "leadId": 100001,
                     *           "leadPhoneNumber": "5865865860",
                     *           "direction": "Outbound",
                     *           "callingOutcome": "VoiceMessage",
                     *           "createTime": "2026-04-22 10:15:30",
                     *           "updateTime": "2026-04-22 10:15:30",
                     *           "note": "Discussed Austin inventory, will send pre-approval doc tomorrow.",
                     *           "agentId": 100234,
                     *           "changeType": "created"
                     *         },
                     *         {
                     *           "id": 563172647619608,
                     *           "dialerCallRecordId": 400000012345,
                     *           "userId": 100234,
                     *           "userPhoneNumber": "+14155550100",
                     *           "leadId": 100001,
                     *           "leadPhoneNumber": "+14155550199",
                     *           "direction": "Outbound",
                     *           "status": "Completed",
                     *           "startTime": "2026-04-22 10:15:00",
                     *           "endTime": "2026-04-22 10:18:45",
                     *           "duration": 225,
                     *           "callingOutcome": "Talked",
                     *           "rateScore": 3,
                     *           "recordingSwitch": true,
                     *           "showUserNumber": "+14155550100",
                     *           "createTime": "2026-04-22 10:15:00",
                     *           "updateTime": "2026-04-23 09:30:12",
                     *           "note": "Discussed pre-approval timeline.",
                     *           "isMachineAnswered": false,
                     *           "price": 0.02,
                     *           "agentId": 100234,
                     *           "elapsedTime": "00:08",
                     *           "changeType": "updated"
                     *         }
                     *       ],
                     *       "nextCursor": "djEuMTAy",
                     *       "hasMore": false
                     *     }
                     */
                    "application/json": components["schemas"]["CallChangePageDto"];
                    "application/json; int64=string": components["schemas"]["CallChangePageDtoInt64String"];
                };
            };
            /** @description `INVALID_PARAMETER`: A bad cursor, since or teamView; `LIMIT_NOT_VALID`: limit out of range */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `BAD_CREDENTIALS`: Missing, invalid or expired token, or unknown or deactivated user */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `ACCESS_ALL_TEAM_LEADS`: teamView without the permission */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `CURSOR_EXPIRED`: The cursor is older than the retention */
            410: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `TOO_MANY_REQUESTS`: Past the caller's requests a minute (its API client's, or its user's): wait Retry-After seconds */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: The database is unreachable, or the request got no answer within REQUEST_TIMEOUT_MS: retry after Retry-After seconds, with backoff */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    subscribeWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe. Send a new unique value (a UUID, say) with each new request, and the same value with every retry of it. Within 24 h a retry with the same key and the same body is not executed again: it gets the answer of the request that wrote (the same status, body and Location), with `Idempotent-Replayed: true`, also when that answer never reached you (a 503, a broken connection). The same key with another body or on another route is refused with 409 IDEMPOTENCY_KEY_REUSED. Keys are per caller. An error answer is not stored: correct the request and send it with the same key. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookDto"];
            };
        };
        responses: {
            /** @description Subscribed. The secret is shown this once. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description `true` on the stored answer of an earlier request with the same Idempotency-Key (nothing was executed again); absent on an answer of this request. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "subscribeId": 892505117106176,
                     *       "teamId": 1,
                     *       "listId": 6,
                     *       "callbackUrl": "https://hooks.example.com/lofty/calls",
                     *       "limit": 100,
                     *       "events": [
                     *         "created"
                     *       ],
                     *       "secret": "whsec_3fJ0kzQ8sV1..."
                     *     }
                     */
                    "application/json": components["schemas"]["CreatedWebhookDto"];
                    "application/json; int64=string": components["schemas"]["CreatedWebhookDtoInt64String"];
                };
            };
            /** @description `MISSING_PARAMETER`: listId or callbackUrl missing; `LIST_NOT_SUPPORTED`: Another event list; `INVALID_PARAMETER`: A callback URL that is not https or not public; `LIMIT_NOT_VALID`: limit out of range; `MALFORMED_JSON`: A body that is not valid JSON, nests deeper than 32 levels or holds too many members; `IDEMPOTENCY_KEY_INVALID`: An Idempotency-Key that is empty, too long or not visible ASCII */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `BAD_CREDENTIALS`: Missing, invalid or expired token, or unknown or deactivated user */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REUSED`: The Idempotency-Key was sent before with another body or on another route */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: A body over 1 MB, or a Content-Length that says so (then answered before the body is sent) */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: A body that is not JSON in UTF-8 */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `TOO_MANY_REQUESTS`: Past the caller's requests a minute (its API client's, or its user's): wait Retry-After seconds */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: The database is unreachable, or the request got no answer within REQUEST_TIMEOUT_MS: retry after Retry-After seconds, with backoff */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your subscriptions. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "webhooks": [
                     *         {
                     *           "subscribeId": 892505117106176,
                     *           "teamId": 1,
                     *           "listId": 6,
                     *           "callbackUrl": "https://hooks.example.com/lofty/calls",
                     *           "limit": 100,
                     *           "events": [
                     *             "created"
                     *           ],
                     *           "status": "ACTIVE",
                     *           "createTime": "2026-11-26 21:00:00"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookListDto"];
                    "application/json; int64=string": components["schemas"]["WebhookListDtoInt64String"];
                };
            };
            /** @description `BAD_CREDENTIALS`: Missing, invalid or expired token, or unknown or deactivated user */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `TOO_MANY_REQUESTS`: Past the caller's requests a minute (its API client's, or its user's): wait Retry-After seconds */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: The database is unreachable, or the request got no answer within REQUEST_TIMEOUT_MS: retry after Retry-After seconds, with backoff */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description ID of one of your subscriptions. */
                subscribeId: number | bigint;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "subscribeId": 892505117106176,
                     *       "deleted": true
                     *     }
                     */
                    "application/json": components["schemas"]["DeletedWebhookDto"];
                    "application/json; int64=string": components["schemas"]["DeletedWebhookDtoInt64String"];
                };
            };
            /** @description `INVALID_PARAMETER`: subscribeId is not a positive int64; `PERMISSION_DENIED`: No such resource, or its lead is not manageable by the caller */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `BAD_CREDENTIALS`: Missing, invalid or expired token, or unknown or deactivated user */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `TOO_MANY_REQUESTS`: Past the caller's requests a minute (its API client's, or its user's): wait Retry-After seconds */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: The database is unreachable, or the request got no answer within REQUEST_TIMEOUT_MS: retry after Retry-After seconds, with backoff */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    resumeWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description ID of one of your subscriptions. */
                subscribeId: number | bigint;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The subscription, active. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "subscribeId": 892505117106176,
                     *       "teamId": 1,
                     *       "listId": 6,
                     *       "callbackUrl": "https://hooks.example.com/lofty/calls",
                     *       "limit": 100,
                     *       "events": [
                     *         "created"
                     *       ],
                     *       "status": "ACTIVE",
                     *       "createTime": "2026-11-26 21:00:00"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookDto"];
                    "application/json; int64=string": components["schemas"]["WebhookDtoInt64String"];
                };
            };
            /** @description `INVALID_PARAMETER`: subscribeId is not a positive int64; `PERMISSION_DENIED`: No such resource, or its lead is not manageable by the caller */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `BAD_CREDENTIALS`: Missing, invalid or expired token, or unknown or deactivated user */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `TOO_MANY_REQUESTS`: Past the caller's requests a minute (its API client's, or its user's): wait Retry-After seconds */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: The database is unreachable, or the request got no answer within REQUEST_TIMEOUT_MS: retry after Retry-After seconds, with backoff */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    pingWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description ID of one of your subscriptions. */
                subscribeId: number | bigint;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ping was sent (or refused by the target policy); how it went. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PingResultDto"];
                    "application/json; int64=string": components["schemas"]["PingResultDtoInt64String"];
                };
            };
            /** @description `INVALID_PARAMETER`: subscribeId is not a positive int64; `PERMISSION_DENIED`: No such resource, or its lead is not manageable by the caller */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `BAD_CREDENTIALS`: Missing, invalid or expired token, or unknown or deactivated user */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `TOO_MANY_REQUESTS`: Past the caller's requests a minute (its API client's, or its user's): wait Retry-After seconds */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: The database is unreachable, or the request got no answer within REQUEST_TIMEOUT_MS: retry after Retry-After seconds, with backoff */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    redeliverWebhookEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description ID of one of your subscriptions. */
                subscribeId: number | bigint;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RedeliverWebhookDto"];
            };
        };
        responses: {
            /** @description How many events were queued again, and the eventIds not found among this subscription’s. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "subscribeId": 892505117106176,
                     *       "status": "ACTIVE",
                     *       "queued": 1,
                     *       "notFound": [
                     *         892505129402369
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["RedeliveryDto"];
                    "application/json; int64=string": components["schemas"]["RedeliveryDtoInt64String"];
                };
            };
            /** @description `INVALID_PARAMETER`: subscribeId is not a positive int64; `PERMISSION_DENIED`: No such resource, or its lead is not manageable by the caller; `MISSING_PARAMETER`: Neither eventIds nor since; `INVALID_PARAMETER`: Both eventIds and since; `MALFORMED_JSON`: A body that is not valid JSON, nests deeper than 32 levels or holds too many members */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `BAD_CREDENTIALS`: Missing, invalid or expired token, or unknown or deactivated user */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: A body over 1 MB, or a Content-Length that says so (then answered before the body is sent) */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: A body that is not JSON in UTF-8 */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `TOO_MANY_REQUESTS`: Past the caller's requests a minute (its API client's, or its user's): wait Retry-After seconds */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: The database is unreachable, or the request got no answer within REQUEST_TIMEOUT_MS: retry after Retry-After seconds, with backoff */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getWebhookDeliveries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description ID of one of your subscriptions. */
                subscribeId: number | bigint;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The subscription and how its deliveries go. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "webhook": {
                     *         "subscribeId": 892505117106176,
                     *         "teamId": 1,
                     *         "listId": 6,
                     *         "callbackUrl": "https://hooks.example.com/lofty/calls",
                     *         "limit": 100,
                     *         "events": [
                     *           "created"
                     *         ],
                     *         "status": "ACTIVE",
                     *         "createTime": "2026-11-26 21:00:00"
                     *       },
                     *       "backlog": 0,
                     *       "failedEvents": 0,
                     *       "failedDeliveries24h": 1,
                     *       "recentDeliveries": [
                     *         {
                     *           "time": "2026-11-26 21:05:14",
                     *           "events": 2,
                     *           "success": true,
                     *           "statusCode": 200,
                     *           "durationMs": 31
                     *         },
                     *         {
                     *           "time": "2026-11-26 21:05:09",
                     *           "events": 2,
                     *           "success": false,
                     *           "statusCode": 503,
                     *           "error": "HTTP 503",
                     *           "durationMs": 12
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["DeliveryReportDto"];
                    "application/json; int64=string": components["schemas"]["DeliveryReportDtoInt64String"];
                };
            };
            /** @description `INVALID_PARAMETER`: subscribeId is not a positive int64; `PERMISSION_DENIED`: No such resource, or its lead is not manageable by the caller */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `BAD_CREDENTIALS`: Missing, invalid or expired token, or unknown or deactivated user */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `TOO_MANY_REQUESTS`: Past the caller's requests a minute (its API client's, or its user's): wait Retry-After seconds */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: The database is unreachable, or the request got no answer within REQUEST_TIMEOUT_MS: retry after Retry-After seconds, with backoff */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Alive. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ok"
                     *     }
                     */
                    "application/json": {
                        /** @example ok */
                        status?: string;
                    };
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ok",
                     *       "info": {
                     *         "database": {
                     *           "status": "up",
                     *           "responseTime": 2
                     *         }
                     *       },
                     *       "error": {},
                     *       "details": {
                     *         "database": {
                     *           "status": "up",
                     *           "responseTime": 2
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @example ok */
                        status?: string;
                        info?: {
                            [key: string]: Record<string, never>;
                        };
                        error?: {
                            [key: string]: Record<string, never>;
                        };
                        details?: {
                            [key: string]: Record<string, never>;
                        };
                    };
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: The database does not answer within 1 s, or the service is shutting down */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
}
