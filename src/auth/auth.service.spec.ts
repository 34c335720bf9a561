import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import type { ApiClientsService } from './api-clients.service';
import { AuthService, readClientCredentialsRequest } from './auth.service';
import type { TokenService } from './token.service';

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

describe('readClientCredentialsRequest', () => {
  it('reads the credentials from the body', () => {
    expect(
      readClientCredentialsRequest({ grant_type: 'client_credentials', client_id: 'a', client_secret: 'b' }, undefined),
    ).toEqual({ clientId: 'a', clientSecret: 'b', scope: undefined, basic: false });
  });

  it('reads them from an HTTP Basic header, form-decoded', () => {
    expect(
      readClientCredentialsRequest({ grant_type: 'client_credentials', scope: 's' }, basic('a%3Ab', 'c+d')),
    ).toEqual({
      clientId: 'a:b',
      clientSecret: 'c d',
      scope: 's',
      basic: true,
    });
  });

  it.each([
    [undefined, undefined, ErrorCode.MissingParameter, 'grant_type is required.'],
    [{ grant_type: '' }, undefined, ErrorCode.MissingParameter, 'grant_type is required.'],
    [
      { grant_type: 'password' },
      undefined,
      ErrorCode.UnsupportedGrantType,
      'Only grant_type=client_credentials is supported.',
    ],
    [{ grant_type: 'client_credentials' }, undefined, ErrorCode.MissingParameter, 'client_id is required.'],
    [
      { grant_type: 'client_credentials', client_id: 'a' },
      undefined,
      ErrorCode.MissingParameter,
      'client_secret is required.',
    ],
    [{ grant_type: ['client_credentials'] }, undefined, ErrorCode.InvalidParameter, 'grant_type must be a string.'],
    [
      { grant_type: 'client_credentials', client_id: 'x'.repeat(513), client_secret: 'b' },
      undefined,
      ErrorCode.ParameterTooLong,
      'client_id is longer than 512 characters.',
    ],
    [
      { grant_type: 'client_credentials' },
      basic('a', 'x'.repeat(513)),
      ErrorCode.ParameterTooLong,
      'client_secret is longer than 512 characters.',
    ],
    [
      { grant_type: 'client_credentials', client_id: 'a', client_secret: 'b' },
      basic('a', 'b'),
      ErrorCode.InvalidParameter,
      'Send the client credentials either in the Authorization header or in the body, not both.',
    ],
    [
      { grant_type: 'client_credentials' },
      'Basic bm9jb2xvbg==',
      ErrorCode.BadCredentials,
      'Malformed Basic Authorization header.',
    ],
  ])('refuses %j (Authorization %s) with %s', (body, authorization, code, message) => {
    expect(() => readClientCredentialsRequest(body, authorization)).toThrow(new AppError(code, message));
  });
});

describe('AuthService.clientCredentials', () => {
  const clients = { authenticate: jest.fn() };
  const tokens = {
    issue: jest.fn().mockReturnValue({ accessToken: 'jwt', expiresIn: 3600 }),
    assertEnabled: jest.fn(),
  };
  const service = new AuthService(clients as unknown as ApiClientsService, tokens as unknown as TokenService);

  beforeEach(() => jest.clearAllMocks());

  it('issues a token for the client user with the scopes it holds', async () => {
    clients.authenticate.mockResolvedValue({ clientId: 'cl_1', userId: '100234', scopes: ['dialer:write'] });
    await expect(
      service.clientCredentials({ clientId: 'cl_1', clientSecret: 's', scope: undefined, basic: false }),
    ).resolves.toEqual({
      access_token: 'jwt',
      token_type: 'Bearer',
      expires_in: 3600,
      scope: 'dialer:write',
    });
    expect(tokens.issue).toHaveBeenCalledWith({ userId: '100234', clientId: 'cl_1', scopes: ['dialer:write'] });
  });

  it('leaves scope out when the client holds none', async () => {
    clients.authenticate.mockResolvedValue({ clientId: 'cl_1', userId: '1', scopes: [] });
    await expect(
      service.clientCredentials({ clientId: 'cl_1', clientSecret: 's', scope: undefined, basic: false }),
    ).resolves.not.toHaveProperty('scope');
  });

  it('narrows to the requested scopes, and refuses one the client does not hold', async () => {
    clients.authenticate.mockResolvedValue({ clientId: 'cl_1', userId: '1', scopes: ['a', 'b'] });
    await expect(
      service.clientCredentials({ clientId: 'cl_1', clientSecret: 's', scope: 'b', basic: false }),
    ).resolves.toMatchObject({
      scope: 'b',
    });
    await expect(
      service.clientCredentials({ clientId: 'cl_1', clientSecret: 's', scope: 'b c', basic: false }),
    ).rejects.toMatchObject({
      code: ErrorCode.InvalidParameter,
      message: 'scope: the client does not hold c.',
      members: { error: 'invalid_scope' },
    });
  });

  it('challenges a client that sent Basic credentials with Basic', async () => {
    clients.authenticate.mockResolvedValue(null);
    await expect(
      service.clientCredentials({ clientId: 'x', clientSecret: 'y', scope: undefined, basic: true }),
    ).rejects.toMatchObject({
      code: ErrorCode.BadCredentials,
      headers: { 'WWW-Authenticate': 'Basic realm="calls-api", charset="UTF-8"' },
    });
  });

  it('refuses unknown clients and wrong secrets with BAD_CREDENTIALS', async () => {
    clients.authenticate.mockResolvedValue(null);
    await expect(
      service.clientCredentials({ clientId: 'x', clientSecret: 'y', scope: undefined, basic: false }),
    ).rejects.toMatchObject({
      code: ErrorCode.BadCredentials,
      headers: {},
    });
    expect(tokens.issue).not.toHaveBeenCalled();
  });
});
