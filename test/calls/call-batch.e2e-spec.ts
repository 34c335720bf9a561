import { Channel } from '../../src/calls/call-enums';
import { MAX_BATCH_IDS } from '../../src/calls/dto/call-batch.dto';
import { SqlReader } from '../../src/database/sql-reader';
import { CALLS, EXPECTED, PERMISSION_DENIED_JSON, USERS } from '../support/demo';
import { Factory, freshId } from '../support/factories';
import { countStatements } from '../support/statement-counter';
import { createTestApp, TestApp } from '../support/test-app';

const BATCH = '/v2.0/communication/call/batch';
/** No communication has these ids (the second above 2^53). */
const MISSING = '563172647619999';
const MISSING_ABOVE_2_TO_53 = '9007199254740997';

/** The batch's answer as the service writes it, from the JSON of each call read and the ids denied. */
const answerOf = (calls: (string | null)[], denied: string[]) =>
  `{"calls":[${calls.join(',')}],"denied":[${denied.join(',')}]}`;

describe('POST /v2.0/communication/call/batch and GET /v1.0/calls/{callId}', () => {
  let t: TestApp;
  let factory: Factory;
  /** A call of team 2, a call on a hidden lead of team 1 whose assistant is 100238, and a text on lead 100001. */
  let otherTeamCall: string;
  let hiddenCall: string;
  let text: string;

  beforeAll(async () => {
    t = await createTestApp();
    factory = new Factory(t.dataSource);
    otherTeamCall = await factory.dialerCall(await factory.lead('2', USERS.otherTeamAdmin), USERS.otherTeamAdmin);
    const hiddenLead = await factory.lead('1', USERS.allTeamLeads, { hidden: true });
    await factory.assignee(hiddenLead, USERS.assistant);
    hiddenCall = await factory.communication(hiddenLead, USERS.allTeamLeads);
    text = await factory.communication('100001', USERS.agent, { channel: Channel.Text, content: 'On my way.' });
  });

  afterAll(async () => {
    await t.close();
  });

  /** A batch with the ids written as given: JSON numbers (exact, also above 2^53) unless quoted. */
  const batch = (userId: string, ids: string) =>
    t
      .http()
      .post(BATCH)
      .set('Authorization', `Bearer ${t.token(userId)}`)
      .set('Content-Type', 'application/json')
      .send(`{"ids":[${ids}]}`);
  const batchOf = (userId: string, ids: readonly string[]) => batch(userId, ids.join(','));

  describe('every demo user against every demo communication, in one batch', () => {
    const activeUsers = Object.values(USERS).filter((u) => u !== USERS.deactivated);
    const ids = Object.keys(EXPECTED);

    it.each(activeUsers)(
      'as %s: the records it may read by Get Call, the others denied, in the order asked',
      async (userId) => {
        for (const order of [ids, [...ids].reverse()]) {
          const res = await batchOf(userId, order);
          expect(res.status).toBe(200);
          expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
          const readable = order.filter((id) => EXPECTED[id].visibleTo.includes(userId));
          expect(res.text).toBe(
            answerOf(
              readable.map((id) => EXPECTED[id].json),
              order.filter((id) => !readable.includes(id)),
            ),
          );
        }
      },
    );

    it('as the deactivated user 100239: 401', async () => {
      const res = await batchOf(USERS.deactivated, ids);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ code: 'BAD_CREDENTIALS', message: 'Invalid access token.' });
    });

    it('without a token: 401 before the body is looked at', async () => {
      const res = await t.http().post(BATCH).set('Content-Type', 'application/json').send('{"ids": "not even a list"}');
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('BAD_CREDENTIALS');
    });
  });

  it('answers each record exactly as Get Call does', async () => {
    for (const id of [CALLS.dialer, CALLS.logged, CALLS.above2To53, hiddenCall]) {
      const single = await t
        .http()
        .get(`/v2.0/communication/call/${id}`)
        .set('Authorization', `Bearer ${t.token(USERS.assistant)}`);
      const many = await batchOf(USERS.assistant, [id]);
      expect(single.status).toBe(200);
      expect(many.text).toBe(answerOf([single.text], []));
    }
  });

  it('keeps the order asked, in both arrays', async () => {
    const res = await batchOf(USERS.agent, [CALLS.logged, MISSING, CALLS.above2To53, CALLS.email, CALLS.dialer, text]);
    expect(res.status).toBe(200);
    const body = res.body as { calls: { id: number }[]; denied: number[] };
    expect(res.text).toMatch(/^\{"calls":\[\{"id":563172647619609,.*\{"id":9007199254740993,.*\{"id":563172647619608,/);
    expect(res.text).toMatch(new RegExp(`"denied":\\[${MISSING},${CALLS.email},${text}\\]\\}$`));
    expect(body.calls).toHaveLength(3);
  });

  it('answers an id asked twice once, at its first place, whatever form it was written in', async () => {
    const res = await batch(
      USERS.agent,
      `${CALLS.logged},"${CALLS.dialer}",${MISSING},${CALLS.logged},"000${CALLS.logged}",${CALLS.dialer},"${MISSING}"`,
    );
    expect(res.status).toBe(200);
    expect(res.text).toBe(answerOf([EXPECTED[CALLS.logged].json, EXPECTED[CALLS.dialer].json], [MISSING]));
  });

  it('writes ids above 2^53 exactly, read or denied, whether they came as numbers or strings', async () => {
    for (const ids of [
      `${CALLS.above2To53},${MISSING_ABOVE_2_TO_53},9223372036854775807`,
      `"${CALLS.above2To53}","${MISSING_ABOVE_2_TO_53}","9223372036854775807"`,
    ]) {
      const res = await batch(USERS.agent, ids);
      expect(res.status).toBe(200);
      expect(res.text).toBe(
        answerOf([EXPECTED[CALLS.above2To53].json], [MISSING_ABOVE_2_TO_53, '9223372036854775807']),
      );
    }
  });

  describe('uniform denial', () => {
    /** As ADMIN 100236, who may read the calls of lead 100001 (not of the hidden lead 100002). */
    const denials = () => ({
      'no such communication': MISSING,
      'an email': CALLS.email,
      'a text': text,
      "another team's call": otherTeamCall,
      'a hidden lead not assigned to the caller': CALLS.autoOnHiddenLead,
      'a hidden lead of which the caller is no assignee': hiddenCall,
    });

    it('denies every reason alike, beside a call it reads', async () => {
      const denied = Object.values(denials());
      const res = await batchOf(USERS.admin, [CALLS.dialer, ...denied]);
      expect(res.text).toBe(answerOf([EXPECTED[CALLS.dialer].json], denied));
    });

    it('gives a denied id the same answer, headers and all, whatever the reason', async () => {
      const strip = (headers: Record<string, unknown>) => {
        const {
          date: _date,
          'x-request-id': _id,
          'x-ratelimit-remaining': _remaining,
          'x-ratelimit-reset': _reset,
          'content-length': _length,
          ...rest
        } = headers;
        return rest;
      };
      const answers = await Promise.all(
        Object.values(denials()).map(async (id) => ({ id, res: await batchOf(USERS.admin, [id]) })),
      );
      for (const { id, res } of answers) {
        expect(res.status).toBe(200);
        expect(res.text).toBe(answerOf([], [id]));
        expect(strip(res.headers)).toEqual(strip(answers[0].res.headers));
      }
      expect(answers[0].res.headers['x-ratelimit-limit']).toBeDefined();
    });

    it("reads a hidden lead's call for its assigned agent and its assignee only", async () => {
      const single = await t
        .http()
        .get(`/v2.0/communication/call/${hiddenCall}`)
        .set('Authorization', `Bearer ${t.token(USERS.allTeamLeads)}`);
      expect(single.status).toBe(200);
      for (const userId of [USERS.allTeamLeads, USERS.assistant]) {
        expect((await batchOf(userId, [hiddenCall])).text).toBe(answerOf([single.text], []));
      }
      for (const userId of [USERS.agent, USERS.admin, USERS.owner, USERS.otherTeamAdmin]) {
        expect((await batchOf(userId, [hiddenCall])).text).toBe(answerOf([], [hiddenCall]));
      }
    });
  });

  describe('the body', () => {
    const post = (userId: string, body: string) =>
      t
        .http()
        .post(BATCH)
        .set('Authorization', `Bearer ${t.token(userId)}`)
        .set('Content-Type', 'application/json')
        .send(body);
    const ids = (n: number, from = 7_100_000) => Array.from({ length: n }, (_, i) => String(from + i));

    it(`takes ${MAX_BATCH_IDS} ids`, async () => {
      const asked = [CALLS.dialer, ...ids(MAX_BATCH_IDS - 2), CALLS.logged];
      const res = await batchOf(USERS.agent, asked);
      expect(res.status).toBe(200);
      expect(res.text).toBe(
        answerOf([EXPECTED[CALLS.dialer].json, EXPECTED[CALLS.logged].json], ids(MAX_BATCH_IDS - 2)),
      );
    });

    it.each([
      ['no ids', '{"ids":[]}'],
      [`${MAX_BATCH_IDS + 1} ids`, `{"ids":[${ids(MAX_BATCH_IDS + 1).join(',')}]}`],
      [`${MAX_BATCH_IDS + 500} ids`, `{"ids":[${ids(MAX_BATCH_IDS + 500).join(',')}]}`],
      ['a number', `{"ids":${CALLS.dialer}}`],
      ['a string of ids', `{"ids":"${CALLS.dialer},${CALLS.logged}"}`],
      ['an object', `{"ids":{"0":${CALLS.dialer}}}`],
    ])('refuses %s with 400 INVALID_PARAMETER naming ids', async (_, body) => {
      const res = await post(USERS.agent, body);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        code: 'INVALID_PARAMETER',
        message: `ids must be a list of 1 to ${MAX_BATCH_IDS} ids.`,
      });
    });

    it.each([
      ['0', '0'],
      ['-1', '-1'],
      ['1.5', '1.5'],
      ['"abc"', '"abc"'],
      ['"1e3"', '"1e3"'],
      ['" 1"', '" 1"'],
      ['"+1"', '"+1"'],
      ['null', 'null'],
      ['true', 'true'],
      ['a list', `[${CALLS.dialer}]`],
      ['an object', `{"id":${CALLS.dialer}}`],
      ['2^63', '9223372036854775808'],
      ['"2^63"', '"9223372036854775808"'],
      ['2^53 + 1 written as a double', '9007199254740993.0'],
    ])('refuses the item %s with 400 INVALID_PARAMETER naming its place', async (_, item) => {
      const res = await post(
        USERS.agent,
        `{"ids":[${CALLS.dialer},${CALLS.logged},${MISSING},${item},${CALLS.email}]}`,
      );
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ code: 'INVALID_PARAMETER', message: 'ids[3] must be a positive integer id (int64).' });
    });

    it.each([
      ['no ids field', '{"communicationIds":[1]}'],
      ['ids null', '{"ids":null}'],
    ])('refuses %s with 400 MISSING_PARAMETER', async (_, body) => {
      const res = await post(USERS.agent, body);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ code: 'MISSING_PARAMETER', message: 'ids is required.' });
    });

    it('refuses a body that is not a JSON object', async () => {
      const res = await post(USERS.agent, `[${CALLS.dialer}]`);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ code: 'INVALID_PARAMETER', message: 'The request body must be a JSON object.' });
    });

    it('reads ids written as numbers by value, as every id of a JSON body', async () => {
      const res = await batch(USERS.agent, '5.63172647619608e14');
      expect(res.text).toBe(answerOf([EXPECTED[CALLS.dialer].json], []));
    });
  });

  describe('database work', () => {
    const readable = async (n: number) => {
      const lead = await factory.lead('1', USERS.unrelatedAgent);
      return Promise.all(Array.from({ length: n }, () => factory.communication(lead, USERS.unrelatedAgent)));
    };

    it.each([1, 10, MAX_BATCH_IDS])(
      'two round trips for %s ids, whether read, missing or denied (the caller, then the calls with their leads)',
      async (n) => {
        const mine = await readable(Math.min(n, 100));
        const asked = [...mine, ...Array.from({ length: n - mine.length }, () => freshId())];
        for (const userId of [USERS.unrelatedAgent, USERS.agent]) {
          await batchOf(userId, asked); // warm: MySQL prepares a statement on its first use on a connection
          const counter = countStatements(t.dataSource);
          try {
            const res = await batchOf(userId, asked);
            expect(res.status).toBe(200);
            expect(counter.count()).toBe(2);
          } finally {
            counter.restore();
          }
        }
      },
    );

    it('reads one full row, with the lead facts, for every id, whatever the reason it is denied', async () => {
      const reader = t.app.get(SqlReader);
      const query = jest.spyOn(reader, 'query');
      const others = await Promise.all(
        Array.from({ length: 20 }, async () => factory.dialerCall(await factory.lead('2', null), USERS.otherTeamAdmin)),
      );
      const emails = await Promise.all(
        Array.from({ length: 20 }, () => factory.communication('100001', USERS.agent, { channel: Channel.Email })),
      );
      try {
        const rowsOf = async (ids: string[]) => {
          query.mockClear();
          const res = await batchOf(USERS.admin, ids);
          expect(res.text).toBe(answerOf([], ids));
          const results = await Promise.all(query.mock.results.map((r) => r.value as Promise<object[]>));
          return results.map((rows) => rows.map((row) => Object.keys(row).length));
        };
        const missing = await rowsOf(Array.from({ length: 20 }, () => freshId()));
        expect(missing[1]).toHaveLength(20);
        expect(await rowsOf(emails)).toEqual(missing);
        expect(await rowsOf(others)).toEqual(missing);
      } finally {
        query.mockRestore();
      }
    });
  });

  describe('GET /v1.0/calls/{callId}', () => {
    const get = (id: string, userId: string) =>
      t
        .http()
        .get(`/v1.0/calls/${id}`)
        .set('Authorization', `Bearer ${t.token(userId)}`);

    const activeUsers = Object.values(USERS).filter((u) => u !== USERS.deactivated);
    const cases = Object.entries(EXPECTED).flatMap(([id, expected]) =>
      activeUsers.map((userId) => ({ id, userId, allowed: expected.visibleTo.includes(userId), json: expected.json })),
    );

    it.each(cases)('$id as $userId: allowed=$allowed', async ({ id, userId, allowed, json }) => {
      const res = await get(id, userId);
      expect(res.status).toBe(allowed ? 200 : 400);
      expect(res.text).toBe(allowed ? `{"calls":${json}}` : PERMISSION_DENIED_JSON);
    });

    it("denies a missing id, a text and another team's call alike, byte for byte", async () => {
      for (const id of [MISSING, text, otherTeamCall, MISSING_ABOVE_2_TO_53]) {
        const res = await get(id, USERS.admin);
        expect(res.status).toBe(400);
        expect(res.text).toBe(PERMISSION_DENIED_JSON);
      }
    });

    it('takes the communication id, not the dialer record id', async () => {
      const res = await get('400000012345', USERS.agent);
      expect(res.status).toBe(400);
      expect(res.text).toBe(PERMISSION_DENIED_JSON);
    });

    it.each(['0', 'abc', '1.5', '9223372036854775808'])('refuses callId %s with 400 INVALID_PARAMETER', async (raw) => {
      const res = await get(raw, USERS.agent);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        code: 'INVALID_PARAMETER',
        message: 'callId must be a decimal integer from 1 to 9223372036854775807.',
      });
    });

    it('answers 401 without a token, and to the deactivated user', async () => {
      expect((await t.http().get(`/v1.0/calls/${CALLS.dialer}`)).status).toBe(401);
      expect((await get(CALLS.dialer, USERS.deactivated)).status).toBe(401);
    });
  });
});
