import { DIALER_CALL_JSON, LOGGED_CALL_JSON, BIG_ID_CALL_JSON, PERMISSION_DENIED_JSON, USERS } from '../support/demo';
import { Factory } from '../support/factories';
import { countStatements } from '../support/statement-counter';
import { createTestApp, type TestApp } from '../support/test-app';

describe('call lists', () => {
  let t: TestApp;
  let factory: Factory;
  /** A lead with 25 calls (ids ascending with time), 3 emails and 2 calls on another lead. */
  let leadId: string;
  let callIds: string[];

  beforeAll(async () => {
    t = await createTestApp();
    factory = new Factory(t.dataSource);
    leadId = await factory.lead('1', USERS.agent);
    callIds = [];
    for (let i = 0; i < 25; i++) {
      callIds.push(
        i % 2 === 0 ? await factory.dialerCall(leadId, USERS.agent) : await factory.communication(leadId, USERS.agent),
      );
      if (i % 9 === 0) await factory.communication(leadId, USERS.agent, { channel: 'EMAIL' as never });
    }
    const other = await factory.lead('1', USERS.agent);
    await factory.dialerCall(other, USERS.agent);
    await factory.communication(other, USERS.agent);
  });

  afterAll(async () => {
    await t.close();
  });

  const get = (path: string, userId: string = USERS.agent) =>
    t
      .http()
      .get(path)
      .set('Authorization', `Bearer ${t.token(userId)}`);
  const ids = (text: string) => [...text.matchAll(/\{"id":(\d+)/g)].map((m) => m[1]);
  const newestFirst = () => [...callIds].reverse();

  describe('GET /v1.0/calls', () => {
    it('pages the lead calls newest first with metadata; each item is the Get Call record', async () => {
      const res = await get('/v1.0/calls?leadId=100001');
      expect(res.status).toBe(200);
      expect(res.text).toBe(
        `{"get_metadata":{"collection":"calls","limit":10,"offset":0,"total":3},"calls":[${BIG_ID_CALL_JSON},${LOGGED_CALL_JSON},${DIALER_CALL_JSON}]}`,
      );
    });

    it('takes limit and offset, and counts every call of the lead (not its emails)', async () => {
      const res = await get(`/v1.0/calls?leadId=${leadId}&limit=7&offset=14`);
      expect(res.body.get_metadata).toEqual({ collection: 'calls', limit: 7, offset: 14, total: 25 });
      expect(ids(res.text)).toEqual(newestFirst().slice(14, 21));
    });

    it('answers an empty page past the end', async () => {
      const res = await get(`/v1.0/calls?leadId=${leadId}&offset=25`);
      expect(res.body).toEqual({ get_metadata: { collection: 'calls', limit: 10, offset: 25, total: 25 }, calls: [] });
    });
  });

  describe('GET /v1.0/communication/call', () => {
    it('walks every call once with the keyset cursor, newest first', async () => {
      const seen: string[] = [];
      const sizes: number[] = [];
      let cursor = '';
      for (;;) {
        const res = await get(`/v1.0/communication/call?leadId=${leadId}&limit=10${cursor}`);
        expect(res.status).toBe(200);
        const page = ids(res.text);
        sizes.push(page.length);
        if (page.length === 0) break;
        seen.push(...page);
        cursor = `&currentId=${page[page.length - 1]}`;
      }
      expect(sizes).toEqual([10, 10, 5, 0]);
      expect(seen).toEqual(newestFirst());
    });

    it('treats currentId as exclusive and ignores offset with it', async () => {
      const res = await get(
        `/v1.0/communication/call?leadId=${leadId}&limit=3&offset=20&currentId=${newestFirst()[4]}`,
      );
      expect(ids(res.text)).toEqual(newestFirst().slice(5, 8));
    });

    it('pages by offset without a cursor', async () => {
      const res = await get(`/v1.0/communication/call?leadId=${leadId}&limit=2&offset=1`);
      expect(Object.keys(res.body as object)).toEqual(['calls']);
      expect(ids(res.text)).toEqual(newestFirst().slice(1, 3));
    });

    it('sends the same number of queries for a page of 1 and a page of 25 (no query per call)', async () => {
      const counts: number[] = [];
      for (const limit of [1, 25]) {
        await get(`/v1.0/communication/call?leadId=${leadId}&limit=${limit}`);
        const counter = countStatements(t.dataSource);
        try {
          await get(`/v1.0/communication/call?leadId=${leadId}&limit=${limit}&currentId=${newestFirst()[0]}`);
          counts.push(counter.count());
        } finally {
          counter.restore();
        }
      }
      expect(counts).toEqual([3, 3]);
    });
  });

  describe.each(['/v1.0/calls', '/v1.0/communication/call'])('%s refuses', (path) => {
    it.each([
      ['no leadId', '', 'MISSING_PARAMETER', 'leadId is required.'],
      [
        'a malformed leadId',
        '?leadId=1e3',
        'INVALID_PARAMETER',
        'leadId must be a decimal integer from 1 to 9223372036854775807.',
      ],
      [
        'two leadIds',
        '?leadId=1&leadId=2',
        'INVALID_PARAMETER',
        'leadId must be a decimal integer from 1 to 9223372036854775807.',
      ],
      ['limit 0', '?leadId=100001&limit=0', 'LIMIT_NOT_VALID', 'limit must be an integer from 1 to 1000.'],
      ['limit 1001', '?leadId=100001&limit=1001', 'LIMIT_NOT_VALID', 'limit must be an integer from 1 to 1000.'],
      ['limit abc', '?leadId=100001&limit=abc', 'LIMIT_NOT_VALID', 'limit must be an integer from 1 to 1000.'],
      ['limit 1.5', '?leadId=100001&limit=1.5', 'LIMIT_NOT_VALID', 'limit must be an integer from 1 to 1000.'],
      [
        'a negative offset',
        '?leadId=100001&offset=-1',
        'INVALID_PARAMETER',
        'offset must be an integer from 0 to 1000000.',
      ],
    ])('%s', async (_, query, code, message) => {
      const res = await get(`${path}${query}`);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ code, message });
    });

    it.each([
      ['a lead the caller may not manage', '100001', USERS.unrelatedAgent],
      ['a hidden lead, to an admin', '100002', USERS.admin],
      ['a lead that does not exist', '100999', USERS.owner],
      ['a lead of another team', '100001', USERS.otherTeamAdmin],
    ])('%s with PERMISSION_DENIED', async (_, lead, userId) => {
      const res = await get(`${path}?leadId=${lead}`, userId);
      expect(res.text).toBe(PERMISSION_DENIED_JSON);
    });
  });

  it('refuses a malformed cursor', async () => {
    const res = await get('/v1.0/communication/call?leadId=100001&currentId=-5');
    expect(res.body).toEqual({
      code: 'INVALID_PARAMETER',
      message: 'currentId must be a positive integer id (int64).',
    });
  });
});
