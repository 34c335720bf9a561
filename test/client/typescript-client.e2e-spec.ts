import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { stringify } from 'lossless-json';
import {
  type CallsApiClient,
  type components,
  createCallsApiClient,
  parseJson,
} from '../../examples/typescript-client/client';
import { generateSchemaTypes } from '../../examples/typescript-client/generate';
import { WebhookDeliveryWorker } from '../../src/webhooks/webhook-delivery.worker';
import { BIG_ID_CALL_JSON, CALLS, DIALER_CALL_JSON, USERS } from '../support/demo';
import { documentedVerifier } from '../support/documented-verifier';
import { Factory } from '../support/factories';
import { Receiver } from '../support/receiver';
import { createTestApp, type TestApp } from '../support/test-app';

type CallCallback = components['schemas']['CallCallbackDto'];
type Call = components['schemas']['CallResponseDto'];

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

/** The demo lead with the demo calls, the big id among them, managed by the demo agent. */
const LEAD = 100001;

/**
 * The client of examples/typescript-client, generated from openapi.json (openapi-typescript + openapi-fetch), runs an
 * integrator's whole flow against the service listening on loopback: nothing here speaks HTTP but the client and the
 * webhook receiver.
 */
describe('the generated TypeScript client', () => {
  let t: TestApp;
  let receiver: Receiver;
  let baseUrl: string;
  let api: CallsApiClient;

  let credentials: { clientId: string; clientSecret: string };

  beforeAll(async () => {
    receiver = await new Receiver().start();
    t = await createTestApp({ WEBHOOK_ALLOW_LOOPBACK_HTTP: 'true' });
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${((t.app.getHttpServer() as Server).address() as AddressInfo).port}`;
    // An API client of the demo agent: its credentials are all an integrator starts with.
    credentials = await new Factory(t.dataSource).client(USERS.agent);
    const { data } = await createCallsApiClient({ baseUrl }).POST('/oauth/token', {
      body: {
        grant_type: 'client_credentials',
        client_id: credentials.clientId,
        client_secret: credentials.clientSecret,
      },
    });
    if (data === undefined) throw new Error('No token for the API client');
    api = createCallsApiClient({ baseUrl, accessToken: data.access_token });
  });

  afterAll(async () => {
    await t.close();
    await receiver.stop();
  });

  it('is what openapi.json generates (run `npm run client:generate` after `npm run openapi`)', async () => {
    const document = JSON.parse(read('openapi.json')) as object;
    expect(await generateSchemaTypes(document)).toBe(read('examples/typescript-client/schema.d.ts'));
  });

  it('gets a token with the client credentials of an API client, and reads an OAuth refusal', async () => {
    const anonymous = createCallsApiClient({ baseUrl });
    const { data } = await anonymous.POST('/oauth/token', {
      body: {
        grant_type: 'client_credentials',
        client_id: credentials.clientId,
        client_secret: credentials.clientSecret,
      },
    });
    expect(data).toMatchObject({ token_type: 'Bearer', access_token: expect.any(String) as string });

    const refused = await anonymous.POST('/oauth/token', {
      body: { grant_type: 'client_credentials', client_id: credentials.clientId, client_secret: 'wrong' },
    });
    expect(refused.response.status).toBe(401);
    expect(refused.error).toMatchObject({ error: 'invalid_client' });
    expect((await anonymous.GET('/v1.0/webhooks')).response.status).toBe(401);
  });

  it('reads a call with Get Call, as the service wrote it', async () => {
    const { data, response } = await api.GET('/v2.0/communication/call/{communicationId}', {
      params: { path: { communicationId: 563172647619608 } },
    });
    expect(response.status).toBe(200);
    expect(stringify(data)).toBe(DIALER_CALL_JSON);
    expect(response.headers.get('ETag')).toBe('"1"');
  });

  it('reads 9007199254740993 exactly and asks for it back exactly', async () => {
    // What JSON.parse does to it, and so every client that reads the body with it.
    expect(String((JSON.parse(BIG_ID_CALL_JSON) as { id: number }).id)).toBe('9007199254740992');

    const page = await api.GET('/v1.0/calls', { params: { query: { leadId: LEAD, limit: 1000 } } });
    const big = page.data?.calls.find((call) => String(call.id) === CALLS.above2To53);
    expect(big?.id).toBe(9007199254740993n);
    expect(big?.dialerCallRecordId).toBe(9007199254740995n);

    const { data, response } = await api.GET('/v2.0/communication/call/{communicationId}', {
      params: { path: { communicationId: big!.id } },
    });
    expect(response.url).toBe(`${baseUrl}/v2.0/communication/call/9007199254740993`);
    expect(stringify(data)).toBe(BIG_ID_CALL_JSON);

    const batch = await api.POST('/v2.0/communication/call/batch', { body: { ids: [big!.id, 9007199254740992n] } });
    expect(batch.data?.calls.map((call) => call.id)).toEqual([9007199254740993n]);
    expect(batch.data?.denied).toEqual([9007199254740992n]);
  });

  it('reads ids exactly also from an answer without Content-Length (chunked by a proxy)', async () => {
    const { data: token } = await createCallsApiClient({ baseUrl }).POST('/oauth/token', {
      body: {
        grant_type: 'client_credentials',
        client_id: credentials.clientId,
        client_secret: credentials.clientSecret,
      },
    });
    const chunked = createCallsApiClient({
      baseUrl,
      accessToken: token!.access_token,
      fetch: async (request) => {
        const response = await fetch(request);
        const headers = new Headers(response.headers);
        headers.delete('Content-Length');
        return new Response(response.body, { status: response.status, headers });
      },
    });
    const { data, response } = await chunked.GET('/v2.0/communication/call/{communicationId}', {
      params: { path: { communicationId: 9007199254740993n } },
    });
    expect(stringify(data)).toBe(BIG_ID_CALL_JSON);
    expect(response.headers.get('Content-Length')).toBe(String(Buffer.byteLength(BIG_ID_CALL_JSON)));
  });

  it('logs a call, receives its signed callback, and follows it up by timelineId', async () => {
    const subscribed = await api.POST('/v1.0/webhook', {
      body: { listId: 6, callbackUrl: receiver.url('/client') },
    });
    expect(subscribed.response.status).toBe(200);
    const { secret } = subscribed.data!;

    const logged = await api.POST('/v1.0/logType', {
      body: {
        leadId: LEAD,
        logType: 'logCall',
        content: 'Wants a 3-bed near schools.',
        leadPhoneNumber: '+14155550142',
        outboundOrInbound: 'outbound',
        callingOutcome: 'Talked',
      },
    });
    expect(logged.response.status).toBe(200);
    const callId = logged.data!.logType.id;

    expect(await t.app.get(WebhookDeliveryWorker).runOnce()).toBe(1);
    const [callback] = receiver.callbacks.filter((received) => received.path === '/client');
    expect(documentedVerifier()(secret, callback.headers, callback.body)).toBe(true);
    expect(documentedVerifier()(secret, callback.headers, callback.body.replace('"listId":6', '"listId":7'))).toBe(
      false,
    );
    const events = parseJson(callback.body) as CallCallback;
    expect(events.createdCall).toEqual([
      expect.objectContaining({ timelineId: callId, communicationType: 'LOGGED', leadId: LEAD }),
    ]);

    const followUp = await api.POST('/v2.0/communication/call/batch', {
      body: { ids: events.createdCall.map((event) => event.timelineId) },
    });
    expect(followUp.data?.denied).toEqual([]);
    const [call] = followUp.data!.calls;
    expect(call).toMatchObject({ id: callId, note: 'Wants a 3-bed near schools.', callingOutcome: 'Talked' });
    const single = await api.GET('/v2.0/communication/call/{communicationId}', {
      params: { path: { communicationId: events.createdCall[0].timelineId } },
    });
    expect(single.data).toEqual(call);
  });

  it("walks a lead's calls to the end with the cursor", async () => {
    const seen: Call[] = [];
    let currentId: number | bigint | undefined;
    for (let pages = 0; pages < 20; pages++) {
      const { data, error } = await api.GET('/v1.0/communication/call', {
        params: { query: { leadId: LEAD, limit: 2, ...(currentId === undefined ? {} : { currentId }) } },
      });
      expect(error).toBeUndefined();
      if (data!.calls.length === 0) break;
      seen.push(...data!.calls);
      currentId = data!.calls[data!.calls.length - 1].id;
    }
    const ids = seen.map((call) => BigInt(call.id));
    const all = await api.GET('/v1.0/calls', { params: { query: { leadId: LEAD, limit: 1000 } } });
    expect(ids).toEqual(all.data!.calls.map((call) => BigInt(call.id)));
    expect(ids).toEqual([...ids].sort((a, b) => (a > b ? -1 : 1)));
    expect(ids).toEqual(expect.arrayContaining([BigInt(CALLS.above2To53), BigInt(CALLS.dialer), BigInt(CALLS.logged)]));
  });
});
