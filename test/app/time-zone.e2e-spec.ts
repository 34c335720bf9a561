import { CALLS, DIALER_CALL_JSON, USERS } from '../support/demo';
import { createTestApp, TestApp } from '../support/test-app';

describe('times are UTC whatever the time zone of the process', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('runs this suite in Asia/Kolkata (UTC+05:30)', () => {
    expect(new Date(Date.UTC(2026, 3, 22)).getTimezoneOffset()).toBe(-330);
  });

  it('writes and reads the demo call times in UTC', async () => {
    const res = await t
      .http()
      .get(`/v2.0/communication/call/${CALLS.dialer}`)
      .set('Authorization', `Bearer ${t.token(USERS.agent)}`);
    expect(res.text).toBe(DIALER_CALL_JSON);
  });
});
