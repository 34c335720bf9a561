import { validateHeaderValue } from 'node:http';
import fc from 'fast-check';
import { sign, type SignOptions } from 'jsonwebtoken';
import { DEVELOPMENT_JWT_SECRET } from '../../src/config/app-config';
import { USERS } from '../support/demo';
import { CALL_PATH, HOSTILE_INPUT, type HostileApp, refusalOf, startHostileApp, toAnswer } from '../support/hostile';
import type { TestApp } from '../support/test-app';

/**
 * Hostile input, the Authorization header: whatever a client sends as its credentials (tampered, unsigned or
 * expired tokens, odd schemes, bytes no header may carry), the answer is a 401 `{code, message}` or the
 * answer of a valid token, never a 500; headers too large for Node get 431 HEADERS_TOO_LARGE in JSON.
 * Properties run with fast-check; a counterexample it found is kept as a plain test.
 */

// A property sends 100 to 200 requests: seconds on SQLite, more on MySQL.
jest.setTimeout(60_000);

const BAD_TOKEN_MESSAGES = [
  'Missing access token: send the header "Authorization: Bearer <access_token>".',
  'Invalid access token.',
  'The access token has expired.',
  'The access token is not valid yet.',
];

describe(HOSTILE_INPUT, () => {
  let t: TestApp;
  let agent: string;
  let raw: HostileApp['raw'];

  beforeAll(async () => {
    ({ t, agent, raw } = await startHostileApp());
  });

  afterAll(async () => {
    await t.close();
  });

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
});
