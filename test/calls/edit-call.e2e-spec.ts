import { formatUtc } from '../../src/common/utc-time';
import { CALLS, EXPECTED, PERMISSION_DENIED_JSON, USERS } from '../support/demo';
import { Factory } from '../support/factories';
import { countStatements } from '../support/statement-counter';
import { createTestApp, type TestApp } from '../support/test-app';

const path = (id: string) => `/v2.0/communication/call/${id}`;
const LEAD = '100001';

describe('PATCH /v2.0/communication/call/{communicationId}', () => {
  let t: TestApp;
  let factory: Factory;

  beforeAll(async () => {
    t = await createTestApp();
    factory = new Factory(t.dataSource);
  });

  afterAll(async () => {
    await t.close();
  });

  const get = (id: string, userId: string = USERS.agent, headers: Record<string, string> = {}) => {
    let req = t
      .http()
      .get(path(id))
      .set('Authorization', `Bearer ${t.token(userId)}`);
    for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
    return req;
  };

  const patch = (id: string, body: unknown, headers: Record<string, string> = {}, userId: string = USERS.agent) => {
    let req = t
      .http()
      .patch(path(id))
      .set('Authorization', `Bearer ${t.token(userId)}`);
    for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
    return body === undefined ? req : req.send(body as object);
  };

  const record = async (id: string) => JSON.parse((await get(id)).text) as Record<string, unknown>;
  const dialerCall = () =>
    factory.dialerCall(LEAD, USERS.agent, { callingOutcome: null, rateScore: 2, note: 'First.' });
  const loggedCall = () => factory.communication(LEAD, USERS.agent, { content: 'Left a message.' });

  /** The current time to the second in UTC, as the API writes it. */
  const nowUtc = () => formatUtc(new Date(Math.floor(Date.now() / 1000) * 1000));

  describe('the editable fields', () => {
    it.each([
      ['callingOutcome', 'VoiceMessage'],
      ['rateScore', 5],
      ['rateScore', 0],
      ['note', 'Called back: pre-approval received.'],
    ])('sets %s (%p) on a dialer call, then clears it with null', async (field, value) => {
      const id = await dialerCall();
      const set = await patch(id, { [field]: value });
      expect(set.status).toBe(200);
      expect((set.body as Record<string, unknown>)[field]).toBe(value);
      expect((await record(id))[field]).toBe(value);

      const cleared = await patch(id, { [field]: null });
      expect(cleared.status).toBe(200);
      expect(cleared.body).not.toHaveProperty(field);
      expect(await record(id)).not.toHaveProperty(field);
    });

    it('leaves the fields it is not given as they are, and answers the record as Get Call does', async () => {
      const id = await dialerCall();
      const before = await record(id);
      const res = await patch(id, { callingOutcome: 'Talked' });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      const after = await get(id);
      expect(res.text).toBe(after.text);
      expect(JSON.parse(res.text)).toEqual({
        ...before,
        callingOutcome: 'Talked',
        updateTime: (JSON.parse(after.text) as { updateTime: string }).updateTime,
      });
    });

    it('sets several fields at once', async () => {
      const id = await dialerCall();
      const res = await patch(id, { callingOutcome: 'BadNumber', rateScore: 1, note: 'Wrong number.' });
      expect(res.body).toMatchObject({ callingOutcome: 'BadNumber', rateScore: 1, note: 'Wrong number.' });
    });

    it('moves updateTime to the time of the edit, in UTC to the second', async () => {
      const id = await dialerCall();
      expect((await record(id)).updateTime).toBe('2026-05-01 12:00:00');
      const from = nowUtc();
      const res = await patch(id, { rateScore: 3 });
      const to = nowUtc();
      const { updateTime } = res.body as { updateTime: string };
      expect(updateTime >= from && updateTime <= to).toBe(true);
      expect((await record(id)).updateTime).toBe(updateTime);
      expect((await record(id)).createTime).toBe('2026-05-01 12:00:00');
    });

    it('clears the note with an empty text too', async () => {
      const id = await dialerCall();
      const res = await patch(id, { note: '' });
      expect(res.status).toBe(200);
      expect(res.body).not.toHaveProperty('note');
    });

    it('truncates a note longer than 5000 characters to 5000, as a manual log does, never cutting an emoji', async () => {
      const id = await dialerCall();
      const long = await patch(id, { note: 'a'.repeat(5001) });
      expect(long.status).toBe(200);
      expect((long.body as { note: string }).note).toBe('a'.repeat(5000));

      const emoji = await patch(id, { note: 'a'.repeat(4999) + '😀😀' });
      expect((emoji.body as { note: string }).note).toBe('a'.repeat(4999) + '😀');
      expect((await record(id)).note).toBe('a'.repeat(4999) + '😀');
    });
  });

  describe('a logged call', () => {
    it("edits its note, which is its log's content: Get Call and the list of manual logs show the new one", async () => {
      const id = await loggedCall();
      const res = await patch(id, { note: 'Rescheduled to Friday.' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ note: 'Rescheduled to Friday.' });
      expect((await record(id)).note).toBe('Rescheduled to Friday.');
      const logs = await t
        .http()
        .get('/v1.0/logType')
        .query({ leadId: LEAD, logType: 'logCall', limit: 1000 })
        .set('Authorization', `Bearer ${t.token(USERS.agent)}`);
      const entry = (logs.body as { logType: { id: number; content: string }[] }).logType.find(
        (log) => String(log.id) === id,
      );
      expect(entry?.content).toBe('Rescheduled to Friday.');
    });

    it('sets and clears its outcome, and clears its note', async () => {
      const id = await loggedCall();
      expect((await patch(id, { callingOutcome: 'NoAnswer' })).body).toMatchObject({ callingOutcome: 'NoAnswer' });
      const cleared = await patch(id, { callingOutcome: null, note: null });
      expect(cleared.status).toBe(200);
      expect(cleared.body).not.toHaveProperty('callingOutcome');
      expect(cleared.body).not.toHaveProperty('note');
      expect(cleared.body).not.toHaveProperty('rateScore');
    });

    it.each([3, null])('refuses rateScore %p: a logged call has no rating; nothing changes', async (rateScore) => {
      const id = await loggedCall();
      const before = (await get(id)).text;
      const res = await patch(id, { note: 'Changed?', rateScore });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        code: 'INVALID_PARAMETER',
        message: 'rateScore applies to dialer calls only: a logged call has no rating.',
      });
      expect((await get(id)).text).toBe(before);
    });
  });

  describe('what cannot be edited', () => {
    it.each([
      'id',
      'dialerCallRecordId',
      'userId',
      'leadId',
      'leadPhoneNumber',
      'direction',
      'status',
      'duration',
      'createTime',
      'updateTime',
      'price',
      'agentId',
      'elapsedTime',
      'content',
      'teamId',
      'version',
      'callingoutcome',
    ])('refuses %s, named, and changes nothing', async (field) => {
      const id = await dialerCall();
      const before = (await get(id)).text;
      const res = await patch(id, { note: 'Changed?', [field]: 1 });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        code: 'INVALID_PARAMETER',
        message: `${field} cannot be edited: a call edit takes callingOutcome, rateScore, note only.`,
      });
      expect((await get(id)).text).toBe(before);
    });

    it('names the first field it cannot edit, in the order of the body', async () => {
      const res = await patch(await dialerCall(), { status: 'Missed', note: 'x', duration: 3 });
      expect(res.body).toMatchObject({ message: expect.stringMatching(/^status cannot be edited/) as unknown });
    });
  });

  describe('bad values', () => {
    it.each([
      [
        { callingOutcome: 'talked' },
        'callingOutcome must be one of Talked, VoiceMessage, NoAnswer, BadNumber, DNCNumber, DNCContact.',
      ],
      [
        { callingOutcome: 1 },
        'callingOutcome must be one of Talked, VoiceMessage, NoAnswer, BadNumber, DNCNumber, DNCContact.',
      ],
      [{ rateScore: 6 }, 'rateScore must be an integer from 0 to 5, or null.'],
      [{ rateScore: -1 }, 'rateScore must be an integer from 0 to 5, or null.'],
      [{ rateScore: 2.5 }, 'rateScore must be an integer from 0 to 5, or null.'],
      [{ rateScore: '4' }, 'rateScore must be an integer from 0 to 5, or null.'],
      [{ rateScore: true }, 'rateScore must be an integer from 0 to 5, or null.'],
      [{ note: 5 }, 'note must be a string.'],
      [{ note: ['a'] }, 'note must be a string.'],
    ])('%j: 400 INVALID_PARAMETER naming the field, nothing changed', async (body, message) => {
      const id = await dialerCall();
      const before = (await get(id)).text;
      const res = await patch(id, body);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ code: 'INVALID_PARAMETER', message });
      expect((await get(id)).text).toBe(before);
    });

    it('refuses a body that is not a JSON object, and a request without a body', async () => {
      const id = await dialerCall();
      const list = await patch(id, [1]);
      expect(list.body).toEqual({ code: 'INVALID_PARAMETER', message: 'The request body must be a JSON object.' });
      const none = await patch(id, undefined);
      expect(none.status).toBe(400);
      expect(none.body).toMatchObject({ code: 'MISSING_PARAMETER' });
    });

    it('reads a JSON merge patch (application/merge-patch+json) as JSON', async () => {
      const id = await dialerCall();
      const res = await patch(id, JSON.stringify({ rateScore: 1 }), { 'Content-Type': 'application/merge-patch+json' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ rateScore: 1 });
    });
  });

  describe('an empty edit', () => {
    it('changes nothing and answers the record as it is, with its ETag', async () => {
      const id = await dialerCall();
      const before = await get(id);
      const res = await patch(id, {});
      expect(res.status).toBe(200);
      expect(res.text).toBe(before.text);
      expect(res.headers.etag).toBe(before.headers.etag);
      expect((await get(id)).headers.etag).toBe(before.headers.etag);
    });

    it('still fails on a stale If-Match', async () => {
      const id = await dialerCall();
      const res = await patch(id, {}, { 'If-Match': '"7"' });
      expect(res.status).toBe(412);
    });
  });

  describe('who may edit: the lead policy of Get Call, with its answer byte for byte', () => {
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
    const activeUsers = Object.values(USERS).filter((u) => u !== USERS.deactivated);
    const cases = Object.entries(EXPECTED).flatMap(([id, expected]) =>
      activeUsers.map((userId) => ({ id, userId, allowed: expected.visibleTo.includes(userId) })),
    );

    it.each(cases)('$id as $userId: allowed=$allowed', async ({ id, userId, allowed }) => {
      const read = await get(id, userId);
      const res = await patch(id, { callingOutcome: 'Talked' }, {}, userId);
      expect(res.status).toBe(allowed ? 200 : 400);
      if (allowed) {
        expect(res.headers.etag).toMatch(/^"\d+"$/);
        expect(res.text).toBe((await get(id, userId)).text);
      } else {
        expect(res.text).toBe(PERMISSION_DENIED_JSON);
        expect(res.headers).not.toHaveProperty('etag');
        expect(strip(res.headers)).toEqual(strip(read.headers));
      }
    });

    it('refuses a deactivated user (401) and a request without a token, before the body', async () => {
      expect((await patch(CALLS.dialer, { note: 'x' }, {}, USERS.deactivated)).status).toBe(401);
      const anonymous = await t.http().patch(path(CALLS.dialer)).send({ note: 'x' });
      expect(anonymous.status).toBe(401);
    });

    it('gives the same answer for no such call, not a call and a lead not manageable, whatever the body and If-Match', async () => {
      const answers = await Promise.all([
        patch('563172647619999', { duration: 1 }, { 'If-Match': '"99"' }, USERS.unrelatedAgent),
        patch(CALLS.email, { rateScore: 'x' }, {}, USERS.agent),
        patch(CALLS.dialer, { note: 'x' }, { 'If-Match': '"1"' }, USERS.unrelatedAgent),
        get(CALLS.dialer, USERS.unrelatedAgent),
      ]);
      for (const res of answers) {
        expect(res.status).toBe(400);
        expect(res.text).toBe(PERMISSION_DENIED_JSON);
        expect(res.headers).not.toHaveProperty('etag');
        expect(strip(res.headers)).toEqual(strip(answers[3].headers));
      }
    });

    it('refuses an id that is not a positive int64, named', async () => {
      const res = await patch('0', { note: 'x' });
      expect(res.body).toEqual({
        code: 'INVALID_PARAMETER',
        message: 'communicationId must be a decimal integer from 1 to 9223372036854775807.',
      });
    });
  });

  describe('ETag and conditional requests', () => {
    it('Get Call answers a strong ETag that every edit changes, and the edit answers the new one', async () => {
      const id = await dialerCall();
      const first = await get(id);
      expect(first.headers.etag).toBe('"1"');
      const edit = await patch(id, { rateScore: 4 });
      expect(edit.headers.etag).toBe('"2"');
      expect((await get(id)).headers.etag).toBe('"2"');
      expect((await patch(id, { rateScore: 4 })).headers.etag).toBe('"3"');
    });

    it('answers 304 without a body to If-None-Match naming the current ETag, weakly or in a list, or *', async () => {
      const id = await dialerCall();
      const etag = (await get(id)).headers.etag;
      for (const header of [etag, `W/${etag}`, `"0", ${etag}`, '*']) {
        const res = await get(id, USERS.agent, { 'If-None-Match': header });
        expect(res.status).toBe(304);
        expect(res.text).toBe('');
        expect(res.headers.etag).toBe(etag);
        expect(res.headers).not.toHaveProperty('content-type');
      }
    });

    it('answers the record in full to If-None-Match with an ETag that is no longer current', async () => {
      const id = await dialerCall();
      const stale = (await get(id)).headers.etag;
      await patch(id, { note: 'Changed.' });
      const res = await get(id, USERS.agent, { 'If-None-Match': stale });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ note: 'Changed.' });
      expect(res.headers.etag).not.toBe(stale);
      expect((await get(id, USERS.agent, { 'If-None-Match': res.headers.etag })).status).toBe(304);
    });

    it('answers no 304 and no ETag to a caller who may not read the call', async () => {
      const res = await get(CALLS.dialer, USERS.unrelatedAgent, { 'If-None-Match': '*' });
      expect(res.status).toBe(400);
      expect(res.text).toBe(PERMISSION_DENIED_JSON);
      expect(res.headers).not.toHaveProperty('etag');
    });

    it('keeps Get Call at two statements, the 304 too', async () => {
      const id = await dialerCall();
      const etag = (await get(id)).headers.etag;
      for (const headers of [{}, { 'If-None-Match': etag }] as Record<string, string>[]) {
        const counter = countStatements(t.dataSource);
        try {
          await get(id, USERS.agent, headers);
          expect(counter.count()).toBe(2);
        } finally {
          counter.restore();
        }
      }
    });

    it('gives no ETag to the v1 read and the batch', async () => {
      const v1 = await t
        .http()
        .get(`/v1.0/calls/${CALLS.dialer}`)
        .set('Authorization', `Bearer ${t.token(USERS.agent)}`);
      expect(v1.status).toBe(200);
      expect(v1.headers).not.toHaveProperty('etag');
      const batch = await t
        .http()
        .post('/v2.0/communication/call/batch')
        .set('Authorization', `Bearer ${t.token(USERS.agent)}`)
        .send({ ids: [CALLS.dialer] });
      expect(batch.status).toBe(200);
      expect(batch.headers).not.toHaveProperty('etag');
    });

    it('applies an edit whose If-Match names the current ETag (alone, in a list, or *)', async () => {
      const id = await dialerCall();
      const kinds = [(etag: string) => etag, (etag: string) => `"0", ${etag}`, () => '*'];
      for (const ifMatch of kinds) {
        const etag = (await get(id)).headers.etag;
        const res = await patch(id, { rateScore: 1 }, { 'If-Match': ifMatch(etag) });
        expect(res.status).toBe(200);
        expect(res.headers.etag).toBe(`"${Number(etag.slice(1, -1)) + 1}"`);
      }
    });

    it.each([
      ['a stale ETag', (etag: string) => etag.replace(/\d+/, (v) => String(Number(v) - 1))],
      ['a weak ETag (If-Match compares strongly)', (etag: string) => `W/${etag}`],
      ['no entity tag', () => 'abc'],
      ['an ETag of another format', () => '"v1"'],
    ])('refuses an edit whose If-Match is %s: 412, nothing changed', async (_, ifMatch) => {
      const id = await dialerCall();
      await patch(id, { rateScore: 3 });
      const before = await get(id);
      const res = await patch(id, { rateScore: 0 }, { 'If-Match': ifMatch(before.headers.etag) });
      expect(res.status).toBe(412);
      expect(res.body).toEqual({
        code: 'PRECONDITION_FAILED',
        message:
          'The call changed since the ETag in If-Match: read it again (its ETag too) and apply the edit to that.',
      });
      expect(res.headers).not.toHaveProperty('etag');
      const after = await get(id);
      expect(after.text).toBe(before.text);
      expect(after.headers.etag).toBe(before.headers.etag);
    });

    it('lets exactly one of concurrent edits with the same If-Match apply', async () => {
      const id = await dialerCall();
      const etag = (await get(id)).headers.etag;
      const answers = await Promise.all(
        [0, 1, 2, 3, 4, 5].map((score) => patch(id, { rateScore: score }, { 'If-Match': etag })),
      );
      const statuses = answers.map((res) => res.status).sort();
      expect(statuses).toEqual([200, 412, 412, 412, 412, 412]);
      const winner = answers.find((res) => res.status === 200)!;
      const now = await get(id);
      expect(now.text).toBe(winner.text);
      expect(now.headers.etag).toBe('"2"');
    });

    it('applies every one of concurrent edits without If-Match, one after the other', async () => {
      const id = await dialerCall();
      const answers = await Promise.all([0, 1, 2, 3].map((score) => patch(id, { rateScore: score })));
      expect(answers.map((res) => res.status)).toEqual([200, 200, 200, 200]);
      expect(answers.map((res) => res.headers.etag).sort()).toEqual(['"2"', '"3"', '"4"', '"5"']);
      expect((await get(id)).headers.etag).toBe('"5"');
    });
  });

  it('edits the call with an id above 2^53 exactly, and not its double-rounded neighbour', async () => {
    const neighbour = await factory.dialerCall(LEAD, USERS.agent, { id: '9007199254740992', rateScore: 1 });
    const before = (await get(neighbour)).text;
    const res = await patch(CALLS.above2To53, { rateScore: 2, note: 'Exact id.' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('"id":9007199254740993,');
    expect(res.text).toContain('"dialerCallRecordId":9007199254740995,');
    expect(res.body).toMatchObject({ rateScore: 2, note: 'Exact id.' });
    expect((await get(neighbour)).text).toBe(before);
    expect((await get(CALLS.above2To53)).text).toBe(res.text);
  });

  it('may be sent by a browser of an allowed origin, which may read the ETag', async () => {
    // Last in the file, on a database of its own: in parallel MySQL runs, the suite's app answered the request that
    // followed this second app's close with 503 (its pool reported "Pool is closed"). Not yet explained.
    const cors = await createTestApp({ CORS_ORIGINS: 'https://crm.example.com' });
    try {
      const preflight = await cors
        .http()
        .options(path(CALLS.dialer))
        .set('Origin', 'https://crm.example.com')
        .set('Access-Control-Request-Method', 'PATCH')
        .set('Access-Control-Request-Headers', 'authorization,content-type,if-match');
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-methods']).toContain('PATCH');
      expect(preflight.headers['access-control-allow-headers']).toContain('If-Match');
      expect(preflight.headers['access-control-allow-headers']).toContain('If-None-Match');
      const read = await cors
        .http()
        .get(path(CALLS.dialer))
        .set('Origin', 'https://crm.example.com')
        .set('Authorization', `Bearer ${t.token(USERS.agent)}`);
      expect(read.headers['access-control-expose-headers']).toContain('ETag');
    } finally {
      await cors.close();
    }
  });
});
