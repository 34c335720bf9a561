import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { sign } from 'jsonwebtoken';
import { CALLS, DIALER_CALL_JSON, USERS } from '../support/demo';
import { createTestApp, type TestApp } from '../support/test-app';

/** Tokens of an external identity provider, verified against its key set (JWKS), RS256 pinned. */
describe('an external identity provider (JWT_JWKS_URL)', () => {
  const provider = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let jwks: Server;
  let t: TestApp;

  beforeAll(async () => {
    const key = { ...provider.publicKey.export({ format: 'jwk' }), kid: 'key-1', use: 'sig', alg: 'RS256' };
    jwks = createServer((req, res) => {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ keys: [key] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const { port } = jwks.address() as AddressInfo;
    t = await createTestApp({
      JWT_ALGORITHM: 'RS256',
      JWT_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`,
      JWT_ISSUER: 'https://idp.example.com/',
      JWT_AUDIENCE: 'calls-api',
    });
  });

  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => jwks.close(resolve));
  });

  const token = (
    key: KeyObject | string,
    options: { algorithm?: 'RS256' | 'HS256'; kid?: string; header?: Record<string, unknown> } = {},
  ) =>
    sign({ sub: USERS.agent }, key, {
      algorithm: options.algorithm ?? 'RS256',
      keyid: options.kid ?? 'key-1',
      ...(options.header === undefined ? {} : { header: { alg: options.algorithm ?? 'RS256', ...options.header } }),
      issuer: 'https://idp.example.com/',
      audience: 'calls-api',
      expiresIn: 300,
    });
  const getCall = (accessToken: string) =>
    t.http().get(`/v2.0/communication/call/${CALLS.dialer}`).set('Authorization', `Bearer ${accessToken}`);

  it('accepts a token signed by the provider', async () => {
    const res = await getCall(token(provider.privateKey));
    expect(res.status).toBe(200);
    expect(res.text).toBe(DIALER_CALL_JSON);
  });

  it('refuses a token signed by another key under the same kid', async () => {
    expect((await getCall(token(stranger.privateKey))).status).toBe(401);
  });

  it('refuses a token with an unknown kid', async () => {
    expect((await getCall(token(provider.privateKey, { kid: 'key-2' }))).status).toBe(401);
  });

  it('refuses HS256 signed with the public key as the secret (algorithm confusion)', async () => {
    const pem = provider.publicKey.export({ format: 'pem', type: 'spki' }).toString();
    expect((await getCall(token(pem, { algorithm: 'HS256' }))).status).toBe(401);
  });

  it('refuses a token signed by the provider whose header lists an extension it must understand (crit)', async () => {
    const res = await getCall(
      token(provider.privateKey, { header: { crit: ['urn:example:bound'], 'urn:example:bound': 'x' } }),
    );
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 'BAD_CREDENTIALS', message: 'Invalid access token.' });
  });

  it('issues no tokens itself', async () => {
    const res = await t
      .http()
      .post('/oauth/token')
      .send({ grant_type: 'client_credentials', client_id: 'a', client_secret: 'b' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('UNSUPPORTED_GRANT_TYPE');
  });
});
