import { verify } from 'jsonwebtoken';
import { DEVELOPMENT_JWT_SECRET, loadAppConfig } from '../config/app-config';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import { type CallerClaims, parseAccessTokenClaims } from './access-token';
import { JwtKeys } from './jwt-keys';
import { TokenService } from './token.service';

describe('TokenService', () => {
  const config = loadAppConfig({ JWT_TTL_SECONDS: '600', JWT_ISSUER: 'iss-x', JWT_AUDIENCE: 'aud-y' });
  const service = new TokenService(config, new JwtKeys(config));

  it('issues an HS256 token with subject, issuer, audience and expiry', () => {
    const { accessToken, expiresIn } = service.issue({ userId: '9007199254740993' });
    expect(expiresIn).toBe(600);
    const claims = verify(accessToken, DEVELOPMENT_JWT_SECRET, {
      algorithms: ['HS256'],
      issuer: 'iss-x',
      audience: 'aud-y',
    }) as Record<string, unknown>;
    expect(claims.sub).toBe('9007199254740993');
    expect((claims.exp as number) - (claims.iat as number)).toBe(600);
    expect(claims).not.toHaveProperty('client_id');
    expect(claims).not.toHaveProperty('scope');
  });

  it('names the API client and its scopes', () => {
    const { accessToken } = service.issue({ userId: '1', clientId: 'cl_1', scopes: ['dialer:write', 'x'] });
    const claims = parseAccessTokenClaims(verify(accessToken, DEVELOPMENT_JWT_SECRET), {
      user: 'sub',
      apiClients: true,
    });
    expect(claims).toEqual({ userId: '1', clientId: 'cl_1', scopes: ['dialer:write', 'x'] });
  });

  it('issues nothing when tokens come from an external identity provider', () => {
    const external = loadAppConfig({ JWT_ALGORITHM: 'RS256', JWT_JWKS_URL: 'https://idp.example.com/jwks.json' });
    const disabled = new TokenService(external, new JwtKeys(external));
    expect(disabled.enabled).toBe(false);
    expect(() => disabled.issue({ userId: '1' })).toThrow(
      expect.objectContaining({ code: ErrorCode.UnsupportedGrantType }) as AppError,
    );
  });
});

describe('parseAccessTokenClaims', () => {
  const exp = Math.floor(Date.now() / 1000) + 60;
  const BUILT_IN: CallerClaims = { user: 'sub', apiClients: true };
  const PROVIDER: CallerClaims = { user: 'crm_user_id', apiClients: false };

  it.each([
    [
      { sub: '100234', exp },
      { userId: '100234', clientId: null, scopes: [] },
    ],
    [
      { sub: '100234', exp, client_id: 'cl_a', scope: 'a  b' },
      { userId: '100234', clientId: 'cl_a', scopes: ['a', 'b'] },
    ],
  ])('reads %j', (payload, claims) => {
    expect(parseAccessTokenClaims(payload, BUILT_IN)).toEqual(claims);
  });

  it("reads the user from the claim an identity provider's tokens name it in, not their client or scopes", () => {
    const payload = {
      sub: '3f1c7a52-9d4e-4b8a-a0f6-2c5e8d9b1a47',
      crm_user_id: '100234',
      client_id: 'crm-sync',
      scope: 'dialer:write',
      exp,
    };
    expect(parseAccessTokenClaims(payload, PROVIDER)).toEqual({ userId: '100234', clientId: null, scopes: [] });
    expect(parseAccessTokenClaims(payload, { ...PROVIDER, user: 'sub' })).toBeNull();
  });

  it.each([
    ['without the claim', { sub: '100234', exp }],
    ['with a number', { crm_user_id: 100234, exp }],
    ['with a UUID', { crm_user_id: '3f1c7a52-9d4e-4b8a-a0f6-2c5e8d9b1a47', exp }],
    [
      'with the claim inherited, not its own',
      Object.assign(Object.create({ crm_user_id: '100234' }) as object, { exp }),
    ],
  ])("refuses an identity provider's token %s", (_, payload) => {
    expect(parseAccessTokenClaims(payload, PROVIDER)).toBeNull();
  });

  it.each([
    ['no exp', { sub: '100234' }],
    ['a string exp', { sub: '100234', exp: String(exp) }],
    ['no sub', { exp }],
    ['a numeric sub', { sub: 100234, exp }],
    ['a sub that is not an id', { sub: 'admin', exp }],
    ['a sub out of range', { sub: '9223372036854775808', exp }],
    ['an empty client_id', { sub: '1', exp, client_id: '' }],
    ['a numeric client_id', { sub: '1', exp, client_id: 5 }],
    ['a non-string scope', { sub: '1', exp, scope: ['a'] }],
    ['not an object', 'token'],
    ['null', null],
  ])('refuses %s', (_, payload) => {
    expect(parseAccessTokenClaims(payload, BUILT_IN)).toBeNull();
  });
});
