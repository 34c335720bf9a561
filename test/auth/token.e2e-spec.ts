import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decode } from 'jsonwebtoken';
import * as oauth from 'oauth4webapi';
import { ApiClientEntity } from '../../src/auth/api-client.entity';
import { ApiClientsService, CreatedClient } from '../../src/auth/api-clients.service';
import { UserEntity } from '../../src/auth/user.entity';
import { CALLS, DIALER_CALL_JSON, USERS } from '../support/demo';
import { countStatements } from '../support/statement-counter';
import { createTestApp, TestApp } from '../support/test-app';

describe('POST /oauth/token (client credentials)', () => {
  let t: TestApp;
  let client: CreatedClient;

  beforeAll(async () => {
    t = await createTestApp();
    client = await t.app.get(ApiClientsService).create(USERS.agent, 'CRM sync', ['dialer:write']);
    // For the OAuth client library, which sends its requests over the network.
    await t.app.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    await t.close();
  });

  const token = () => t.http().post('/oauth/token');
  const getCall = (accessToken: string) =>
    t.http().get(`/v2.0/communication/call/${CALLS.dialer}`).set('Authorization', `Bearer ${accessToken}`);

  it('issues a bearer token for a form body, acting as the client user', async () => {
    const res = await token()
      .type('form')
      .send({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toEqual({
      access_token: expect.any(String) as string,
      token_type: 'Bearer',
      expires_in: 3600,
      scope: 'dialer:write',
    });
    const claims = decode(res.body.access_token as string) as Record<string, unknown>;
    expect(claims).toMatchObject({ sub: USERS.agent, client_id: client.clientId, iss: 'calls-api', aud: 'calls-api' });
    expect((claims.exp as number) - (claims.iat as number)).toBe(3600);

    const call = await getCall(res.body.access_token as string);
    expect(call.status).toBe(200);
    expect(call.text).toBe(DIALER_CALL_JSON);
  });

  it('accepts a JSON body', async () => {
    const res = await token().send({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
    });
    expect(res.status).toBe(200);
  });

  it('accepts the credentials in an HTTP Basic header', async () => {
    const res = await token()
      .auth(client.clientId, client.clientSecret)
      .type('form')
      .send({ grant_type: 'client_credentials' });
    expect(res.status).toBe(200);
  });

  it('narrows the scopes to the ones requested', async () => {
    const res = await token().send({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
      scope: 'dialer:write',
    });
    expect(res.body.scope).toBe('dialer:write');
  });

  it.each([
    ['a wrong secret', () => ({ client_id: client.clientId, client_secret: `${client.clientSecret}x` })],
    ['an unknown client', () => ({ client_id: 'cl_000000000000000000000000', client_secret: client.clientSecret })],
    // MySQL's collations would find the client for these two; the id must match exactly.
    ['the id with a trailing space', () => ({ client_id: `${client.clientId} `, client_secret: client.clientSecret })],
    ['the id in upper case', () => ({ client_id: client.clientId.toUpperCase(), client_secret: client.clientSecret })],
  ])('refuses %s with 401 BAD_CREDENTIALS, an OAuth invalid_client', async (_, credentials) => {
    const res = await token().send({ grant_type: 'client_credentials', ...credentials() });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      code: 'BAD_CREDENTIALS',
      message: 'Unknown client, wrong secret, or the client is revoked.',
      error: 'invalid_client',
      error_description: 'Unknown client, wrong secret, or the client is revoked.',
    });
    // Credentials in the body: no challenge (Bearer would name the wrong scheme).
    expect(res.headers['www-authenticate']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('challenges a client whose HTTP Basic credentials fail with Basic, an OAuth invalid_client', async () => {
    const res = await token()
      .auth(client.clientId, `${client.clientSecret}x`)
      .type('form')
      .send({ grant_type: 'client_credentials' });
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Basic realm="calls-api", charset="UTF-8"');
    expect(res.body).toMatchObject({ code: 'BAD_CREDENTIALS', error: 'invalid_client' });
  });

  it('does the same database work for an unknown client id as for a known one, so that timing tells neither', async () => {
    const statementsFor = async (clientId: string): Promise<number> => {
      const statements = countStatements(t.dataSource);
      try {
        const res = await token().send({ grant_type: 'client_credentials', client_id: clientId, client_secret: 'x' });
        expect(res.status).toBe(401);
        return statements.count();
      } finally {
        statements.restore();
      }
    };
    const known = await statementsFor(client.clientId);
    const unknown = await statementsFor('cl_000000000000000000000000');
    expect({ known, unknown }).toEqual({ known: 1, unknown: 1 });
  });

  it.each([
    [{}, 'MISSING_PARAMETER', 'grant_type is required.', 'invalid_request'],
    [
      { grant_type: 'password' },
      'UNSUPPORTED_GRANT_TYPE',
      'Only grant_type=client_credentials is supported.',
      'unsupported_grant_type',
    ],
    [{ grant_type: 'client_credentials' }, 'MISSING_PARAMETER', 'client_id is required.', 'invalid_request'],
    [
      { grant_type: 'client_credentials', client_id: 'x' },
      'MISSING_PARAMETER',
      'client_secret is required.',
      'invalid_request',
    ],
    [
      { grant_type: 'client_credentials', client_id: 5, client_secret: 'x' },
      'INVALID_PARAMETER',
      'client_id must be a string.',
      'invalid_request',
    ],
  ])('refuses %j with 400', async (body, code, message, error) => {
    const res = await token().send(body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code, message, error, error_description: message });
  });

  it('refuses a scope the client does not hold', async () => {
    const res = await token().send({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
      scope: 'admin',
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      code: 'INVALID_PARAMETER',
      message: 'scope: the client does not hold admin.',
      error: 'invalid_scope',
      error_description: 'scope: the client does not hold admin.',
    });
  });

  it('refuses malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await token().set('Content-Type', 'application/json').send('{"grant_type":');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      code: 'MALFORMED_JSON',
      message: 'The request body is not valid JSON.',
      error: 'invalid_request',
      error_description: 'The request body is not valid JSON.',
    });
  });

  it('keeps the OAuth members to the token endpoint', async () => {
    const res = await t.http().get(`/v2.0/communication/call/${CALLS.dialer}`);
    expect(res.status).toBe(401);
    expect(Object.keys(res.body as object)).toEqual(['code', 'message']);
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it('stops honouring a revoked client, also its tokens already issued', async () => {
    const revocable = await t.app.get(ApiClientsService).create(USERS.agent, 'to revoke');
    const issued = await token().send({
      grant_type: 'client_credentials',
      client_id: revocable.clientId,
      client_secret: revocable.clientSecret,
    });
    expect((await getCall(issued.body.access_token as string)).status).toBe(200);

    await t.dataSource.getRepository(ApiClientEntity).update(revocable.clientId, { revokedAt: new Date() });

    expect((await getCall(issued.body.access_token as string)).status).toBe(401);
    const again = await token().send({
      grant_type: 'client_credentials',
      client_id: revocable.clientId,
      client_secret: revocable.clientSecret,
    });
    expect(again.status).toBe(401);
  });

  it('refuses a client whose user is deactivated', async () => {
    const owned = await t.app.get(ApiClientsService).create(USERS.owner, 'owner sync');
    await t.dataSource.getRepository(UserEntity).update(USERS.owner, { active: false });
    try {
      const res = await token().send({
        grant_type: 'client_credentials',
        client_id: owned.clientId,
        client_secret: owned.clientSecret,
      });
      expect(res.status).toBe(401);
    } finally {
      await t.dataSource.getRepository(UserEntity).update(USERS.owner, { active: true });
    }
  });

  it('stores the secret hashed, never in clear', async () => {
    const row = await t.dataSource.getRepository(ApiClientEntity).findOneByOrFail({ id: client.clientId });
    expect(row.secretHash).toMatch(/^sha256\$/);
    expect(row.secretHash).not.toContain(client.clientSecret);
  });

  describe('through a standard OAuth 2.0 client library (oauth4webapi)', () => {
    const server = (): oauth.AuthorizationServer => {
      const { port } = (t.app.getHttpServer() as Server).address() as AddressInfo;
      return { issuer: 'calls-api', token_endpoint: `http://127.0.0.1:${port}/oauth/token` };
    };
    const insecure = { [oauth.allowInsecureRequests]: true };
    const grant = async (auth: oauth.ClientAuth, scope?: string, clientId = client.clientId) => {
      const as = server();
      const response = await oauth.clientCredentialsGrantRequest(
        as,
        { client_id: clientId },
        auth,
        scope === undefined ? {} : { scope },
        insecure,
      );
      return oauth.processClientCredentialsResponse(as, { client_id: clientId }, response);
    };
    /** The error the library reports, by its OAuth name. */
    const refusal = async (attempt: Promise<unknown>) => {
      const error = await attempt.then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(oauth.ResponseBodyError);
      const { status, cause } = error as oauth.ResponseBodyError;
      return { status, error: cause.error, description: cause.error_description, code: cause.code };
    };

    it('gets a token with client_secret_basic, narrowed to the scope asked, that Get Call accepts', async () => {
      const issued = await grant(oauth.ClientSecretBasic(client.clientSecret), 'dialer:write');
      expect(issued).toMatchObject({ token_type: 'bearer', expires_in: 3600, scope: 'dialer:write' });
      expect((await getCall(issued.access_token)).status).toBe(200);
    });

    it('gets a token with client_secret_post', async () => {
      const issued = await grant(oauth.ClientSecretPost(client.clientSecret));
      expect(issued).toMatchObject({ token_type: 'bearer', scope: 'dialer:write' });
    });

    it('sees a wrong secret sent in the body as invalid_client', async () => {
      expect(await refusal(grant(oauth.ClientSecretPost(`${client.clientSecret}x`)))).toEqual({
        status: 401,
        error: 'invalid_client',
        description: 'Unknown client, wrong secret, or the client is revoked.',
        code: 'BAD_CREDENTIALS',
      });
    });

    it('sees a wrong secret sent as HTTP Basic as a Basic challenge, invalid_client in its body', async () => {
      const error = await grant(oauth.ClientSecretBasic(`${client.clientSecret}x`)).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      // RFC 6749 section 5.2: the answer challenges with the scheme the client used; the library reports the challenge.
      expect(error).toBeInstanceOf(oauth.WWWAuthenticateChallengeError);
      const { status, cause, response } = error as oauth.WWWAuthenticateChallengeError;
      expect({ status, cause }).toEqual({
        status: 401,
        cause: [{ scheme: 'basic', parameters: { realm: 'calls-api', charset: 'UTF-8' } }],
      });
      expect(await response.json()).toMatchObject({ error: 'invalid_client' });
    });

    it('sees a scope the client does not hold as invalid_scope', async () => {
      expect(await refusal(grant(oauth.ClientSecretBasic(client.clientSecret), 'dialer:write admin'))).toEqual({
        status: 400,
        error: 'invalid_scope',
        description: 'scope: the client does not hold admin.',
        code: 'INVALID_PARAMETER',
      });
    });

    it('sees a client without a secret as invalid_request', async () => {
      expect(await refusal(grant(oauth.None()))).toEqual({
        status: 400,
        error: 'invalid_request',
        description: 'client_secret is required.',
        code: 'MISSING_PARAMETER',
      });
    });

    it('sees another grant type as unsupported_grant_type', async () => {
      const as = server();
      const response = await oauth.refreshTokenGrantRequest(
        as,
        { client_id: client.clientId },
        oauth.ClientSecretBasic(client.clientSecret),
        'a-refresh-token',
        insecure,
      );
      expect(await refusal(oauth.processRefreshTokenResponse(as, { client_id: client.clientId }, response))).toEqual({
        status: 400,
        error: 'unsupported_grant_type',
        description: 'Only grant_type=client_credentials is supported.',
        code: 'UNSUPPORTED_GRANT_TYPE',
      });
    });
  });
});
