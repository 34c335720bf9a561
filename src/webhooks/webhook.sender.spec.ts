import { promises as dns } from 'node:dns';
import { loadAppConfig } from '../config/app-config';
import { WebhookSender } from './webhook.sender';

describe('WebhookSender with WEBHOOK_ALLOW_LOOPBACK_HTTP (development)', () => {
  const sender = new WebhookSender(loadAppConfig({ WEBHOOK_ALLOW_LOOPBACK_HTTP: 'true' }));

  afterEach(() => jest.restoreAllMocks());

  it('does not connect to loopback for an https URL whose host resolves there', async () => {
    jest.spyOn(dns, 'lookup').mockResolvedValue([{ address: '127.0.0.1', family: 4 }] as never);
    await expect(sender.send('https://dev.example.test:1/hook', '{}', {})).resolves.toMatchObject({
      ok: false,
      statusCode: null,
      error: 'refused target: callbackUrl must resolve to a public address',
    });
  });

  it('does not connect to an https URL written with a loopback address', async () => {
    await expect(sender.send('https://127.0.0.1:1/hook', '{}', {})).resolves.toMatchObject({
      ok: false,
      error: 'refused target: callbackUrl: 127.0.0.1 is a loopback address',
    });
  });
});
