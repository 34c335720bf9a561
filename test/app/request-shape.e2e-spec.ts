import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { CALLS, USERS } from '../support/demo';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Requests and responses keep the shape they were made with (see src/common/http/request-shape.ts): no field is
 * added to one after the server made it, by Express, its router, passport or the service, on any kind of answer.
 * A field added without its declaration fails here, with the route and the field named, before it costs every
 * request a new hidden class.
 */
describe('requests and responses keep the shape they were made with', () => {
  let t: TestApp;
  const added: { request: string; fields: string[] }[] = [];

  function ownKeys(target: object): string[] {
    return Reflect.ownKeys(target).map(String);
  }

  beforeAll(async () => {
    t = await createTestApp();
    const server = t.app.getHttpServer() as Server;
    // Before Express's listener: the keys of the request and the response as the server made them.
    server.prependListener('request', (request: IncomingMessage, response: ServerResponse) => {
      const made = { request: ownKeys(request), response: ownKeys(response) };
      response.once('finish', () => {
        const fields = [
          ...ownKeys(request)
            .filter((key) => !made.request.includes(key))
            .map((key) => `request.${key}`),
          ...ownKeys(response)
            .filter((key) => !made.response.includes(key))
            .map((key) => `response.${key}`),
        ];
        added.push({ request: `${request.method} ${request.url} ${response.statusCode}`, fields });
      });
    });
  });

  afterAll(async () => {
    await t.close();
  });

  beforeEach(() => {
    added.length = 0;
  });

  const bearer = (userId: string) => `Bearer ${t.token(userId)}`;

  async function fieldsAddedBy(send: () => PromiseLike<unknown>): Promise<{ request: string; fields: string[] }[]> {
    await send();
    // 'finish' comes once the answer is handed to the socket, possibly after the client has read it.
    await new Promise((resolve) => setImmediate(resolve));
    return [...added];
  }

  it.each([
    [
      'Get Call, allowed',
      () => t.http().get(`/v2.0/communication/call/${CALLS.dialer}`).set('Authorization', bearer(USERS.agent)),
    ],
    [
      'Get Call, denied',
      () => t.http().get(`/v2.0/communication/call/${CALLS.dialer}`).set('Authorization', bearer(USERS.unrelatedAgent)),
    ],
    [
      'Get Call, an invalid id',
      () => t.http().get('/v2.0/communication/call/abc').set('Authorization', bearer(USERS.agent)),
    ],
    ['Get Call, no token', () => t.http().get(`/v2.0/communication/call/${CALLS.dialer}`)],
    ['an unknown route', () => t.http().get('/v9/nothing').set('Authorization', bearer(USERS.agent))],
    ['a liveness probe', () => t.http().get('/health/live')],
    [
      'a manual log, with a body',
      () =>
        t
          .http()
          .post('/v1.0/logType')
          .set('Authorization', bearer(USERS.agent))
          .send({ leadId: 100001, logType: 'logCall', content: 'Shape check' }),
    ],
    [
      'a body that is not JSON',
      () =>
        t
          .http()
          .post('/v1.0/logType')
          .set('Authorization', bearer(USERS.agent))
          .set('Content-Type', 'application/json')
          .send('{"leadId":'),
    ],
  ])('%s', async (_name, send) => {
    const requests = await fieldsAddedBy(send);
    expect(requests).toHaveLength(1);
    expect(requests[0].fields).toEqual([]);
  });
});
