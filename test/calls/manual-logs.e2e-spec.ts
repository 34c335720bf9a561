import { CommunicationEntity } from '../../src/calls/communication.entity';
import { PERMISSION_DENIED_JSON, USERS } from '../support/demo';
import { Factory } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

describe('POST /v1.0/logType', () => {
  let t: TestApp;
  let factory: Factory;

  beforeAll(async () => {
    t = await createTestApp();
    factory = new Factory(t.dataSource);
  });

  afterAll(async () => {
    await t.close();
  });

  const post = (body: unknown, userId: string = USERS.agent) =>
    t
      .http()
      .post('/v1.0/logType')
      .set('Authorization', `Bearer ${t.token(userId)}`)
      .send(body as object);
  const getCall = (id: string | number | bigint, userId: string = USERS.agent) =>
    t
      .http()
      .get(`/v2.0/communication/call/${id}`)
      .set('Authorization', `Bearer ${t.token(userId)}`);
  const logCall = {
    leadId: 100001,
    logType: 'logCall',
    content: 'Discussed Austin inventory, will send pre-approval doc tomorrow.',
    leadPhoneNumber: '5865865860',
    callingOutcome: 'VoiceMessage',
    outboundOrInbound: 'outbound',
    isPin: false,
    emailSubject: 'Follow-up on Austin listings',
    toEmail: 'sarah.johnson@example.com',
    fromEmail: 'agent@lofty.com',
  };
  const idOf = (text: string) => /"id":(\d+)/.exec(text)?.[1] ?? '';
  const communications = () => t.dataSource.getRepository(CommunicationEntity).count();

  describe('a logged call', () => {
    it('answers the log under logType with the fields of a call, the email fields ignored', async () => {
      const res = await post(logCall);
      expect(res.status).toBe(200);
      const log = res.body.logType as Record<string, unknown>;
      expect(Object.keys(log)).toEqual([
        'id',
        'leadId',
        'leadPhoneNumber',
        'callingOutcome',
        'content',
        'createTime',
        'outboundOrInbound',
        'isPin',
        'agentId',
      ]);
      expect(log).toMatchObject({
        leadId: 100001,
        leadPhoneNumber: '5865865860',
        callingOutcome: 'VoiceMessage',
        content: logCall.content,
        outboundOrInbound: 'outbound',
        isPin: false,
        agentId: 100234,
      });
      expect(log.createTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    });

    it('is at once readable with Get Call, built from the log, the dialer-only keys absent', async () => {
      const created = await post(logCall);
      const id = idOf(created.text);
      const res = await getCall(id);
      expect(res.status).toBe(200);
      const time = created.body.logType.createTime as string;
      expect(res.text).toBe(
        `{"id":${id},"userId":100234,"leadId":100001,"leadPhoneNumber":"5865865860","direction":"Outbound",` +
          `"callingOutcome":"VoiceMessage","createTime":"${time}","updateTime":"${time}",` +
          `"note":"${logCall.content}","agentId":100234}`,
      );
    });

    it('follows the policy: readable by the lead admin, not by an unrelated agent', async () => {
      const id = idOf((await post(logCall)).text);
      expect((await getCall(id, USERS.admin)).status).toBe(200);
      expect((await getCall(id, USERS.unrelatedAgent)).text).toBe(PERMISSION_DENIED_JSON);
    });

    it('omits what the log does not say', async () => {
      const res = await post({ leadId: '100001', logType: 'logCall', content: 'Short call.' });
      expect(res.body.logType).toEqual({
        id: expect.any(Number) as number,
        leadId: 100001,
        content: 'Short call.',
        createTime: expect.any(String) as string,
        isPin: false,
        agentId: 100234,
      });
      const call = await getCall(idOf(res.text));
      expect(Object.keys(call.body as object)).toEqual([
        'id',
        'userId',
        'leadId',
        'createTime',
        'updateTime',
        'note',
        'agentId',
      ]);
    });
  });

  describe('a logged email or text', () => {
    it('answers an email with the email fields and its direction, the call fields ignored, and it is not a call', async () => {
      const res = await post({
        ...logCall,
        logType: 'logEmail',
        callingOutcome: 'not an outcome',
        leadPhoneNumber: 'x',
      });
      expect(res.status).toBe(200);
      expect(Object.keys(res.body.logType as object)).toEqual([
        'id',
        'leadId',
        'content',
        'createTime',
        'outboundOrInbound',
        'isPin',
        'agentId',
        'emailSubject',
        'toEmail',
        'fromEmail',
      ]);
      expect(res.body.logType).toMatchObject({ outboundOrInbound: 'outbound' });
      expect((await getCall(idOf(res.text))).text).toBe(PERMISSION_DENIED_JSON);
    });

    it('answers a text with its number and direction, and it is not a call', async () => {
      const res = await post({ ...logCall, logType: 'logText', toEmail: 'not an address' });
      expect(res.status).toBe(200);
      expect(Object.keys(res.body.logType as object)).toEqual([
        'id',
        'leadId',
        'leadPhoneNumber',
        'content',
        'createTime',
        'outboundOrInbound',
        'isPin',
        'agentId',
      ]);
      expect((await getCall(idOf(res.text))).text).toBe(PERMISSION_DENIED_JSON);
    });
  });

  describe('content', () => {
    it('keeps exactly 5,000 characters', async () => {
      const content = 'x'.repeat(5000);
      expect((await post({ ...logCall, content })).body.logType.content).toBe(content);
    });

    it('truncates 5,001 characters to 5,000, and stores the truncated text', async () => {
      const res = await post({ ...logCall, content: `${'y'.repeat(5000)}z` });
      expect(res.status).toBe(200);
      expect(res.body.logType.content).toBe('y'.repeat(5000));
      expect((await getCall(idOf(res.text))).body.note).toBe('y'.repeat(5000));
    });

    it('counts characters, not UTF-16 units, and never cuts an emoji in half', async () => {
      const res = await post({ ...logCall, content: '😀'.repeat(6000) });
      expect(res.body.logType.content).toBe('😀'.repeat(5000));
      expect((await getCall(idOf(res.text))).body.note).toBe('😀'.repeat(5000));
    });

    it('stores a broken UTF-16 pair as U+FFFD instead of failing', async () => {
      const res = await t
        .http()
        .post('/v1.0/logType')
        .set('Authorization', `Bearer ${t.token(USERS.agent)}`)
        .set('Content-Type', 'application/json')
        .send('{"leadId":100001,"logType":"logCall","content":"a\\ud800b"}');
      expect(res.status).toBe(200);
      expect(res.body.logType.content).toBe('a\ufffdb');
    });
  });

  it('takes a leadId above 2^53 written as a JSON number, exactly', async () => {
    const leadId = '9007199254740997';
    await factory.lead('1', USERS.agent, { id: leadId });
    const res = await t
      .http()
      .post('/v1.0/logType')
      .set('Authorization', `Bearer ${t.token(USERS.agent)}`)
      .set('Content-Type', 'application/json')
      .send(`{"leadId":${leadId},"logType":"logCall","content":"big"}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain(`"leadId":${leadId},`);
    expect((await getCall(idOf(res.text))).text).toContain(`"leadId":${leadId},`);
  });

  it.each(['100001.0', '1.00001e5'])('reads a leadId written %s by its value, as JSON defines it', async (written) => {
    const res = await t
      .http()
      .post('/v1.0/logType')
      .set('Authorization', `Bearer ${t.token(USERS.agent)}`)
      .set('Content-Type', 'application/json')
      .send(`{"leadId":${written},"logType":"logCall","content":"by value"}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('"leadId":100001,');
  });

  describe('permission', () => {
    it.each([
      ['a lead the caller may not manage', { leadId: 100001 }, USERS.unrelatedAgent],
      ['a lead that does not exist', { leadId: 100999 }, USERS.agent],
      ['a hidden lead, for an admin', { leadId: 100002 }, USERS.admin],
      ['a lead of another team', { leadId: 100001 }, USERS.otherTeamAdmin],
    ])('refuses %s with PERMISSION_DENIED and stores nothing', async (_, lead, userId) => {
      const before = await communications();
      const res = await post({ ...logCall, ...lead }, userId);
      expect(res.status).toBe(400);
      expect(res.text).toBe(PERMISSION_DENIED_JSON);
      expect(await communications()).toBe(before);
    });
  });

  describe('bad input: 400 naming the field, nothing stored', () => {
    const cases: [string, unknown, string, string][] = [
      ['no leadId', { ...logCall, leadId: undefined }, 'MISSING_PARAMETER', 'leadId is required.'],
      [
        'a leadId that is not an id',
        { ...logCall, leadId: 'abc' },
        'INVALID_PARAMETER',
        'leadId must be a decimal integer from 1 to 9223372036854775807.',
      ],
      [
        'a negative leadId',
        { ...logCall, leadId: -1 },
        'INVALID_PARAMETER',
        'leadId must be a decimal integer from 1 to 9223372036854775807.',
      ],
      [
        'a fractional leadId',
        { ...logCall, leadId: 100001.5 },
        'INVALID_PARAMETER',
        'leadId must be a decimal integer from 1 to 9223372036854775807.',
      ],
      ['no logType', { ...logCall, logType: undefined }, 'MISSING_PARAMETER', 'logType is required.'],
      [
        'logType in another case',
        { ...logCall, logType: 'LogCall' },
        'INVALID_PARAMETER',
        'logType must be one of logCall, logEmail, logText.',
      ],
      ['no content', { ...logCall, content: undefined }, 'MISSING_PARAMETER', 'content is required.'],
      ['an empty content', { ...logCall, content: '' }, 'MISSING_PARAMETER', 'content is required.'],
      ['a content that is not text', { ...logCall, content: 42 }, 'INVALID_PARAMETER', 'content must be a string.'],
      [
        'a call outcome out of the list',
        { ...logCall, callingOutcome: 'Maybe' },
        'INVALID_PARAMETER',
        'callingOutcome must be one of Talked, VoiceMessage, NoAnswer, BadNumber, DNCNumber, DNCContact.',
      ],
      [
        'a direction out of the list',
        { ...logCall, outboundOrInbound: 'Outbound' },
        'INVALID_PARAMETER',
        'outboundOrInbound must be outbound or inbound.',
      ],
      [
        'a direction out of the list on an email',
        { ...logCall, logType: 'logEmail', outboundOrInbound: 'sent' },
        'INVALID_PARAMETER',
        'outboundOrInbound must be outbound or inbound.',
      ],
      [
        'a number too long',
        { ...logCall, leadPhoneNumber: '1'.repeat(33) },
        'PARAMETER_TOO_LONG',
        'leadPhoneNumber is longer than 32 characters.',
      ],
      [
        'a number that is not one',
        { ...logCall, leadPhoneNumber: 'call me' },
        'INVALID_PARAMETER',
        'leadPhoneNumber must be a phone number.',
      ],
      ['isPin not a boolean', { ...logCall, isPin: 'yes' }, 'INVALID_PARAMETER', 'isPin must be true or false.'],
      [
        'an email subject too long',
        { ...logCall, logType: 'logEmail', emailSubject: 's'.repeat(256) },
        'PARAMETER_TOO_LONG',
        'emailSubject is longer than 255 characters.',
      ],
      [
        'a recipient that is not an address',
        { ...logCall, logType: 'logEmail', toEmail: 'sarah' },
        'INVALID_PARAMETER',
        'toEmail must be an email address.',
      ],
      ['a JSON array', [logCall], 'INVALID_PARAMETER', 'The request body must be a JSON object.'],
    ];

    it.each(cases)('%s', async (_, body, code, message) => {
      const before = await communications();
      const res = await post(body);
      expect(res.body).toEqual({ code, message });
      expect(res.status).toBe(400);
      expect(await communications()).toBe(before);
    });

    it('no body at all: MISSING_PARAMETER', async () => {
      const res = await t
        .http()
        .post('/v1.0/logType')
        .set('Authorization', `Bearer ${t.token(USERS.agent)}`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('MISSING_PARAMETER');
    });

    it('malformed JSON: MALFORMED_JSON', async () => {
      const res = await t
        .http()
        .post('/v1.0/logType')
        .set('Authorization', `Bearer ${t.token(USERS.agent)}`)
        .set('Content-Type', 'application/json')
        .send('{"leadId": 100001, "logType": "logCall", ');
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ code: 'MALFORMED_JSON', message: 'The request body is not valid JSON.' });
    });

    it('a form instead of JSON: 415 UNSUPPORTED_MEDIA_TYPE', async () => {
      const res = await t
        .http()
        .post('/v1.0/logType')
        .set('Authorization', `Bearer ${t.token(USERS.agent)}`)
        .type('form')
        .send({ leadId: '100001', logType: 'logCall', content: 'x' });
      expect(res.status).toBe(415);
      expect(res.body).toEqual({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'Send the body as JSON (Content-Type: application/json).',
      });
    });

    it('a body over 1 MB: 413 PAYLOAD_TOO_LARGE', async () => {
      const before = await communications();
      const res = await post({ ...logCall, content: 'x'.repeat(1024 * 1024) });
      expect(res.status).toBe(413);
      expect(res.body).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' });
      expect(await communications()).toBe(before);
    });

    it('just under 1 MB of content is taken, and truncated', async () => {
      const res = await post({ ...logCall, content: 'x'.repeat(1000 * 1000) });
      expect(res.status).toBe(200);
      expect(res.body.logType.content).toHaveLength(5000);
    });
  });
});
