import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Response } from 'supertest';
import { ApiClientEntity } from '../../src/auth/api-client.entity';
import { hashClientSecret } from '../../src/auth/client-secret';
import { Scope } from '../../src/auth/scopes';
import { Clock } from '../../src/common/clock';
import { BODY_LIMIT } from '../../src/common/http/request-body';
import { DEFAULT_RATE_LIMITS } from '../../src/config/app-config';
import { databaseTimeout } from '../../src/database/database-errors';
import { SqlReader } from '../../src/database/sql-reader';
import { MemoryStore } from '../../src/limits/rate-limit-store';
import { CALLS, USERS } from '../support/demo';
import { fakeDns } from '../support/fake-dns';
import { Factory, freshId } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Every error example of the OpenAPI document is an answer the service gives: for each documented example
 * (route, status, example) a request from the table below provokes it, and the answer is exactly the
 * documented status and body. A documented example without a request in the table fails, and so does a
 * request whose answer differs from the document (`npm run openapi` keeps openapi.json and the code alike). The
 * answer also carries every header the document declares as always there.
 */

interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, OpenApiResponse> }>>;
  components: { headers?: Record<string, OpenApiHeader> };
}

interface OpenApiHeader {
  $ref?: string;
  required?: boolean;
}

interface OpenApiResponse {
  headers?: Record<string, OpenApiHeader>;
  content?: { 'application/json'?: { example?: unknown; examples?: Record<string, { value: unknown }> } };
}

interface DocumentedError {
  /** `METHOD /path status name`, the key of the table. */
  key: string;
  method: string;
  path: string;
  status: number;
  body: unknown;
  /** The headers the answer always carries, lowercase. */
  headers: string[];
}

/** The examples of every error answer (4xx, 5xx) of the committed document, named or not. */
function documentedErrors(doc: OpenApiDocument): DocumentedError[] {
  const resolve = (header: OpenApiHeader) =>
    header.$ref === undefined ? header : (doc.components.headers?.[header.$ref.split('/').pop() ?? ''] ?? {});
  return Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations).flatMap(([method, operation]) =>
      Object.entries(operation.responses)
        .filter(([status]) => Number(status) >= 400)
        .flatMap(([status, response]) => {
          const json = response.content?.['application/json'];
          const examples = json?.examples ?? (json?.example === undefined ? {} : { example: { value: json.example } });
          return Object.entries(examples).map(([name, example]) => ({
            key: `${method.toUpperCase()} ${path} ${status} ${name}`,
            method,
            path,
            status: Number(status),
            body: example.value,
            headers: Object.entries(response.headers ?? {})
              .filter(([, header]) => resolve(header).required === true)
              .map(([name]) => name.toLowerCase()),
          }));
        }),
    ),
  );
}

const DOCUMENTED = documentedErrors(
  JSON.parse(readFileSync(path.resolve(__dirname, '../../openapi.json'), 'utf8')) as OpenApiDocument,
);

// ---------------------------------------------------------------------------------------------------------
// How to provoke each documented example

/** An API client of a demo user holding scopes (registered once for each of these objects). */
interface ClientCaller {
  clientOf: string;
  scopes: string[];
}

interface Provocation {
  /** Who sends it: a demo user (by id) or an API client of one. Without a token when absent. */
  as?: string | ClientCaller;
  /** Values of the path's `{parameters}`, by default those of {@link DEFAULT_PARAMS}. */
  params?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** Content-Type (a supertest shorthand such as `form`); JSON for an object body by default. */
  type?: string;
  body?: string | object;
  /** Brings the service into the state the answer needs, before the request; mocks are restored after. */
  arrange?: (context: { t: TestApp; send: (provocation: Provocation) => Promise<Response> }) => Promise<void> | void;
}

/** Demo lead 100001: team 1, assigned to 100234, not hidden. */
const LEAD = '100001';
const DEFAULT_PARAMS: Record<string, string> = {
  communicationId: CALLS.dialer,
  callId: CALLS.dialer,
  leadId: LEAD,
  subscribeId: freshId(),
};

const NO_TOKEN: Provocation = {};
/** An API client of a known secret, holding dialer:write only. */
const SCOPED_CLIENT = { id: 'cl_documented_scope', secret: 'documented-scope-secret' };
const DIALER_CLIENT: ClientCaller = { clientOf: USERS.agent, scopes: [Scope.DialerWrite] };

/** A finished dialer call on the demo lead, with the required fields but its dialerCallRecordId. */
const DIALER_CALL = {
  communicationType: 'MANUAL',
  leadId: LEAD,
  userId: USERS.agent,
  direction: 'Outbound',
  status: 'Completed',
  startTime: '2026-05-02 14:00:00',
  duration: 225,
  recordingSwitch: true,
  isMachineAnswered: false,
};
/** The dialer record id of the documented CONFLICT. */
const RECORDED_BEFORE = '400000012399';

const LOG_CALL = { leadId: LEAD, logType: 'logCall', content: 'Left a message.' };
const SUBSCRIPTION = { listId: 6, callbackUrl: 'https://hooks.example.com/lofty/calls' };

/** Every route that needs a token. */
const TOKEN_ROUTES = [
  'POST /v1.0/leads',
  'GET /v1.0/leads/{leadId}',
  'POST /v1.0/leads/{leadId}/assignment',
  'GET /v2.0/communication/call/{communicationId}',
  'PATCH /v2.0/communication/call/{communicationId}',
  'POST /v2.0/communication/call/batch',
  'GET /v1.0/calls/{callId}',
  'GET /v1.0/calls',
  'GET /v1.0/communication/call',
  'POST /v1.0/agent/communication',
  'GET /v1.0/communication/call/changes',
  'GET /v2.0/communication/email/{communicationId}',
  'GET /v2.0/communication/text/{communicationId}',
  'GET /v1.0/logType',
  'POST /v1.0/logType',
  'POST /v1.0/dialer/calls',
  'POST /v1.0/webhook',
  'GET /v1.0/webhooks',
  'DELETE /v1.0/webhook/{subscribeId}',
  'POST /v1.0/webhook/{subscribeId}/resume',
  'GET /v1.0/webhook/{subscribeId}/deliveries',
  'POST /v1.0/webhook/{subscribeId}/ping',
  'POST /v1.0/webhook/{subscribeId}/redeliver',
];

/** Every route that reads a JSON body (the token endpoint reads a form too, and documents its own refusals). */
const JSON_BODY_ROUTES = [
  'POST /v1.0/leads',
  'POST /v1.0/leads/{leadId}/assignment',
  'PATCH /v2.0/communication/call/{communicationId}',
  'POST /v2.0/communication/call/batch',
  'POST /v1.0/agent/communication',
  'POST /v1.0/logType',
  'POST /v1.0/dialer/calls',
  'POST /v1.0/webhook',
  'POST /v1.0/webhook/{subscribeId}/redeliver',
];

/**
 * Past the limit, half a minute before the window ends. The suite's app has the default limits, which the examples
 * name; no request of the suite reaches them, as every count is 1 (see beforeEach) but here.
 */
const OVER_THE_LIMIT: Provocation['arrange'] = ({ t }) => {
  jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(Date.UTC(2026, 10, 26, 12, 0, 30));
  jest.spyOn(MemoryStore.prototype, 'hit').mockReturnValue(Number.MAX_SAFE_INTEGER);
};

/** The database gives up on every read (the caller, or the API client, is read first). */
const DATABASE_DOWN: Provocation['arrange'] = ({ t }) => {
  jest.spyOn(t.app.get(SqlReader), 'query').mockRejectedValue(databaseTimeout('no answer within 10000 ms'));
};

/** The same provocations for several routes: `{'GET /a': {'400 X': p}}` is the entry `GET /a 400 X`. */
function forEachRoute(routes: string[], cases: Record<string, Provocation>): Record<string, Provocation> {
  return Object.fromEntries(
    routes.flatMap((route) =>
      Object.entries(cases).map(([answer, provocation]) => [`${route} ${answer}`, provocation]),
    ),
  );
}

/**
 * The Idempotency-Key refusals of a route that creates something: a key with a space; and a key sent with
 * one body (which the route takes) and then with another.
 */
function idempotencyKeyErrors(
  route: string,
  as: string | ClientCaller,
  body: object,
  otherBody: object,
): Record<string, Provocation> {
  const key = `documented-${route.replace(/\W+/g, '-')}`;
  return {
    [`${route} 400 IDEMPOTENCY_KEY_INVALID`]: { as, headers: { 'Idempotency-Key': 'order 7' }, body },
    [`${route} 409 IDEMPOTENCY_KEY_REUSED`]: {
      as,
      headers: { 'Idempotency-Key': key },
      body: otherBody,
      arrange: async ({ send }) => {
        // A webhook subscription's callback host resolves to a public address.
        fakeDns({ 'hooks.example.com': ['93.184.216.34'] });
        const first = await send({ as, headers: { 'Idempotency-Key': key }, body });
        expect(first.status).toBeLessThan(300);
      },
    },
  };
}

/** By `METHOD /path status example`: the request that gets the documented answer. */
const PROVOKE: Record<string, Provocation> = {
  'POST /oauth/token 400 MISSING_PARAMETER': {
    type: 'form',
    body: 'grant_type=client_credentials&client_id=cl_unknown',
  },
  'POST /oauth/token 400 INVALID_PARAMETER': {
    body: { grant_type: 'client_credentials', client_id: 5, client_secret: 'secret' },
  },
  'POST /oauth/token 400 PARAMETER_TOO_LONG': {
    type: 'form',
    body: `grant_type=client_credentials&client_id=${'a'.repeat(513)}&client_secret=secret`,
  },
  'POST /oauth/token 400 MALFORMED_JSON': { type: 'json', body: '{"grant_type": "client_credentials",' },
  'POST /oauth/token 400 UNSUPPORTED_GRANT_TYPE': { type: 'form', body: 'grant_type=password' },
  'POST /oauth/token 400 invalid_scope': {
    type: 'form',
    body: `grant_type=client_credentials&client_id=${SCOPED_CLIENT.id}&client_secret=${SCOPED_CLIENT.secret}&scope=admin`,
    arrange: async ({ t }) => {
      await t.dataSource.getRepository(ApiClientEntity).insert({
        id: SCOPED_CLIENT.id,
        secretHash: hashClientSecret(SCOPED_CLIENT.secret),
        userId: USERS.agent,
        name: 'documented scope',
        scopes: Scope.DialerWrite,
        createdAt: new Date('2026-01-01T00:00:00Z'),
        revokedAt: null,
      });
    },
  },
  'POST /oauth/token 401 BAD_CREDENTIALS': {
    type: 'form',
    body: 'grant_type=client_credentials&client_id=cl_unknown&client_secret=wrong',
  },
  'POST /oauth/token 413 PAYLOAD_TOO_LARGE': {
    type: 'form',
    body: `grant_type=client_credentials&client_id=${'a'.repeat(20_000)}`,
  },
  'POST /oauth/token 415 UNSUPPORTED_MEDIA_TYPE': { type: 'text/plain', body: 'grant_type=client_credentials' },
  'POST /oauth/token 429 TOO_MANY_REQUESTS': { arrange: OVER_THE_LIMIT },
  'POST /oauth/token 503 SERVICE_UNAVAILABLE': {
    type: 'form',
    body: 'grant_type=client_credentials&client_id=cl_unknown&client_secret=secret',
    arrange: DATABASE_DOWN,
  },

  'POST /v1.0/agent/communication 400 INVALID_PARAMETER': {
    as: USERS.agent,
    body: { type: 'CALL', startTime: 0, endTime: 86_400_001 },
  },
  'POST /v1.0/agent/communication 400 MISSING_PARAMETER': { as: USERS.agent, body: { type: 'CALL', endTime: 1 } },
  'POST /v1.0/agent/communication 400 LIMIT_NOT_VALID': {
    as: USERS.agent,
    body: { type: 'CALL', startTime: 0, endTime: 1, limit: 0 },
  },
  'POST /v1.0/agent/communication 403 ACCESS_ALL_TEAM_LEADS': {
    as: USERS.agent,
    body: { type: 'CALL', startTime: 0, endTime: 1, teamView: true },
  },
  'GET /v1.0/communication/call/changes 400 INVALID_PARAMETER': {
    as: USERS.agent,
    query: { cursor: Buffer.from('v1.1').toString('base64url'), since: '1' },
  },
  'GET /v1.0/communication/call/changes 400 LIMIT_NOT_VALID': { as: USERS.agent, query: { limit: '0' } },
  'GET /v1.0/communication/call/changes 403 ACCESS_ALL_TEAM_LEADS': { as: USERS.agent, query: { teamView: 'true' } },
  'GET /v1.0/communication/call/changes 410 CURSOR_EXPIRED': {
    as: USERS.agent,
    query: { cursor: Buffer.from('v1.0').toString('base64url') },
    // The purge went past the first change: a cursor from before it has missed what it deleted.
    arrange: async ({ t }) => {
      await t.dataSource.query('UPDATE call_change_marks SET purged_seq = 1 WHERE id = 1 AND purged_seq < 1');
    },
  },

  'POST /v1.0/leads 400 MISSING_PARAMETER': { as: USERS.agent, body: { hidden: true } },
  'POST /v1.0/leads 400 INVALID_PARAMETER': { as: USERS.agent, body: { firstName: 'Maya', assignedUserId: '100999' } },
  'POST /v1.0/leads 400 PARAMETER_TOO_LONG': { as: USERS.agent, body: { firstName: 'M'.repeat(101) } },
  'GET /v1.0/leads/{leadId} 400 INVALID_PARAMETER': { as: USERS.agent, params: { leadId: 'abc' } },
  'GET /v1.0/leads/{leadId} 400 PERMISSION_DENIED': { as: USERS.unrelatedAgent },
  'POST /v1.0/leads/{leadId}/assignment 400 INVALID_PARAMETER': {
    as: USERS.admin,
    params: { leadId: 'abc' },
    body: { assignedUserId: USERS.unrelatedAgent },
  },
  'POST /v1.0/leads/{leadId}/assignment 400 PERMISSION_DENIED': {
    as: USERS.otherTeamAdmin,
    body: { assignedUserId: USERS.unrelatedAgent },
  },
  'POST /v1.0/leads/{leadId}/assignment 400 MISSING_PARAMETER': { as: USERS.admin, body: {} },
  'POST /v1.0/leads/{leadId}/assignment 403 INSUFFICIENT_ROLE': {
    as: USERS.agent,
    body: { assignedUserId: USERS.unrelatedAgent },
  },

  'GET /v2.0/communication/call/{communicationId} 400 INVALID_PARAMETER': {
    as: USERS.agent,
    params: { communicationId: 'abc' },
  },
  'GET /v2.0/communication/call/{communicationId} 400 PERMISSION_DENIED': { as: USERS.unrelatedAgent },
  'PATCH /v2.0/communication/call/{communicationId} 400 INVALID_PARAMETER': { as: USERS.agent, body: { duration: 1 } },
  'PATCH /v2.0/communication/call/{communicationId} 400 PERMISSION_DENIED': {
    as: USERS.unrelatedAgent,
    body: { note: 'Called back.' },
  },
  // No call is ever at version 0.
  'PATCH /v2.0/communication/call/{communicationId} 412 PRECONDITION_FAILED': {
    as: USERS.agent,
    headers: { 'If-Match': '"0"' },
    body: { note: 'Called back.' },
  },
  'GET /v1.0/calls/{callId} 400 INVALID_PARAMETER': { as: USERS.agent, params: { callId: 'abc' } },
  'GET /v1.0/calls/{callId} 400 PERMISSION_DENIED': { as: USERS.unrelatedAgent },
  'POST /v2.0/communication/call/batch 400 MISSING_PARAMETER': { as: USERS.agent, body: { communicationIds: [1] } },
  'POST /v2.0/communication/call/batch 400 INVALID_PARAMETER': { as: USERS.agent, body: { ids: [] } },
  ...forEachRoute(['GET /v1.0/calls', 'GET /v1.0/communication/call'], {
    '400 INVALID_PARAMETER': { as: USERS.agent, query: { leadId: 'abc' } },
    '400 MISSING_PARAMETER': { as: USERS.agent, query: { limit: '10' } },
    '400 LIMIT_NOT_VALID': { as: USERS.agent, query: { leadId: LEAD, limit: '0' } },
    '400 PERMISSION_DENIED': { as: USERS.unrelatedAgent, query: { leadId: LEAD } },
  }),

  ...forEachRoute(
    ['GET /v2.0/communication/email/{communicationId}', 'GET /v2.0/communication/text/{communicationId}'],
    {
      '400 INVALID_PARAMETER': { as: USERS.agent, params: { communicationId: 'abc' } },
      // DEFAULT_PARAMS name a call: of another channel, the same answer as a lead one may not manage.
      '400 PERMISSION_DENIED': { as: USERS.agent },
    },
  ),
  'GET /v1.0/logType 400 MISSING_PARAMETER': { as: USERS.agent, query: { leadId: LEAD } },
  'GET /v1.0/logType 400 INVALID_PARAMETER': {
    as: USERS.agent,
    query: { leadId: LEAD, logType: 'logCall', offset: '19991' },
  },
  'GET /v1.0/logType 400 LIMIT_NOT_VALID': {
    as: USERS.agent,
    query: { leadId: LEAD, logType: 'logCall', limit: 'ten' },
  },
  'GET /v1.0/logType 400 PERMISSION_DENIED': {
    as: USERS.unrelatedAgent,
    query: { leadId: LEAD, logType: 'logCall' },
  },

  'POST /v1.0/logType 400 MISSING_PARAMETER': { as: USERS.agent, body: { leadId: LEAD, logType: 'logCall' } },
  'POST /v1.0/logType 400 INVALID_PARAMETER': { as: USERS.agent, body: { ...LOG_CALL, logType: 'logcall' } },
  'POST /v1.0/logType 400 PARAMETER_TOO_LONG': {
    as: USERS.agent,
    body: { ...LOG_CALL, leadPhoneNumber: '5'.repeat(33) },
  },
  'POST /v1.0/logType 400 PERMISSION_DENIED': { as: USERS.unrelatedAgent, body: LOG_CALL },

  'POST /v1.0/dialer/calls 400 INVALID_PARAMETER': {
    as: DIALER_CLIENT,
    body: { ...DIALER_CALL, dialerCallRecordId: freshId(), startTime: '2026-05-02T14:00:00Z' },
  },
  // DIALER_CALL has no dialerCallRecordId of its own.
  'POST /v1.0/dialer/calls 400 MISSING_PARAMETER': { as: DIALER_CLIENT, body: DIALER_CALL },
  'POST /v1.0/dialer/calls 400 PERMISSION_DENIED': {
    as: { clientOf: USERS.otherTeamAdmin, scopes: [Scope.DialerWrite] },
    body: { ...DIALER_CALL, dialerCallRecordId: freshId(), userId: USERS.otherTeamAdmin },
  },
  'POST /v1.0/dialer/calls 400 AGENT_INACTIVE': {
    as: DIALER_CLIENT,
    body: { ...DIALER_CALL, dialerCallRecordId: freshId(), userId: USERS.deactivated },
  },
  'POST /v1.0/dialer/calls 403 INSUFFICIENT_SCOPE': {
    as: USERS.agent,
    body: { ...DIALER_CALL, dialerCallRecordId: freshId() },
  },
  'POST /v1.0/dialer/calls 409 CONFLICT': {
    as: DIALER_CLIENT,
    body: { ...DIALER_CALL, dialerCallRecordId: RECORDED_BEFORE, duration: 226 },
    arrange: async ({ send }) => {
      const first = await send({ as: DIALER_CLIENT, body: { ...DIALER_CALL, dialerCallRecordId: RECORDED_BEFORE } });
      expect(first.status).toBe(201);
    },
  },

  ...idempotencyKeyErrors('POST /v1.0/logType', USERS.agent, LOG_CALL, { ...LOG_CALL, content: 'Called back.' }),
  ...idempotencyKeyErrors('POST /v1.0/leads', USERS.agent, { firstName: 'Maya' }, { firstName: 'Mia' }),
  ...idempotencyKeyErrors(
    'POST /v1.0/dialer/calls',
    DIALER_CLIENT,
    { ...DIALER_CALL, dialerCallRecordId: freshId() },
    { ...DIALER_CALL, dialerCallRecordId: freshId() },
  ),
  ...idempotencyKeyErrors('POST /v1.0/webhook', USERS.agent, SUBSCRIPTION, { ...SUBSCRIPTION, limit: 10 }),

  'POST /v1.0/webhook 400 MISSING_PARAMETER': { as: USERS.agent, body: { listId: 6 } },
  'POST /v1.0/webhook 400 LIST_NOT_SUPPORTED': { as: USERS.agent, body: { ...SUBSCRIPTION, listId: 2 } },
  'POST /v1.0/webhook 400 INVALID_PARAMETER': {
    as: USERS.agent,
    body: { ...SUBSCRIPTION, callbackUrl: 'http://hooks.example.com/lofty/calls' },
  },
  'POST /v1.0/webhook 400 LIMIT_NOT_VALID': { as: USERS.agent, body: { ...SUBSCRIPTION, limit: 0 } },
  'POST /v1.0/webhook/{subscribeId}/redeliver 400 MISSING_PARAMETER': { as: USERS.agent, body: {} },
  'POST /v1.0/webhook/{subscribeId}/redeliver 400 INVALID_PARAMETER': {
    as: USERS.agent,
    body: { eventIds: [1], since: 0 },
  },
  // No such subscription (DEFAULT_PARAMS): the same answer as another user's.
  'POST /v1.0/webhook/{subscribeId}/redeliver 400 PERMISSION_DENIED': { as: USERS.agent, body: { since: 0 } },
  ...forEachRoute(
    [
      'DELETE /v1.0/webhook/{subscribeId}',
      'POST /v1.0/webhook/{subscribeId}/resume',
      'GET /v1.0/webhook/{subscribeId}/deliveries',
      'POST /v1.0/webhook/{subscribeId}/ping',
    ],
    {
      '400 INVALID_PARAMETER': { as: USERS.agent, params: { subscribeId: 'abc' } },
      // No such subscription (DEFAULT_PARAMS): the same answer as another user's.
      '400 PERMISSION_DENIED': { as: USERS.agent },
    },
  ),

  ...forEachRoute(TOKEN_ROUTES, {
    '401 BAD_CREDENTIALS': NO_TOKEN,
    '429 TOO_MANY_REQUESTS': { as: USERS.agent, arrange: OVER_THE_LIMIT },
    '503 SERVICE_UNAVAILABLE': { as: USERS.agent, arrange: DATABASE_DOWN },
  }),
  ...forEachRoute(JSON_BODY_ROUTES, {
    // Refused on its Content-Length, before the token is read.
    '413 PAYLOAD_TOO_LARGE': { type: 'json', body: `"${'x'.repeat(BODY_LIMIT)}"` },
    '415 UNSUPPORTED_MEDIA_TYPE': { as: USERS.agent, type: 'text/plain', body: 'Left a message.' },
    '400 MALFORMED_JSON': { as: USERS.agent, type: 'json', body: '{"leadId": 100001,' },
  }),

  'GET /health/ready 503 SERVICE_UNAVAILABLE': {
    // The database does not answer the readiness ping (its 1 s timeout runs out).
    arrange: ({ t }) => {
      jest.spyOn(t.dataSource, 'query').mockReturnValue(new Promise(() => undefined));
    },
  },
};

// ---------------------------------------------------------------------------------------------------------

describe('every documented error example is an answer the service gives', () => {
  let t: TestApp;
  let factory: Factory;

  beforeAll(async () => {
    t = await createTestApp({
      RATE_LIMIT_PER_MINUTE: String(DEFAULT_RATE_LIMITS.perMinute),
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: String(DEFAULT_RATE_LIMITS.anonymousPerMinute),
    });
    factory = new Factory(t.dataSource);
  });

  afterAll(async () => {
    await t.close();
  });

  beforeEach(() => {
    // Each request is the first of its minute: the suite's many requests reach no limit.
    jest.spyOn(MemoryStore.prototype, 'hit').mockReturnValue(1);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  const clients = new Map<ClientCaller, string>();
  const tokenOf = async (caller: string | ClientCaller): Promise<string> => {
    if (typeof caller === 'string') return t.token(caller);
    let clientId = clients.get(caller);
    if (clientId === undefined) {
      clientId = (await factory.client(caller.clientOf, caller.scopes)).clientId;
      clients.set(caller, clientId);
    }
    return t.token(caller.clientOf, { clientId, scopes: caller.scopes });
  };

  const send = async (method: string, route: string, provocation: Provocation): Promise<Response> => {
    const params = { ...DEFAULT_PARAMS, ...provocation.params };
    const url = route.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (!(name in params)) throw new Error(`No value for {${name}} of ${route}: add one to DEFAULT_PARAMS.`);
      return encodeURIComponent(params[name]);
    });
    let req = t.http()[method as 'get'](url);
    if (provocation.query !== undefined) req = req.query(provocation.query);
    if (provocation.as !== undefined) req = req.set('Authorization', `Bearer ${await tokenOf(provocation.as)}`);
    for (const [name, value] of Object.entries(provocation.headers ?? {})) req = req.set(name, value);
    if (provocation.type !== undefined) req = req.type(provocation.type);
    if (provocation.body !== undefined) req = req.send(provocation.body);
    return req;
  };

  it("finds the error examples of the document, each a {code, message} body (the token endpoint's with its OAuth error)", () => {
    expect(DOCUMENTED.length).toBeGreaterThan(0);
    // RFC 6749 names no token endpoint error for a 429 or a 5xx: those keep the plain shape.
    const isOAuthError = (route: string, status: number) => route === '/oauth/token' && status < 429;
    const isErrorBody = (body: unknown, route: string, status: number) =>
      typeof body === 'object' &&
      body !== null &&
      Object.keys(body).sort().join() ===
        (isOAuthError(route, status) ? 'code,error,error_description,message' : 'code,message') &&
      Object.values(body).every((value) => typeof value === 'string');
    expect(DOCUMENTED.filter((d) => !isErrorBody(d.body, d.path, d.status)).map((d) => d.key)).toEqual([]);
  });

  it.each(DOCUMENTED.map((documented) => [documented.key, documented] as const))(
    '%s',
    async (key, { method, path: route, status, body, headers }) => {
      const provocation = PROVOKE[key];
      if (provocation === undefined) {
        throw new Error(`No request in the table provokes the documented example "${key}": add one to PROVOKE.`);
      }
      await provocation.arrange?.({ t, send: (other) => send(method, route, other) });
      const res = await send(method, route, provocation);
      expect({ status: res.status, body: res.body as unknown }).toEqual({ status, body });
      expect(headers.filter((name) => res.headers[name] === undefined)).toEqual([]);
    },
  );

  it('has no entry for an example the document does not give', () => {
    const documented = new Set(DOCUMENTED.map((d) => d.key));
    expect(Object.keys(PROVOKE).filter((key) => !documented.has(key))).toEqual([]);
  });
});
