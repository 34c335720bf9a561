import type { EntityManager } from 'typeorm';
import { CallChangesPurge } from '../../src/calls/call-changes-purge.worker';
import { CallChangesRepository } from '../../src/calls/call-changes.repository';
import { CallChangeType, Channel, CommunicationSource } from '../../src/calls/call-enums';
import { CallsRepository } from '../../src/calls/calls.repository';
import { TransactionRunner } from '../../src/database/transaction-runner';
import { nowToTheSecond } from '../../src/common/utc-time';
import { AUTO_CALL_JSON, BIG_ID_CALL_JSON, CALLS, DIALER_CALL_JSON, LOGGED_CALL_JSON, USERS } from '../support/demo';
import { Factory } from '../support/factories';
import { testEngine } from '../support/test-database';
import { createTestApp, type TestApp } from '../support/test-app';

const FEED = '/v1.0/communication/call/changes';
const DAY = 86_400_000;

interface FeedPage {
  limit: number;
  pageData: { id: number | bigint; changeType: string; note?: string }[];
  nextCursor: string;
  hasMore: boolean;
}

/** The entries of a page as `id:changeType`, ids as exact decimal text from the answer's text. */
const entriesOf = (text: string): string[] =>
  [...text.matchAll(/"id":(\d+)[^{}]*?"changeType":"(\w+)"/g)].map((m) => `${m[1]}:${m[2]}`);

/** A record of Get Call as the feed gives it: the same JSON, then its changeType. */
const withChange = (json: string, changeType: string) => `${json.slice(0, -1)},"changeType":"${changeType}"}`;

describe('GET /v1.0/communication/call/changes (the change feed)', () => {
  let t: TestApp;
  let factory: Factory;

  beforeAll(async () => {
    t = await createTestApp();
    factory = new Factory(t.dataSource);
  });

  afterAll(async () => {
    await t.close();
  });

  const feed = (userId: string, query: Record<string, string | number | boolean> = {}) =>
    t
      .http()
      .get(FEED)
      .query(query)
      .set('Authorization', `Bearer ${t.token(userId)}`);

  const logCall = (userId: string, leadId: string, content = 'Called.') =>
    t
      .http()
      .post('/v1.0/logType')
      .set('Authorization', `Bearer ${t.token(userId)}`)
      .send({ leadId: Number(leadId), logType: 'logCall', content, callingOutcome: 'Talked' });

  const editCall = (userId: string, id: string, body: object) =>
    t
      .http()
      .patch(`/v2.0/communication/call/${id}`)
      .set('Authorization', `Bearer ${t.token(userId)}`)
      .send(body);

  /** Every change after `cursor` the user sees, page by page with `limit`; and the cursor at the end. */
  async function readToEnd(userId: string, cursor: string | undefined, limit: number, teamView = false) {
    const seen: string[] = [];
    let next = cursor;
    for (let pages = 0; pages < 1000; pages++) {
      const res = await feed(userId, {
        limit,
        ...(next === undefined ? {} : { cursor: next }),
        ...(teamView ? { teamView } : {}),
      });
      expect(res.status).toBe(200);
      const page = res.body as FeedPage;
      expect(page.pageData.length).toBeLessThanOrEqual(limit);
      seen.push(...entriesOf(res.text));
      next = page.nextCursor;
      if (!page.hasMore) return { seen, cursor: next };
    }
    throw new Error('The feed did not end');
  }

  /** A team of its own, with an agent and a lead assigned to the agent, so that a test sees only its own changes. */
  async function ownTeam() {
    const teamId = await factory.team();
    const agent = await factory.user(teamId);
    const admin = await factory.user(teamId, { role: 'ADMIN' } as never);
    const lead = await factory.lead(teamId, agent);
    return { teamId, agent, admin, lead };
  }

  describe('the demo data set', () => {
    it("gives the agent's four calls from the beginning, as created, each as Get Call answers it", async () => {
      const res = await feed(USERS.agent);
      expect(res.status).toBe(200);
      expect(res.text).toBe(
        `{"limit":100,"pageData":[${[DIALER_CALL_JSON, LOGGED_CALL_JSON, AUTO_CALL_JSON, BIG_ID_CALL_JSON]
          .map((json) => withChange(json, 'created'))
          .join(',')}],"nextCursor":"${(res.body as FeedPage).nextCursor}","hasMore":false}`,
      );
    });

    it.each([
      [USERS.unrelatedAgent, false, []],
      [USERS.assistant, false, []],
      [USERS.otherTeamAdmin, false, []],
      // The team's, on the leads the caller may manage: hidden lead 100002 (the AUTO call) is only its agent's.
      [USERS.admin, true, [CALLS.dialer, CALLS.logged, CALLS.above2To53]],
      [USERS.owner, true, [CALLS.dialer, CALLS.logged, CALLS.above2To53]],
      [USERS.allTeamLeads, true, [CALLS.dialer, CALLS.logged, CALLS.above2To53]],
      [USERS.otherTeamAdmin, true, []],
    ])('%s (teamView %s) sees %j', async (userId, teamView, ids) => {
      const res = await feed(userId, teamView ? { teamView: true } : {});
      expect(res.status).toBe(200);
      expect(entriesOf(res.text)).toEqual(ids.map((id) => `${id}:created`));
    });

    it.each([USERS.agent, USERS.unrelatedAgent, USERS.assistant])(
      '%s (an agent without ACCESS_ALL_TEAM_LEADS) with teamView: 403 ACCESS_ALL_TEAM_LEADS',
      async (userId) => {
        const res = await feed(userId, { teamView: true });
        expect(res.status).toBe(403);
        expect(res.body).toEqual({
          code: 'ACCESS_ALL_TEAM_LEADS',
          message: "The team's change feed (teamView) requires OWNER, ADMIN or the ACCESS_ALL_TEAM_LEADS permission.",
        });
      },
    );

    it('answers 401 BAD_CREDENTIALS without a token', async () => {
      const res = await t.http().get(FEED);
      expect(res.status).toBe(401);
    });
  });

  describe('following the cursor', () => {
    it('gives each change once, in commit order: logged, dialer and edited calls, page after page', async () => {
      const { agent, lead } = await ownTeam();
      const start = await readToEnd(agent, undefined, 10);
      expect(start.seen).toEqual([]);
      const logged = String((await logCall(agent, lead, 'First.')).body.logType.id);
      const dialer = await factory.dialerCall(lead, agent);
      expect((await editCall(agent, logged, { note: 'Second.' })).status).toBe(200);
      const second = String((await logCall(agent, lead, 'Third.')).body.logType.id);
      expect((await editCall(agent, logged, { callingOutcome: 'NoAnswer' })).status).toBe(200);
      // The factory's dialer call was stored without the service: it is not a change (the dialer's are, below).
      expect(dialer).not.toBe('');
      const read = await readToEnd(agent, start.cursor, 1);
      expect(read.seen).toEqual([`${logged}:created`, `${logged}:updated`, `${second}:created`, `${logged}:updated`]);
      // Nothing new: an empty page, and the same cursor to ask again with.
      const again = await feed(agent, { cursor: read.cursor });
      expect(again.body).toEqual({ limit: 100, pageData: [], nextCursor: read.cursor, hasMore: false });
    });

    it('gives each entry as the call is now: a created call edited since shows its edit', async () => {
      const { agent, lead } = await ownTeam();
      const start = await readToEnd(agent, undefined, 10);
      const id = String((await logCall(agent, lead, 'Before.')).body.logType.id);
      await editCall(agent, id, { note: 'After.' });
      const res = await feed(agent, { cursor: start.cursor });
      expect((res.body as FeedPage).pageData.map((entry) => [entry.changeType, entry.note])).toEqual([
        ['created', 'After.'],
        ['updated', 'After.'],
      ]);
    });

    it('has the calls the dialer reports, AUTO ones too', async () => {
      const client = await factory.client(USERS.agent, ['dialer:write']);
      const token = t.token(USERS.agent, { clientId: client.clientId, scopes: ['dialer:write'] });
      const start = await readToEnd(USERS.agent, undefined, 100);
      const res = await t.http().post('/v1.0/dialer/calls').set('Authorization', `Bearer ${token}`).send({
        dialerCallRecordId: 9_100_000_001,
        communicationType: 'AUTO',
        leadId: 100001,
        userId: 100234,
        direction: 'Outbound',
        status: 'Completed',
        startTime: '2026-05-02 14:00:00',
        duration: 10,
        recordingSwitch: false,
        isMachineAnswered: false,
      });
      expect(res.status).toBe(201);
      const read = await readToEnd(USERS.agent, start.cursor, 100);
      expect(read.seen).toEqual([`${String(res.body.id)}:created`]);
    });

    it("keeps a team's feeds apart, and an agent's own apart from the team's", async () => {
      const a = await ownTeam();
      const b = await ownTeam();
      const otherAgent = await factory.user(a.teamId);
      const otherLead = await factory.lead(a.teamId, otherAgent);
      const mine = String((await logCall(a.agent, a.lead)).body.logType.id);
      const theirs = String((await logCall(otherAgent, otherLead)).body.logType.id);
      await logCall(b.agent, b.lead);
      expect((await readToEnd(a.agent, undefined, 100)).seen).toEqual([`${mine}:created`]);
      expect((await readToEnd(otherAgent, undefined, 100)).seen).toEqual([`${theirs}:created`]);
      expect((await readToEnd(a.admin, undefined, 100, true)).seen).toEqual([`${mine}:created`, `${theirs}:created`]);
    });

    it('starts from a time with since: the changes made at or after it', async () => {
      const { agent, lead } = await ownTeam();
      const before = String((await logCall(agent, lead)).body.logType.id);
      await new Promise((resolve) => setTimeout(resolve, 20));
      const since = Date.now();
      const after = String((await logCall(agent, lead)).body.logType.id);
      const res = await feed(agent, { since });
      expect(entriesOf(res.text)).toEqual([`${after}:created`]);
      expect(before).not.toBe(after);
      // A time ahead of every change: nothing yet, and a cursor that gets what comes next.
      const ahead = await feed(agent, { since: Date.now() + DAY });
      expect(ahead.body).toMatchObject({ pageData: [], hasMore: false });
      const next = String((await logCall(agent, lead)).body.logType.id);
      expect(entriesOf((await feed(agent, { cursor: (ahead.body as FeedPage).nextCursor })).text)).toEqual([
        `${next}:created`,
      ]);
    });
  });

  describe('a transaction that commits after a later one (out of commit order)', () => {
    /** Stores a call of `lead` in a transaction held open until `release`, its change taken last, as the service does. */
    function heldCall(lead: string, agent: string, teamId: string, changeFirst = false) {
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let stored: () => void = () => undefined;
      const written = new Promise<void>((resolve) => (stored = resolve));
      const calls = t.app.get(CallsRepository);
      const changes = t.app.get(CallChangesRepository);
      const done = t.app.get(TransactionRunner).run(async (manager: EntityManager) => {
        const now = nowToTheSecond();
        const id = await calls.insertCommunication(manager, {
          leadId: lead,
          teamId,
          agentId: agent,
          channel: Channel.Call,
          source: CommunicationSource.Logged,
          dialerCallRecordId: null,
          logPhoneNumber: null,
          logDirection: null,
          content: 'Held.',
          isPin: false,
          emailSubject: null,
          toEmail: null,
          fromEmail: null,
          callingOutcome: null,
          rateScore: null,
          note: null,
          createTime: now,
          updateTime: now,
        });
        const append = () =>
          changes.append(manager, {
            communicationId: id,
            teamId,
            leadId: lead,
            agentId: agent,
            changeType: CallChangeType.Created,
          });
        if (changeFirst) await append();
        stored();
        await gate;
        if (!changeFirst) await append();
        return id;
      });
      return { written, release, done };
    }

    it('delivers both: the later one first, the earlier one when it commits, none skipped', async () => {
      const { teamId, agent, lead } = await ownTeam();
      const start = await readToEnd(agent, undefined, 10);
      const held = heldCall(lead, agent, teamId);
      await held.written;
      const later = logCall(agent, lead, 'Later.');
      let cursor = start.cursor;
      const seen: string[] = [];
      if (testEngine === 'mysql') {
        // The later transaction commits while the earlier one is still open; the reader passes it.
        const laterId = String((await later).body.logType.id);
        const first = await readToEnd(agent, cursor, 10);
        expect(first.seen).toEqual([`${laterId}:created`]);
        seen.push(...first.seen);
        cursor = first.cursor;
        held.release();
        const heldId = await held.done;
        const second = await readToEnd(agent, cursor, 10);
        expect(second.seen).toEqual([`${heldId}:created`]);
        seen.push(...second.seen);
        expect(seen).toEqual([`${laterId}:created`, `${heldId}:created`]);
      } else {
        // SQLite runs one transaction at a time: the later one and the reader wait for the open one.
        const reading = readToEnd(agent, cursor, 10);
        const raced = await Promise.race([
          reading.then(() => 'read'),
          new Promise((r) => setTimeout(() => r('waits'), 200)),
        ]);
        expect(raced).toBe('waits');
        held.release();
        const heldId = await held.done;
        const laterId = String((await later).body.logType.id);
        const read = await reading;
        const rest = await readToEnd(agent, read.cursor, 10);
        expect([...read.seen, ...rest.seen]).toEqual([`${heldId}:created`, `${laterId}:created`]);
      }
    });

    it('holds a later change until the open one that took the seq before it commits', async () => {
      const { teamId, agent, lead } = await ownTeam();
      const start = await readToEnd(agent, undefined, 10);
      // The open transaction has taken its seq; a later change would take the next one. Were the later one to
      // commit first, a reader could pass its seq while the earlier one is still invisible, and skip it.
      const held = heldCall(lead, agent, teamId, true);
      await held.written;
      const later = logCall(agent, lead, 'Later.');
      await new Promise((resolve) => setTimeout(resolve, 300));
      if (testEngine === 'mysql') {
        const meanwhile = await readToEnd(agent, start.cursor, 10);
        expect(meanwhile).toEqual({ seen: [], cursor: start.cursor });
      }
      held.release();
      const heldId = await held.done;
      const laterId = String((await later).body.logType.id);
      expect((await readToEnd(agent, start.cursor, 1)).seen).toEqual([`${heldId}:created`, `${laterId}:created`]);
    });
  });

  describe('bad input', () => {
    it.each([
      [
        { cursor: 'not a cursor' },
        'INVALID_PARAMETER',
        'cursor must be the nextCursor of an earlier page, as it was given.',
      ],
      [
        { cursor: 'djEuMTAy=' },
        'INVALID_PARAMETER',
        'cursor must be the nextCursor of an earlier page, as it was given.',
      ],
      [
        { cursor: Buffer.from('v1.-1').toString('base64url') },
        'INVALID_PARAMETER',
        'cursor must be the nextCursor of an earlier page, as it was given.',
      ],
      [
        { cursor: Buffer.from('v1.01').toString('base64url') },
        'INVALID_PARAMETER',
        'cursor must be the nextCursor of an earlier page, as it was given.',
      ],
      [
        { cursor: Buffer.from('v1.1').toString('base64url'), since: 1 },
        'INVALID_PARAMETER',
        'Give cursor or since, not both.',
      ],
      [{ limit: 0 }, 'LIMIT_NOT_VALID', 'limit must be an integer from 1 to 1000.'],
      [{ limit: 1001 }, 'LIMIT_NOT_VALID', 'limit must be an integer from 1 to 1000.'],
      [{ limit: 'ten' }, 'LIMIT_NOT_VALID', 'limit must be an integer from 1 to 1000.'],
      [{ teamView: 'yes' }, 'INVALID_PARAMETER', 'teamView must be true or false.'],
      [
        { since: 'yesterday' },
        'INVALID_PARAMETER',
        expect.stringContaining('since must be a time in epoch milliseconds'),
      ],
    ])('%j: 400 %s', async (query, code, message) => {
      const res = await feed(USERS.agent, query);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ code, message });
    });
  });

  describe('retention', () => {
    let kept: TestApp;

    beforeAll(async () => {
      kept = await createTestApp({ CALL_CHANGES_KEPT_DAYS: '30' });
    });

    afterAll(async () => {
      await kept.close();
    });

    const keptFeed = (query: { cursor?: string; since?: number; limit?: number } = {}) =>
      kept
        .http()
        .get(FEED)
        .query(query)
        .set('Authorization', `Bearer ${kept.token(USERS.agent)}`);

    it('purges what is older than the retention; a cursor or a since before it gets 410 CURSOR_EXPIRED', async () => {
      const first = await keptFeed({ limit: 1 });
      const beforeAll = Buffer.from('v1.0').toString('base64url');
      // The two oldest demo changes are 31 days old; the others are not.
      const old = Date.now() - 31 * DAY;
      await kept.dataSource.query('UPDATE call_changes SET changed_ms = ? WHERE seq <= 2', [old]);
      await kept.app.get(CallChangesPurge).runOnce();
      expect(await kept.dataSource.query('SELECT seq FROM call_changes ORDER BY seq')).toEqual([
        { seq: expect.anything() },
        { seq: expect.anything() },
      ]);
      const expired = {
        code: 'CURSOR_EXPIRED',
        message:
          'The feed keeps changes 30 days and some after this point are gone: resync (read the calls again, for ' +
          'example with the search by agent), then follow the feed with since=<the time the resync started>.',
      };
      for (const query of [{ cursor: beforeAll }, { cursor: (first.body as FeedPage).nextCursor }, { since: old }]) {
        const res = await keptFeed(query);
        expect(res.status).toBe(410);
        expect(res.body).toEqual(expired);
      }
      // From the purge's mark on, and from the beginning of what is kept, the feed goes on.
      const fromStart = await keptFeed();
      expect(entriesOf(fromStart.text)).toEqual([`${CALLS.autoOnHiddenLead}:created`, `${CALLS.above2To53}:created`]);
      const atMark = await keptFeed({ cursor: Buffer.from('v1.2').toString('base64url') });
      expect(entriesOf(atMark.text)).toEqual(entriesOf(fromStart.text));
      expect((await keptFeed({ since: Date.now() - DAY })).status).toBe(200);
    });
  });

  describe('concurrent writers (MySQL: transactions side by side)', () => {
    it('a reader following the feed while 40 calls are logged and edited sees every change exactly once', async () => {
      const { agent, lead } = await ownTeam();
      const start = await readToEnd(agent, undefined, 10);
      const seen: string[] = [];
      let cursor = start.cursor;
      let writing = true;
      const reader = (async () => {
        while (writing) {
          const page = await readToEnd(agent, cursor, 7);
          seen.push(...page.seen);
          cursor = page.cursor;
        }
      })();
      const made: string[] = [];
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          for (let i = 0; i < 5; i++) {
            const id = String((await logCall(agent, lead)).body.logType.id);
            made.push(`${id}:created`);
            expect((await editCall(agent, id, { note: `Edit ${i}.` })).status).toBe(200);
            made.push(`${id}:updated`);
          }
        }),
      );
      writing = false;
      await reader;
      seen.push(...(await readToEnd(agent, cursor, 100)).seen);
      expect(seen).toHaveLength(made.length);
      expect([...seen].sort()).toEqual([...made].sort());
      // Each call's creation comes before its edit.
      for (const entry of made.filter((e) => e.endsWith(':updated'))) {
        const id = entry.split(':')[0];
        expect(seen.indexOf(`${id}:created`)).toBeLessThan(seen.indexOf(entry));
      }
    });
  });
});
