import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import fc from 'fast-check';
import { OAuthError, oauthDescription, oauthErrorOf } from '../../src/auth/oauth-errors';
import { ErrorCode } from '../../src/common/errors/error-code';
import { httpStatusOf } from '../../src/common/errors/error-status';
import { stringifyJson } from '../../src/common/http/lossless-json';
import { CALLS, USERS } from './demo';
import { Factory } from './factories';
import { createTestApp, type TestApp } from './test-app';

/*
 * What the hostile-input suites (test/app/hostile-*.e2e-spec.ts) share. Whatever a client sends (ids,
 * Authorization headers, bodies, queries, paths, methods, sizes), the answer is never a 500, an error is
 * always exactly `{code, message}` (the token endpoint's with its OAuth error after them) with the status of its code, a 2xx comes only for valid input, and a
 * tricked path gets the plain route's decision or a clear refusal.
 */

/** The title of every hostile-input suite. */
export const HOSTILE_INPUT =
  'hostile input: never a 500, always {code, message}, the same decision whatever the disguise';

export const CALL_PATH = `/v2.0/communication/call/${CALLS.dialer}`;

// ---------------------------------------------------------------------------------------------------------
// Answers

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface ErrorBody {
  code: string;
  message: string;
}

/**
 * An error answer: 4xx, JSON, exactly `{code, message}` in that order, a known code with its own status. With
 * `oauth` (the token endpoint's), then exactly its OAuth `error` and `error_description`, the ones of its code.
 */
export function refusalOf(answer: Answer, { oauth = false } = {}): ErrorBody {
  if (!(answer.status >= 400 && answer.status < 500)) {
    throw new Error(`Expected a 4xx refusal, got ${answer.status}: ${answer.text.slice(0, 300)}`);
  }
  expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(answer.headers['cache-control']).toBe('no-store');
  const body = JSON.parse(answer.text) as Record<string, unknown>;
  expect(Object.keys(body)).toEqual(oauth ? ['code', 'message', 'error', 'error_description'] : ['code', 'message']);
  expect(Object.values(ErrorCode)).toContain(body.code);
  expect(typeof body.message === 'string' && body.message.length > 0).toBe(true);
  expect(httpStatusOf(body.code as ErrorCode)).toBe(answer.status);
  if (oauth) {
    const code = body.code as ErrorCode;
    const errors = [oauthErrorOf(code), ...(code === ErrorCode.InvalidParameter ? [OAuthError.InvalidScope] : [])];
    expect(errors).toContain(body.error);
    expect(body.error_description).toBe(oauthDescription(body.message as string));
  }
  return body as unknown as ErrorBody;
}

/** The answer to an exact request, sent byte for byte on a socket of its own (no client-side checks). */
export function rawHttp(port: number, request: string | Buffer): Promise<Answer | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    socket.setTimeout(5000, () => socket.destroy());
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // The server may close while the request is still being written (a refused header): the answer counts.
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(parseAnswer(Buffer.concat(chunks).toString('latin1'))));
  });
}

function parseAnswer(data: string): Answer | null {
  const end = data.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const [statusLine, ...lines] = data.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  let body = data.slice(end + 4);
  if (headers['transfer-encoding'] === 'chunked') {
    let decoded = '';
    for (let size = parseInt(body, 16); size > 0; size = parseInt(body, 16)) {
      const start = body.indexOf('\r\n') + 2;
      decoded += body.slice(start, start + size);
      body = body.slice(start + size + 2);
    }
    body = decoded;
  }
  return {
    status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]),
    headers,
    text: Buffer.from(body, 'latin1').toString(),
  };
}

export const toAnswer = (res: { status: number; headers: object; text: string }): Answer => ({
  status: res.status,
  headers: res.headers as Answer['headers'],
  text: res.text ?? '',
});

export const characters = (text: string) => [...text.toWellFormed()].length;

/** Any body at all: JSON values of every shape, and texts that are mostly not JSON. */
export const anyBodyText = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((value) => stringifyJson(value)),
  fc.anything({ maxDepth: 3, withBigInt: true, withNullPrototype: true }).map((value) => stringifyJson(value)),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom('{', '{"a":1,"a":2}', '[1,]', '"\\ud800"', '{"__proto__":{"admin":true}}', 'nul', '1e999', '-'),
);

// ---------------------------------------------------------------------------------------------------------
// The app, listening on a port, and the callers the suites send as

export interface HostileApp {
  t: TestApp;
  port: number;
  agent: string;
  unrelated: string;
  admin: string;
  dialer: string;
  client: { clientId: string; clientSecret: string };
  /** A lead of team 1 the admin reassigns at will, and one of team 2. */
  spareLead: string;
  otherTeamLead: string;
  /** Sends an exact request, byte for byte, on a socket of its own. */
  raw(method: string, target: string, headers?: Record<string, string>, body?: string): Promise<Answer | null>;
  postJson(path: string, token: string, json: string): ReturnType<ReturnType<TestApp['http']>['post']>;
}

export async function startHostileApp(): Promise<HostileApp> {
  const t = await createTestApp();
  const server = t.app.getHttpServer() as Server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  const factory = new Factory(t.dataSource);
  const client = await factory.client(USERS.agent, ['dialer:write']);
  return {
    t,
    port,
    agent: t.token(USERS.agent),
    unrelated: t.token(USERS.unrelatedAgent),
    admin: t.token(USERS.admin),
    client,
    dialer: t.token(USERS.agent, { clientId: client.clientId, scopes: ['dialer:write'] }),
    spareLead: await factory.lead('1', USERS.agent),
    otherTeamLead: await factory.lead('2', USERS.otherTeamAdmin),
    raw: (method, target, headers = {}, body = '') =>
      rawHttp(
        port,
        Buffer.from(
          `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
            Object.entries(headers)
              .map(([name, value]) => `${name}: ${value}\r\n`)
              .join('') +
            `Connection: close\r\n\r\n${body}`,
          'latin1',
        ),
      ),
    postJson: (path, token, json) =>
      t.http().post(path).set('Authorization', `Bearer ${token}`).set('Content-Type', 'application/json').send(json),
  };
}
