import { generateKeyPairSync } from 'node:crypto';
import { type JwtHeader, sign, SignOptions } from 'jsonwebtoken';
import { UserEntity } from '../../src/auth/user.entity';
import { DEVELOPMENT_JWT_SECRET } from '../../src/config/app-config';
import { CALLS, DIALER_CALL_JSON, USERS } from '../support/demo';
import { createTestApp, TestApp } from '../support/test-app';

const CALL_PATH = `/v2.0/communication/call/${CALLS.dialer}`;
const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

describe('bearer token verification', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const valid: SignOptions = { algorithm: 'HS256', issuer: 'calls-api', audience: 'calls-api', expiresIn: 600 };
  /** Signs with the service's settings, changed by `options`; an option set to undefined is left out. */
  const signed = (payload: object, options: SignOptions = {}, key: string | Buffer = DEVELOPMENT_JWT_SECRET) => {
    const merged = Object.entries({ ...valid, ...options }).filter(([, value]) => value !== undefined);
    return sign(payload, key, Object.fromEntries(merged) as SignOptions);
  };
  const call = (authorization?: string) => {
    const req = t.http().get(CALL_PATH);
    return authorization === undefined ? req : req.set('Authorization', authorization);
  };

  it('accepts a valid token of the built-in issuer', async () => {
    const res = await call(`Bearer ${signed({ sub: USERS.agent })}`);
    expect(res.status).toBe(200);
    expect(res.text).toBe(DIALER_CALL_JSON);
  });

  const refused: [string, () => string | undefined, string][] = [
    [
      'no Authorization header',
      () => undefined,
      'Missing access token: send the header "Authorization: Bearer <access_token>".',
    ],
    [
      'an empty Authorization header',
      () => '',
      'Missing access token: send the header "Authorization: Bearer <access_token>".',
    ],
    [
      'another scheme',
      () => `Basic ${Buffer.from('a:b').toString('base64')}`,
      'Missing access token: send the header "Authorization: Bearer <access_token>".',
    ],
    [
      '"Bearer" with no token',
      () => 'Bearer',
      'Missing access token: send the header "Authorization: Bearer <access_token>".',
    ],
    ['a token that is not a JWT', () => 'Bearer not-a-jwt', 'Invalid access token.'],
    ['a valid token followed by junk', () => `Bearer ${signed({ sub: USERS.agent })} junk`, 'Invalid access token.'],
    [
      'a valid token in a query string only',
      () => undefined,
      'Missing access token: send the header "Authorization: Bearer <access_token>".',
    ],
    [
      'alg: none',
      () => {
        const claims = { sub: USERS.agent, iss: 'calls-api', aud: 'calls-api', exp: now() + 600 };
        return `Bearer ${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`;
      },
      'Invalid access token.',
    ],
    ['a bad signature', () => `Bearer ${signed({ sub: USERS.agent }).slice(0, -3)}AAA`, 'Invalid access token.'],
    [
      'another key',
      () => `Bearer ${signed({ sub: USERS.agent }, {}, 'another-secret-of-more-than-thirty-two-chars')}`,
      'Invalid access token.',
    ],
    [
      'another algorithm (HS512)',
      () => `Bearer ${signed({ sub: USERS.agent }, { algorithm: 'HS512' })}`,
      'Invalid access token.',
    ],
    [
      'RS256 signed by someone else',
      () => {
        const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
        return `Bearer ${sign({ sub: USERS.agent }, privateKey, { ...valid, algorithm: 'RS256' })}`;
      },
      'Invalid access token.',
    ],
    [
      'expired',
      () => `Bearer ${signed({ sub: USERS.agent, exp: now() - 3600 }, { expiresIn: undefined })}`,
      'The access token has expired.',
    ],
    [
      'not yet valid',
      () => `Bearer ${signed({ sub: USERS.agent, nbf: now() + 3600 })}`,
      'The access token is not valid yet.',
    ],
    ['without exp', () => `Bearer ${signed({ sub: USERS.agent }, { expiresIn: undefined })}`, 'Invalid access token.'],
    [
      'a header listing an extension it must understand (crit)',
      () => {
        const header = { alg: 'HS256', crit: ['urn:example:bound'], 'urn:example:bound': 'x' } as JwtHeader;
        return `Bearer ${signed({ sub: USERS.agent }, { header })}`;
      },
      'Invalid access token.',
    ],
    [
      'a header with an empty crit',
      () => `Bearer ${signed({ sub: USERS.agent }, { header: { alg: 'HS256', crit: [] } })}`,
      'Invalid access token.',
    ],
    [
      'a wrong issuer',
      () => `Bearer ${signed({ sub: USERS.agent }, { issuer: 'someone-else' })}`,
      'Invalid access token.',
    ],
    [
      'a wrong audience',
      () => `Bearer ${signed({ sub: USERS.agent }, { audience: 'another-api' })}`,
      'Invalid access token.',
    ],
    ['no audience', () => `Bearer ${signed({ sub: USERS.agent }, { audience: undefined })}`, 'Invalid access token.'],
    ['no subject', () => `Bearer ${signed({})}`, 'Invalid access token.'],
    ['a subject that is not a user id', () => `Bearer ${signed({ sub: 'admin' })}`, 'Invalid access token.'],
    ['an unknown user', () => `Bearer ${signed({ sub: '999999' })}`, 'Invalid access token.'],
    ['a deactivated user', () => `Bearer ${signed({ sub: USERS.deactivated })}`, 'Invalid access token.'],
    [
      'an unknown API client',
      () => `Bearer ${signed({ sub: USERS.agent, client_id: 'cl_unknown' })}`,
      'Invalid access token.',
    ],
  ];

  it.each(refused)('refuses %s with 401 BAD_CREDENTIALS', async (_, authorization, message) => {
    const res = await call(authorization());
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.body).toEqual({ code: 'BAD_CREDENTIALS', message });
  });

  it('reads the caller afresh for a token it has accepted before', async () => {
    const token = signed({ sub: USERS.owner });
    expect((await call(`Bearer ${token}`)).status).toBe(200);
    await t.dataSource.getRepository(UserEntity).update(USERS.owner, { active: false });
    try {
      expect((await call(`Bearer ${token}`)).status).toBe(401);
    } finally {
      await t.dataSource.getRepository(UserEntity).update(USERS.owner, { active: true });
    }
  });

  it('reads the scheme in any case', async () => {
    expect((await call(`bearer ${signed({ sub: USERS.agent })}`)).status).toBe(200);
    expect((await call(`BEARER  ${signed({ sub: USERS.agent })}`)).status).toBe(200);
  });

  it('tolerates a small clock skew', async () => {
    const res = await call(`Bearer ${signed({ sub: USERS.agent, exp: now() - 5 }, { expiresIn: undefined })}`);
    expect(res.status).toBe(200);
  });
});

// passport keeps one strategy per name for the whole process: one application at a time.
describe('bearer token verification without clock tolerance', () => {
  let strict: TestApp;

  beforeAll(async () => {
    strict = await createTestApp({ JWT_CLOCK_TOLERANCE_SECONDS: '0' });
  });

  afterAll(async () => {
    await strict.close();
  });

  it('refuses a token at its exp, also one it has accepted before', async () => {
    const exp = now() + 2;
    const token = sign({ sub: USERS.agent, exp }, DEVELOPMENT_JWT_SECRET, {
      algorithm: 'HS256',
      issuer: 'calls-api',
      audience: 'calls-api',
    });
    const first = await strict.http().get(CALL_PATH).set('Authorization', `Bearer ${token}`);
    expect(first.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, exp * 1000 - Date.now() + 50));
    const after = await strict.http().get(CALL_PATH).set('Authorization', `Bearer ${token}`);
    expect(after.status).toBe(401);
    expect(after.body.message).toBe('The access token has expired.');
  });
});

describe('two apps in one process (a restart, a second instance)', () => {
  it("checks each app's tokens against its own database: closing one leaves the other serving", async () => {
    const first = await createTestApp();
    const second = await createTestApp();
    try {
      // A user only the second app's database has: the first app must refuse its token, not ask the second.
      const onlySecond = '300001';
      await second.dataSource.getRepository(UserEntity).insert({
        id: onlySecond,
        teamId: '1',
        name: 'Only in the second database',
        email: null,
        phoneNumber: null,
        role: 'AGENT' as never,
        accessAllTeamLeads: false,
        active: true,
        createdAt: new Date(),
        updatedAt: new Date(),
      });
      const token = first.token(onlySecond);
      expect((await first.http().get(CALL_PATH).set('Authorization', `Bearer ${token}`)).status).toBe(401);
      await second.close();
      const res = await first
        .http()
        .get(CALL_PATH)
        .set('Authorization', `Bearer ${first.token(USERS.agent)}`);
      expect(res.status).toBe(200);
      expect(res.text).toBe(DIALER_CALL_JSON);
    } finally {
      await first.close();
    }
  });
});
