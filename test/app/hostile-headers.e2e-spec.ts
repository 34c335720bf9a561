import { CALL_PATH, HOSTILE_INPUT, type HostileApp, startHostileApp } from '../support/hostile';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Hostile input, the answers' security headers and CORS: every answer, a refusal as much as a success,
 * carries helmet's headers, and no origin is let in unless configured.
 */

describe(HOSTILE_INPUT, () => {
  let t: TestApp;
  let agent: string;
  let unrelated: string;
  let raw: HostileApp['raw'];

  beforeAll(async () => {
    ({ t, agent, unrelated, raw } = await startHostileApp());
  });

  afterAll(async () => {
    await t.close();
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
