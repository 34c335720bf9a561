import { type Server, validateHeaderValue } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { sign, type SignOptions } from 'jsonwebtoken';
import { CallDirection, CallingOutcome, CallStatus, LogDirection } from '../../src/calls/call-enums';
import { ErrorCode } from '../../src/common/errors/error-code';
import { httpStatusOf } from '../../src/common/errors/error-status';
import { MAX_JSON_MEMBERS, parseJsonLossless } from '../../src/common/http/lossless-json-body';
import { stringifyJson } from '../../src/common/http/lossless-json';
import { parseInt64Id, parseInt64Value } from '../../src/common/int64';
import { Int64IdPipe } from '../../src/common/int64-id.pipe';
import { isPhoneNumber } from '../../src/common/validation/fields';
import { DEVELOPMENT_JWT_SECRET } from '../../src/config/app-config';
import { bodyShapes } from '../bench/body-shapes';
import { CALLS, DIALER_CALL_JSON, EXPECTED, PERMISSION_DENIED_JSON, USERS } from '../support/demo';
import { Factory, freshId } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Hostile input: whatever a client sends (ids, Authorization headers, bodies, queries, paths, methods,
 * sizes), the answer is never a 500, an error is always exactly `{code, message}` with the status of its
 * code, a 2xx comes only for valid input, and a tricked path gets the plain route's decision or a clear
 * refusal. The properties run with fast-check; a counterexample it found is kept below as a plain test.
 */

// A property sends 100 to 200 requests: seconds on SQLite, more on MySQL.
jest.setTimeout(60_000);

// ---------------------------------------------------------------------------------------------------------
// Answers

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

interface ErrorBody {
  code: string;
  message: string;
}

/** An error answer: 4xx, JSON, exactly `{code, message}` in that order, a known code with its own status. */
function refusalOf(answer: Answer): ErrorBody {
  if (!(answer.status >= 400 && answer.status < 500)) {
    throw new Error(`Expected a 4xx refusal, got ${answer.status}: ${answer.text.slice(0, 300)}`);
  }
  expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(answer.headers['cache-control']).toBe('no-store');
  const body = JSON.parse(answer.text) as Record<string, unknown>;
  expect(Object.keys(body)).toEqual(['code', 'message']);
  expect(Object.values(ErrorCode)).toContain(body.code);
  expect(typeof body.message === 'string' && body.message.length > 0).toBe(true);
  expect(httpStatusOf(body.code as ErrorCode)).toBe(answer.status);
  return body as unknown as ErrorBody;
}

/** The answer to an exact request, sent byte for byte on a socket of its own (no client-side checks). */
function rawHttp(port: number, request: string | Buffer): Promise<Answer | null> {
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

const toAnswer = (res: { status: number; headers: object; text: string }): Answer => ({
  status: res.status,
  headers: res.headers as Answer['headers'],
  text: res.text ?? '',
});

// ---------------------------------------------------------------------------------------------------------
// Values: the valid ones a field takes and the invalid ones it must refuse

const ABSENT = Symbol('absent');
/** Replaced, when the request is sent, by an id that no dialer record has. */
const FRESH = '<fresh dialer record id>';

interface Field {
  /** Values that are mostly valid: a clean body takes only these (or leaves an optional field out). */
  good: fc.Arbitrary<unknown>;
  /** Values that are mostly invalid. */
  bad: fc.Arbitrary<unknown>;
  required?: boolean;
  /** The documented rule for a value present and not null, in this body as the service reads it. */
  accepts(value: unknown, body: Record<string, unknown>): boolean;
}
type Fields = Record<string, Field>;

const characters = (text: string) => [...text.toWellFormed()].length;
const isText = (max: number) => (value: unknown) => typeof value === 'string' && characters(value) <= max;
const isPhone = (value: unknown) => isText(32)(value) && isPhoneNumber((value as string).toWellFormed());
const isIn =
  (...values: unknown[]) =>
  (value: unknown) =>
    values.includes(value);
const isIntegerIn = (min: number, max: number) => (value: unknown) =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
const isIdIn = (ids: readonly string[]) => (value: unknown) => {
  const id = parseInt64Value(value);
  return id !== null && ids.includes(id);
};
const isUtcTime = (value: unknown) => {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value) : null;
  if (match === null) return false;
  const [y, mo, d, h, mi, s] = match.slice(1).map(Number);
  const time = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return (
    y >= 1970 &&
    time.toISOString().slice(0, 19) === `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}`
  );
};

const nonString = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }),
  fc.bigInt({ min: 2n ** 53n, max: 2n ** 70n }),
);
/** Strings of every kind: printable ASCII, any code point (lone surrogates too), graphemes; near `max`. */
const anyText = (max: number) =>
  fc.oneof(
    fc.string({ maxLength: Math.min(max, 40) }),
    fc.string({ unit: 'binary', maxLength: Math.min(max, 40) }),
    fc.string({ unit: 'grapheme', maxLength: Math.min(max, 10) }),
    fc.constantFrom(
      'a'.repeat(max),
      `${'a'.repeat(max - 1)}\u{1F600}`,
      `${'a'.repeat(max - 1)}\uFE0F`,
      `${'a'.repeat(max - 1)}\uD800`,
      '\u202eRTL\u200d\u0000',
      '',
      ' ',
    ),
  );
const tooLong = (max: number) =>
  fc.constantFrom(
    'a'.repeat(max + 1),
    `${'a'.repeat(max)}\uFE0F`,
    `${'a'.repeat(max)}\u{1F600}`,
    '\uFE0F'.repeat(max + 1),
  );
const textField = (max: number): Field => ({
  good: anyText(max),
  bad: fc.oneof(nonString, tooLong(max)),
  accepts: isText(max),
});

const phone = fc.oneof(
  fc.stringMatching(/^\+?[0-9]{3,15}$/),
  fc.stringMatching(/^\+?[0-9]{1,3}[ .-]?\(?[0-9]{3}\)?[ .-]?[0-9]{3}[ .-]?[0-9]{4}$/),
);
const phoneField: Field = {
  good: phone,
  bad: fc.oneof(
    nonString,
    fc.constantFrom(
      '',
      'abc',
      '12',
      '+1-800-FLOWERS',
      '１２３４５６７',
      '555\u0000123',
      '555\u202e1234',
      '1'.repeat(33),
    ),
  ),
  accepts: isPhone,
};
const GOOD_EMAILS = ['sarah.johnson@example.com', 'a.b+c@sub.example.org', 'x@example.co'];
const emailField: Field = {
  good: fc.constantFrom(...GOOD_EMAILS),
  bad: fc.oneof(
    nonString,
    fc.constantFrom('', 'not-an-email', '@example.com', 'a@', 'a b@example.com', `${'a'.repeat(250)}@example.com`),
  ),
  accepts: isIn(...GOOD_EMAILS),
};
const booleanField: Field = {
  good: fc.boolean(),
  bad: fc.oneof(fc.constantFrom('true', 'false', 1, 0, '', 'yes'), fc.array(fc.boolean(), { maxLength: 1 })),
  accepts: (value) => typeof value === 'boolean',
};
const enumField = (values: readonly string[]): Field => ({
  good: fc.constantFrom(...values),
  bad: fc
    .oneof(
      nonString,
      fc.constantFrom('', ...values.flatMap((v) => [v.toUpperCase(), v.toLowerCase(), ` ${v}`, `${v}\u0000`])),
    )
    .filter((value) => !values.includes(value as string)),
  accepts: isIn(...values),
});
const integerField = (min: number, max: number, bad: unknown[] = []): Field => ({
  good: fc.integer({ min, max }),
  bad: fc.oneof(
    fc.constantFrom(min - 1, max + 1, 1.5, String(min), '', true, ...bad),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
  ),
  accepts: isIntegerIn(min, max),
});

/** An id in every form a body may write it: number, string, leading zeros, exact big number. */
const idForms = (...ids: string[]) =>
  fc.constantFrom(...ids).chain((id) => fc.constantFrom<unknown>(id, `00${id}`, BigInt(id), Number(id)));
/** Ids that are no positive int64, in every disguise. */
const badId = fc.oneof(
  fc.integer({ min: -1000, max: 0 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Number.isInteger(d)),
  fc.bigInt({ min: 2n ** 63n, max: 2n ** 80n }),
  fc.bigInt({ min: -(2n ** 70n), max: 0n }),
  fc.constantFrom<unknown>(
    '',
    ' 100001',
    '100001 ',
    '+100001',
    '1e3',
    '0x10',
    '１００００１',
    '١٠٠٠٠١',
    '\u202e100001',
    '100\u200d001',
    '100001\u0000',
    '-1',
    '0',
    '9223372036854775808',
    true,
    [],
    {},
    [100001],
    { id: 100001 },
  ),
  fc.string({ maxLength: 12 }).filter((s) => parseInt64Id(s) === null),
);
const idField = (valid: readonly string[], invalidRefs: readonly string[] = [], required = true): Field => ({
  good: idForms(...valid),
  bad: invalidRefs.length > 0 ? fc.oneof(badId, idForms(...invalidRefs)) : badId,
  required,
  accepts: isIdIn(valid),
});

const utcTime = fc
  .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 19).replace('T', ' '));
const timeField = (accepts: Field['accepts'] = isUtcTime): Field => ({
  good: fc.oneof(utcTime, fc.constantFrom('2026-04-22 10:15:00', '2026-04-22 10:18:45')),
  bad: fc.oneof(
    nonString,
    fc.constantFrom(
      '2026-02-30 10:00:00',
      '2026-04-22T10:15:00Z',
      '2026-04-22 10:15',
      '1969-12-31 23:59:59',
      '2026-04-22 24:00:00',
      ' 2026-04-22 10:15:00',
      '２０２６-04-22 10:15:00',
      '',
    ),
  ),
  accepts,
});

/** Keys a body may carry besides its fields: dropped, never used (`teamId`, `id` and `__proto__` among them). */
const extraKey = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'id', 'teamId', 'createdAt', 'deletedAt'),
);

interface Sample {
  /** The JSON text sent. */
  json: string;
}

/**
 * Bodies of a route: half of them clean (every field valid or an optional one left out), the others with
 * any field valid, invalid, null or absent; plus keys that are no field, with any JSON value.
 */
function bodies(fields: Fields): fc.Arbitrary<Sample> {
  const slot = (field: Field, clean: boolean): fc.Arbitrary<unknown> =>
    clean
      ? field.required === true
        ? field.good
        : fc.oneof({ weight: 3, arbitrary: field.good }, { weight: 1, arbitrary: fc.constantFrom(ABSENT, null) })
      : fc.oneof(field.good, field.bad, fc.constantFrom(ABSENT, null));
  const record = (clean: boolean) =>
    fc.record(Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, slot(field, clean)])));
  const extras = fc.uniqueArray(fc.tuple(extraKey, fc.jsonValue({ maxDepth: 3 })), {
    maxLength: 3,
    selector: ([key]) => key,
  });
  return fc.tuple(fc.oneof(record(true), record(false)), extras).map(([slots, more]) => {
    const entries = [
      ...Object.entries(slots).filter(([, value]) => value !== ABSENT),
      ...more.filter(([key]) => !Object.hasOwn(fields, key)),
    ];
    return { json: stringifyJson(Object.fromEntries(entries)) };
  });
}

/** Whether the service must accept this body (as it reads it), by the fields' rules. */
function isValidBody(fields: Fields, body: unknown): body is Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const object = body as Record<string, unknown>;
  return Object.entries(fields).every(([name, field]) => {
    const value = Object.hasOwn(object, name) ? object[name] : undefined;
    return value === undefined || value === null ? field.required !== true : field.accepts(value, object);
  });
}

/** Any body at all: JSON values of every shape, and texts that are mostly not JSON. */
const anyBodyText = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((value) => stringifyJson(value)),
  fc.anything({ maxDepth: 3, withBigInt: true, withNullPrototype: true }).map((value) => stringifyJson(value)),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom('{', '{"a":1,"a":2}', '[1,]', '"\\ud800"', '{"__proto__":{"admin":true}}', 'nul', '1e999', '-'),
);

// ---------------------------------------------------------------------------------------------------------

const CALL_PATH = `/v2.0/communication/call/${CALLS.dialer}`;
const INVALID_URL_ENCODING = {
  code: 'INVALID_PARAMETER',
  message: 'The request URL is not validly percent-encoded.',
};
const NOT_FOUND = { code: 'NOT_FOUND', message: 'No such route.' };
const BAD_TOKEN_MESSAGES = [
  'Missing access token: send the header "Authorization: Bearer <access_token>".',
  'Invalid access token.',
  'The access token has expired.',
  'The access token is not valid yet.',
];
/** Headers that differ from one answer to the next, whatever the request. */
const VOLATILE_HEADERS = ['date', 'x-request-id', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'connection'];
const stable = (headers: Answer['headers']) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !VOLATILE_HEADERS.includes(name)));

/** Every byte of the UTF-8 text percent-encoded but ASCII letters and digits. */
const percentEncode = (bytes: Uint8Array) =>
  [...bytes]
    .map((b) =>
      /[A-Za-z0-9]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
const utf8 = (text: string) => new Uint8Array(Buffer.from(text.toWellFormed(), 'utf8'));
/** How Express reads a path parameter: the percent-decoded UTF-8 text, or null when it is no UTF-8. */
const decodedParam = (bytes: Uint8Array): string | null => {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
};
/** The id pipe's decision: the canonical id, or its refusal. */
const pipeDecision = (raw: string, name: string): { id: string } | ErrorBody => {
  try {
    return { id: Int64IdPipe.parse(raw, name) };
  } catch (error) {
    const { code, message } = error as ErrorBody;
    return { code, message };
  }
};

/** Path segments for ids: texts of every kind, raw bytes (not always UTF-8), and real ids in disguise. */
const idSegmentBytes = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 24 }).map(utf8),
  fc.string({ minLength: 1, maxLength: 24 }).map(utf8),
  fc.uint8Array({ minLength: 1, maxLength: 12 }),
  fc
    .tuple(
      fc.constantFrom(...Object.values(CALLS), '100001', '100002', '1', '9223372036854775807', '9223372036854775808'),
      fc.nat({ max: 30 }),
      fc.constantFrom('', '', '', ' ', '/', '\u0000', '\u200d', '\u202e', '\uFF11', '.0', 'e0', '%'),
      fc.boolean(),
    )
    .map(([id, zeros, noise, before]) =>
      utf8(before ? `${noise}${'0'.repeat(zeros)}${id}` : `${'0'.repeat(zeros)}${id}${noise}`),
    ),
  fc.bigInt({ min: 1n, max: 2n ** 64n }).map((n) => utf8(n.toString())),
);

describe('hostile input: never a 500, always {code, message}, the same decision whatever the disguise', () => {
  let t: TestApp;
  let port: number;
  let factory: Factory;
  let agent: string;
  let unrelated: string;
  let admin: string;
  let dialer: string;
  let client: { clientId: string; clientSecret: string };
  /** A lead of team 1 the admin reassigns at will, and one of team 2. */
  let spareLead: string;
  let otherTeamLead: string;

  beforeAll(async () => {
    t = await createTestApp();
    const server = t.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    port = (server.address() as AddressInfo).port;
    factory = new Factory(t.dataSource);
    agent = t.token(USERS.agent);
    unrelated = t.token(USERS.unrelatedAgent);
    admin = t.token(USERS.admin);
    client = await factory.client(USERS.agent, ['dialer:write']);
    dialer = t.token(USERS.agent, { clientId: client.clientId, scopes: ['dialer:write'] });
    spareLead = await factory.lead('1', USERS.agent);
    otherTeamLead = await factory.lead('2', USERS.otherTeamAdmin);
  });

  afterAll(async () => {
    await t.close();
  });

  const raw = (method: string, target: string, headers: Record<string, string> = {}, body = '') =>
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
    );
  const postJson = (path: string, token: string, json: string) =>
    t.http().post(path).set('Authorization', `Bearer ${token}`).set('Content-Type', 'application/json').send(json);

  describe('the Authorization header', () => {
    const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const signed = (payload: object, options: SignOptions, key: string = DEVELOPMENT_JWT_SECRET) =>
      sign(payload, key, {
        algorithm: 'HS256',
        issuer: 'calls-api',
        audience: 'calls-api',
        expiresIn: 600,
        ...options,
      });
    /** Tokens that look right and are not: tampered, unsigned, expired, of someone who may not sign in. */
    type Tamper = (real: string, at: number) => string;
    const nearlyValid = fc.constantFrom<Tamper>(
      (real, at) => {
        const [header, payload, signature] = real.split('.');
        const i = at % (payload.length - 1);
        const swapped = payload[i] === 'A' ? 'B' : 'A';
        return `${header}.${payload.slice(0, i)}${swapped}${payload.slice(i + 1)}.${signature}`;
      },
      (real) => real.split('.').slice(0, 2).join('.'),
      (real) => `${real.split('.').slice(0, 2).join('.')}.`,
      (real) => `${base64url({ alg: 'none', typ: 'JWT' })}.${real.split('.')[1]}.`,
      (real) => `${real} junk`,
      (real) => `${real}${real}`,
      (real) => real.toUpperCase(),
      () => signed({ sub: USERS.deactivated }, {}),
      () => signed({ sub: '999999999' }, {}),
      () => signed({ sub: USERS.agent }, { expiresIn: -120 }),
      () => signed({ sub: USERS.agent }, { notBefore: 600 }),
      () => signed({ sub: USERS.agent }, { audience: 'another-api' }),
      () => signed({ sub: USERS.agent }, { issuer: 'someone-else' }),
      () => signed({ sub: USERS.agent }, {}, 'another secret of at least thirty-two characters'),
      () => signed({ sub: '１００２３４' }, {}),
      () => signed({ sub: `${USERS.agent}\u0000` }, {}),
      () => signed({ sub: 100234 }, {}),
      () => signed({}, {}),
    );
    const junk = fc.oneof(
      fc.string({ maxLength: 200 }),
      // Any code point, sent as its UTF-8 bytes (what a client writing UTF-8 into a header sends).
      fc.string({ unit: 'binary', maxLength: 100 }).map((s) => Buffer.from(s.toWellFormed()).toString('latin1')),
      fc.string({ unit: 'binary-ascii', maxLength: 100 }),
      fc.string({ minLength: 4000, maxLength: 8000 }),
      fc.base64String({ maxLength: 300 }),
    );
    const authorization = fc
      .oneof(
        junk,
        junk.map((s) => `Bearer ${s}`),
        fc
          .tuple(
            fc.constantFrom('Bearer', 'bearer', 'BEARER', 'Basic', 'Token', 'JWT', 'Bearer:', ''),
            fc.constantFrom('', ' ', '  ', '\t'),
            junk,
          )
          .map(([scheme, space, rest]) => `${scheme}${space}${rest}`),
        fc
          .tuple(nearlyValid, fc.nat(), fc.constantFrom('Bearer ', 'bearer ', 'Bearer  '))
          .map(([tamper, at, scheme]) => `${scheme}${tamper(t.token(USERS.agent), at)}`),
      )
      .filter((value) => {
        try {
          validateHeaderValue('Authorization', value);
          return true;
        } catch {
          return false; // Node refuses to send it (a control character): no request to make.
        }
      });
    const protectedRequests = [
      () => t.http().get(CALL_PATH),
      () => t.http().get('/v1.0/calls?leadId=100001'),
      () => t.http().get('/v1.0/communication/call?leadId=100001&limit=5'),
      () => t.http().post('/v1.0/leads').send({ firstName: 'Maya' }),
      () => t.http().post('/v1.0/dialer/calls').send({}),
      () => t.http().get('/v1.0/webhooks'),
      () => t.http().get('/v1.0/leads/100001'),
    ];

    it('answers any value but a valid bearer token with 401 BAD_CREDENTIALS, exactly {code, message}', async () => {
      await fc.assert(
        fc.asyncProperty(authorization, fc.nat({ max: protectedRequests.length - 1 }), async (value, route) => {
          const answer = toAnswer(await protectedRequests[route]().set('Authorization', value));
          expect(answer.status).toBe(401);
          const body = refusalOf(answer);
          expect(body.code).toBe('BAD_CREDENTIALS');
          expect(BAD_TOKEN_MESSAGES).toContain(body.message);
          expect(answer.headers['www-authenticate']).toBe('Bearer');
        }),
        { numRuns: 150 },
      );
    });

    it('answers a header line too long for Node (over 16 KB) with 431 HEADERS_TOO_LARGE in JSON', async () => {
      const answer = await raw('GET', CALL_PATH, { Authorization: `Bearer ${'a'.repeat(20_000)}` });
      expect(answer?.status).toBe(431);
      expect(JSON.parse(answer?.text ?? '')).toEqual({
        code: 'HEADERS_TOO_LARGE',
        message: 'The request headers are too large.',
      });
    });

    it('answers many headers adding up to over 16 KB with 431 as well', async () => {
      const headers = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`X-Filler-${i}`, 'x'.repeat(40)]));
      const answer = await raw('GET', CALL_PATH, { Authorization: `Bearer ${agent}`, ...headers });
      expect(answer?.status).toBe(431);
      expect(JSON.parse(answer?.text ?? '').code).toBe('HEADERS_TOO_LARGE');
    });
  });

  describe('path ids', () => {
    const users = [USERS.agent, USERS.unrelatedAgent, USERS.admin];

    it('GET /v2.0/communication/call/{id}: the id pipe decides, and a valid id in any form gets the plain id’s answer', async () => {
      await fc.assert(
        fc.asyncProperty(idSegmentBytes, fc.constantFrom(...users), async (bytes, user) => {
          const res = await t
            .http()
            .get(`/v2.0/communication/call/${percentEncode(bytes)}`)
            .set('Authorization', `Bearer ${t.token(user)}`);
          const answer = toAnswer(res);
          const param = decodedParam(bytes);
          if (param === null) {
            expect(refusalOf(answer)).toEqual(INVALID_URL_ENCODING);
            return;
          }
          const decision = pipeDecision(param, 'communicationId');
          if (!('id' in decision)) {
            expect(answer.status).toBe(400);
            expect(refusalOf(answer)).toEqual(decision);
            return;
          }
          const expected = EXPECTED[decision.id];
          if (expected?.json !== null && expected?.visibleTo.includes(user)) {
            expect({ status: answer.status, text: answer.text }).toEqual({ status: 200, text: expected.json });
          } else {
            expect({ status: answer.status, text: answer.text }).toEqual({ status: 400, text: PERMISSION_DENIED_JSON });
          }
        }),
        { numRuns: 200 },
      );
    });

    it('GET /v1.0/leads/{leadId} and GET /v1.0/webhook/{subscribeId}/deliveries: the same, for their ids', async () => {
      await fc.assert(
        fc.asyncProperty(idSegmentBytes, fc.boolean(), async (bytes, lead) => {
          const segment = percentEncode(bytes);
          const path = lead ? `/v1.0/leads/${segment}` : `/v1.0/webhook/${segment}/deliveries`;
          const answer = toAnswer(await t.http().get(path).set('Authorization', `Bearer ${agent}`));
          const param = decodedParam(bytes);
          if (param === null) {
            expect(refusalOf(answer)).toEqual(INVALID_URL_ENCODING);
            return;
          }
          const decision = pipeDecision(param, lead ? 'leadId' : 'subscribeId');
          if (!('id' in decision)) {
            expect(refusalOf(answer)).toEqual(decision);
          } else if (lead && ['100001', '100002'].includes(decision.id)) {
            expect(answer.status).toBe(200);
            expect(JSON.parse(answer.text)).toMatchObject({ teamId: 1 });
            expect(answer.text).toContain(`"id":${decision.id},`);
          } else {
            expect({ status: answer.status, text: answer.text }).toEqual({ status: 400, text: PERMISSION_DENIED_JSON });
          }
        }),
        { numRuns: 150 },
      );
    });

    it.each([
      ['fullwidth digits', '%EF%BC%95%EF%BC%96%EF%BC%93172647619608'],
      ['a right-to-left override', '%E2%80%AE563172647619608'],
      ['a zero-width joiner', '563172%E2%80%8D647619608'],
      ['a NUL', '563172647619608%00'],
      ['a trailing space', '563172647619608%20'],
      ['a leading plus', '%2B563172647619608'],
      ['an encoded slash', '563172647619608%2F'],
      ['a matrix parameter', '563172647619608;jsessionid=1'],
      ['a dot-dot-slash', '..%2F563172647619608'],
      ['an exponent', '563172647619608e0'],
    ])('refuses an id with %s, for every caller alike: 400 INVALID_PARAMETER', async (_, segment) => {
      for (const token of [agent, unrelated]) {
        const answer = await raw('GET', `/v2.0/communication/call/${segment}`, { Authorization: `Bearer ${token}` });
        expect(answer?.status).toBe(400);
        expect(refusalOf(answer as Answer)).toEqual({
          code: 'INVALID_PARAMETER',
          message: 'communicationId must be a decimal integer from 1 to 9223372036854775807.',
        });
      }
    });

    it.each([
      ['an overlong UTF-8 "1"', '%C0%B1'],
      ['an encoded UTF-16 surrogate', '%ED%A0%80'],
      ['a truncated escape', '56317264761960%'],
      ['a bad escape', '%ZZ563172647619608'],
      ['a lone continuation byte', '%80563172647619608'],
    ])('refuses an id with %s as not validly percent-encoded', async (_, segment) => {
      const answer = await raw('GET', `/v2.0/communication/call/${segment}`, { Authorization: `Bearer ${agent}` });
      expect(refusalOf(answer as Answer)).toEqual(INVALID_URL_ENCODING);
    });

    it('reads ids next to 2^53 exactly on this engine: no neighbour answers for another', async () => {
      for (const id of ['9007199254740992', '9007199254740994', '9007199254740995', '09007199254740993']) {
        const res = await t.http().get(`/v2.0/communication/call/${id}`).set('Authorization', `Bearer ${agent}`);
        expect({ id, status: res.status, text: res.text }).toEqual({
          id,
          status: id === '09007199254740993' ? 200 : 400,
          text: id === '09007199254740993' ? EXPECTED[CALLS.above2To53].json : PERMISSION_DENIED_JSON,
        });
      }
    });
  });

  describe('path tricks: the plain route’s decision or a clear refusal, never another permission decision', () => {
    const id = CALLS.dialer;
    const plain = `/v2.0/communication/call/${id}`;

    it.each([
      ['a trailing slash', `${plain}/`],
      ['a query string', `${plain}?x=1`],
      ['an unknown query parameter with junk', `${plain}?communicationId=1&x=%ZZ&__proto__=1&y[]=2`],
      ['another case', `/V2.0/Communication/CALL/${id}`],
      ['percent-encoded digits', `/v2.0/communication/call/%35%36%33${id.slice(3)}`],
      ['leading zeros', `/v2.0/communication/call/000${id}`],
      ['a fragment', `${plain}#x`],
      ['the absolute form', `http://127.0.0.1${plain}`],
    ])('%s: the same answer as the plain route', async (_, target) => {
      for (const token of [agent, unrelated]) {
        const expected = await raw('GET', plain, { Authorization: `Bearer ${token}` });
        const answer = await raw('GET', target, { Authorization: `Bearer ${token}` });
        expect({ status: answer?.status, text: answer?.text }).toEqual({
          status: expected?.status,
          text: expected?.text,
        });
      }
      expect((await raw('GET', target, { Authorization: `Bearer ${agent}` }))?.text).toBe(DIALER_CALL_JSON);
    });

    it.each([
      ['a double leading slash', `//v2.0/communication/call/${id}`],
      ['an encoded slash between segments', `/v2.0/communication%2Fcall/${id}`],
      ['a dot segment', `/v2.0/./communication/call/${id}`],
      ['a dot-dot segment', `/v2.0/communication/x/../call/${id}`],
      ['an encoded dot-dot segment', `/v2.0/communication/x/%2e%2e/call/${id}`],
      ['a double trailing slash', `${plain}//`],
      ['a segment more', `${plain}/x`],
      ['another version', `/v2.1/communication/call/${id}`],
      ['an asterisk', '*'],
    ])('%s: 404 NOT_FOUND for every caller alike', async (_, target) => {
      for (const token of [agent, unrelated]) {
        const answer = await raw('GET', target, { Authorization: `Bearer ${token}` });
        expect(answer?.status).toBe(404);
        expect(refusalOf(answer as Answer)).toEqual(NOT_FOUND);
      }
    });

    it.each([
      ['a backslash path', `\\v2.0\\communication\\call\\${id}`],
      ['a space in the path', `/v2.0/communication/call/ ${id}`],
      ['a raw non-ASCII byte', `/v2.0/communication/call/\u00ff${id}`],
    ])('%s: 400 MALFORMED_REQUEST from the HTTP parser, in JSON', async (_, target) => {
      const answer = await raw('GET', target, { Authorization: `Bearer ${agent}` });
      expect(answer?.status).toBe(400);
      expect(JSON.parse(answer?.text ?? '')).toEqual({
        code: 'MALFORMED_REQUEST',
        message: 'The request is not valid HTTP.',
      });
    });

    it('answers HEAD as GET: the same status and headers, no body', async () => {
      for (const [token, path] of [
        [agent, plain],
        [unrelated, plain],
        [agent, '/v2.0/communication/call/abc'],
        [agent, '/v1.0/calls?leadId=100001&limit=2'],
        [agent, '/nowhere'],
        ['junk', plain],
      ]) {
        const get = await raw('GET', path, { Authorization: `Bearer ${token}` });
        const head = await raw('HEAD', path, { Authorization: `Bearer ${token}` });
        expect({ path, status: head?.status, headers: stable(head?.headers ?? {}), body: head?.text }).toEqual({
          path,
          status: get?.status,
          headers: stable(get?.headers ?? {}),
          body: '',
        });
      }
    });

    it.each(['OPTIONS', 'TRACE', 'PUT', 'PATCH', 'DELETE', 'PROPFIND', 'LINK'])(
      '%s on the route: 404 NOT_FOUND in JSON (with CORS off, no preflight answer), nothing echoed',
      async (method) => {
        const answer = await raw(method, plain, {
          Authorization: `Bearer ${agent}`,
          Origin: 'https://evil.example',
          'Access-Control-Request-Method': 'GET',
          'X-Secret-Echo': 'do-not-echo',
        });
        expect(answer?.status).toBe(404);
        expect(refusalOf(answer as Answer)).toEqual(NOT_FOUND);
        expect(answer?.text).not.toContain('do-not-echo');
        expect(Object.keys(answer?.headers ?? {}).filter((h) => h.startsWith('access-control-'))).toEqual([]);
      },
    );

    it('answers a method Node does not know with 400 MALFORMED_REQUEST in JSON', async () => {
      const answer = await raw('FOO', plain, { Authorization: `Bearer ${agent}` });
      expect(answer?.status).toBe(400);
      expect(JSON.parse(answer?.text ?? '')).toEqual({
        code: 'MALFORMED_REQUEST',
        message: 'The request is not valid HTTP.',
      });
    });

    // Found here: Node drops a CONNECT without a word when nobody listens for it.
    it('answers CONNECT (a proxy tunnel, no route of this service) with 404 NOT_FOUND in JSON', async () => {
      const answer = await rawHttp(port, 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n');
      expect(answer?.status).toBe(404);
      expect(JSON.parse(answer?.text ?? '')).toEqual(NOT_FOUND);
    });

    // Found here: Node answered an HTTP/1.1 request without Host with an empty 400 of its own.
    it('answers an HTTP/1.1 request without Host with 400 MALFORMED_REQUEST in JSON; HTTP/1.0 needs none', async () => {
      const eleven = await rawHttp(
        port,
        `GET ${plain} HTTP/1.1\r\nAuthorization: Bearer ${agent}\r\nConnection: close\r\n\r\n`,
      );
      expect(eleven?.status).toBe(400);
      expect(refusalOf(eleven as Answer)).toEqual({
        code: 'MALFORMED_REQUEST',
        message: 'An HTTP/1.1 request needs a Host header.',
      });
      const ten = await rawHttp(port, `GET ${plain} HTTP/1.0\r\nAuthorization: Bearer ${agent}\r\n\r\n`);
      expect({ status: ten?.status, text: ten?.text }).toEqual({ status: 200, text: DIALER_CALL_JSON });
    });

    it('answers a request that asks to upgrade the protocol as a plain request', async () => {
      const answer = await raw('GET', plain, {
        Authorization: `Bearer ${agent}`,
        Upgrade: 'websocket',
        Connection: 'Upgrade',
      });
      expect({ status: answer?.status, text: answer?.text }).toEqual({ status: 200, text: DIALER_CALL_JSON });
    });
  });

  describe('bodies of every route', () => {
    const team1Users = ['100234', '100235', '100236', '100237', '100238', '100239', '100240'];
    const activeTeam1Users = team1Users.filter((id) => id !== USERS.deactivated);

    /** Sends each sample; a 2xx exactly for the valid ones (checked by `ok`), else a clean refusal. */
    const checkRoute = async (
      fields: Fields,
      send: (json: string) => Promise<Answer>,
      ok: (answer: Answer, body: Record<string, unknown>) => unknown,
      numRuns: number,
      extraValid: (body: Record<string, unknown>) => boolean = () => true,
    ) => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            { weight: 4, arbitrary: bodies(fields) },
            { weight: 1, arbitrary: anyBodyText.map((json) => ({ json })) },
          ),
          async ({ json: template }) => {
            const json = template.replace(`"${FRESH}"`, () => String(BigInt(freshId()) * 1_000_003n));
            const answer = await send(json);
            let seen: unknown;
            try {
              seen = parseJsonLossless(json.toWellFormed());
            } catch {
              seen = undefined;
            }
            if (isValidBody(fields, seen) && extraValid(seen)) {
              await ok(answer, seen);
            } else {
              refusalOf(answer);
            }
          },
        ),
        { numRuns },
      );
    };

    it('POST /v1.0/leads', async () => {
      const fields: Fields = {
        firstName: textField(100),
        lastName: textField(100),
        phoneNumber: phoneField,
        email: emailField,
        hidden: booleanField,
        assignedUserId: idField(activeTeam1Users, [USERS.deactivated, USERS.otherTeamAdmin, '999999999'], false),
      };
      const named = (body: Record<string, unknown>) =>
        ['firstName', 'lastName', 'phoneNumber', 'email'].some(
          (name) => typeof body[name] === 'string' && body[name] !== '',
        );
      await checkRoute(
        fields,
        async (json) => toAnswer(await postJson('/v1.0/leads', agent, json)),
        (answer, body) => {
          expect({ status: answer.status, text: answer.text.slice(0, 300) }).toEqual({
            status: 201,
            text: expect.any(String),
          });
          const lead = JSON.parse(answer.text) as Record<string, unknown>;
          expect(lead.teamId).toBe(1);
          expect(String(lead.assignedUserId)).toBe(parseInt64Value(body.assignedUserId) ?? USERS.agent);
          for (const name of ['firstName', 'lastName']) {
            const given = body[name];
            if (typeof given === 'string' && given !== '') expect(lead[name]).toBe(given.toWellFormed());
          }
        },
        150,
        named,
      );
    });

    it('POST /v1.0/leads/{leadId}/assignment (as an ADMIN)', async () => {
      const fields: Fields = {
        assignedUserId: idField(activeTeam1Users, [USERS.deactivated, USERS.otherTeamAdmin, '999999999']),
      };
      await checkRoute(
        fields,
        async (json) => toAnswer(await postJson(`/v1.0/leads/${spareLead}/assignment`, admin, json)),
        (answer, body) => {
          expect(answer.status).toBe(200);
          expect(answer.text).toContain(`"assignedUserId":${parseInt64Value(body.assignedUserId)},`);
        },
        100,
      );
    });

    it('POST /v1.0/logType', async () => {
      const channel = (types: string[], rule: Field['accepts']) => (value: unknown, body: Record<string, unknown>) =>
        !types.includes(body.logType as string) || rule(value, body);
      const fields: Fields = {
        leadId: idField(['100001', '100002'], [otherTeamLead, '999999999']),
        logType: { ...enumField(['logCall', 'logEmail', 'logText']), required: true },
        content: {
          good: fc.oneof(anyText(200), fc.string({ minLength: 4990, maxLength: 5010 })),
          bad: fc.oneof(nonString, fc.constant('')),
          required: true,
          accepts: (value) => typeof value === 'string' && value !== '',
        },
        leadPhoneNumber: { ...phoneField, accepts: channel(['logCall', 'logText'], isPhone) },
        callingOutcome: {
          ...enumField(Object.values(CallingOutcome)),
          accepts: channel(['logCall'], isIn(...Object.values(CallingOutcome))),
        },
        outboundOrInbound: {
          ...enumField(Object.values(LogDirection)),
          accepts: channel(['logCall', 'logText'], isIn(...Object.values(LogDirection))),
        },
        isPin: booleanField,
        emailSubject: { ...textField(255), accepts: channel(['logEmail'], isText(255)) },
        toEmail: { ...emailField, accepts: channel(['logEmail'], emailField.accepts) },
        fromEmail: { ...emailField, accepts: channel(['logEmail'], emailField.accepts) },
      };
      await checkRoute(
        fields,
        async (json) => toAnswer(await postJson('/v1.0/logType', agent, json)),
        (answer, body) => {
          expect({ status: answer.status, text: answer.text.slice(0, 300) }).toEqual({
            status: 200,
            text: expect.any(String),
          });
          const log = (JSON.parse(answer.text) as { logType: Record<string, unknown> }).logType;
          expect(String(log.leadId)).toBe(parseInt64Value(body.leadId));
          expect(log.content).toBe([...(body.content as string).toWellFormed()].slice(0, 5000).join(''));
        },
        150,
      );
    });

    it('POST /v1.0/dialer/calls (a dialer:write client)', async () => {
      const optionalField = (field: Field): Field => ({ ...field, required: false });
      const required = (field: Field): Field => ({ ...field, required: true });
      const fields: Fields = {
        dialerCallRecordId: {
          good: fc.constant(FRESH),
          bad: badId,
          required: true,
          accepts: (v) => parseInt64Value(v) !== null,
        },
        communicationType: required(enumField(['MANUAL', 'AUTO'])),
        leadId: idField(['100001', '100002'], [otherTeamLead, '999999999']),
        userId: idField(activeTeam1Users, [USERS.deactivated, USERS.otherTeamAdmin, '999999999']),
        agentId: idField(activeTeam1Users, [USERS.deactivated, USERS.otherTeamAdmin, '999999999'], false),
        userPhoneNumber: phoneField,
        leadPhoneNumber: phoneField,
        direction: required(enumField(Object.values(CallDirection))),
        status: required(enumField(Object.values(CallStatus))),
        startTime: required(timeField()),
        endTime: timeField((value, body) => isUtcTime(value) && (value as string) >= String(body.startTime)),
        duration: required(integerField(0, 2_147_483_647, ['225', 2 ** 31, -0.5, 2n ** 64n])),
        callingOutcome: enumField(Object.values(CallingOutcome)),
        rateScore: integerField(0, 5),
        recordingSwitch: required(booleanField),
        showUserNumber: phoneField,
        note: textField(5000),
        isMachineAnswered: required(booleanField),
        price: {
          good: fc.oneof(
            fc.integer({ min: 0, max: 9_999_999_999 }).map((n) => n / 10_000),
            fc.constantFrom(0, 0.02, 999999.9999),
          ),
          bad: fc.oneof(
            fc.constantFrom(-0.01, 0.00001, 1_000_000, '0.02', 1e21),
            fc.double({ noNaN: true, noDefaultInfinity: true }),
          ),
          accepts: (v) => typeof v === 'number' && v >= 0 && v <= 999999.9999 && Number(v.toFixed(4)) === v,
        },
        elapsedTime: {
          good: fc.stringMatching(/^[0-9]{2,6}:[0-5][0-9]$/),
          bad: fc.oneof(nonString, fc.constantFrom('8', '00:60', '0:08', '1234567:00', '00:08 ', '', '００:08')),
          accepts: (v) => typeof v === 'string' && /^\d{2,6}:[0-5]\d$/.test(v),
        },
      };
      for (const name of ['callingOutcome', 'rateScore', 'userPhoneNumber', 'leadPhoneNumber', 'showUserNumber']) {
        fields[name] = optionalField(fields[name]);
      }
      await checkRoute(
        fields,
        async (json) => toAnswer(await postJson('/v1.0/dialer/calls', dialer, json)),
        (answer, body) => {
          expect({ status: answer.status, text: answer.text.slice(0, 300) }).toEqual({
            status: 201,
            text: expect.any(String),
          });
          expect(answer.text).toContain(`"dialerCallRecordId":${parseInt64Value(body.dialerCallRecordId)},`);
          expect(answer.headers.location).toMatch(/^\/v2\.0\/communication\/call\/[1-9][0-9]*$/);
        },
        150,
      );
    });

    it('POST /v1.0/webhook', async () => {
      const url = /^https:\/\/(93\.184\.216\.34|1\.1\.1\.1|8\.8\.8\.8|\[2606:4700:4700::1111\])\/[a-z0-9/_-]{0,40}$/;
      const fields: Fields = {
        listId: { ...integerField(6, 6, [1, 2, 12, 13, 0]), required: true },
        callbackUrl: {
          good: fc.stringMatching(url),
          bad: fc.oneof(
            nonString,
            fc.constantFrom(
              '',
              'not a url',
              'http://93.184.216.34/h',
              'https://127.0.0.1/h',
              'https://localhost/h',
              'https://10.0.0.1/h',
              'https://169.254.169.254/latest/meta-data',
              'https://[::1]/h',
              'https://[::ffff:127.0.0.1]/h',
              'https://user:pw@1.1.1.1/h',
              'ftp://1.1.1.1/h',
              'javascript:alert(1)',
              `https://1.1.1.1/${'a'.repeat(2040)}`,
              `https://1.1.1.1/${'a'.repeat(2032)}\uFE0F`,
            ),
          ),
          required: true,
          accepts: (v) => typeof v === 'string' && url.test(v),
        },
        limit: integerField(1, 5000),
      };
      await checkRoute(
        fields,
        async (json) => toAnswer(await postJson('/v1.0/webhook', agent, json)),
        (answer) => {
          expect({ status: answer.status, text: answer.text.slice(0, 300) }).toEqual({
            status: 200,
            text: expect.any(String),
          });
          // At most 25 subscriptions a user: each one goes again at once.
          const id = /"subscribeId":(\d+)/.exec(answer.text)?.[1];
          return t.http().delete(`/v1.0/webhook/${id}`).set('Authorization', `Bearer ${agent}`).expect(200);
        },
        100,
      );
    });

    describe('POST /oauth/token', () => {
      const credentials = (): Fields => ({
        grant_type: {
          good: fc.constant('client_credentials'),
          bad: fc.oneof(
            nonString,
            fc.constantFrom('', 'password', 'CLIENT_CREDENTIALS', 'client_credentials ', 'authorization_code'),
          ),
          required: true,
          accepts: isIn('client_credentials'),
        },
        client_id: {
          good: fc.constant(client.clientId),
          bad: fc.oneof(
            nonString,
            fc.string({ maxLength: 30 }),
            fc.constantFrom(`${client.clientId} `, 'x'.repeat(513)),
          ),
          required: true,
          accepts: isIn(client.clientId),
        },
        client_secret: {
          good: fc.constant(client.clientSecret),
          bad: fc.oneof(
            nonString,
            fc.string({ maxLength: 30 }),
            fc.constantFrom(client.clientSecret.toUpperCase(), `${client.clientSecret}\u0000`, 's'.repeat(513)),
          ),
          required: true,
          accepts: isIn(client.clientSecret),
        },
        scope: {
          good: fc.constantFrom('dialer:write', ' dialer:write ', 'dialer:write dialer:write', ''),
          bad: fc.oneof(
            nonString,
            fc.constantFrom('admin', 'dialer:write admin', 'dialer:read', 'dialer:write\t', 'x'.repeat(513)),
          ),
          accepts: (v) =>
            typeof v === 'string' &&
            v.length <= 512 &&
            v.split(' ').every((scope) => scope === '' || scope === 'dialer:write'),
        },
      });
      const issued = (answer: Answer) => {
        expect({ status: answer.status, text: answer.text.slice(0, 300) }).toEqual({
          status: 200,
          text: expect.any(String),
        });
        expect(JSON.parse(answer.text)).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
      };

      it('with a JSON body', async () => {
        await checkRoute(
          credentials(),
          async (json) =>
            toAnswer(await t.http().post('/oauth/token').set('Content-Type', 'application/json').send(json)),
          issued,
          100,
        );
      });

      it('with a form body', async () => {
        const fields = credentials();
        const text = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 20 }));
        const value = (field: Field) =>
          fc.oneof(field.good, field.bad).map((v) => (typeof v === 'string' ? v.toWellFormed() : stringifyJson(v)));
        const extra = fc.array(
          fc.tuple(
            text.filter((k) => !Object.hasOwn(fields, k) && k !== ''),
            text,
          ),
          { maxLength: 4 },
        );
        const group = (name: string, field: Field, clean: boolean) =>
          (clean
            ? field.required === true
              ? value({ ...field, bad: field.good }).map((v) => [v])
              : fc.array(value({ ...field, bad: field.good }), { maxLength: 1 })
            : fc.array(value(field), { maxLength: 2 })
          ).map((values) => values.map((v): [string, string] => [name, v]));
        const pairs = fc
          .boolean()
          .chain((clean) =>
            fc.tuple(fc.tuple(...Object.entries(fields).map(([name, field]) => group(name, field, clean))), extra),
          )
          .chain(([groups, more]) => {
            const all = [...groups.flat(), ...more];
            return fc.shuffledSubarray(all, { minLength: all.length });
          });
        await fc.assert(
          fc.asyncProperty(pairs, async (list) => {
            const form = list
              .map(([k, v]) => `${encodeURIComponent(k.toWellFormed())}=${encodeURIComponent(v)}`)
              .join('&');
            const answer = toAnswer(await t.http().post('/oauth/token').type('form').send(form));
            const seen: Record<string, unknown> = {};
            for (const [k, v] of list) {
              const key = k.toWellFormed();
              if (key === '__proto__') continue;
              seen[key] = key in seen ? [seen[key], v].flat() : v;
            }
            if (isValidBody(fields, seen)) issued(answer);
            else refusalOf(answer);
          }),
          { numRuns: 100 },
        );
      });

      it('refuses a form of more than 20 parameters with 413, and malformed Basic credentials with 401', async () => {
        const many = Array.from({ length: 25 }, (_, i) => `k${i}=v`).join('&');
        const answer = toAnswer(await t.http().post('/oauth/token').type('form').send(many));
        expect(refusalOf(answer).code).toBe('PAYLOAD_TOO_LARGE');
        for (const basic of [
          'Basic !!!',
          `Basic ${Buffer.from('no-colon').toString('base64')}`,
          `Basic ${Buffer.from(':secret').toString('base64')}`,
          `Basic ${Buffer.from('a%zz:b').toString('base64')}`,
          `basic ${Buffer.from(`${'x'.repeat(600)}:y`).toString('base64')}`,
        ]) {
          const res = toAnswer(
            await t
              .http()
              .post('/oauth/token')
              .set('Authorization', basic)
              .type('form')
              .send('grant_type=client_credentials'),
          );
          const { code } = refusalOf(res);
          expect({ basic, code }).toEqual({
            basic,
            code: basic.length > 600 ? 'PARAMETER_TOO_LONG' : 'BAD_CREDENTIALS',
          });
        }
      });
    });

    // Found here: on MySQL, a text of 100 characters plus U+FE0F passed MaxLength(100) (which does not count
    // variation selectors) and the VARCHAR(100) column refused it: 500.
    it('counts every character of a text, variation selectors too: PARAMETER_TOO_LONG, not a 500 from the database', async () => {
      const over = await postJson('/v1.0/leads', agent, JSON.stringify({ firstName: `${'a'.repeat(100)}\uFE0F` }));
      expect(refusalOf(toAnswer(over))).toEqual({
        code: 'PARAMETER_TOO_LONG',
        message: 'firstName is longer than 100 characters.',
      });
      const at = await postJson('/v1.0/leads', agent, JSON.stringify({ firstName: `${'a'.repeat(99)}\uFE0F` }));
      expect(at.status).toBe(201);
      expect((JSON.parse(at.text) as { firstName: string }).firstName).toBe(`${'a'.repeat(99)}\uFE0F`);
      const emoji = await postJson('/v1.0/leads', agent, JSON.stringify({ lastName: '\u{1F600}'.repeat(100) }));
      expect(emoji.status).toBe(201);
    });

    // Found here: `"price": null` (and elapsedTime, endTime) reached price.toFixed(): 500.
    it.each(['price', 'elapsedTime', 'endTime', 'agentId', 'note', 'rateScore', 'callingOutcome', 'userPhoneNumber'])(
      'takes "%s": null of a dialer call as absent',
      async (name) => {
        const record = {
          dialerCallRecordId: freshId(),
          communicationType: 'MANUAL',
          leadId: 100001,
          userId: 100234,
          direction: 'Outbound',
          status: 'Completed',
          startTime: '2026-05-02 14:00:00',
          duration: 5,
          recordingSwitch: true,
          isMachineAnswered: false,
          [name]: null,
        };
        const res = await postJson('/v1.0/dialer/calls', dialer, JSON.stringify(record));
        expect(res.status).toBe(201);
        // Absent; an agent left out is the agent on the call.
        expect(res.text).not.toContain(name === 'agentId' ? '"agentId":null' : `"${name}"`);
      },
    );

    // Found here: `{"firstName": null}` counted as a name given and created a lead with none.
    it('takes null names of a lead as absent: MISSING_PARAMETER, no lead without a name', async () => {
      const res = await postJson(
        '/v1.0/leads',
        agent,
        JSON.stringify({ firstName: null, email: null, assignedUserId: null }),
      );
      expect(refusalOf(toAnswer(res))).toEqual({
        code: 'MISSING_PARAMETER',
        message: 'Give at least one of firstName, lastName, phoneNumber and email.',
      });
    });
  });

  describe('queries of the lists', () => {
    const leadIds = ['100001', '100002'];
    const value = fc.oneof(
      fc.constantFrom(
        '100001',
        '0100001',
        '100002',
        '1',
        '10',
        '1000',
        '1001',
        '0',
        '-1',
        '',
        ' 5',
        '5 ',
        '1e2',
        '+5',
        '１０',
      ),
      fc.constantFrom(
        '563172647619609',
        '9007199254740993',
        '9223372036854775807',
        '9223372036854775808',
        '1000000',
        '1000001',
      ),
      fc.nat({ max: 2000 }).map(String),
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 8 }),
    );
    const key = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('leadId', 'limit', 'offset', 'currentId') },
      {
        weight: 1,
        arbitrary: fc.oneof(
          fc.string({ maxLength: 8 }),
          fc.constantFrom('__proto__', 'constructor', 'leadId[]', 'limit[0]'),
        ),
      },
    );
    const query = fc.array(fc.tuple(key, value), { maxLength: 6 });
    const single = (values: string[] | undefined) =>
      values === undefined ? undefined : values.length === 1 ? values[0] : null;
    const isCount = (max: number, min: number) => (v: string | null | undefined) =>
      v === undefined || (typeof v === 'string' && /^\d{1,10}$/.test(v) && Number(v) >= min && Number(v) <= max);

    it.each([
      ['/v1.0/calls', false],
      ['/v1.0/communication/call', true],
    ])('GET %s with any query: 200 exactly for a valid one, else {code, message}', async (path, cursor) => {
      await fc.assert(
        fc.asyncProperty(query, fc.boolean(), async (pairs, leadFirst) => {
          const list = leadFirst ? [['leadId', '100001'] as [string, string], ...pairs] : pairs;
          const qs = list.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v.toWellFormed())}`).join('&');
          const answer = toAnswer(await t.http().get(`${path}?${qs}`).set('Authorization', `Bearer ${agent}`));
          const seen = new Map<string, string[]>();
          for (const [k, v] of list) seen.set(k, [...(seen.get(k) ?? []), v.toWellFormed()]);
          const leadId = single(seen.get('leadId'));
          const valid =
            typeof leadId === 'string' &&
            leadIds.includes(parseInt64Id(leadId) ?? '') &&
            isCount(1000, 1)(single(seen.get('limit'))) &&
            isCount(1_000_000, 0)(single(seen.get('offset'))) &&
            (!cursor || seen.get('currentId') === undefined || parseInt64Id(single(seen.get('currentId'))) !== null);
          if (valid) {
            expect({ status: answer.status, text: answer.text.slice(0, 200) }).toEqual({
              status: 200,
              text: expect.any(String),
            });
            const body = JSON.parse(answer.text) as { calls: unknown[]; get_metadata?: { limit: number } };
            expect(body.calls.length).toBeLessThanOrEqual(Number(single(seen.get('limit')) ?? 10));
          } else {
            refusalOf(answer);
          }
        }),
        { numRuns: 150 },
      );
    });

    it('GET a call with any query string: the same answer as without it', async () => {
      const rawQuery = fc.oneof(
        query.map((pairs) =>
          pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v.toWellFormed())}`).join('&'),
        ),
        fc.string({ unit: 'binary-ascii', maxLength: 40 }).map((s) => s.replace(/[^\x21-\x7e]/g, '').replace(/#/g, '')),
      );
      await fc.assert(
        fc.asyncProperty(rawQuery, fc.boolean(), async (q, allowed) => {
          const answer = await raw('GET', `${CALL_PATH}?${q}`, {
            Authorization: `Bearer ${allowed ? agent : unrelated}`,
          });
          expect({ status: answer?.status, text: answer?.text }).toEqual(
            allowed ? { status: 200, text: DIALER_CALL_JSON } : { status: 400, text: PERMISSION_DENIED_JSON },
          );
        }),
        { numRuns: 100 },
      );
    });
  });

  describe('sizes, nesting, encodings', () => {
    const lead = (json: string | Buffer, headers: Record<string, string> = {}) => {
      let req = t
        .http()
        .post('/v1.0/leads')
        .set('Authorization', `Bearer ${agent}`)
        .set('Content-Type', 'application/json');
      for (const [name, v] of Object.entries(headers)) req = req.set(name, v);
      return req.send(json).then(toAnswer);
    };

    it('refuses a JSON body over 1 MB with 413 PAYLOAD_TOO_LARGE, on every route that reads one', async () => {
      const big = JSON.stringify({ firstName: 'x', note: 'a'.repeat(1_100_000) });
      for (const path of ['/v1.0/leads', '/v1.0/logType', '/v1.0/dialer/calls', '/v1.0/webhook', '/oauth/token']) {
        const answer = toAnswer(await postJson(path, path === '/v1.0/dialer/calls' ? dialer : agent, big));
        expect({ path, code: refusalOf(answer).code }).toEqual({ path, code: 'PAYLOAD_TOO_LARGE' });
      }
      const form = toAnswer(
        await t
          .http()
          .post('/oauth/token')
          .type('form')
          .send(`grant_type=${'a'.repeat(1_100_000)}`),
      );
      expect(refusalOf(form).code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('refuses a body whose Content-Length says it is over 1 MB', async () => {
      const answer = await raw(
        'POST',
        '/v1.0/leads',
        { Authorization: `Bearer ${agent}`, 'Content-Type': 'application/json', 'Content-Length': '5000000' },
        ' '.repeat(5_000_000),
      );
      expect(refusalOf(answer as Answer).code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('refuses a compressed body that inflates past 1 MB (a zip bomb), and reads a small compressed one', async () => {
      const bomb = gzipSync(JSON.stringify({ firstName: 'x', note: ' '.repeat(5_000_000) }));
      expect(bomb.length).toBeLessThan(10_000);
      const head = (encoding: string, body: Buffer) =>
        Buffer.concat([
          Buffer.from(
            `POST /v1.0/leads HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${agent}\r\n` +
              `Content-Type: application/json\r\nContent-Encoding: ${encoding}\r\nContent-Length: ${body.length}\r\n` +
              'Connection: close\r\n\r\n',
          ),
          body,
        ]);
      const bombed = await rawHttp(port, head('gzip', bomb));
      expect(refusalOf(bombed as Answer).code).toBe('PAYLOAD_TOO_LARGE');
      for (const [encoding, body] of [
        ['gzip', gzipSync('{"firstName":"Zed"}')],
        ['br', brotliCompressSync('{"firstName":"Zed"}')],
      ] as const) {
        const answer = await rawHttp(port, head(encoding, body));
        expect({ encoding, status: answer?.status }).toEqual({ encoding, status: 201 });
      }
      const corrupt = await rawHttp(port, head('gzip', Buffer.from('{"firstName":"Zed"}')));
      expect(refusalOf(corrupt as Answer).code).toBe('INVALID_PARAMETER');
      const unknown = await rawHttp(port, head('zstd-or-so', Buffer.from('{}')));
      expect(refusalOf(unknown as Answer).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });

    it.each([
      ['100,000 nested arrays', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
      ['100,000 nested objects', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`],
      ['33 levels', `{"firstName":"x","deep":${'['.repeat(32)}${']'.repeat(32)}}`],
      ['unbalanced nesting', '['.repeat(50_000)],
    ])('refuses %s with 400 MALFORMED_JSON, not a stack overflow', async (_, json) => {
      const answer = await lead(json);
      expect(answer.status).toBe(400);
      expect(refusalOf(answer).code).toBe('MALFORMED_JSON');
    });

    it(`refuses more than ${MAX_JSON_MEMBERS} keys and array items with 400 MALFORMED_JSON, on every route that reads JSON`, async () => {
      const manyKeys = bodyShapes(1_000_000).find((shape) => shape.name === 'many keys')!.json;
      for (const path of ['/v1.0/leads', '/v1.0/logType', '/v1.0/dialer/calls', '/v1.0/webhook']) {
        const answer = toAnswer(await postJson(path, path === '/v1.0/dialer/calls' ? dialer : agent, manyKeys));
        expect({ path, status: answer.status, body: JSON.parse(answer.text) as unknown }).toEqual({
          path,
          status: 400,
          body: {
            code: 'MALFORMED_JSON',
            message: `The request body holds more than ${MAX_JSON_MEMBERS} keys and array items; no operation takes that many.`,
          },
        });
      }
    });

    it('answers a 1 MB body of any shape within five times the time of one long string', async () => {
      const timeOf = async (json: string) => {
        let best = Infinity;
        for (let i = 0; i < 3; i++) {
          const started = performance.now();
          const answer = await lead(json);
          best = Math.min(best, performance.now() - started);
          expect(answer.status).toBeLessThan(500);
        }
        return best;
      };
      const [yardstick, ...others] = bodyShapes(1_000_000);
      const allowed = 5 * (await timeOf(yardstick.json)) + 20;
      for (const shape of others) {
        const ms = await timeOf(shape.json);
        expect({ shape: shape.name, within: ms <= allowed, ms }).toEqual({
          shape: shape.name,
          within: true,
          ms: expect.any(Number) as number,
        });
      }
    });

    it('takes 32 levels of nesting (the limit) in a field it then drops', async () => {
      const answer = await lead(`{"firstName":"Deep","deep":${'['.repeat(31)}${']'.repeat(31)}}`);
      expect(answer.status).toBe(201);
    });

    it.each([
      ['a lone surrogate in a text', '{"firstName":"\\ud800x"}', 201, '\uFFFDx'],
      ['a reversed surrogate pair', '{"firstName":"\\udc00\\ud800"}', 201, '\uFFFD\uFFFD'],
      ['an escaped NUL', '{"firstName":"a\\u0000b"}', 201, 'a\u0000b'],
      ['a right-to-left override', '{"firstName":"\\u202eevil"}', 201, '\u202eevil'],
      ['a lone surrogate in an id', '{"firstName":"x","assignedUserId":"\\ud800"}', 400, undefined],
      ['fullwidth digits in an id', '{"firstName":"x","assignedUserId":"１００２３４"}', 400, undefined],
      ['a key with a lone surrogate', '{"firstName":"x","\\ud800":1}', 201, 'x'],
      ['__proto__ with a nested teamId', '{"firstName":"x","__proto__":{"teamId":2,"hidden":true}}', 201, 'x'],
      ['duplicate keys that differ', '{"firstName":"x","firstName":"y"}', 400, undefined],
      ['a UTF-8 byte order mark (dropped as UTF-8 decoding drops it)', '\ufeff{"firstName":"x"}', 201, 'x'],
    ])('%s: a clear decision', async (_, json, status, firstName) => {
      const answer = await lead(json);
      expect(answer.status).toBe(status);
      if (status === 201) {
        const body = JSON.parse(answer.text) as { firstName: string; teamId: number; hidden: boolean };
        expect(body).toMatchObject({ firstName, teamId: 1, hidden: false });
      } else {
        refusalOf(answer);
      }
    });

    it.each([
      ['text/plain', '{"firstName":"x"}', 'UNSUPPORTED_MEDIA_TYPE'],
      ['application/x-www-form-urlencoded', 'firstName=x', 'UNSUPPORTED_MEDIA_TYPE'],
      ['application/xml', '<lead/>', 'UNSUPPORTED_MEDIA_TYPE'],
      ['application/json; charset=koi8-x', '{"firstName":"x"}', 'UNSUPPORTED_MEDIA_TYPE'],
      ['application/json', '{"firstName":', 'MALFORMED_JSON'],
      ['application/json', '[{"firstName":"x"}]', 'INVALID_PARAMETER'],
      ['application/json', '"x"', 'INVALID_PARAMETER'],
    ])('Content-Type %s with %j: %s', async (type, body, code) => {
      const answer = toAnswer(
        await t.http().post('/v1.0/leads').set('Authorization', `Bearer ${agent}`).set('Content-Type', type).send(body),
      );
      expect(refusalOf(answer).code).toBe(code);
    });

    it('answers a body in a chunked request that Node cannot frame (Content-Length and Transfer-Encoding) with 400', async () => {
      const answer = await raw(
        'POST',
        '/v1.0/leads',
        {
          Authorization: `Bearer ${agent}`,
          'Content-Type': 'application/json',
          'Content-Length': '5',
          'Transfer-Encoding': 'chunked',
        },
        '0\r\n\r\n',
      );
      expect(answer?.status).toBe(400);
      expect(JSON.parse(answer?.text ?? '').code).toBe('MALFORMED_REQUEST');
    });

    it('answers any body of any shape on every route that reads one without a 500', async () => {
      const routes: [string, string][] = [
        ['/v1.0/leads', agent],
        ['/v1.0/logType', agent],
        ['/v1.0/dialer/calls', dialer],
        ['/v1.0/webhook', agent],
        [`/v1.0/leads/${spareLead}/assignment`, agent],
        ['/oauth/token', agent],
      ];
      await fc.assert(
        fc.asyncProperty(anyBodyText, fc.constantFrom(...routes), async (json, [path, token]) => {
          refusalOf(toAnswer(await postJson(path, token, json)));
        }),
        { numRuns: 150 },
      );
    });
  });

  describe('security headers and CORS', () => {
    it('sets helmet’s headers on answers and errors alike, and never X-Powered-By', async () => {
      const answers = [
        await raw('GET', CALL_PATH, { Authorization: `Bearer ${agent}` }),
        await raw('GET', CALL_PATH, { Authorization: `Bearer ${unrelated}` }),
        await raw('GET', CALL_PATH),
        await raw('GET', '/nowhere'),
        await raw(
          'POST',
          '/v1.0/leads',
          { Authorization: `Bearer ${agent}`, 'Content-Type': 'text/plain', 'Content-Length': '1' },
          'x',
        ),
      ];
      for (const answer of answers) {
        expect(answer?.headers).toMatchObject({
          'x-content-type-options': 'nosniff',
          'content-security-policy': expect.stringContaining("default-src 'self'") as string,
          'strict-transport-security': expect.stringMatching(/^max-age=\d+/) as string,
          'x-frame-options': 'SAMEORIGIN',
          'referrer-policy': 'no-referrer',
          'cross-origin-resource-policy': 'same-origin',
        });
        expect(answer?.headers['x-powered-by']).toBeUndefined();
      }
    });

    it('has CORS off by default: no Access-Control-Allow-Origin, whatever the Origin', async () => {
      for (const origin of ['https://evil.example', 'null', 'https://crm.example.com']) {
        const answer = await raw('GET', CALL_PATH, { Authorization: `Bearer ${agent}`, Origin: origin });
        expect(answer?.status).toBe(200);
        expect(Object.keys(answer?.headers ?? {}).filter((h) => h.startsWith('access-control-'))).toEqual([]);
      }
    });

    describe('with CORS_ORIGINS=https://crm.example.com', () => {
      let cors: TestApp;

      beforeAll(async () => {
        cors = await createTestApp({ CORS_ORIGINS: 'https://crm.example.com' }, { database: t.database });
      });

      afterAll(async () => {
        await cors.close({ keepDatabase: true });
      });

      it('allows that origin and only that one', async () => {
        const allowed = await cors
          .http()
          .get(CALL_PATH)
          .set('Authorization', `Bearer ${agent}`)
          .set('Origin', 'https://crm.example.com');
        expect(allowed.status).toBe(200);
        expect(allowed.headers['access-control-allow-origin']).toBe('https://crm.example.com');
        expect(allowed.headers.vary).toContain('Origin');
        expect(allowed.headers['access-control-expose-headers']).toContain('X-Request-Id');
        for (const origin of [
          'https://evil.example',
          'https://crm.example.com.evil.example',
          'http://crm.example.com',
          'null',
        ]) {
          const other = await cors.http().get(CALL_PATH).set('Authorization', `Bearer ${agent}`).set('Origin', origin);
          expect({ origin, status: other.status, acao: other.headers['access-control-allow-origin'] }).toEqual({
            origin,
            status: 200,
            acao: undefined,
          });
        }
      });

      it('answers a preflight of that origin with 204 and the allowed methods and headers, another origin without', async () => {
        const preflight = (origin: string) =>
          cors
            .http()
            .options(CALL_PATH)
            .set('Origin', origin)
            .set('Access-Control-Request-Method', 'GET')
            .set('Access-Control-Request-Headers', 'authorization');
        const allowed = await preflight('https://crm.example.com');
        expect(allowed.status).toBe(204);
        expect(allowed.headers).toMatchObject({
          'access-control-allow-origin': 'https://crm.example.com',
          'access-control-allow-methods': expect.stringContaining('GET') as string,
          'access-control-allow-headers': expect.stringContaining('Authorization') as string,
          'access-control-max-age': '600',
          'x-content-type-options': 'nosniff',
        });
        const refused = await preflight('https://evil.example');
        expect(refused.headers['access-control-allow-origin']).toBeUndefined();
      });
    });
  });
});
