import { LeadEntity } from '../../src/leads/lead.entity';
import { CALLS, PERMISSION_DENIED_JSON, USERS } from '../support/demo';
import { Factory } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

describe('leads', () => {
  let t: TestApp;
  let factory: Factory;

  beforeAll(async () => {
    t = await createTestApp();
    factory = new Factory(t.dataSource);
  });

  afterAll(async () => {
    await t.close();
  });

  const as = (userId: string) => `Bearer ${t.token(userId)}`;
  const create = (body: object, userId: string = USERS.agent) =>
    t.http().post('/v1.0/leads').set('Authorization', as(userId)).send(body);
  const get = (leadId: string, userId: string) =>
    t.http().get(`/v1.0/leads/${leadId}`).set('Authorization', as(userId));
  const assign = (leadId: string, body: object, userId: string) =>
    t.http().post(`/v1.0/leads/${leadId}/assignment`).set('Authorization', as(userId)).send(body);

  describe('POST /v1.0/leads', () => {
    it('creates a lead in the caller team, assigned to the caller', async () => {
      const res = await create({
        firstName: 'Max',
        lastName: 'Power',
        phoneNumber: '+1 415 555 0123',
        email: 'max@example.com',
      });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(Number) as number,
        teamId: 1,
        assignedUserId: 100234,
        firstName: 'Max',
        lastName: 'Power',
        phoneNumber: '+1 415 555 0123',
        email: 'max@example.com',
        hidden: false,
        createTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/) as string,
        updateTime: expect.any(String) as string,
      });
      const id = /"id":(\d+)/.exec(res.text)?.[1] ?? '';
      expect(res.headers.location).toBe(`/v1.0/leads/${id}`);
      const read = await get(id, USERS.agent);
      expect(read.text).toBe(res.text);
    });

    it('assigns another active member of the team when asked', async () => {
      const res = await create({ firstName: 'Ann', assignedUserId: USERS.unrelatedAgent, hidden: true });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ assignedUserId: 100235, hidden: true });
      expect((await get(String(res.body.id), USERS.unrelatedAgent)).status).toBe(200);
      // hidden: not even its creator may see it, once it is someone else's
      expect((await get(String(res.body.id), USERS.agent)).text).toBe(PERMISSION_DENIED_JSON);
    });

    it.each([
      ['a user of another team', USERS.otherTeamAdmin],
      ['a deactivated user', USERS.deactivated],
      ['an unknown user', '999999'],
    ])('refuses to assign %s', async (_, assignedUserId) => {
      const before = await t.dataSource.getRepository(LeadEntity).count();
      const res = await create({ firstName: 'Zed', assignedUserId });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        code: 'INVALID_PARAMETER',
        message: `assignedUserId: ${assignedUserId} is not an active user of the team.`,
      });
      expect(await t.dataSource.getRepository(LeadEntity).count()).toBe(before);
    });

    it.each([
      [{}, 'MISSING_PARAMETER', 'Give at least one of firstName, lastName, phoneNumber and email.'],
      [{ firstName: 'x'.repeat(101) }, 'PARAMETER_TOO_LONG', 'firstName is longer than 100 characters.'],
      [{ email: 'nope' }, 'INVALID_PARAMETER', 'email must be an email address.'],
      [{ phoneNumber: 'abc' }, 'INVALID_PARAMETER', 'phoneNumber must be a phone number.'],
      [{ firstName: 'A', hidden: 'true' }, 'INVALID_PARAMETER', 'hidden must be true or false.'],
      [
        { firstName: 'A', assignedUserId: 0 },
        'INVALID_PARAMETER',
        'assignedUserId must be a positive integer id (int64).',
      ],
    ])('refuses %j', async (body, code, message) => {
      const res = await create(body);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ code, message });
    });
  });

  describe('GET /v1.0/leads/{leadId}', () => {
    it('answers the demo lead 100001 exactly', async () => {
      const res = await get('100001', USERS.agent);
      expect(res.text).toBe(
        '{"id":100001,"teamId":1,"assignedUserId":100234,"firstName":"Sarah","lastName":"Johnson",' +
          '"phoneNumber":"+14155550199","email":"sarah.johnson@example.com","hidden":false,' +
          '"createTime":"2026-04-01 09:00:00","updateTime":"2026-04-01 09:00:00"}',
      );
    });

    it.each([
      ['100001', USERS.admin, 200],
      ['100001', USERS.assistant, 200],
      ['100001', USERS.unrelatedAgent, 400],
      ['100001', USERS.otherTeamAdmin, 400],
      ['100002', USERS.agent, 200],
      ['100002', USERS.owner, 400],
      ['100999', USERS.owner, 400],
    ])('lead %s as %s: %s', async (leadId, userId, status) => {
      const res = await get(leadId, userId);
      expect(res.status).toBe(status);
      if (status === 400) expect(res.text).toBe(PERMISSION_DENIED_JSON);
    });

    it('writes a lead id above 2^53 exactly', async () => {
      await factory.lead('1', USERS.agent, { id: '9007199254740999' });
      const res = await get('9007199254740999', USERS.agent);
      expect(res.text).toContain('"id":9007199254740999,');
    });

    it('refuses a malformed id', async () => {
      const res = await get('1e3', USERS.agent);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        code: 'INVALID_PARAMETER',
        message: 'leadId must be a decimal integer from 1 to 9223372036854775807.',
      });
    });
  });

  describe('POST /v1.0/leads/{leadId}/assignment', () => {
    it('lets an admin reassign a lead; the next request of either agent sees the change', async () => {
      const leadId = await factory.lead('1', USERS.agent);
      const callId = await factory.dialerCall(leadId, USERS.agent);
      const getCall = (userId: string) =>
        t.http().get(`/v2.0/communication/call/${callId}`).set('Authorization', as(userId));
      expect([(await getCall(USERS.agent)).status, (await getCall(USERS.unrelatedAgent)).status]).toEqual([200, 400]);

      const res = await assign(leadId, { assignedUserId: USERS.unrelatedAgent }, USERS.admin);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: Number(leadId), assignedUserId: 100235 });

      expect([(await getCall(USERS.agent)).status, (await getCall(USERS.unrelatedAgent)).status]).toEqual([400, 200]);
    });

    it.each([
      ['an OWNER', USERS.owner, 200],
      ['an agent with ACCESS_ALL_TEAM_LEADS', USERS.allTeamLeads, 200],
      ['the assigned agent', USERS.agent, 403],
      ['an assistant on the lead', USERS.assistant, 403],
    ])('%s: %s', async (_, userId, status) => {
      const leadId = await factory.lead('1', USERS.agent);
      await factory.assignee(leadId, USERS.assistant);
      const res = await assign(leadId, { assignedUserId: USERS.owner }, userId);
      expect(res.status).toBe(status);
      if (status === 403) {
        expect(res.body).toEqual({
          code: 'INSUFFICIENT_ROLE',
          message: 'Only an OWNER, an ADMIN or a user with ACCESS_ALL_TEAM_LEADS may reassign a lead.',
        });
      }
    });

    it('refuses a caller who may not manage the lead with PERMISSION_DENIED, before anything else', async () => {
      const res = await assign('100001', {}, USERS.otherTeamAdmin);
      expect(res.text).toBe(PERMISSION_DENIED_JSON);
    });

    it('refuses an admin on a hidden lead (not manageable)', async () => {
      const res = await assign('100002', { assignedUserId: USERS.admin }, USERS.admin);
      expect(res.text).toBe(PERMISSION_DENIED_JSON);
    });

    it.each([
      [{}, 'MISSING_PARAMETER', 'assignedUserId is required.'],
      [{ assignedUserId: 'me' }, 'INVALID_PARAMETER', 'assignedUserId must be a positive integer id (int64).'],
      [
        { assignedUserId: USERS.otherTeamAdmin },
        'INVALID_PARAMETER',
        `assignedUserId: ${USERS.otherTeamAdmin} is not an active user of the team.`,
      ],
    ])('refuses %j', async (body, code, message) => {
      const leadId = await factory.lead('1', USERS.agent);
      const res = await assign(leadId, body, USERS.admin);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ code, message });
      const lead = await t.dataSource.getRepository(LeadEntity).findOneByOrFail({ id: leadId });
      expect(lead.assignedUserId).toBe(USERS.agent);
    });

    it('keeps the demo call readable by its agent after the suite', async () => {
      const res = await t.http().get(`/v2.0/communication/call/${CALLS.dialer}`).set('Authorization', as(USERS.agent));
      expect(res.status).toBe(200);
    });
  });
});
