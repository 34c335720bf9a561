import fc from 'fast-check';
import { parseInt64Id } from '../../src/common/int64';
import { DIALER_CALL_JSON, PERMISSION_DENIED_JSON } from '../support/demo';
import { CALL_PATH, HOSTILE_INPUT, type HostileApp, refusalOf, startHostileApp, toAnswer } from '../support/hostile';
import type { TestApp } from '../support/test-app';

/**
 * Hostile input, the queries of the lists: whatever a query string holds, the answer is the valid query's or
 * a `{code, message}` refusal, never a 500. Properties run with fast-check; a counterexample it found is
 * kept as a plain test.
 */

// A property sends 100 to 200 requests: seconds on SQLite, more on MySQL.
jest.setTimeout(60_000);

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
});
