import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseJsonLossless } from '../../src/common/http/lossless-json-body';
import { WebhookDeliveryWorker } from '../../src/webhooks/webhook-delivery.worker';
import { USERS } from '../support/demo';
import { type SchemaObject, schemaViolations } from '../support/openapi-schema';
import { type Callback, Receiver } from '../support/receiver';
import { createTestApp, type TestApp } from '../support/test-app';

interface CallbackOperation {
  operationId: string;
  parameters: { in: string; name: string; required: boolean; schema: SchemaObject }[];
  requestBody: {
    content: { 'application/json': { schema: SchemaObject; examples: Record<string, { value: unknown }> } };
  };
  responses: Record<string, { description: string }>;
}

interface Document {
  paths: Record<string, Record<string, { callbacks?: Record<string, Record<string, { post: CallbackOperation }>> }>>;
  components: { schemas: Record<string, SchemaObject> };
}

/** The committed document, as a client generator reads it. */
const DOC = JSON.parse(readFileSync(path.resolve(__dirname, '../../openapi.json'), 'utf8')) as Document;
const CALLBACKS = DOC.paths['/v1.0/webhook'].post.callbacks ?? {};
const callbackOperation = (name: string) => CALLBACKS[name]['{$request.body#/callbackUrl}'].post;

/**
 * The callbacks of the subscribe operation are the requests the service sends: the headers it documents are the
 * ones a callback carries, each as its schema says, and a callback's body conforms to its documented schema (no key
 * missing, none undocumented), exact ids and all.
 */
describe('the documented webhook callbacks', () => {
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

  const auth = () => ({ Authorization: `Bearer ${t.token(USERS.agent)}` });

  /** Where a received callback departs from a documented one: its headers and its body. */
  function departures(operation: CallbackOperation, callback: Callback): string[] {
    const headers = operation.parameters.filter((parameter) => parameter.in === 'header');
    const sent = Object.keys(callback.headers).filter((name) => name.startsWith('x-webhook-'));
    const documented = headers.map((header) => header.name.toLowerCase());
    return [
      ...sent.filter((name) => !documented.includes(name)).map((name) => `header ${name}: not documented`),
      ...headers.flatMap((header) => {
        const value = callback.headers[header.name.toLowerCase()];
        return value === undefined
          ? [`header ${header.name}: missing`]
          : schemaViolations(DOC.components.schemas, header.schema, value, `header ${header.name}`);
      }),
      ...schemaViolations(
        DOC.components.schemas,
        operation.requestBody.content['application/json'].schema,
        parseJsonLossless(callback.body),
      ),
    ];
  }

  it('documents both callbacks: headers, a named body schema with examples that conform, a 2xx answer', () => {
    expect(Object.keys(CALLBACKS).sort()).toEqual(['callEvents', 'ping']);
    for (const name of Object.keys(CALLBACKS)) {
      const operation = callbackOperation(name);
      const media = operation.requestBody.content['application/json'];
      expect(media.schema.$ref).toMatch(/^#\/components\/schemas\/\w+$/);
      expect(DOC.components.schemas[media.schema.$ref!.split('/').pop()!]).toBeDefined();
      expect(operation.parameters.map((p) => `${p.in} ${p.name} ${p.required}`).sort()).toEqual([
        'header X-Webhook-Delivery true',
        'header X-Webhook-Signature true',
        'header X-Webhook-Timestamp true',
      ]);
      expect(Object.keys(operation.responses)).toContain('2XX');
      for (const [example, { value }] of Object.entries(media.examples)) {
        expect({ example, violations: schemaViolations(DOC.components.schemas, media.schema, value) }).toEqual({
          example,
          violations: [],
        });
      }
    }
  });

  it('sends Call callbacks, creations and updates, as `callEvents` documents them', async () => {
    const subscribed = await t
      .http()
      .post('/v1.0/webhook')
      .set(auth())
      .send({ listId: 6, callbackUrl: receiver.url('/calls'), events: ['created', 'updated'] });
    expect(subscribed.status).toBe(200);
    const logged = await t
      .http()
      .post('/v1.0/logType')
      .set(auth())
      .send({ leadId: 100001, logType: 'logCall', content: 'Asked for a second viewing.' });
    expect(logged.status).toBe(200);
    const worker = t.app.get(WebhookDeliveryWorker);
    expect(await worker.runOnce()).toBe(1);
    const edited = await t
      .http()
      .patch(`/v2.0/communication/call/${String(logged.body.logType.id)}`)
      .set(auth())
      .send({ note: 'Viewing on Saturday.' });
    expect(edited.status).toBe(200);
    expect(await worker.runOnce()).toBe(1);

    const received = receiver.callbacks.filter((callback) => callback.path === '/calls');
    expect(received.map((callback) => Object.keys(JSON.parse(callback.body) as object))).toEqual([
      ['teamId', 'listId', 'createdCall'],
      ['teamId', 'listId', 'createdCall', 'updatedCall'],
    ]);
    for (const callback of received) expect(departures(callbackOperation('callEvents'), callback)).toEqual([]);
  });

  it('sends a ping as `ping` documents it', async () => {
    const subscribed = await t
      .http()
      .post('/v1.0/webhook')
      .set(auth())
      .send({ listId: 6, callbackUrl: receiver.url('/ping') });
    const pinged = await t
      .http()
      .post(`/v1.0/webhook/${String(subscribed.body.subscribeId)}/ping`)
      .set(auth());
    expect(pinged.body.delivered).toBe(true);
    const received = receiver.callbacks.filter((callback) => callback.path === '/ping');
    expect(received).toHaveLength(1);
    expect(departures(callbackOperation('ping'), received[0])).toEqual([]);
  });
});
