import { CALLS, PERMISSION_DENIED_JSON, USERS } from '../support/demo';
import { documentedVerifier } from '../support/documented-verifier';
import { Factory, freshId } from '../support/factories';
import { Receiver } from '../support/receiver';
import { createTestApp, type TestApp } from '../support/test-app';

describe('Call webhooks, end to end', () => {
  let t: TestApp;
  let receiver: Receiver;
  let factory: Factory;
  let dialerToken: string;

  beforeAll(async () => {
    receiver = await new Receiver().start();
    t = await createTestApp({ WEBHOOK_WORKER: 'true', WEBHOOK_ALLOW_LOOPBACK_HTTP: 'true', WEBHOOK_POLL_MS: '50' });
    factory = new Factory(t.dataSource);
    const client = await factory.client(USERS.agent, ['dialer:write']);
    dialerToken = t.token(USERS.agent, { clientId: client.clientId, scopes: ['dialer:write'] });
  });

  afterAll(async () => {
    await t.close();
    await receiver.stop();
  });

  const as = (userId: string) => `Bearer ${t.token(userId)}`;
  const subscribe = async (userId: string, pathName: string): Promise<string> => {
    const res = await t
      .http()
      .post('/v1.0/webhook')
      .set('Authorization', as(userId))
      .send({ listId: 6, callbackUrl: receiver.url(pathName) });
    expect(res.status).toBe(200);
    return res.body.secret as string;
  };
  const logCall = (leadId: string | number, userId: string = USERS.agent) =>
    t
      .http()
      .post('/v1.0/logType')
      .set('Authorization', as(userId))
      .send({ leadId, logType: 'logCall', content: 'Called about the listing.', outboundOrInbound: 'outbound' });
  const ingest = (communicationType: 'MANUAL' | 'AUTO', leadId = '100001') => {
    const dialerCallRecordId = freshId();
    return t.http().post('/v1.0/dialer/calls').set('Authorization', `Bearer ${dialerToken}`).send({
      dialerCallRecordId,
      communicationType,
      leadId,
      userId: 100234,
      direction: 'Outbound',
      status: 'Completed',
      startTime: '2026-05-04 10:00:00',
      endTime: '2026-05-04 10:02:00',
      duration: 120,
      recordingSwitch: true,
      isMachineAnswered: false,
    });
  };

  it('runs the follow-up flow of the source document: callback, signature, Get Call on each timelineId', async () => {
    const secret = await subscribe(USERS.agent, '/follow-up');
    const logged = await logCall('100001');
    const manual = await ingest('MANUAL');
    const auto = await ingest('AUTO');
    expect([logged.status, manual.status, auto.status]).toEqual([200, 201, 201]);

    await receiver.waitFor(() => receiver.events('/follow-up').length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 300)); // anything more would be a mistake (AUTO)
    const callbacks = receiver.callbacks.filter((c) => c.path === '/follow-up');
    const verify = documentedVerifier();
    for (const callback of callbacks) {
      expect(JSON.parse(callback.body)).toMatchObject({ teamId: 1, listId: 6 });
      expect(callback.headers['content-type']).toBe('application/json');
      expect(verify(secret, callback.headers, callback.body)).toBe(true);
      expect(verify(`${secret}x`, callback.headers, callback.body)).toBe(false);
      expect(verify(secret, callback.headers, callback.body.replace('"listId":6', '"listId":7'))).toBe(false);
    }

    const events = receiver.events('/follow-up');
    expect(events.map((e) => e.communicationType).sort()).toEqual(['LOGGED', 'MANUAL']);
    for (const event of events) {
      expect(Object.keys(event)).toEqual(['eventId', 'timelineId', 'callId', 'communicationType', 'leadId', 'agentId']);
      expect(event).toMatchObject({ leadId: 100001, agentId: 100234 });
      const call = await t
        .http()
        .get(`/v2.0/communication/call/${String(event.timelineId)}`)
        .set('Authorization', as(USERS.agent));
      expect(call.status).toBe(200);
      expect(call.body.id).toBe(event.timelineId);
      if (event.communicationType === 'MANUAL') {
        // The legacy callId points at the dialer record: it is not a communication id.
        expect(event.callId).toBe(call.body.dialerCallRecordId);
        expect(call.body.id).toBe(manual.body.id);
        const byCallId = await t
          .http()
          .get(`/v2.0/communication/call/${String(event.callId)}`)
          .set('Authorization', as(USERS.agent));
        expect(byCallId.text).toBe(PERMISSION_DENIED_JSON);
      } else {
        expect(event.callId).toBe(event.timelineId);
        expect(call.body.id).toBe(logged.body.logType.id);
        expect(call.body).not.toHaveProperty('dialerCallRecordId');
      }
    }
  });

  it('tells the agent, the team OWNER and ADMIN users of a lead; nobody else, never another team', async () => {
    const paths: Record<string, string> = {
      [USERS.agent]: '/r/agent',
      [USERS.admin]: '/r/admin',
      [USERS.owner]: '/r/owner',
      [USERS.unrelatedAgent]: '/r/unrelated',
      [USERS.allTeamLeads]: '/r/all-leads',
      [USERS.assistant]: '/r/assistant',
      [USERS.otherTeamAdmin]: '/r/other-team',
    };
    for (const [userId, pathName] of Object.entries(paths)) await subscribe(userId, pathName);
    const res = await logCall('100001');
    const timelineId = res.body.logType.id as number;
    const told = () =>
      Object.entries(paths).filter(([, p]) => receiver.events(p).some((e) => e.timelineId === timelineId));
    await receiver.waitFor(() => told().length >= 3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(
      told()
        .map(([userId]) => userId)
        .sort(),
    ).toEqual([USERS.agent, USERS.admin, USERS.owner].sort());
    const eventIds = new Set(
      Object.values(paths).flatMap((p) =>
        receiver
          .events(p)
          .filter((e) => e.timelineId === timelineId)
          .map((e) => e.eventId),
      ),
    );
    expect(eventIds.size).toBe(1);
  });

  it('tells only the assigned agent of a hidden lead', async () => {
    await subscribe(USERS.agent, '/h/agent');
    await subscribe(USERS.admin, '/h/admin');
    await subscribe(USERS.owner, '/h/owner');
    const res = await ingest('MANUAL', '100002');
    const timelineId = res.body.id as number;
    await receiver.waitFor(() => receiver.events('/h/agent').some((e) => e.timelineId === timelineId));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.events('/h/admin').some((e) => e.timelineId === timelineId)).toBe(false);
    expect(receiver.events('/h/owner').some((e) => e.timelineId === timelineId)).toBe(false);
  });

  it('sends no event for AUTO calls, logged emails and texts', async () => {
    await subscribe(USERS.agent, '/quiet');
    await ingest('AUTO');
    await t
      .http()
      .post('/v1.0/logType')
      .set('Authorization', as(USERS.agent))
      .send({ leadId: 100001, logType: 'logEmail', content: 'Sent listings.' });
    await t
      .http()
      .post('/v1.0/logType')
      .set('Authorization', as(USERS.agent))
      .send({ leadId: 100001, logType: 'logText', content: 'On my way.' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.events('/quiet')).toEqual([]);
    // and the demo call is untouched by all this
    expect(
      (await t.http().get(`/v2.0/communication/call/${CALLS.dialer}`).set('Authorization', as(USERS.agent))).status,
    ).toBe(200);
  });
});
