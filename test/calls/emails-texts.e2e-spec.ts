import { Channel, CommunicationSource, LogDirection } from '../../src/calls/call-enums';
import { parseUtc } from '../../src/common/utc-time';
import { SqlReader } from '../../src/database/sql-reader';
import { CALLS, PERMISSION_DENIED_JSON, USERS } from '../support/demo';
import { Factory, freshId } from '../support/factories';
import { countStatements } from '../support/statement-counter';
import { createTestApp, type TestApp } from '../support/test-app';

const EMAIL_PATH = '/v2.0/communication/email/';
const TEXT_PATH = '/v2.0/communication/text/';

/** The demo email of lead 100001: logged, with neither direction nor subject. */
const DEMO_EMAIL_JSON =
  '{"id":563172647619610,"leadId":100001,"agentId":100234,"emailEventTime":"2026-04-22 11:00:00","emailType":"Manual"}';

const MANAGE_LEAD_100001: string[] = [USERS.agent, USERS.admin, USERS.allTeamLeads, USERS.assistant, USERS.owner];
const ACTIVE_USERS = Object.values(USERS).filter((u) => u !== USERS.deactivated);

describe('GET /v2.0/communication/email/{id} and /text/{id}', () => {
  let t: TestApp;
  let factory: Factory;
  /** A logged text on the hidden lead 100002, whose only manager is its assigned agent. */
  let hiddenText: string;
  /** A logged email and text of a lead of team 2. */
  let otherTeamEmail: string;
  let otherTeamText: string;

  beforeAll(async () => {
    t = await createTestApp();
    factory = new Factory(t.dataSource);
    hiddenText = await factory.communication('100002', USERS.agent, {
      channel: Channel.Text,
      content: 'On the hidden lead.',
    });
    const otherLead = await factory.lead('2', USERS.otherTeamAdmin);
    otherTeamEmail = await factory.communication(otherLead, USERS.otherTeamAdmin, { channel: Channel.Email });
    otherTeamText = await factory.communication(otherLead, USERS.otherTeamAdmin, { channel: Channel.Text });
  });

  afterAll(async () => {
    await t.close();
  });

  const get = (path: string, userId: string = USERS.agent) =>
    t
      .http()
      .get(path)
      .set('Authorization', `Bearer ${t.token(userId)}`);
  const log = (body: object) =>
    t
      .http()
      .post('/v1.0/logType')
      .set('Authorization', `Bearer ${t.token(USERS.agent)}`)
      .send({ leadId: 100001, ...body });
  const idOf = (text: string) => /"id":(\d+)/.exec(text)?.[1] ?? '';

  describe('an email', () => {
    it('answers a logged outbound email in the source order: Sent, Manual, its subject; not its body', async () => {
      const created = await log({
        logType: 'logEmail',
        content: 'The listings we talked about.',
        outboundOrInbound: 'outbound',
        emailSubject: 'Follow-up on Austin listings',
        toEmail: 'sarah.johnson@example.com',
        fromEmail: 'agent@lofty.com',
      });
      const id = idOf(created.text);
      const res = await get(EMAIL_PATH + id);
      expect(res.status).toBe(200);
      expect(res.text).toBe(
        `{"id":${id},"leadId":100001,"direction":"Outbound","agentId":100234,"eventType":"Sent",` +
          `"emailEventTime":"${created.body.logType.createTime}","emailType":"Manual",` +
          '"emailSubject":"Follow-up on Austin listings"}',
      );
    });

    it('answers a logged inbound email with its direction and no event', async () => {
      const id = idOf(
        (await log({ logType: 'logEmail', content: 'Lead wrote back.', outboundOrInbound: 'inbound' })).text,
      );
      const res = await get(EMAIL_PATH + id);
      expect(Object.keys(res.body as object)).toEqual([
        'id',
        'leadId',
        'direction',
        'agentId',
        'emailEventTime',
        'emailType',
      ]);
      expect(res.body.direction).toBe('Inbound');
    });

    it('leaves out what the email does not have, never null (the demo email)', async () => {
      const res = await get(EMAIL_PATH + CALLS.email);
      expect(res.status).toBe(200);
      expect(res.text).toBe(DEMO_EMAIL_JSON);
    });

    it('answers an automated email as Auto', async () => {
      const id = await factory.communication('100001', USERS.agent, {
        channel: Channel.Email,
        source: CommunicationSource.Auto,
        createTime: parseUtc('2026-05-03 08:00:00'),
      });
      expect((await get(EMAIL_PATH + id)).body).toMatchObject({
        emailType: 'Auto',
        emailEventTime: '2026-05-03 08:00:00',
      });
    });
  });

  describe('a text', () => {
    it('answers a logged text in the source order, with its content', async () => {
      const created = await log({
        logType: 'logText',
        content: 'Can we see the house on Saturday?',
        outboundOrInbound: 'inbound',
        leadPhoneNumber: '5865865860',
      });
      const id = idOf(created.text);
      const res = await get(TEXT_PATH + id);
      expect(res.status).toBe(200);
      expect(res.text).toBe(
        `{"id":${id},"leadId":100001,"direction":"Inbound","agentId":100234,` +
          `"textTime":"${created.body.logType.createTime}","textType":"Manual",` +
          '"textContent":"Can we see the house on Saturday?"}',
      );
    });

    it('leaves out what the text does not have, never null; no delivery outcome', async () => {
      const id = await factory.communication('100001', USERS.agent, {
        channel: Channel.Text,
        content: '',
        createTime: parseUtc('2026-05-03 09:00:00'),
      });
      const res = await get(TEXT_PATH + id);
      expect(res.text).toBe(
        `{"id":${id},"leadId":100001,"agentId":100234,"textTime":"2026-05-03 09:00:00","textType":"Manual"}`,
      );
    });
  });

  it('writes ids above 2^53 exactly', async () => {
    const leadId = '9007199254741001';
    await factory.lead('1', USERS.agent, { id: leadId });
    const email = await factory.communication(leadId, USERS.agent, { id: '9007199254741003', channel: Channel.Email });
    const text = await factory.communication(leadId, USERS.agent, {
      id: '9007199254741005',
      channel: Channel.Text,
      logDirection: LogDirection.Outbound,
    });
    const emailAnswer = await get(EMAIL_PATH + email);
    expect(emailAnswer.text).toMatch(/^\{"id":9007199254741003,"leadId":9007199254741001,"agentId":100234,/);
    const textAnswer = await get(TEXT_PATH + text);
    expect(textAnswer.text).toMatch(/^\{"id":9007199254741005,"leadId":9007199254741001,"direction":"Outbound",/);
  });

  describe('who may read them: the lead policy', () => {
    const cases = ACTIVE_USERS.flatMap((userId) => [
      {
        what: 'the demo email of lead 100001',
        path: () => EMAIL_PATH + CALLS.email,
        userId,
        allowed: MANAGE_LEAD_100001.includes(userId),
      },
      {
        what: 'a text of the hidden lead 100002',
        path: () => TEXT_PATH + hiddenText,
        userId,
        allowed: userId === USERS.agent,
      },
    ]);

    it.each(cases)('$what as $userId: allowed=$allowed', async ({ path, userId, allowed }) => {
      const res = await get(path(), userId);
      expect(res.status).toBe(allowed ? 200 : 400);
      if (!allowed) expect(res.text).toBe(PERMISSION_DENIED_JSON);
    });

    it('refuses the deactivated user 100239 with 401', async () => {
      expect((await get(EMAIL_PATH + CALLS.email, USERS.deactivated)).status).toBe(401);
    });

    it('reads another team its own email and text, and never ours', async () => {
      expect((await get(EMAIL_PATH + otherTeamEmail, USERS.otherTeamAdmin)).status).toBe(200);
      expect((await get(TEXT_PATH + otherTeamText, USERS.otherTeamAdmin)).status).toBe(200);
      expect((await get(EMAIL_PATH + otherTeamEmail, USERS.owner)).text).toBe(PERMISSION_DENIED_JSON);
    });
  });

  describe('no existence leak', () => {
    // Only what differs from any request to the next may differ: the date, the request id, the caller's count.
    const strip = (headers: Record<string, unknown>) => {
      const {
        date: _date,
        'x-request-id': _id,
        'x-ratelimit-remaining': _remaining,
        'x-ratelimit-reset': _reset,
        ...rest
      } = headers;
      return rest;
    };

    /** For each route: a missing id, ids of the two other channels, and its own channel on leads one may not manage. */
    const refusals = () => ({
      email: [
        [EMAIL_PATH + '563172647619999', USERS.agent],
        [EMAIL_PATH + CALLS.dialer, USERS.agent],
        [EMAIL_PATH + CALLS.logged, USERS.agent],
        [EMAIL_PATH + hiddenText, USERS.agent],
        [EMAIL_PATH + CALLS.email, USERS.unrelatedAgent],
        [EMAIL_PATH + otherTeamEmail, USERS.agent],
      ],
      text: [
        [TEXT_PATH + '563172647619999', USERS.agent],
        [TEXT_PATH + CALLS.dialer, USERS.agent],
        [TEXT_PATH + CALLS.email, USERS.agent],
        [TEXT_PATH + hiddenText, USERS.admin],
        [TEXT_PATH + otherTeamText, USERS.agent],
      ],
    });

    it.each(['email', 'text'] as const)(
      '%s: no such id, another channel and a lead one may not manage answer byte for byte alike',
      async (route) => {
        const answers = await Promise.all(refusals()[route].map(([path, userId]) => get(path, userId)));
        for (const res of answers) {
          expect(res.status).toBe(400);
          expect(res.text).toBe(PERMISSION_DENIED_JSON);
          expect(strip(res.headers)).toEqual(strip(answers[0].headers));
        }
      },
    );

    it.each(['email', 'text'] as const)(
      '%s: reads one full row, with the lead facts, in each refusal',
      async (route) => {
        const reader = t.app.get(SqlReader);
        const query = jest.spyOn(reader, 'query');
        try {
          const shapes: number[][][] = [];
          for (const [path, userId] of refusals()[route]) {
            query.mockClear();
            await get(path, userId);
            const results = await Promise.all(query.mock.results.map((r) => r.value as Promise<object[]>));
            shapes.push(results.map((rows) => rows.map((row) => Object.keys(row).length)));
          }
          // The caller (5 columns), then the communication with its lead's access facts.
          expect(shapes[0]).toEqual([[5], [19]]);
          for (const shape of shapes) expect(shape).toEqual(shapes[0]);
        } finally {
          query.mockRestore();
        }
      },
    );

    it.each([
      ['allowed', () => EMAIL_PATH + CALLS.email, USERS.agent, 200],
      ['no such communication', () => EMAIL_PATH + '563172647619999', USERS.agent, 400],
      ['a call', () => EMAIL_PATH + CALLS.dialer, USERS.agent, 400],
      ['lead not manageable', () => EMAIL_PATH + CALLS.email, USERS.unrelatedAgent, 400],
      ['a text, allowed', () => TEXT_PATH + hiddenText, USERS.agent, 200],
      ['an email on the text route', () => TEXT_PATH + CALLS.email, USERS.agent, 400],
    ])('%s: two round trips (the caller, then the communication with its lead)', async (_, path, userId, status) => {
      await get(path(), userId); // warm: MySQL prepares a statement on its first use on a connection
      const counter = countStatements(t.dataSource);
      try {
        const res = await get(path(), userId);
        expect(res.status).toBe(status);
        expect(counter.count()).toBe(2);
      } finally {
        counter.restore();
      }
    });
  });

  describe('communicationId', () => {
    it.each(['0', '-1', 'abc', '1.5', '1e3', '9223372036854775808'])('%s is INVALID_PARAMETER', async (raw) => {
      for (const path of [EMAIL_PATH, TEXT_PATH]) {
        const res = await get(path + raw);
        expect(res.status).toBe(400);
        expect(res.body).toEqual({
          code: 'INVALID_PARAMETER',
          message: 'communicationId must be a decimal integer from 1 to 9223372036854775807.',
        });
      }
    });

    it('checks the token before the id', async () => {
      expect((await t.http().get(`${EMAIL_PATH}abc`)).status).toBe(401);
      expect((await t.http().get(`${TEXT_PATH}${freshId()}`)).status).toBe(401);
    });
  });
});
