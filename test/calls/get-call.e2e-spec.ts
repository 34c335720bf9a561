import { Role } from '../../src/auth/role';
import { SqlReader } from '../../src/database/sql-reader';
import { UserEntity } from '../../src/auth/user.entity';
import { LeadEntity } from '../../src/leads/lead.entity';
import { CALLS, EXPECTED, DIALER_CALL_JSON, LOGGED_CALL_JSON, PERMISSION_DENIED_JSON, USERS } from '../support/demo';
import { countStatements } from '../support/statement-counter';
import { createTestApp, TestApp } from '../support/test-app';

const path = (id: string) => `/v2.0/communication/call/${id}`;

describe('GET /v2.0/communication/call/{communicationId}', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const get = (id: string, userId: string) =>
    t
      .http()
      .get(path(id))
      .set('Authorization', `Bearer ${t.token(userId)}`);

  describe('every demo user against every demo communication', () => {
    const activeUsers = Object.values(USERS).filter((u) => u !== USERS.deactivated);
    const cases = Object.entries(EXPECTED).flatMap(([id, expected]) =>
      activeUsers.map((userId) => ({ id, userId, allowed: expected.visibleTo.includes(userId), json: expected.json })),
    );

    it.each(cases)('$id as $userId: allowed=$allowed', async ({ id, userId, allowed, json }) => {
      const res = await get(id, userId);
      expect(res.status).toBe(allowed ? 200 : 400);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.text).toBe(allowed ? json : PERMISSION_DENIED_JSON);
    });

    it.each(Object.keys(EXPECTED))('%s as the deactivated user 100239: 401', async (id) => {
      const res = await get(id, USERS.deactivated);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ code: 'BAD_CREDENTIALS', message: 'Invalid access token.' });
    });
  });

  it('answers call 563172647619608 as user 100234 exactly as the source document, field for field and in order', async () => {
    const res = await get(CALLS.dialer, USERS.agent);
    expect(res.status).toBe(200);
    expect(res.text).toBe(DIALER_CALL_JSON);
    expect(Object.keys(JSON.parse(res.text) as object)).toEqual([
      'id',
      'dialerCallRecordId',
      'userId',
      'userPhoneNumber',
      'leadId',
      'leadPhoneNumber',
      'direction',
      'status',
      'startTime',
      'endTime',
      'duration',
      'callingOutcome',
      'rateScore',
      'recordingSwitch',
      'showUserNumber',
      'createTime',
      'updateTime',
      'note',
      'isMachineAnswered',
      'price',
      'agentId',
      'elapsedTime',
    ]);
  });

  it('builds a logged call from the log itself: dialer-only keys are absent, not null', async () => {
    const res = await get(CALLS.logged, USERS.agent);
    expect(res.text).toBe(LOGGED_CALL_JSON);
    const body = JSON.parse(res.text) as Record<string, unknown>;
    for (const key of [
      'dialerCallRecordId',
      'userPhoneNumber',
      'status',
      'startTime',
      'endTime',
      'duration',
      'rateScore',
      'recordingSwitch',
      'showUserNumber',
      'isMachineAnswered',
      'price',
      'elapsedTime',
    ]) {
      expect(body).not.toHaveProperty(key);
    }
    expect(res.text).not.toContain('null');
  });

  it('writes int64 ids above 2^53 exactly', async () => {
    const res = await get(CALLS.above2To53, USERS.agent);
    expect(res.status).toBe(200);
    expect(res.text).toContain('"id":9007199254740993,');
    expect(res.text).toContain('"dialerCallRecordId":9007199254740995,');
  });

  describe('communicationId validation', () => {
    it.each([
      '0',
      '-1',
      'abc',
      '1.5',
      '1e3',
      '%201',
      '+1',
      '1%20',
      '0x10',
      '9223372036854775808',
      '18446744073709551616',
      '99999999999999999999',
    ])('%s is INVALID_PARAMETER', async (raw) => {
      const res = await get(raw, USERS.agent);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        code: 'INVALID_PARAMETER',
        message: 'communicationId must be a decimal integer from 1 to 9223372036854775807.',
      });
    });

    it('accepts 2^63-1 (and finds no such call)', async () => {
      const res = await get('9223372036854775807', USERS.agent);
      expect(res.status).toBe(400);
      expect(res.text).toBe(PERMISSION_DENIED_JSON);
    });

    it('checks the token before the id', async () => {
      const res = await t.http().get(path('abc'));
      expect(res.status).toBe(401);
    });
  });

  it('gives byte-identical answers for no such communication, not a call, and a lead the caller may not manage', async () => {
    const answers = await Promise.all([
      get('563172647619999', USERS.unrelatedAgent),
      get(CALLS.email, USERS.agent),
      get(CALLS.dialer, USERS.unrelatedAgent),
    ]);
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
    for (const res of answers) {
      expect(res.status).toBe(400);
      expect(res.text).toBe(PERMISSION_DENIED_JSON);
      expect(strip(res.headers)).toEqual(strip(answers[0].headers));
    }
  });

  it('reads one full row, with the lead facts, in each of the three refusals', async () => {
    const reader = t.app.get(SqlReader);
    const query = jest.spyOn(reader, 'query');
    try {
      const rowsOf = async (id: string, userId: string) => {
        query.mockClear();
        await get(id, userId);
        const results = await Promise.all(query.mock.results.map((r) => r.value as Promise<object[]>));
        return results.map((rows) => rows.map((row) => Object.keys(row).length));
      };
      const shapes = [
        await rowsOf('563172647619999', USERS.unrelatedAgent),
        await rowsOf(CALLS.email, USERS.unrelatedAgent),
        await rowsOf(CALLS.dialer, USERS.unrelatedAgent),
      ];
      expect(shapes[0]).toEqual([[5], [33]]);
      expect(shapes[1]).toEqual(shapes[0]);
      expect(shapes[2]).toEqual(shapes[0]);
    } finally {
      query.mockRestore();
    }
  });

  describe('database work', () => {
    it.each([
      ['allowed', CALLS.dialer, USERS.agent, 200],
      ['no such communication', '563172647619999', USERS.agent, 400],
      ['not a call', CALLS.email, USERS.agent, 400],
      ['lead not manageable', CALLS.dialer, USERS.unrelatedAgent, 400],
    ])('%s: two round trips (the caller, then the call with its lead)', async (_, id, userId, status) => {
      await get(id, userId); // warm: MySQL prepares a statement on its first use on a connection
      const counter = countStatements(t.dataSource);
      try {
        const res = await get(id, userId);
        expect(res.status).toBe(status);
        expect(counter.count()).toBe(2);
      } finally {
        counter.restore();
      }
    });
  });

  describe('changes apply to the very next request, whatever tokens are outstanding', () => {
    const updateLead = (changes: Partial<LeadEntity>) =>
      t.dataSource.getRepository(LeadEntity).update('100001', changes);
    const updateUser = (id: string, changes: Partial<UserEntity>) =>
      t.dataSource.getRepository(UserEntity).update(id, changes);

    it('reassigning lead 100001 to another agent', async () => {
      const before = [await get(CALLS.dialer, USERS.agent), await get(CALLS.dialer, USERS.unrelatedAgent)];
      expect(before.map((r) => r.status)).toEqual([200, 400]);
      await updateLead({ assignedUserId: USERS.unrelatedAgent });
      try {
        const after = [await get(CALLS.dialer, USERS.agent), await get(CALLS.dialer, USERS.unrelatedAgent)];
        expect(after.map((r) => r.status)).toEqual([400, 200]);
      } finally {
        await updateLead({ assignedUserId: USERS.agent });
      }
    });

    it('a change of role', async () => {
      expect((await get(CALLS.dialer, USERS.admin)).status).toBe(200);
      await updateUser(USERS.admin, { role: Role.Agent });
      try {
        expect((await get(CALLS.dialer, USERS.admin)).status).toBe(400);
      } finally {
        await updateUser(USERS.admin, { role: Role.Admin });
      }
    });

    it('withdrawing ACCESS_ALL_TEAM_LEADS', async () => {
      expect((await get(CALLS.dialer, USERS.allTeamLeads)).status).toBe(200);
      await updateUser(USERS.allTeamLeads, { accessAllTeamLeads: false });
      try {
        expect((await get(CALLS.dialer, USERS.allTeamLeads)).status).toBe(400);
      } finally {
        await updateUser(USERS.allTeamLeads, { accessAllTeamLeads: true });
      }
    });

    it('deactivating a user', async () => {
      expect((await get(CALLS.dialer, USERS.owner)).status).toBe(200);
      await updateUser(USERS.owner, { active: false });
      try {
        expect((await get(CALLS.dialer, USERS.owner)).status).toBe(401);
      } finally {
        await updateUser(USERS.owner, { active: true });
      }
    });

    it('deleting the lead', async () => {
      expect((await get(CALLS.dialer, USERS.agent)).status).toBe(200);
      await updateLead({ deletedAt: new Date() });
      try {
        const res = await get(CALLS.dialer, USERS.agent);
        expect(res.status).toBe(400);
        expect(res.text).toBe(PERMISSION_DENIED_JSON);
      } finally {
        await updateLead({ deletedAt: null });
      }
    });
  });
});
