import { promises as dns } from 'node:dns';
import { loadAppConfig } from '../config/app-config';
import { connectionFailure, SendFailure, WebhookSender } from './webhook.sender';

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

describe('connectionFailure', () => {
  const failure = (message: string, code?: string) => connectionFailure(Object.assign(new Error(message), { code }));

  it.each([
    ['connect ECONNREFUSED 203.0.113.7:443', 'ECONNREFUSED', SendFailure.Connection],
    ['getaddrinfo ENOTFOUND hooks.example.com', 'ENOTFOUND', SendFailure.Connection],
    ['socket hang up', 'ECONNRESET', SendFailure.Connection],
    ['self-signed certificate', 'DEPTH_ZERO_SELF_SIGNED_CERT', SendFailure.Tls],
    ['certificate has expired', 'CERT_HAS_EXPIRED', SendFailure.Tls],
    ['unable to verify the first certificate', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', SendFailure.Tls],
    ["Hostname/IP does not match certificate's altnames", 'ERR_TLS_CERT_ALTNAME_INVALID', SendFailure.Tls],
    ['refused target: callbackUrl must resolve to a public address', undefined, SendFailure.TargetRefused],
  ])('%s is %s', (message, code, expected) => {
    expect(failure(message, code)).toBe(expected);
  });
});
