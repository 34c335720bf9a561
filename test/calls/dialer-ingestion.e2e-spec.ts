import { CommunicationEntity } from '../../src/calls/communication.entity';
import { DialerCallRecordEntity } from '../../src/calls/dialer-call-record.entity';
import { IdGenerator } from '../../src/database/id-generator';
import { USERS } from '../support/demo';
import { Factory, freshId } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

describe('POST /v1.0/dialer/calls (dialer ingestion)', () => {
  let t: TestApp;
  let factory: Factory;
  let dialerToken: string;

  // The log of the suite: a test provokes an unexpected error on purpose, whose line is checked, not printed.
  const logLines: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({}, { logDestination: { write: (line: string) => logLines.push(line) } });
    factory = new Factory(t.dataSource);
    const client = await factory.client(USERS.agent, ['dialer:write']);
    dialerToken = t.token(USERS.agent, { clientId: client.clientId, scopes: ['dialer:write'] });
  });

  afterAll(async () => {
    await t.close();
  });

  const record = (overrides: Record<string, unknown> = {}) => ({
    dialerCallRecordId: freshId(),
    communicationType: 'MANUAL',
    leadId: 100001,
    userId: 100234,
    userPhoneNumber: '+14155550100',
    leadPhoneNumber: '+14155550199',
    direction: 'Outbound',
    status: 'Completed',
    startTime: '2026-05-02 14:00:00',
    endTime: '2026-05-02 14:03:45',
    duration: 225,
    callingOutcome: 'Talked',
    rateScore: 4,
    recordingSwitch: true,
    showUserNumber: '+14155550100',
    note: 'Wants a showing on Saturday.',
    isMachineAnswered: false,
    price: 0.0125,
    elapsedTime: '00:09',
    ...overrides,
  });
  const ingest = (body: object, token = dialerToken) =>
    t.http().post('/v1.0/dialer/calls').set('Authorization', `Bearer ${token}`).send(body);
  const rows = async () => ({
    dialer: await t.dataSource.getRepository(DialerCallRecordEntity).count(),
    communications: await t.dataSource.getRepository(CommunicationEntity).count(),
  });

  it('records the call and answers it as Get Call does, with its Location', async () => {
    const body = record();
    const res = await ingest(body);
    expect(res.status).toBe(201);
    const id = /"id":(\d+)/.exec(res.text)?.[1] ?? '';
    expect(res.headers.location).toBe(`/v2.0/communication/call/${id}`);
    expect(res.body).toEqual({
      id: expect.any(Number) as number,
      dialerCallRecordId: Number(body.dialerCallRecordId),
      userId: 100234,
      userPhoneNumber: '+14155550100',
      leadId: 100001,
      leadPhoneNumber: '+14155550199',
      direction: 'Outbound',
      status: 'Completed',
      startTime: '2026-05-02 14:00:00',
      endTime: '2026-05-02 14:03:45',
      duration: 225,
      callingOutcome: 'Talked',
      rateScore: 4,
      recordingSwitch: true,
      showUserNumber: '+14155550100',
      createTime: '2026-05-02 14:00:00',
      updateTime: expect.any(String) as string,
      note: 'Wants a showing on Saturday.',
      isMachineAnswered: false,
      price: 0.0125,
      agentId: 100234,
      elapsedTime: '00:09',
    });
    const read = await t
      .http()
      .get(res.headers.location)
      .set('Authorization', `Bearer ${t.token(USERS.admin)}`);
    expect(read.text).toBe(res.text);
  });

  it('records an AUTO call with only the required fields; the rest is absent', async () => {
    const res = await ingest({
      dialerCallRecordId: freshId(),
      communicationType: 'AUTO',
      leadId: '100001',
      userId: '100234',
      direction: 'Inbound',
      status: 'Missed',
      startTime: '2026-05-03 09:00:00',
      duration: 0,
      recordingSwitch: false,
      isMachineAnswered: false,
    });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body as object)).toEqual([
      'id',
      'dialerCallRecordId',
      'userId',
      'leadId',
      'direction',
      'status',
      'startTime',
      'duration',
      'recordingSwitch',
      'createTime',
      'updateTime',
      'isMachineAnswered',
      'agentId',
    ]);
  });

  it('keeps a dialer record id above 2^53 exact', async () => {
    const res = await t
      .http()
      .post('/v1.0/dialer/calls')
      .set('Authorization', `Bearer ${dialerToken}`)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(record({ dialerCallRecordId: 'BIG' })).replace('"BIG"', '9007199254741001'));
    expect(res.status).toBe(201);
    expect(res.text).toContain('"dialerCallRecordId":9007199254741001,');
  });

  describe('idempotent on the dialer record id', () => {
    it('answers a retry 200 with the same call and stores nothing twice', async () => {
      const body = record();
      const first = await ingest(body);
      const before = await rows();
      const retry = await ingest(body);
      expect(first.status).toBe(201);
      expect(retry.status).toBe(200);
      expect(retry.text).toBe(first.text);
      expect(await rows()).toEqual(before);
    });

    it('refuses the same id with other data with 409, changing nothing', async () => {
      const body = record();
      const first = await ingest(body);
      const before = await rows();
      const conflicting = await ingest({ ...body, duration: 999 });
      expect(conflicting.status).toBe(409);
      expect(conflicting.body).toEqual({
        code: 'CONFLICT',
        message: `Dialer record ${body.dialerCallRecordId} was recorded before with other data; it is not changed.`,
      });
      expect(await rows()).toEqual(before);
      const read = await t
        .http()
        .get(first.headers.location)
        .set('Authorization', `Bearer ${t.token(USERS.agent)}`);
      expect(read.body.duration).toBe(225);
    });

    it('stores one call when retries race, and answers every one with it', async () => {
      const body = record();
      const before = await rows();
      const answers = await Promise.all(Array.from({ length: 8 }, () => ingest(body)));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
      expect(new Set(answers.map((a) => a.text)).size).toBe(1);
      const after = await rows();
      expect(after).toEqual({ dialer: before.dialer + 1, communications: before.communications + 1 });
    });
  });

  it('writes the dialer record and the communication together, or neither', async () => {
    const taken = await factory.dialerCall('100001', USERS.agent);
    const ids = jest.spyOn(t.app.get(IdGenerator), 'next').mockReturnValue(taken);
    const body = record();
    const before = await rows();
    logLines.length = 0;
    try {
      const res = await ingest(body);
      expect(res.status).toBe(500);
      expect(res.body).toEqual({ code: 'INTERNAL_ERROR', message: 'An unexpected error occurred.' });
    } finally {
      ids.mockRestore();
    }
    expect(logLines.map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ level: 'error', msg: expect.stringMatching(/^Unexpected error \(request [^)]+\): /) }),
    ]);
    expect(await rows()).toEqual(before);
    expect(await t.dataSource.getRepository(DialerCallRecordEntity).existsBy({ id: body.dialerCallRecordId })).toBe(
      false,
    );
  });

  describe('who may call it', () => {
    it('refuses a user token with 403 INSUFFICIENT_SCOPE', async () => {
      const res = await ingest(record(), t.token(USERS.owner));
      expect(res.status).toBe(403);
      expect(res.body).toEqual({
        code: 'INSUFFICIENT_SCOPE',
        message: 'This operation needs a token of an API client holding the scope dialer:write.',
      });
    });

    it('refuses a client without the scope', async () => {
      const client = await factory.client(USERS.agent);
      expect((await ingest(record(), t.token(USERS.agent, { clientId: client.clientId }))).status).toBe(403);
    });

    it('refuses a token that claims a scope its client does not hold', async () => {
      const client = await factory.client(USERS.agent);
      const token = t.token(USERS.agent, { clientId: client.clientId, scopes: ['dialer:write'] });
      expect((await ingest(record(), token)).status).toBe(403);
    });

    it('refuses a client of another team, whose team has no such lead', async () => {
      const otherTeamClient = await factory.client(USERS.otherTeamAdmin, ['dialer:write']);
      const token = t.token(USERS.otherTeamAdmin, { clientId: otherTeamClient.clientId, scopes: ['dialer:write'] });
      const res = await ingest(record({ userId: USERS.otherTeamAdmin }), token);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        code: 'PERMISSION_DENIED',
        message: "leadId: there is no lead 100001 in the client's team.",
      });
    });

    it.each([
      [{ leadId: 100999 }, "leadId: there is no lead 100999 in the client's team."],
      [{ userId: Number(USERS.otherTeamAdmin) }, "userId: 200001 is not a user of the client's team."],
      [{ agentId: Number(USERS.otherTeamAdmin) }, "agentId: 200001 is not a user of the client's team."],
    ])('refuses %j outside the team', async (overrides, message) => {
      const before = await rows();
      const res = await ingest(record(overrides));
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ code: 'PERMISSION_DENIED', message });
      expect(await rows()).toEqual(before);
    });
  });

  describe('the agents', () => {
    it.each([
      [{ userId: Number(USERS.deactivated) }, "userId: 100239 is a deactivated user of the client's team."],
      [{ agentId: Number(USERS.deactivated) }, "agentId: 100239 is a deactivated user of the client's team."],
    ])('refuses %j, a deactivated agent, with 400 AGENT_INACTIVE', async (overrides, message) => {
      const before = await rows();
      const res = await ingest(record(overrides));
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ code: 'AGENT_INACTIVE', message });
      expect(await rows()).toEqual(before);
    });
  });

  describe('a hidden lead (the rule is the team’s: the dialer is the team’s system)', () => {
    it('records a call on it for a client of any team member, and reading it stays the lead’s rule', async () => {
      // 100235 may not manage the hidden lead 100002; its client records the call all the same.
      const client = await factory.client(USERS.unrelatedAgent, ['dialer:write']);
      const token = t.token(USERS.unrelatedAgent, { clientId: client.clientId, scopes: ['dialer:write'] });
      const res = await ingest(record({ leadId: 100002, userId: Number(USERS.unrelatedAgent) }), token);
      expect(res.status).toBe(201);
      const read = (userId: string) =>
        t
          .http()
          .get(res.headers.location)
          .set('Authorization', `Bearer ${t.token(userId)}`);
      expect((await read(USERS.agent)).text).toBe(res.text);
      expect((await read(USERS.unrelatedAgent)).status).toBe(400);
      expect((await read(USERS.admin)).status).toBe(400);
    });
  });

  describe('bad input: 400 naming the field, nothing stored', () => {
    it.each([
      [{ dialerCallRecordId: undefined }, 'MISSING_PARAMETER', 'dialerCallRecordId is required.'],
      [{ communicationType: 'LOGGED' }, 'INVALID_PARAMETER', 'communicationType must be MANUAL or AUTO.'],
      [{ leadId: 'x' }, 'INVALID_PARAMETER', 'leadId must be a positive integer id (int64).'],
      [{ direction: 'outbound' }, 'INVALID_PARAMETER', 'direction must be Outbound or Inbound.'],
      [
        { status: 'Done' },
        'INVALID_PARAMETER',
        'status must be one of Completed, Missed, Failed, Busy, NoAnswer, VoiceMail.',
      ],
      [
        { startTime: '2026-05-02T14:00:00Z' },
        'INVALID_PARAMETER',
        "startTime must be a UTC time written as 'yyyy-MM-dd HH:mm:ss'.",
      ],
      [
        { startTime: '2026-02-30 10:00:00' },
        'INVALID_PARAMETER',
        "startTime must be a UTC time written as 'yyyy-MM-dd HH:mm:ss'.",
      ],
      [{ endTime: '2026-05-02 13:59:59' }, 'INVALID_PARAMETER', 'endTime must not be before startTime.'],
      [{ duration: -1 }, 'INVALID_PARAMETER', 'duration must not be less than 0.'],
      [{ duration: 1.5 }, 'INVALID_PARAMETER', 'duration must be an integer.'],
      [{ rateScore: 6 }, 'INVALID_PARAMETER', 'rateScore must not be greater than 5.'],
      [{ recordingSwitch: 'yes' }, 'INVALID_PARAMETER', 'recordingSwitch must be true or false.'],
      [
        { price: 0.00001 },
        'INVALID_PARAMETER',
        'price must be a number from 0 to 999999.9999 with at most 4 decimals.',
      ],
      [{ price: '0.02' }, 'INVALID_PARAMETER', 'price must be a number from 0 to 999999.9999 with at most 4 decimals.'],
      [{ elapsedTime: '8s' }, 'INVALID_PARAMETER', "elapsedTime must be written 'mm:ss'."],
      [{ note: 'n'.repeat(5001) }, 'PARAMETER_TOO_LONG', 'note is longer than 5000 characters.'],
      [{ userPhoneNumber: '1'.repeat(33) }, 'PARAMETER_TOO_LONG', 'userPhoneNumber is longer than 32 characters.'],
    ])('%j', async (overrides, code, message) => {
      const before = await rows();
      const res = await ingest(record(overrides));
      expect(res.body).toEqual({ code, message });
      expect(res.status).toBe(400);
      expect(await rows()).toEqual(before);
    });
  });
});
