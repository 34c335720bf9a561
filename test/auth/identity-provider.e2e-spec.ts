import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decode } from 'jsonwebtoken';
import * as oauth from 'oauth4webapi';
import Provider, { type Configuration, type JWK } from 'oidc-provider';
import { CALLS, DIALER_CALL_JSON, USERS } from '../support/demo';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The service behind a real OpenID provider: oidc-provider (OpenID-certified) on loopback issues client credentials
 * tokens as JWTs (RFC 9068) for the service's audience. Its subjects are its own, UUIDs as Keycloak's are; the CRM
 * user is in the claim `crm_user_id`, which the provider adds to the tokens of the accounts mapped to one (Keycloak:
 * a user attribute mapper), and which JWT_USER_CLAIM names.
 */

const AUDIENCE = 'calls-api';
const RESOURCE = 'https://calls-api.example.com/';
const insecure = { [oauth.allowInsecureRequests]: true } as const;

interface Account {
  clientId: string;
  secret: string;
  /** The CRM user the provider maps the account to, if any. */
  crmUserId?: string;
}

const AGENT: Account = { clientId: randomUUID(), secret: randomUUID(), crmUserId: USERS.agent };
const UNRELATED: Account = { clientId: randomUUID(), secret: randomUUID(), crmUserId: USERS.unrelatedAgent };
const UNMAPPED: Account = { clientId: randomUUID(), secret: randomUUID() };
const ACCOUNTS = [AGENT, UNRELATED, UNMAPPED];

function signingKey(kid: string): JWK {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
}

function configuration(keys: JWK[]): Configuration {
  return {
    clients: ACCOUNTS.map((account) => ({
      client_id: account.clientId,
      client_secret: account.secret,
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    })),
    // The first key signs; the others are still published, for the tokens they signed.
    jwks: { keys },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      // Without a resource server the provider issues opaque tokens; with one, JWTs for its audience.
      resourceIndicators: {
        enabled: true,
        defaultResource: () => RESOURCE,
        getResourceServerInfo: () => ({
          scope: '',
          audience: AUDIENCE,
          accessTokenFormat: 'jwt',
          accessTokenTTL: 300,
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    ttl: { ClientCredentials: 300 },
    extraTokenClaims: (_ctx, token) => {
      const crmUserId = ACCOUNTS.find((account) => account.clientId === token.clientId)?.crmUserId;
      return crmUserId === undefined ? undefined : { crm_user_id: crmUserId };
    },
  };
}

/** An identity provider on a loopback port; `rotate` gives it other keys while its address (its issuer) stays. */
class IdentityProvider {
  /** Requests for the key set, which a verifier makes when it meets a key id it does not know. */
  keySetFetches = 0;
  private handle!: ReturnType<Provider['callback']>;

  private constructor(
    private readonly server: Server,
    readonly issuer: string,
    keys: JWK[],
  ) {
    this.rotate(keys);
  }

  static async start(keys: JWK[]): Promise<IdentityProvider> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const idp = new IdentityProvider(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, keys);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if (req.url?.startsWith('/jwks') === true) idp.keySetFetches += 1;
      void idp.handle(req, res);
    });
    return idp;
  }

  rotate(keys: JWK[]): void {
    // It warns that its store is in memory, for development only: as a test's provider's is meant to be.
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      this.handle = new Provider(this.issuer, configuration(keys)).callback();
    } finally {
      warn.mockRestore();
    }
  }

  /** Its metadata, read as a client reads it (OpenID Connect Discovery). */
  async discover(): Promise<oauth.AuthorizationServer> {
    const issuer = new URL(this.issuer);
    return oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, insecure));
  }

  /** A client credentials token of the account, got as a standard OAuth client gets one. */
  async token(account: Account): Promise<string> {
    const as = await this.discover();
    const client = { client_id: account.clientId };
    const response = await oauth.clientCredentialsGrantRequest(
      as,
      client,
      oauth.ClientSecretBasic(account.secret),
      {},
      insecure,
    );
    return (await oauth.processClientCredentialsResponse(as, client, response)).access_token;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

describe('a real identity provider (oidc-provider) as the issuer', () => {
  const key1 = signingKey('key-1');
  const key2 = signingKey('key-2');
  let idp: IdentityProvider;
  let t: TestApp;

  beforeAll(async () => {
    idp = await IdentityProvider.start([key1]);
    const { issuer, jwks_uri } = await idp.discover();
    t = await createTestApp({
      JWT_ALGORITHM: 'RS256',
      JWT_JWKS_URL: jwks_uri!,
      JWT_ISSUER: issuer,
      JWT_AUDIENCE: AUDIENCE,
      JWT_USER_CLAIM: 'crm_user_id',
    });
  });

  afterAll(async () => {
    await t.close();
    await idp.stop();
  });

  const getCall = (accessToken: string) =>
    t.http().get(`/v2.0/communication/call/${CALLS.dialer}`).set('Authorization', `Bearer ${accessToken}`);

  it("accepts the provider's client credentials token, a UUID subject, as the CRM user its claim names", async () => {
    const token = await idp.token(AGENT);
    const { header, payload } = decode(token, { complete: true })!;
    expect({ header, payload }).toMatchObject({
      header: { alg: 'RS256', typ: 'at+jwt', kid: 'key-1' },
      payload: {
        iss: idp.issuer,
        aud: AUDIENCE,
        sub: AGENT.clientId,
        client_id: AGENT.clientId,
        crm_user_id: USERS.agent,
      },
    });

    const res = await getCall(token);
    expect(res.status).toBe(200);
    expect(res.text).toBe(DIALER_CALL_JSON);
  });

  it('maps each subject to its own CRM user', async () => {
    // The call's lead is the agent's; the other CRM user may not manage it.
    const res = await getCall(await idp.token(UNRELATED));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      code: 'PERMISSION_DENIED',
      message: 'The resource does not exist or you do not have permission to access it.',
    });
  });

  it('refuses a subject the provider maps to no CRM user', async () => {
    const token = await idp.token(UNMAPPED);
    expect(decode(token)).not.toHaveProperty('crm_user_id');
    const res = await getCall(token);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 'BAD_CREDENTIALS', message: 'Invalid access token.' });
  });

  it("picks up the provider's new signing key without a restart, fetching its key set once more", async () => {
    const before = await idp.token(AGENT);
    expect((await getCall(before)).status).toBe(200);
    const fetches = idp.keySetFetches;

    idp.rotate([key2, key1]);
    const after = await idp.token(AGENT);
    expect(decode(after, { complete: true })?.header.kid).toBe('key-2');
    expect((await getCall(after)).status).toBe(200);
    expect(idp.keySetFetches).toBe(fetches + 1);
    // A token of the previous key, still published, stays good until it expires.
    expect((await getCall(before)).status).toBe(200);
  });

  it('refuses a token of another issuer, even one signed with a key of the trusted key set', async () => {
    const other = await IdentityProvider.start([key1]);
    try {
      const token = await other.token(AGENT);
      expect(decode(token, { complete: true })).toMatchObject({
        header: { kid: 'key-1' },
        payload: { iss: other.issuer, aud: AUDIENCE, crm_user_id: USERS.agent },
      });
      const res = await getCall(token);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ code: 'BAD_CREDENTIALS', message: 'Invalid access token.' });
    } finally {
      await other.stop();
    }
  });
});
