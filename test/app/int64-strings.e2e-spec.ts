import { buildOpenApiDocument } from '../../src/app.setup';
import { WebhookDeliveryWorker } from '../../src/webhooks/webhook-delivery.worker';
import { BIG_ID_CALL_JSON, CALLS, DIALER_CALL_JSON, PERMISSION_DENIED_JSON, USERS } from '../support/demo';
import { type SchemaObject, schemaViolations } from '../support/openapi-schema';
import { Receiver } from '../support/receiver';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Every int64 as a JSON string, for a client that asks with `Accept: application/json; int64=string` (a subscription
 * with `int64: "string"` for its callbacks), on every kind of answer; the default answers as they were, byte for
 * byte. The demo call 9007199254740993 is above 2^53: JavaScript's JSON.parse would read 9007199254740992.
 */

const STRINGS = 'application/json; int64=string';
const STRINGS_TYPE = 'application/json; charset=utf-8; int64=string';
const NUMBERS_TYPE = 'application/json; charset=utf-8';
const BIG = CALLS.above2To53;

interface Body {
  content?: Record<string, { schema: SchemaObject }>;
}

interface Document {
  paths: Record<
    string,
    Record<
      string,
      {
        responses: Record<string, Body>;
        callbacks?: Record<string, Record<string, { post: { requestBody: Body } }>>;
      }
    >
  >;
  components: { schemas: Record<string, SchemaObject> };
}

/** Whether a schema of the document holds an int64, through its references too. */
function holdsInt64(schema: SchemaObject & { format?: string }, d: Document, seen = new Set<string>()): boolean {
  if (schema.$ref !== undefined) {
    if (seen.has(schema.$ref)) return false;
    const name = schema.$ref.split('/').pop()!;
    return holdsInt64(d.components.schemas[name], d, new Set([...seen, schema.$ref]));
  }
  if (schema.format === 'int64') return true;
  const parts = [
    ...Object.values(schema.properties ?? {}),
    ...(schema.items === undefined ? [] : [schema.items]),
    ...(schema.oneOf ?? []),
    ...(schema.allOf ?? []),
  ];
  return parts.some((part) => holdsInt64(part, d, seen));
}

/** The int64 members of the answers below, each with its JSON number quoted: what the strings must be. */
const INT64_KEYS = ['id', 'dialerCallRecordId', 'userId', 'leadId', 'agentId', 'teamId', 'subscribeId', 'asOf'];
const quoted = (json: string): string =>
  json.replace(new RegExp(`"(${INT64_KEYS.join('|')})":(\\d+)`, 'g'), '"$1":"$2"');

describe('int64 values as strings (Accept: application/json; int64=string)', () => {
  let t: TestApp;
  let receiver: Receiver;

  beforeAll(async () => {
    receiver = await new Receiver().start();
    t = await createTestApp({ WEBHOOK_ALLOW_LOOPBACK_HTTP: 'true' });
  });

  afterAll(async () => {
    await t.close();
    await receiver.stop();
  });

  const auth = (userId: string = USERS.agent) => ({ Authorization: `Bearer ${t.token(userId)}` });
  const doc = () => buildOpenApiDocument(t.app) as unknown as Document;
  const getCall = (id: string, headers: Record<string, string> = {}) =>
    t
      .http()
      .get(`/v2.0/communication/call/${id}`)
      .set({ ...auth(), ...headers });

  describe('Get Call', () => {
    it('writes every id of call 9007199254740993 as a string, says so in its Content-Type, and varies with Accept', async () => {
      const res = await getCall(BIG, { Accept: STRINGS });
      expect(res.status).toBe(200);
      expect(res.text).toBe(quoted(BIG_ID_CALL_JSON));
      expect(res.text).toContain('"id":"9007199254740993","dialerCallRecordId":"9007199254740995"');
      // What a JavaScript client reads: the exact ids, the other numbers as numbers.
      const call = JSON.parse(res.text) as Record<string, unknown>;
      expect(call).toMatchObject({ id: BIG, userId: '100234', leadId: '100001', duration: 4503, price: 1.3509 });
      expect(res.headers['content-type']).toBe(STRINGS_TYPE);
      expect(res.headers['vary']).toBe('Accept');
      expect(res.headers['etag']).toBe('"1;int64=string"');
    });

    it('answers as before by default, byte for byte, with Vary: Accept', async () => {
      for (const accept of [undefined, '*/*', 'application/json']) {
        const res = await getCall(BIG, accept === undefined ? {} : { Accept: accept });
        expect(res.text).toBe(BIG_ID_CALL_JSON);
        expect(res.headers['content-type']).toBe(NUMBERS_TYPE);
        expect(res.headers['vary']).toBe('Accept');
        expect(res.headers['etag']).toBe('"1"');
      }
    });

    it.each([
      'application/json; int64=text',
      'application/json; int64=number',
      'application/json; int64=string; q=0',
      'application/json; int64=string; q=0.5, application/json',
    ])('disregards %s: the default answer, which its Content-Type tells', async (accept) => {
      const res = await getCall(CALLS.dialer, { Accept: accept });
      expect(res.status).toBe(200);
      expect(res.text).toBe(DIALER_CALL_JSON);
      expect(res.headers['content-type']).toBe(NUMBERS_TYPE);
    });

    it('answers 304 to the ETag of the representation asked for only', async () => {
      const strings = await getCall(BIG, { Accept: STRINGS, 'If-None-Match': '"1;int64=string"' });
      expect(strings.status).toBe(304);
      expect(strings.headers['etag']).toBe('"1;int64=string"');
      expect(strings.headers['vary']).toBe('Accept');
      const numbersTag = await getCall(BIG, { Accept: STRINGS, 'If-None-Match': '"1"' });
      expect(numbersTag.status).toBe(200);
      expect(numbersTag.text).toBe(quoted(BIG_ID_CALL_JSON));
      expect((await getCall(BIG, { 'If-None-Match': '"1;int64=string"' })).status).toBe(200);
      expect((await getCall(BIG, { 'If-None-Match': '"1"' })).status).toBe(304);
    });

    it('writes an error answer with the Content-Type asked for: its body has no int64, and is the same', async () => {
      const denied = await getCall('563172647619999', { Accept: STRINGS });
      expect(denied.status).toBe(400);
      expect(denied.text).toBe(PERMISSION_DENIED_JSON);
      expect(denied.headers['content-type']).toBe(STRINGS_TYPE);
      expect(denied.headers['vary']).toBe('Accept');
      const unauthenticated = await t.http().get(`/v2.0/communication/call/${BIG}`).set('Accept', STRINGS);
      expect(unauthenticated.status).toBe(401);
      expect(unauthenticated.headers['content-type']).toBe(STRINGS_TYPE);
      const byDefault = await getCall('563172647619999');
      expect(byDefault.text).toBe(PERMISSION_DENIED_JSON);
      expect(byDefault.headers['content-type']).toBe(NUMBERS_TYPE);
    });
  });

  it('writes the ids of a list as strings: a lead’s call history', async () => {
    const list = (accept?: string) =>
      t
        .http()
        .get('/v1.0/communication/call')
        .query({ leadId: '100001', limit: 10 })
        .set({ ...auth(), ...(accept === undefined ? {} : { Accept: accept }) });
    const [numbers, strings] = [await list(), await list(STRINGS)];
    expect(numbers.headers['content-type']).toBe(NUMBERS_TYPE);
    expect(numbers.text).toContain(`{"id":${BIG},`);
    expect(strings.headers['content-type']).toBe(STRINGS_TYPE);
    expect(strings.text).toBe(quoted(numbers.text));
    expect(strings.text).toContain(`{"id":"${BIG}",`);
  });

  it('writes the calls and the denied ids of a batch as strings', async () => {
    const batch = (accept?: string) =>
      t
        .http()
        .post('/v2.0/communication/call/batch')
        .set({ ...auth(), ...(accept === undefined ? {} : { Accept: accept }) })
        .send({ ids: [BIG, CALLS.email] });
    const [numbers, strings] = [await batch(), await batch(STRINGS)];
    expect(numbers.text).toBe(`{"calls":[${BIG_ID_CALL_JSON}],"denied":[${CALLS.email}]}`);
    expect(strings.status).toBe(200);
    expect(strings.text).toBe(`{"calls":[${quoted(BIG_ID_CALL_JSON)}],"denied":["${CALLS.email}"]}`);
    expect(strings.headers['content-type']).toBe(STRINGS_TYPE);
  });

  it('writes the ids of the change feed as strings, the cursor as it is', async () => {
    const feed = (accept?: string) =>
      t
        .http()
        .get('/v1.0/communication/call/changes')
        .set({ ...auth(), ...(accept === undefined ? {} : { Accept: accept }) });
    const [numbers, strings] = [await feed(), await feed(STRINGS)];
    expect(numbers.text).toContain(`${BIG_ID_CALL_JSON.slice(0, -1)},"changeType":"created"}`);
    expect(strings.headers['content-type']).toBe(STRINGS_TYPE);
    expect(strings.text).toBe(quoted(numbers.text));
    expect(strings.text).toContain(`${quoted(BIG_ID_CALL_JSON).slice(0, -1)},"changeType":"created"}`);
    expect((strings.body as { nextCursor: string }).nextCursor).toBe(
      (numbers.body as { nextCursor: string }).nextCursor,
    );
  });

  it('writes the asOf of a search as a string, which the next page takes back as it is', async () => {
    const window = { type: 'CALL', startTime: 1776816000000, endTime: 1776902400000 };
    const search = (body: object, accept?: string) =>
      t
        .http()
        .post('/v1.0/agent/communication')
        .set({ ...auth(), ...(accept === undefined ? {} : { Accept: accept }) })
        .send(body);
    const first = await search(window, STRINGS);
    expect(first.status).toBe(200);
    const { asOf } = first.body as { asOf: string };
    expect(asOf).toMatch(/^\d{13}$/);
    const next = await search({ ...window, asOf }, STRINGS);
    expect(next.text).toBe(first.text);
    expect(next.text).toBe(quoted((await search({ ...window, asOf: Number(asOf) })).text));
  });

  it('replays an idempotent write as it was answered: the ids as strings, whatever the retry asks', async () => {
    const log = (accept?: string) =>
      t
        .http()
        .post('/v1.0/logType')
        .set({ ...auth(), 'Idempotency-Key': 'int64-strings-1', ...(accept === undefined ? {} : { Accept: accept }) })
        .send({ leadId: '100001', logType: 'logCall', content: 'Called about the open house.' });
    const first = await log(STRINGS);
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe(STRINGS_TYPE);
    expect(first.text).toMatch(/^\{"logType":\{"id":"\d+","leadId":"100001",/);
    const replay = await log();
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.text).toBe(first.text);
    expect(replay.headers['content-type']).toBe(STRINGS_TYPE);
    expect(replay.headers['vary']).toBe('Accept');
  });

  it('sends the callbacks of a subscription that asked for strings with their ids as strings, the others as numbers', async () => {
    const subscribe = (path: string, extra: object) =>
      t
        .http()
        .post('/v1.0/webhook')
        .set(auth())
        .send({ listId: 6, callbackUrl: receiver.url(path), events: ['updated'], ...extra });
    const strings = await subscribe('/strings', { int64: 'string' });
    expect(strings.status).toBe(200);
    expect(strings.body).toMatchObject({ events: ['updated'], int64: 'string' });
    const numbers = await subscribe('/numbers', {});
    expect(numbers.text).not.toContain('int64');
    const listed = await t.http().get('/v1.0/webhooks').set(auth());
    expect(listed.text).toContain(`"events":["updated"],"int64":"string","status":"ACTIVE"`);

    // An edit of call 9007199254740993 (a MANUAL dialer call) is an update event.
    const edit = await t.http().patch(`/v2.0/communication/call/${BIG}`).set(auth()).send({ note: 'Called back.' });
    expect(edit.status).toBe(200);
    await t.app.get(WebhookDeliveryWorker).runOnce();
    const body = (path: string) => receiver.callbacks.find((callback) => callback.path === path)?.body;
    const update = (id: (digits: string) => string) =>
      `"timelineId":${id(BIG)},"callId":${id('9007199254740995')},"communicationType":"MANUAL",` +
      `"leadId":${id('100001')},"agentId":${id('100234')},"updateTime":"${edit.body.updateTime as string}"`;
    const [asStrings, asNumbers] = [body('/strings') ?? '', body('/numbers') ?? ''];
    expect(asStrings).toMatch(/^\{"teamId":"1","listId":6,"createdCall":\[\],"updatedCall":\[\{"eventId":"\d+",/);
    expect(asStrings).toContain(`${update((digits) => `"${digits}"`)}}]}`);
    expect(asNumbers).toMatch(/^\{"teamId":1,"listId":6,"createdCall":\[\],"updatedCall":\[\{"eventId":\d+,/);
    expect(asNumbers).toContain(`${update((digits) => digits)}}]}`);

    // As the document describes a callback of each form; and a ping of strings.
    const d = doc();
    const callbackSchema = (name: string, type: string) =>
      Object.values(d.paths['/v1.0/webhook'].post.callbacks![name])[0].post.requestBody.content![type].schema;
    const { schemas } = d.components;
    expect(schemaViolations(schemas, callbackSchema('callEvents', STRINGS), JSON.parse(asStrings))).toEqual([]);
    expect(schemaViolations(schemas, callbackSchema('callEvents', 'application/json'), JSON.parse(asNumbers))).toEqual(
      [],
    );
    const ping = await t
      .http()
      .post(`/v1.0/webhook/${String(strings.body.subscribeId)}/ping`)
      .set({ ...auth(), Accept: STRINGS });
    // The subscription was answered in numbers (no Accept), the ping in strings (asked).
    expect(ping.body).toMatchObject({ subscribeId: String(strings.body.subscribeId), delivered: true });
    const pinged = receiver.callbacks.filter((callback) => callback.path === '/strings').at(-1)?.body ?? '';
    expect(pinged).toMatch(/^\{"teamId":"1","listId":6,"ping":\{"subscribeId":"\d+","eventId":"\d+",/);
    expect(schemaViolations(schemas, callbackSchema('ping', STRINGS), JSON.parse(pinged))).toEqual([]);
  });

  describe('the OpenAPI document', () => {
    it('describes the strings as a second media type of every success answer and callback that holds an int64', () => {
      const d = doc();
      const bodies = Object.entries(d.paths).flatMap(([path, methods]) =>
        Object.entries(methods).flatMap(([method, op]) => [
          ...Object.entries(op.responses)
            .filter(([status]) => status.startsWith('2'))
            .map(([status, response]) => ({ name: `${method.toUpperCase()} ${path} ${status}`, body: response })),
          ...Object.entries(op.callbacks ?? {}).map(([name, expressions]) => ({
            name: `callback ${name}`,
            body: Object.values(expressions)[0].post.requestBody,
          })),
        ]),
      );
      expect(bodies.map(({ name }) => name)).toEqual(expect.arrayContaining(['callback callEvents', 'callback ping']));
      for (const { name, body } of bodies) {
        const json = body.content?.['application/json'];
        const strings = body.content?.[STRINGS];
        const expected = json !== undefined && holdsInt64(json.schema, d);
        expect({ name, strings: strings !== undefined }).toEqual({ name, strings: expected });
        if (strings !== undefined)
          expect({ name, int64: holdsInt64(strings.schema, d) }).toEqual({ name, int64: false });
      }
      // Errors hold no int64: one schema for both.
      const getCallAnswers = d.paths['/v2.0/communication/call/{communicationId}'].get.responses;
      expect(Object.keys(getCallAnswers['400'].content ?? {})).toEqual(['application/json']);
    });

    it('matches the answers with strings: Get Call, a list, the batch, the change feed', async () => {
      const d = doc();
      const schemaOf = (path: string, method: string) =>
        d.paths[path][method].responses['200'].content![STRINGS].schema;
      const answers: [SchemaObject, unknown][] = [
        [schemaOf('/v2.0/communication/call/{communicationId}', 'get'), (await getCall(BIG, { Accept: STRINGS })).body],
        [
          schemaOf('/v1.0/communication/call', 'get'),
          (
            await t
              .http()
              .get('/v1.0/communication/call')
              .query({ leadId: '100001' })
              .set({ ...auth(), Accept: STRINGS })
          ).body,
        ],
        [
          schemaOf('/v2.0/communication/call/batch', 'post'),
          (
            await t
              .http()
              .post('/v2.0/communication/call/batch')
              .set({ ...auth(), Accept: STRINGS })
              .send({ ids: [BIG, CALLS.email] })
          ).body,
        ],
        [
          schemaOf('/v1.0/communication/call/changes', 'get'),
          (
            await t
              .http()
              .get('/v1.0/communication/call/changes')
              .set({ ...auth(), Accept: STRINGS })
          ).body,
        ],
      ];
      for (const [schema, body] of answers) expect(schemaViolations(d.components.schemas, schema, body)).toEqual([]);
      // And a number where a string is declared is seen (JSON.parse has rounded it, as any JavaScript client does).
      expect(schemaViolations(d.components.schemas, answers[0][0], (await getCall(BIG)).body)).toContain(
        '$.id: not a string',
      );
    });
  });

  it('writes the ids of a PATCH answer as strings, and takes either ETag in If-Match', async () => {
    const read = await getCall(BIG, { Accept: STRINGS });
    const etag = String(read.headers['etag']);
    expect(etag).toMatch(/^"\d+;int64=string"$/);
    const edit = await t
      .http()
      .patch(`/v2.0/communication/call/${BIG}`)
      .set({ ...auth(), Accept: STRINGS, 'If-Match': etag })
      .send({ rateScore: 4 });
    expect(edit.status).toBe(200);
    expect(edit.text).toMatch(/^\{"id":"9007199254740993","dialerCallRecordId":"9007199254740995",/);
    expect(edit.headers['etag']).toBe(`"${Number(/\d+/.exec(etag)?.[0]) + 1};int64=string"`);
    const byNumbers = await t
      .http()
      .patch(`/v2.0/communication/call/${BIG}`)
      .set({ ...auth(), 'If-Match': String(edit.headers['etag']).replace(';int64=string', '') })
      .send({ rateScore: 5 });
    expect(byNumbers.status).toBe(200);
    expect(byNumbers.text).toMatch(/^\{"id":9007199254740993,/);
  });
});
