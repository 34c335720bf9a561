import { Role } from '../../src/auth/role';
import { parseUtc } from '../../src/common/utc-time';
import { AUTO_CALL_JSON, BIG_ID_CALL_JSON, CALLS, DIALER_CALL_JSON, LOGGED_CALL_JSON, USERS } from '../support/demo';
import { Factory } from '../support/factories';
import { countStatements } from '../support/statement-counter';
import { createTestApp, type TestApp } from '../support/test-app';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (utc: string) => parseUtc(utc).getTime();
/** The demo calls' days (all of agent 100234): two on lead 100001 the 22nd, one on hidden lead 100002 the 23rd, one the 24th. */
const APRIL_22 = at('2026-04-22 00:00:00');
const APRIL_23 = APRIL_22 + DAY;
const APRIL_24 = APRIL_23 + DAY;

interface Page {
  offset: number;
  limit: number;
  pageData: { id: number | bigint }[];
  hasMore: boolean;
  asOf: number;
}

describe('POST /v1.0/agent/communication (search by agent)', () => {
  let t: TestApp;
  let factory: Factory;

  beforeAll(async () => {
    t = await createTestApp();
    factory = new Factory(t.dataSource);
  });

  afterAll(async () => {
    await t.close();
  });

  const search = (userId: string, body: object) =>
    t
      .http()
      .post('/v1.0/agent/communication')
      .set('Authorization', `Bearer ${t.token(userId)}`)
      .send(body);

  /** The ids of a page, as exact decimal text, from the answer's text (JSON numbers above 2^53 stay exact). */
  const idsOf = (text: string): string[] => [...text.matchAll(/"id":(\d+)/g)].map((m) => m[1]);

  const day = (startTime: number, extra: object = {}) => ({
    type: 'CALL',
    startTime,
    endTime: startTime + DAY,
    ...extra,
  });

  describe('who sees what, for each demo user', () => {
    // Without teamView: the caller's own calls (as their agent) on leads it may manage; only 100234 made any.
    const own: Record<string, Record<number, string[]>> = {
      [USERS.agent]: {
        [APRIL_22]: [CALLS.dialer, CALLS.logged],
        [APRIL_23]: [CALLS.autoOnHiddenLead],
        [APRIL_24]: [CALLS.above2To53],
      },
    };
    const others = [
      USERS.unrelatedAgent,
      USERS.admin,
      USERS.allTeamLeads,
      USERS.assistant,
      USERS.owner,
      USERS.otherTeamAdmin,
    ];
    const cases = [USERS.agent, ...others].flatMap((userId) =>
      [APRIL_22, APRIL_23, APRIL_24].map((start) => ({ userId, start, ids: own[userId]?.[start] ?? [] })),
    );

    it.each(cases)('$userId, the day from $start: $ids', async ({ userId, start, ids }) => {
      const res = await search(userId, day(start));
      expect(res.status).toBe(200);
      expect(idsOf(res.text)).toEqual(ids);
      expect(res.body).toMatchObject({ offset: 0, limit: 10, hasMore: false });
    });

    // With teamView: the team's calls on the leads the caller may manage; hidden lead 100002 is only its agent's.
    const team: Record<string, Record<number, string[]>> = {
      [USERS.admin]: { [APRIL_22]: [CALLS.dialer, CALLS.logged], [APRIL_23]: [], [APRIL_24]: [CALLS.above2To53] },
      [USERS.allTeamLeads]: {
        [APRIL_22]: [CALLS.dialer, CALLS.logged],
        [APRIL_23]: [],
        [APRIL_24]: [CALLS.above2To53],
      },
      [USERS.owner]: { [APRIL_22]: [CALLS.dialer, CALLS.logged], [APRIL_23]: [], [APRIL_24]: [CALLS.above2To53] },
      [USERS.otherTeamAdmin]: { [APRIL_22]: [], [APRIL_23]: [], [APRIL_24]: [] },
    };
    const teamCases = Object.entries(team).flatMap(([userId, byDay]) =>
      Object.entries(byDay).map(([start, ids]) => ({ userId, start: Number(start), ids })),
    );

    it.each(teamCases)('$userId with teamView, the day from $start: $ids', async ({ userId, start, ids }) => {
      const res = await search(userId, day(start, { teamView: true }));
      expect(res.status).toBe(200);
      expect(idsOf(res.text)).toEqual(ids);
    });

    it.each([USERS.agent, USERS.unrelatedAgent, USERS.assistant])(
      '%s (an agent without ACCESS_ALL_TEAM_LEADS) with teamView: 403 ACCESS_ALL_TEAM_LEADS',
      async (userId) => {
        const res = await search(userId, day(APRIL_22, { teamView: true }));
        expect(res.status).toBe(403);
        expect(res.body).toEqual({
          code: 'ACCESS_ALL_TEAM_LEADS',
          message:
            'Team-wide communication search (teamView) requires OWNER, ADMIN or the ACCESS_ALL_TEAM_LEADS permission.',
        });
      },
    );

    it('the deactivated user is refused as any request of it is (401)', async () => {
      expect((await search(USERS.deactivated, day(APRIL_22))).status).toBe(401);
    });

    it('answers each call as Get Call does, byte for byte, oldest first', async () => {
      const res = await search(USERS.agent, { type: 'CALL', startTime: APRIL_22, endTime: APRIL_22 + DAY });
      expect(res.text).toContain(`"pageData":[${DIALER_CALL_JSON},${LOGGED_CALL_JSON}]`);
      expect((await search(USERS.agent, day(APRIL_23))).text).toContain(`[${AUTO_CALL_JSON}]`);
      // An id above 2^53 stays exact.
      expect((await search(USERS.agent, day(APRIL_24))).text).toContain(`[${BIG_ID_CALL_JSON}]`);
    });

    it('answers logged emails and texts as Get Email and Get Text do', async () => {
      const asRead = async (kind: 'email' | 'text', id: string) =>
        (
          await t
            .http()
            .get(`/v2.0/communication/${kind}/${id}`)
            .set('Authorization', `Bearer ${t.token(USERS.agent)}`)
        ).text;
      const emails = await search(USERS.agent, day(APRIL_22, { type: 'EMAIL' }));
      expect(emails.status).toBe(200);
      expect(emails.text).toContain(`"pageData":[${await asRead('email', CALLS.email)}]`);
      expect((await search(USERS.admin, day(APRIL_22, { type: 'EMAIL', teamView: true }))).text).toContain(
        `"pageData":[${await asRead('email', CALLS.email)}]`,
      );
      const before = Date.now();
      const logged = await t
        .http()
        .post('/v1.0/logType')
        .set('Authorization', `Bearer ${t.token(USERS.agent)}`)
        .send({ leadId: 100001, logType: 'logText', content: 'On my way.', outboundOrInbound: 'outbound' });
      expect(logged.status).toBe(200);
      const textId = idsOf(logged.text)[0];
      const texts = await search(USERS.agent, { type: 'TEXT', startTime: before - 1000, endTime: Date.now() + 2000 });
      expect(texts.text).toContain(`"pageData":[${await asRead('text', textId)}]`);
      // Not a call, not an email.
      expect(idsOf((await search(USERS.agent, day(APRIL_22))).text)).not.toContain(CALLS.email);
    });

    it('finds no call of another type', async () => {
      const res = await search(USERS.agent, day(APRIL_22, { type: 'TEXT' }));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ pageData: [], hasMore: false });
    });
  });

  describe('the window', () => {
    const dialerStart = at('2026-04-22 10:15:00');

    it('takes a call at its start time: startTime inclusive, endTime exclusive, to the millisecond', async () => {
      const ids = async (startTime: number, endTime: number) =>
        idsOf((await search(USERS.agent, { type: 'CALL', startTime, endTime })).text);
      expect(await ids(dialerStart, dialerStart + 1)).toEqual([CALLS.dialer]);
      expect(await ids(dialerStart + 1, dialerStart + HOUR)).toEqual([CALLS.logged]);
      expect(await ids(dialerStart - HOUR, dialerStart)).toEqual([]);
      expect(await ids(dialerStart - 1, dialerStart + 1)).toEqual([CALLS.dialer]);
    });

    it('may be exactly 24 hours wide, not a millisecond more', async () => {
      expect((await search(USERS.agent, { type: 'CALL', startTime: APRIL_22, endTime: APRIL_22 + DAY })).status).toBe(
        200,
      );
      const res = await search(USERS.agent, { type: 'CALL', startTime: APRIL_22, endTime: APRIL_22 + DAY + 1 });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        code: 'INVALID_PARAMETER',
        message: 'endTime must be at most 24 hours (86400000 ms) after startTime.',
      });
    });

    it.each([
      ['equal to startTime', APRIL_22],
      ['before startTime', APRIL_22 - 1],
    ])('refuses an endTime %s', async (_, endTime) => {
      const res = await search(USERS.agent, { type: 'CALL', startTime: APRIL_22, endTime });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ code: 'INVALID_PARAMETER', message: 'endTime must be after startTime.' });
    });
  });

  describe('bad input: 400 naming the field', () => {
    const ok = { type: 'CALL', startTime: APRIL_22, endTime: APRIL_22 + HOUR };
    const without = (key: string) => Object.fromEntries(Object.entries(ok).filter(([k]) => k !== key));

    it.each([
      ['no type', without('type'), 'MISSING_PARAMETER', 'type is required.'],
      ['no startTime', without('startTime'), 'MISSING_PARAMETER', 'startTime is required.'],
      ['no endTime', without('endTime'), 'MISSING_PARAMETER', 'endTime is required.'],
      ['an unknown type', { ...ok, type: 'CALLS' }, 'INVALID_PARAMETER', 'type must be one of CALL, EMAIL, TEXT.'],
      ['a lower-case type', { ...ok, type: 'call' }, 'INVALID_PARAMETER', 'type must be one of CALL, EMAIL, TEXT.'],
      [
        'startTime as a date',
        { ...ok, startTime: '2026-04-22' },
        'INVALID_PARAMETER',
        /^startTime must be a time in epoch milliseconds/,
      ],
      [
        'a negative startTime',
        { ...ok, startTime: -1 },
        'INVALID_PARAMETER',
        /^startTime must be a time in epoch milliseconds/,
      ],
      [
        'a fractional endTime',
        { ...ok, endTime: APRIL_22 + 0.5 },
        'INVALID_PARAMETER',
        /^endTime must be a time in epoch milliseconds/,
      ],
      [
        'an endTime past year 9999',
        { ...ok, startTime: 253402300799000, endTime: 253402300799001 },
        'INVALID_PARAMETER',
        /^endTime must be a time/,
      ],
      ['limit 0', { ...ok, limit: 0 }, 'LIMIT_NOT_VALID', 'limit must be an integer from 1 to 1000.'],
      ['limit 1001', { ...ok, limit: 1001 }, 'LIMIT_NOT_VALID', 'limit must be an integer from 1 to 1000.'],
      ['limit as text', { ...ok, limit: '10' }, 'LIMIT_NOT_VALID', 'limit must be an integer from 1 to 1000.'],
      ['a negative offset', { ...ok, offset: -1 }, 'INVALID_PARAMETER', 'offset must be an integer from 0 to 19999.'],
      ['teamView as text', { ...ok, teamView: 'true' }, 'INVALID_PARAMETER', 'teamView must be true or false.'],
      ['asOf as words', { ...ok, asOf: 'now' }, 'INVALID_PARAMETER', /^asOf must be a time in epoch milliseconds/],
      ['asOf as signed text', { ...ok, asOf: '+1' }, 'INVALID_PARAMETER', /^asOf must be a time in epoch milliseconds/],
      [
        'startTime as text past year 9999',
        { ...ok, startTime: '253402300799001' },
        'INVALID_PARAMETER',
        /^startTime must be a time in epoch milliseconds/,
      ],
    ])('%s', async (_, body, code, message) => {
      const res = await search(USERS.agent, body);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        code,
        message: expect.stringMatching(message instanceof RegExp ? message : `^${escape(message)}$`),
      });
    });

    it('takes the times and asOf as strings of digits too, as an answer asked with int64=string writes them', async () => {
      const asNumbers = await search(USERS.agent, { ...ok, asOf: APRIL_22 + 2 * HOUR });
      const asStrings = await search(USERS.agent, {
        ...ok,
        startTime: String(APRIL_22),
        endTime: String(APRIL_22 + HOUR),
        asOf: String(APRIL_22 + 2 * HOUR),
      });
      expect(asStrings.status).toBe(200);
      expect(asStrings.text).toBe(asNumbers.text);
      expect(asStrings.text).toContain(`"asOf":${APRIL_22 + 2 * HOUR}}`);
    });

    it('offset + limit may reach 20000, not pass it: the answer says to narrow the window', async () => {
      expect((await search(USERS.agent, { ...ok, offset: 19_000, limit: 1000 })).status).toBe(200);
      const res = await search(USERS.agent, { ...ok, offset: 19_001, limit: 1000 });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        code: 'INVALID_PARAMETER',
        message: expect.stringMatching(/^offset \+ limit must be at most 20000: narrow the window/),
      });
    });

    it('a body that is not an object', async () => {
      const res = await t
        .http()
        .post('/v1.0/agent/communication')
        .set('Authorization', `Bearer ${t.token(USERS.agent)}`)
        .set('Content-Type', 'application/json')
        .send('[1]');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    });
  });

  describe('paging through a window', () => {
    let teamId: string;
    let agentId: string;
    let leadId: string;
    const start = at('2026-06-01 00:00:00');
    const window = { type: 'CALL', startTime: start, endTime: start + DAY };

    beforeAll(async () => {
      teamId = await factory.team();
      agentId = await factory.user(teamId, { role: Role.Agent });
      leadId = await factory.lead(teamId, agentId);
      // 23 calls: several share a second (ties go by id), two have ids above 2^53.
      for (let i = 0; i < 21; i++) {
        const createTime = new Date(start + Math.floor(i / 3) * HOUR);
        await (i % 2 === 0
          ? factory.dialerCall(leadId, agentId, { createTime })
          : factory.communication(leadId, agentId, { createTime }));
      }
      await factory.communication(leadId, agentId, { id: '9007199254741001', createTime: new Date(start + 5 * HOUR) });
      await factory.dialerCall(leadId, agentId, { id: '9223372036854775807', createTime: new Date(start + 23 * HOUR) });
    });

    const allIds = async () => idsOf((await search(agentId, { ...window, limit: 1000 })).text);

    it('orders oldest first, ties by id, with exact ids above 2^53', async () => {
      const ids = await allIds();
      expect(ids).toHaveLength(23);
      expect(ids).toContain('9007199254741001');
      expect(ids.at(-1)).toBe('9223372036854775807');
      const rows = await t.dataSource.query<{ id: string; create_time: string }[]>(
        'SELECT id, create_time FROM communications WHERE lead_id = ? ORDER BY create_time, id',
        [leadId],
      );
      expect(ids).toEqual(rows.map((row) => String(row.id)));
    });

    it('pages by offset with hasMore, and the pages add up to the window', async () => {
      const seen: string[] = [];
      for (let offset = 0; ; offset += 5) {
        const res = await search(agentId, { ...window, offset, limit: 5 });
        expect(res.status).toBe(200);
        const page = res.body as Page;
        expect(page).toMatchObject({ offset, limit: 5 });
        seen.push(...idsOf(res.text));
        if (!page.hasMore) break;
      }
      expect(seen).toEqual(await allIds());
    });

    it("with the first page's asOf, calls stored meanwhile anywhere in the window shift no page: no repeat, no gap", async () => {
      const before = await allIds();
      const first = await search(agentId, { ...window, limit: 4 });
      const { asOf } = first.body as Page;
      expect(asOf).toBeGreaterThan(0);
      const seen = idsOf(first.text);
      let hasMore = (first.body as Page).hasMore;
      for (let offset = 4; hasMore; offset += 4) {
        await new Promise((resolve) => setTimeout(resolve, 2));
        // A late upload before the page being read, and one after it.
        await factory.dialerCall(leadId, agentId, { createTime: new Date(start) });
        await factory.communication(leadId, agentId, { createTime: new Date(start + 23 * HOUR) });
        const res = await search(agentId, { ...window, offset, limit: 4, asOf });
        expect((res.body as Page).asOf).toBe(asOf);
        seen.push(...idsOf(res.text));
        hasMore = (res.body as Page).hasMore;
      }
      expect(seen).toEqual(before);
      // A new search (no asOf) sees them.
      expect((await allIds()).length).toBeGreaterThan(before.length);
    });

    it('another agent of the team sees none of them, an admin of the team all of them with teamView', async () => {
      const other = await factory.user(teamId, { role: Role.Agent });
      const admin = await factory.user(teamId, { role: Role.Admin });
      expect(idsOf((await search(other, window)).text)).toEqual([]);
      const all = await allIds();
      const res = await search(admin, { ...window, teamView: true, limit: 1000 });
      expect(idsOf(res.text)).toEqual(all);
    });

    it('a hidden lead of the team shows to its agent and assignees only; a deleted one to nobody', async () => {
      const admin = await factory.user(teamId, { role: Role.Admin });
      const assistant = await factory.user(teamId, { role: Role.Agent });
      const hidden = await factory.lead(teamId, agentId, { hidden: true });
      await factory.assignee(hidden, assistant);
      const onHidden = await factory.communication(hidden, assistant, { createTime: new Date(start + HOUR) });
      const deleted = await factory.lead(teamId, agentId, { deletedAt: new Date(start) });
      const onDeleted = await factory.communication(deleted, agentId, { createTime: new Date(start + HOUR) });
      expect(idsOf((await search(assistant, window)).text)).toEqual([onHidden]);
      const teamIds = idsOf((await search(admin, { ...window, teamView: true, limit: 1000 })).text);
      expect(teamIds).not.toContain(onHidden);
      expect(teamIds).not.toContain(onDeleted);
      expect(await allIds()).not.toContain(onDeleted);
    });

    it('reads a page in two statements (the caller, the page), however deep', async () => {
      for (const offset of [0, 20]) {
        const counter = countStatements(t.dataSource);
        try {
          const res = await search(agentId, { ...window, offset, limit: 3 });
          expect(res.status).toBe(200);
          expect(counter.count()).toBe(2);
        } finally {
          counter.restore();
        }
      }
    });
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
