import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildOpenApiDocument, EXPOSED_HEADERS } from '../../src/app.setup';
import { serializeOpenApi } from '../../src/cli/openapi';
import { CALLS, USERS } from '../support/demo';
import { createTestApp, TestApp } from '../support/test-app';

describe('API documentation', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('openapi.json is what the code produces (run `npm run openapi` after changing the API)', () => {
    const committed = readFileSync(path.resolve(__dirname, '../../openapi.json'), 'utf8');
    expect(serializeOpenApi(buildOpenApiDocument(t.app))).toBe(committed);
  });

  it('serves the document at /docs-json and the Swagger UI at /docs', async () => {
    const json = await t.http().get('/docs-json');
    expect(json.status).toBe(200);
    expect(json.body).toEqual(buildOpenApiDocument(t.app));
    const ui = await t.http().get('/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger-ui');
  });

  it('documents every operation: a summary, its success answer with a schema and an example, its errors', () => {
    const doc = buildOpenApiDocument(t.app) as unknown as {
      paths: Record<
        string,
        Record<
          string,
          {
            summary?: string;
            security?: unknown;
            responses: Record<
              string,
              { content?: Record<string, { schema?: unknown; example?: unknown; examples?: unknown }> }
            >;
          }
        >
      >;
    };
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(9);
    for (const { name, op } of operations) {
      const success = Object.entries(op.responses).find(([status]) => status.startsWith('2'));
      const json = success?.[1].content?.['application/json'];
      expect({ name, summary: typeof op.summary, schema: json?.schema !== undefined }).toEqual({
        name,
        summary: 'string',
        schema: true,
      });
      if (!name.startsWith('GET /health')) {
        expect({ name, example: json?.example !== undefined || json?.examples !== undefined }).toEqual({
          name,
          example: true,
        });
        expect({ name, errors: Object.keys(op.responses).some((status) => status.startsWith('4')) }).toEqual({
          name,
          errors: true,
        });
      }
      if (Array.isArray(op.security) && op.security.length > 0) {
        expect({ name, has401: '401' in op.responses }).toEqual({ name, has401: true });
      }
    }
  });

  describe('for clients and linters', () => {
    interface Header {
      $ref?: string;
      required?: boolean;
    }
    interface Response {
      description: string;
      headers?: Record<string, Header>;
      content?: Record<string, { examples?: Record<string, { value: { code: string } }> }>;
    }
    interface Operation {
      operationId: string;
      tags: string[];
      security?: unknown[];
      requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
      responses: Record<string, Response>;
    }
    interface Schema {
      type?: string;
      default?: unknown;
      description?: string;
      properties?: Record<string, Schema>;
      required?: string[];
      items?: Schema;
    }
    interface Document {
      info: { license?: { name: string } };
      servers: { url: string }[];
      tags: { name: string; description?: string }[];
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, Schema>; headers: Record<string, Header> };
    }
    const doc = () => buildOpenApiDocument(t.app) as unknown as Document;
    const operations = () =>
      Object.entries(doc().paths).flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
      );
    /** The routes called without a token: the token endpoint and the probes. */
    const isPublic = (name: string) => name === 'POST /oauth/token' || name.startsWith('GET /health/');
    const isProbe = (name: string) => name.startsWith('GET /health/');

    it('names every operation with a short verb, set on each route: stable and unique', () => {
      const ids = Object.fromEntries(operations().map(({ name, op }) => [name, op.operationId]));
      // A renamed operationId breaks every client generated before: change this table on purpose only.
      expect(ids).toEqual({
        'POST /oauth/token': 'issueToken',
        'POST /v1.0/leads': 'createLead',
        'GET /v1.0/leads/{leadId}': 'getLead',
        'POST /v1.0/leads/{leadId}/assignment': 'reassignLead',
        'GET /v2.0/communication/call/{communicationId}': 'getCall',
        'PATCH /v2.0/communication/call/{communicationId}': 'editCall',
        'POST /v2.0/communication/call/batch': 'getCallsBatch',
        'GET /v1.0/calls/{callId}': 'getLegacyCall',
        'GET /v1.0/calls': 'listLeadCalls',
        'GET /v1.0/communication/call': 'listLeadCallHistory',
        'GET /v1.0/communication/call/changes': 'listCallChanges',
        'POST /v1.0/logType': 'createManualLog',
        'GET /v1.0/logType': 'listManualLogs',
        'GET /v2.0/communication/email/{communicationId}': 'getEmail',
        'GET /v2.0/communication/text/{communicationId}': 'getText',
        'POST /v1.0/dialer/calls': 'recordDialerCall',
        'POST /v1.0/agent/communication': 'searchCommunications',
        'POST /v1.0/webhook': 'subscribeWebhook',
        'GET /v1.0/webhooks': 'listWebhooks',
        'DELETE /v1.0/webhook/{subscribeId}': 'deleteWebhook',
        'POST /v1.0/webhook/{subscribeId}/resume': 'resumeWebhook',
        'POST /v1.0/webhook/{subscribeId}/ping': 'pingWebhook',
        'POST /v1.0/webhook/{subscribeId}/redeliver': 'redeliverWebhookEvents',
        'GET /v1.0/webhook/{subscribeId}/deliveries': 'getWebhookDeliveries',
        'GET /health/live': 'getLiveness',
        'GET /health/ready': 'getReadiness',
      });
      const names = Object.values(ids);
      expect(names.filter((id) => !/^[a-z][A-Za-z]+$/.test(id))).toEqual([]);
      expect(new Set(names).size).toBe(names.length);
    });

    it('declares its tags with descriptions, a server and a license', () => {
      const { tags, servers, info } = doc();
      const declared = new Map(tags.map((tag) => [tag.name, tag.description ?? '']));
      const used = new Set(operations().flatMap(({ op }) => op.tags));
      expect([...used].filter((tag) => !declared.has(tag))).toEqual([]);
      expect([...declared.keys()].filter((tag) => !used.has(tag))).toEqual([]);
      expect([...declared].filter(([, description]) => description.trim() === '')).toEqual([]);
      expect(servers).toEqual([{ url: '/', description: expect.any(String) as string }]);
      expect(info.license?.name).toEqual(expect.any(String));
    });

    it('says `security: []` on the routes called without a token, the bearer scheme on the others', () => {
      for (const { name, op } of operations()) {
        expect({ name, security: op.security }).toEqual({ name, security: isPublic(name) ? [] : [{ bearer: [] }] });
      }
    });

    it('describes every answer', () => {
      const empty = operations().flatMap(({ name, op }) =>
        Object.entries(op.responses)
          .filter(([, response]) => response.description.trim() === '')
          .map(([status]) => `${name} ${status}`),
      );
      expect(empty).toEqual([]);
    });

    it('types counts as integers: the only numbers are prices', () => {
      const numbers = Object.entries(doc().components.schemas).flatMap(([name, schema]) =>
        Object.entries(schema.properties ?? {})
          .filter(([, property]) => property.type === 'number' || property.items?.type === 'number')
          .map(([property]) => `${name}.${property}`),
      );
      expect(numbers.filter((field) => !field.endsWith('.price'))).toEqual([]);
      expect(numbers).toContain('CallResponseDto.price');
    });

    it('leaves a request field with a server default optional, its default in words, not as `default`', () => {
      const { schemas } = doc().components;
      const bodies = new Set(
        operations().flatMap(({ op }) =>
          Object.values(op.requestBody?.content ?? {}).map((media) => media.schema.$ref?.split('/').pop() ?? ''),
        ),
      );
      const withDefault = [...bodies].flatMap((name) =>
        Object.entries(schemas[name]?.properties ?? {})
          .filter(([, property]) => property.default !== undefined)
          .map(([property]) => `${name}.${property}`),
      );
      // openapi-typescript (defaultNonNullable) types a property with a `default` as always present.
      expect(withDefault).toEqual([]);
      const defaulted = {
        CreateLeadDto: ['hidden'],
        CreateManualLogDto: ['isPin'],
        CreateWebhookDto: ['limit', 'events'],
        SearchCommunicationsDto: ['offset', 'limit', 'teamView'],
      };
      for (const [name, fields] of Object.entries(defaulted)) {
        expect(bodies.has(name)).toBe(true);
        for (const field of fields) {
          expect({ field: `${name}.${field}`, required: schemas[name].required?.includes(field) ?? false }).toEqual({
            field: `${name}.${field}`,
            required: false,
          });
          expect(schemas[name].properties?.[field].description).toMatch(/Default `[^`]+`\.$/);
        }
      }
    });

    it('documents the answers every route gives: 429, 503, and 413, 415, 400 MALFORMED_JSON on a JSON body', () => {
      for (const { name, op } of operations()) {
        const statuses = Object.keys(op.responses);
        const codes = (status: string) =>
          Object.values(op.responses[status]?.content?.['application/json']?.examples ?? {}).map((e) => e.value.code);
        const body = op.requestBody !== undefined;
        expect({
          name,
          429: statuses.includes('429'),
          503: statuses.includes('503'),
          413: statuses.includes('413'),
          415: statuses.includes('415'),
          malformed: codes('400').includes('MALFORMED_JSON'),
        }).toEqual({
          name,
          429: !isProbe(name),
          // The readiness probe answers 503 of its own; the liveness probe never does.
          503: name !== 'GET /health/live',
          413: body,
          415: body,
          malformed: body,
        });
      }
    });

    it('declares the headers of every answer: X-Request-Id, the rate limit where counted, Retry-After', () => {
      const { components } = doc();
      for (const { name, op } of operations()) {
        for (const [status, response] of Object.entries(op.responses)) {
          const headers = response.headers ?? {};
          for (const header of Object.values(headers)) {
            if (header.$ref !== undefined) {
              expect(components.headers[header.$ref.replace('#/components/headers/', '')]).toBeDefined();
            }
          }
          const counted = !isProbe(name) && status !== '413' && status !== '503';
          expect({
            answer: `${name} ${status}`,
            requestId: 'X-Request-Id' in headers,
            rateLimit: ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'].map((h) => h in headers),
            retryAfter: 'Retry-After' in headers,
          }).toEqual({
            answer: `${name} ${status}`,
            requestId: true,
            rateLimit: Array(3).fill(counted),
            retryAfter: status === '429' || status === '503',
          });
        }
      }
    });

    it('lets a browser read every header it declares (CORS exposes them)', () => {
      const declared = new Set(
        operations().flatMap(({ op }) => Object.values(op.responses).flatMap((r) => Object.keys(r.headers ?? {}))),
      );
      const exposed = new Set(EXPOSED_HEADERS.map((name) => name.toLowerCase()));
      expect([...declared].filter((name) => !exposed.has(name.toLowerCase()))).toEqual([]);
    });

    it('answers with the headers it declares as always there', async () => {
      const { paths, components } = doc();
      const required = (route: string, method: string, status: number) =>
        Object.entries(paths[route][method].responses[status].headers ?? {})
          .filter(
            ([, header]) =>
              (header.$ref === undefined ? header : components.headers[header.$ref.split('/').pop()!]).required,
          )
          .map(([name]) => name.toLowerCase())
          .sort();
      const present = (res: { headers: Record<string, unknown> }, names: string[]) =>
        names.filter((name) => res.headers[name] !== undefined);
      const auth = { Authorization: `Bearer ${t.token(USERS.agent)}` };

      const call = await t.http().get(`/v2.0/communication/call/${CALLS.dialer}`).set(auth);
      const callHeaders = required('/v2.0/communication/call/{communicationId}', 'get', 200);
      expect(callHeaders).toEqual([
        'etag',
        'x-ratelimit-limit',
        'x-ratelimit-remaining',
        'x-ratelimit-reset',
        'x-request-id',
      ]);
      expect(present(call, callHeaders)).toEqual(callHeaders);
      const unchanged = await t
        .http()
        .get(`/v2.0/communication/call/${CALLS.dialer}`)
        .set({ ...auth, 'If-None-Match': String(call.headers.etag) });
      expect(unchanged.status).toBe(304);
      const notModified = required('/v2.0/communication/call/{communicationId}', 'get', 304);
      expect(present(unchanged, notModified)).toEqual(notModified);

      const lead = await t.http().post('/v1.0/leads').set(auth).send({ firstName: 'Maya' });
      expect(lead.status).toBe(201);
      const created = required('/v1.0/leads', 'post', 201);
      expect(created).toContain('location');
      expect(present(lead, created)).toEqual(created);

      const live = await t.http().get('/health/live');
      expect(present(live, required('/health/live', 'get', 200))).toEqual(['x-request-id']);
    });
  });

  describe('Get Call', () => {
    type Schema = { properties: Record<string, Record<string, unknown>>; required: string[] };
    const doc = () =>
      buildOpenApiDocument(t.app) as unknown as {
        paths: Record<
          string,
          Record<
            string,
            {
              responses: Record<
                string,
                { content: { 'application/json': { examples: Record<string, { value: unknown }> } } }
              >;
              security: unknown;
              parameters: { schema: unknown }[];
            }
          >
        >;
        components: { schemas: Record<string, Schema>; securitySchemes: Record<string, unknown> };
      };
    const operation = () => doc().paths['/v2.0/communication/call/{communicationId}'].get;

    it('documents every field of the 200 schema with type, int64 format, enum, description and example', () => {
      const schema = doc().components.schemas.CallResponseDto;
      expect(Object.keys(schema.properties)).toHaveLength(22);
      for (const field of ['id', 'dialerCallRecordId', 'userId', 'leadId', 'agentId']) {
        expect(schema.properties[field]).toMatchObject({ type: 'integer', format: 'int64' });
      }
      for (const property of Object.values(schema.properties)) {
        expect(property.description).toEqual(expect.any(String));
        expect(property.example).toBeDefined();
      }
      const statusRef = (schema.properties.status.allOf as { $ref: string }[])[0].$ref;
      expect(statusRef).toBe('#/components/schemas/CallStatus');
      expect(doc().components.schemas.CallStatus).toMatchObject({
        type: 'string',
        enum: ['Completed', 'Missed', 'Failed', 'Busy', 'NoAnswer', 'VoiceMail'],
      });
      expect(schema.required.sort()).toEqual(['agentId', 'createTime', 'id', 'leadId', 'updateTime', 'userId']);
    });

    it('documents the path parameter, the bearer scheme, the 400 and 401 answers', () => {
      const op = operation();
      expect(op.parameters[0].schema).toEqual({
        type: 'integer',
        format: 'int64',
        minimum: 1,
        example: 563172647619608,
      });
      expect(op.security).toEqual([{ bearer: [] }]);
      expect(doc().components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      const codes = Object.values(op.responses['400'].content['application/json'].examples).map(
        (e) => (e.value as { code: string }).code,
      );
      expect(codes.sort()).toEqual(['INVALID_PARAMETER', 'PERMISSION_DENIED']);
      expect(op.responses['401']).toBeDefined();
    });

    it('gives the demo logged call as the other 200 example, as the service answers it', async () => {
      const example = operation().responses['200'].content['application/json'].examples.logged.value;
      const res = await t
        .http()
        .get(`/v2.0/communication/call/${CALLS.logged}`)
        .set('Authorization', `Bearer ${t.token(USERS.agent)}`);
      expect(res.text).toBe(JSON.stringify(example));
    });

    it('gives the source document example as the 200 example, as the service answers it', async () => {
      const example = operation().responses['200'].content['application/json'].examples.dialer.value;
      const res = await t
        .http()
        .get(`/v2.0/communication/call/${CALLS.dialer}`)
        .set('Authorization', `Bearer ${t.token(USERS.agent)}`);
      expect(res.text).toBe(JSON.stringify(example));
    });
  });
});
