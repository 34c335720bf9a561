import { Channel, CommunicationSource } from '../../src/calls/call-enums';
import { parseUtc } from '../../src/common/utc-time';
import { SqlReader } from '../../src/database/sql-reader';
import { PERMISSION_DENIED_JSON, USERS } from '../support/demo';
import { Factory } from '../support/factories';
import { countStatements } from '../support/statement-counter';
import { createTestApp, type TestApp } from '../support/test-app';

const WINDOW_EXCEEDED = {
  code: 'INVALID_PARAMETER',
  message: 'offset + limit must be at most 20000: page further with currentId.',
};

interface Stored {
  id: string;
  time: string;
}

type Order = { sort: 'createTime' | 'id'; order: 'asc' | 'desc' };
const ORDERS: Order[] = [
  { sort: 'createTime', order: 'desc' },
  { sort: 'createTime', order: 'asc' },
  { sort: 'id', order: 'desc' },
  { sort: 'id', order: 'asc' },
];

/** The logs in the order asked: by time with the id breaking ties, or by id. */
function ordered(logs: Stored[], { sort, order }: Order): string[] {
  const byId = (a: Stored, b: Stored) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1);
  const sorted = [...logs].sort(sort === 'id' ? byId : (a, b) => a.time.localeCompare(b.time) || byId(a, b));
  return (order === 'asc' ? sorted : sorted.reverse()).map((log) => log.id);
}

describe('GET /v1.0/logType', () => {
  let t: TestApp;
  let factory: Factory;
  /** A lead with 25 logged emails whose times run out of id order, with ties; and its other communications. */
  let leadId: string;
  let emails: Stored[];
  let loggedCalls: string[];
  let texts: string[];

  beforeAll(async () => {
    t = await createTestApp();
    factory = new Factory(t.dataSource);
    leadId = await factory.lead('1', USERS.agent);
    const other = await factory.lead('1', USERS.agent);
    emails = [];
    loggedCalls = [];
    texts = [];
    for (let i = 0; i < 25; i++) {
      const time = `2026-05-01 12:0${(i * 7) % 5}:00`;
      const id = await factory.communication(leadId, USERS.agent, {
        channel: Channel.Email,
        createTime: parseUtc(time),
      });
      emails.push({ id, time });
      if (i % 5 === 0) {
        await factory.dialerCall(leadId, USERS.agent);
        loggedCalls.push(await factory.communication(leadId, USERS.agent));
        texts.push(await factory.communication(leadId, USERS.agent, { channel: Channel.Text }));
        await factory.communication(other, USERS.agent, { channel: Channel.Email });
      }
    }
    // An email of an automation: not a manual log.
    await factory.communication(leadId, USERS.agent, { channel: Channel.Email, source: CommunicationSource.Auto });
  });

  afterAll(async () => {
    await t.close();
  });

  const list = (query: string, userId: string = USERS.agent) =>
    t
      .http()
      .get(`/v1.0/logType?${query}`)
      .set('Authorization', `Bearer ${t.token(userId)}`);
  const emailsOf = (query: string) => list(`leadId=${leadId}&logType=logEmail&${query}`);
  const ids = (text: string) => [...text.matchAll(/\{"id":(\d+)/g)].map((m) => m[1]);

  it('answers each entry exactly as POST /v1.0/logType answered it, under logType', async () => {
    const lead = await factory.lead('1', USERS.agent);
    const post = (body: object) =>
      t
        .http()
        .post('/v1.0/logType')
        .set('Authorization', `Bearer ${t.token(USERS.agent)}`)
        .send({ leadId: lead, ...body });
    const logged = {
      logCall: await post({
        logType: 'logCall',
        content: 'Left a message.',
        leadPhoneNumber: '5865865860',
        callingOutcome: 'VoiceMessage',
        outboundOrInbound: 'outbound',
      }),
      logEmail: await post({
        logType: 'logEmail',
        content: 'Sent the listings.',
        outboundOrInbound: 'outbound',
        isPin: true,
        emailSubject: 'Listings',
        toEmail: 'sarah.johnson@example.com',
        fromEmail: 'agent@lofty.com',
      }),
      logText: await post({ logType: 'logText', content: 'See you at 5.', leadPhoneNumber: '5865865860' }),
    };
    for (const [logType, created] of Object.entries(logged)) {
      expect(created.status).toBe(200);
      const res = await list(`leadId=${lead}&logType=${logType}`);
      expect(res.status).toBe(200);
      expect(res.text).toBe(`{"logType":[${created.text.slice('{"logType":'.length, -1)}]}`);
    }
  });

  it("lists only the lead's manual logs of the channel asked", async () => {
    const idsOf = async (logType: string) => ids((await list(`leadId=${leadId}&logType=${logType}&limit=1000`)).text);
    expect((await idsOf('logEmail')).sort()).toEqual(emails.map((e) => e.id).sort());
    expect((await idsOf('logCall')).sort()).toEqual([...loggedCalls].sort());
    expect((await idsOf('logText')).sort()).toEqual([...texts].sort());
  });

  it('answers an empty list for a lead without logs of the channel', async () => {
    const lead = await factory.lead('1', USERS.agent);
    const res = await list(`leadId=${lead}&logType=logText`);
    expect(res.status).toBe(200);
    expect(res.text).toBe('{"logType":[]}');
  });

  describe('order', () => {
    it('pages 10 logs by default, newest first by creation time, ties by id', async () => {
      const res = await emailsOf('');
      expect(ids(res.text)).toEqual(ordered(emails, ORDERS[0]).slice(0, 10));
    });

    it.each(ORDERS)('sort=$sort&order=$order', async (order) => {
      const res = await emailsOf(`sort=${order.sort}&order=${order.order}&limit=1000`);
      expect(ids(res.text)).toEqual(ordered(emails, order));
    });

    it.each(ORDERS)('pages by offset without a repeat or a gap: sort=$sort&order=$order', async (order) => {
      const seen: string[] = [];
      for (let offset = 0; offset < 28; offset += 7) {
        seen.push(...ids((await emailsOf(`sort=${order.sort}&order=${order.order}&limit=7&offset=${offset}`)).text));
      }
      expect(seen).toEqual(ordered(emails, order));
    });
  });

  describe('the currentId cursor', () => {
    /** Walks the emails by cursor from a first page ordered by id, adding `added` after the first page. */
    const walk = async (order: 'asc' | 'desc', lead: string, added: () => Promise<void> = async () => {}) => {
      const seen: string[] = [];
      let query = `sort=id&order=${order}`;
      for (let page = 0; page < 20; page++) {
        const res = await list(`leadId=${lead}&logType=logEmail&limit=7&${query}`);
        expect(res.status).toBe(200);
        const found = ids(res.text);
        if (found.length === 0) return seen;
        seen.push(...found);
        query = `order=${order}&currentId=${found[found.length - 1]}`;
        if (page === 0) await added();
      }
      throw new Error('the walk did not end');
    };

    it.each(['desc', 'asc'] as const)('walks every log once by id (order=%s)', async (order) => {
      expect(await walk(order, leadId)).toEqual(ordered(emails, { sort: 'id', order }));
    });

    it('newest first: a log added during the walk is newer than the cursor and never seen; no repeat, no gap', async () => {
      const lead = await factory.lead('1', USERS.agent);
      const before: Stored[] = [];
      for (let i = 0; i < 16; i++) {
        before.push({ id: await factory.communication(lead, USERS.agent, { channel: Channel.Email }), time: '' });
      }
      const seen = await walk('desc', lead, async () => {
        await factory.communication(lead, USERS.agent, { channel: Channel.Email });
      });
      expect(seen).toEqual(ordered(before, { sort: 'id', order: 'desc' }));
    });

    it('oldest first: a log added during the walk comes once, at the end; no repeat, no gap', async () => {
      const lead = await factory.lead('1', USERS.agent);
      const logs: Stored[] = [];
      for (let i = 0; i < 16; i++) {
        logs.push({ id: await factory.communication(lead, USERS.agent, { channel: Channel.Email }), time: '' });
      }
      const seen = await walk('asc', lead, async () => {
        logs.push({ id: await factory.communication(lead, USERS.agent, { channel: Channel.Email }), time: '' });
      });
      expect(seen).toEqual(ordered(logs, { sort: 'id', order: 'asc' }));
      expect(seen).toHaveLength(17);
    });

    it('is exclusive, pages by id whatever the sort, and ignores the offset (and its cap)', async () => {
      const byId = ordered(emails, { sort: 'id', order: 'desc' });
      const res = await emailsOf(`currentId=${byId[4]}&limit=3&offset=50000&sort=createTime`);
      expect(res.status).toBe(200);
      expect(ids(res.text)).toEqual(byId.slice(5, 8));
      const asc = await emailsOf(`currentId=${byId[4]}&limit=3&order=asc`);
      expect(ids(asc.text)).toEqual([...byId.slice(1, 4)].reverse());
    });

    it.each(['0', '000', '-5', '-99999999999999999999'])(
      'currentId=%s is no cursor: the offset applies',
      async (raw) => {
        const res = await emailsOf(`currentId=${raw}&offset=3&limit=4`);
        expect(ids(res.text)).toEqual(ordered(emails, ORDERS[0]).slice(3, 7));
      },
    );
  });

  describe("the source's leniency", () => {
    it.each(['-1', '-20000', '-99999999999999999999'])('reads offset=%s as 0', async (offset) => {
      const res = await emailsOf(`offset=${offset}&limit=5`);
      expect(res.status).toBe(200);
      expect(ids(res.text)).toEqual(ordered(emails, ORDERS[0]).slice(0, 5));
    });

    it.each(['0', '-1', '1001', '5000', '99999999999999999999'])('reads limit=%s as 10', async (limit) => {
      const res = await emailsOf(`limit=${limit}`);
      expect(res.status).toBe(200);
      expect(ids(res.text)).toHaveLength(10);
    });

    it('takes limit=1 and limit=1000', async () => {
      expect(ids((await emailsOf('limit=1')).text)).toHaveLength(1);
      expect(ids((await emailsOf('limit=1000')).text)).toHaveLength(25);
    });

    it('reaches offset + limit = 20,000 and refuses one more', async () => {
      const last = await emailsOf('offset=19990&limit=10');
      expect(last.status).toBe(200);
      expect(last.text).toBe('{"logType":[]}');
      expect((await emailsOf('offset=19000&limit=1000')).status).toBe(200);
      for (const query of ['offset=19991&limit=10', 'offset=19991', 'offset=19001&limit=1000', 'offset=99999999999']) {
        const res = await emailsOf(query);
        expect(res.status).toBe(400);
        expect(res.body).toEqual(WINDOW_EXCEEDED);
      }
    });

    it('counts a limit read as 10 against the 20,000', async () => {
      expect((await emailsOf('offset=19990&limit=5000')).status).toBe(200);
      expect((await emailsOf('offset=19995&limit=5000')).body).toEqual(WINDOW_EXCEEDED);
    });
  });

  describe('refuses what it cannot read, naming the field', () => {
    it.each([
      ['no leadId', 'logType=logCall', 'MISSING_PARAMETER', 'leadId is required.'],
      [
        'a leadId that is not an id',
        'leadId=x&logType=logCall',
        'INVALID_PARAMETER',
        'leadId must be a decimal integer from 1 to 9223372036854775807.',
      ],
      ['no logType', 'leadId=100001', 'MISSING_PARAMETER', 'logType is required.'],
      [
        'logType in another case',
        'leadId=100001&logType=LogCall',
        'INVALID_PARAMETER',
        'logType must be one of logCall, logEmail, logText.',
      ],
      [
        'two logTypes',
        'leadId=100001&logType=logCall&logType=logText',
        'INVALID_PARAMETER',
        'logType must be one of logCall, logEmail, logText.',
      ],
      ['limit=abc', 'leadId=100001&logType=logCall&limit=abc', 'LIMIT_NOT_VALID', 'limit must be an integer.'],
      ['limit=1.5', 'leadId=100001&logType=logCall&limit=1.5', 'LIMIT_NOT_VALID', 'limit must be an integer.'],
      ['an empty limit', 'leadId=100001&logType=logCall&limit=', 'LIMIT_NOT_VALID', 'limit must be an integer.'],
      ['offset=abc', 'leadId=100001&logType=logCall&offset=abc', 'INVALID_PARAMETER', 'offset must be an integer.'],
      ['offset=1e3', 'leadId=100001&logType=logCall&offset=1e3', 'INVALID_PARAMETER', 'offset must be an integer.'],
      [
        'an unknown sort',
        'leadId=100001&logType=logCall&sort=time',
        'INVALID_PARAMETER',
        'sort must be one of createTime, id.',
      ],
      [
        'an unknown order',
        'leadId=100001&logType=logCall&order=DESC',
        'INVALID_PARAMETER',
        'order must be one of asc, desc.',
      ],
      [
        'currentId=abc',
        'leadId=100001&logType=logCall&currentId=abc',
        'INVALID_PARAMETER',
        'currentId must be a decimal integer up to 9223372036854775807.',
      ],
      [
        'currentId past int64',
        'leadId=100001&logType=logCall&currentId=9223372036854775808',
        'INVALID_PARAMETER',
        'currentId must be a decimal integer up to 9223372036854775807.',
      ],
    ])('%s', async (_, query, code, message) => {
      const res = await list(query);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ code, message });
    });
  });

  describe('permission: the lead policy, as for POST /v1.0/logType', () => {
    it.each([
      ['a lead the caller may not manage', '100001', USERS.unrelatedAgent],
      ['a hidden lead, to an admin', '100002', USERS.admin],
      ['a lead that does not exist', '100999', USERS.owner],
      ['a lead of another team', '100001', USERS.otherTeamAdmin],
    ])('refuses %s with PERMISSION_DENIED', async (_, lead, userId) => {
      const res = await list(`leadId=${lead}&logType=logCall`, userId);
      expect(res.text).toBe(PERMISSION_DENIED_JSON);
    });

    it.each([
      ['an assistant of the lead', '100001', USERS.assistant],
      ['an agent with ACCESS_ALL_TEAM_LEADS', '100001', USERS.allTeamLeads],
      ['the assigned agent of the hidden lead', '100002', USERS.agent],
    ])('answers %s', async (_, lead, userId) => {
      expect((await list(`leadId=${lead}&logType=logCall`, userId)).status).toBe(200);
    });

    it('refuses a lead the caller may not manage before reading the query', async () => {
      const res = await list('leadId=100001&logType=nope&limit=abc', USERS.unrelatedAgent);
      expect(res.text).toBe(PERMISSION_DENIED_JSON);
    });
  });

  it('writes and pages ids above 2^53 exactly', async () => {
    const lead = '9007199254741101';
    await factory.lead('1', USERS.agent, { id: lead });
    for (const id of ['9007199254741103', '9007199254741105', '9007199254741107']) {
      await factory.communication(lead, USERS.agent, { id, channel: Channel.Email });
    }
    const all = await list(`leadId=${lead}&logType=logEmail`);
    expect(ids(all.text)).toEqual(['9007199254741107', '9007199254741105', '9007199254741103']);
    expect(all.text).toContain('"leadId":9007199254741101,');
    const older = await list(`leadId=${lead}&logType=logEmail&currentId=9007199254741107`);
    expect(ids(older.text)).toEqual(['9007199254741105', '9007199254741103']);
    const newer = await list(`leadId=${lead}&logType=logEmail&currentId=9007199254741103&order=asc`);
    expect(ids(newer.text)).toEqual(['9007199254741105', '9007199254741107']);
  });

  describe('database work', () => {
    it.each(['sort=createTime', 'sort=id', 'currentId=99999999'])(
      '%s: one query for the page, whatever its size (the caller, the lead, the page)',
      async (query) => {
        const counts: number[] = [];
        for (const limit of [1, 25]) {
          await emailsOf(`${query}&limit=${limit}`); // warm: MySQL prepares a statement on its first use
          const counter = countStatements(t.dataSource);
          try {
            expect((await emailsOf(`${query}&limit=${limit}`)).status).toBe(200);
            counts.push(counter.count());
          } finally {
            counter.restore();
          }
        }
        expect(counts).toEqual([3, 3]);
      },
    );

    it.each([
      ['sort=createTime&order=desc', 'idx_communications_lead_log_time'],
      ['sort=createTime&order=asc', 'idx_communications_lead_log_time'],
      ['sort=id&order=desc', 'idx_communications_lead_log_id'],
      ['sort=id&order=asc', 'idx_communications_lead_log_id'],
      ['currentId=99999999&order=desc', 'idx_communications_lead_log_id'],
      ['currentId=1&order=asc', 'idx_communications_lead_log_id'],
    ])('%s reads %s in its order, without sorting', async (query, index) => {
      const reader = t.app.get(SqlReader);
      const spy = jest.spyOn(reader, 'query');
      let page: Parameters<SqlReader['query']> | undefined;
      try {
        await emailsOf(`${query}&offset=5`);
        page = spy.mock.calls.find(([sql]) => sql.includes('c.source'));
      } finally {
        spy.mockRestore();
      }
      if (page === undefined) throw new Error('no page query');
      const sqlite = reader.dialect === 'sqlite';
      const plan = await reader.query<Record<string, unknown>>(
        `${sqlite ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN'} ${page[0]}`,
        page[1],
      );
      const text = plan
        .map((row) => (sqlite ? String(row.detail) : `${String(row.key)} ${String(row.Extra)}`))
        .join('\n');
      expect(text).toContain(index);
      expect(text).not.toMatch(/TEMP B-TREE|filesort/i);
    });
  });
});
