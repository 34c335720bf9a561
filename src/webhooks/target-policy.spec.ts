import { addressRefusal, urlRefusal } from './target-policy';

const strict = { allowLoopbackHttp: false };
const dev = { allowLoopbackHttp: true };

describe('callback target policy', () => {
  it.each([
    'https://hooks.example.com/calls',
    'https://hooks.example.com:8443/calls?x=1',
    'https://93.184.216.34/hook',
    'https://[2606:4700::1111]/hook',
  ])('accepts %s', (url) => {
    expect(urlRefusal(url, strict)).toBeNull();
  });

  it.each([
    ['http://hooks.example.com/calls', 'callbackUrl must be an https URL'],
    ['ftp://hooks.example.com/', 'callbackUrl must be an https URL'],
    ['hooks.example.com/calls', 'callbackUrl must be an absolute URL'],
    ['https://user:pass@hooks.example.com/', 'callbackUrl must not carry credentials'],
    ['https://127.0.0.1/hook', '127.0.0.1 is a loopback address'],
    ['https://localhost/hook', 'localhost is a loopback address'],
    ['https://[::1]/hook', '::1 is a loopback address'],
    ['https://10.1.2.3/hook', '10.1.2.3 is not a public address'],
    ['https://172.20.0.1/hook', '172.20.0.1 is not a public address'],
    ['https://192.168.1.10/hook', '192.168.1.10 is not a public address'],
    ['https://169.254.169.254/latest/meta-data', '169.254.169.254 is not a public address'],
    ['https://[fe80::1]/hook', 'fe80::1 is not a public address'],
    ['https://[fd00::1]/hook', 'fd00::1 is not a public address'],
    ['https://[::ffff:10.0.0.1]/hook', '::ffff:a00:1 is not a public address'],
    ['https://0.0.0.0/hook', '0.0.0.0 is not a public address'],
  ])('refuses %s', (url, reason) => {
    expect(urlRefusal(url, strict)).toBe(reason);
  });

  describe('with WEBHOOK_ALLOW_LOOPBACK_HTTP (development)', () => {
    it.each([
      'http://127.0.0.1:4000/hook',
      'http://localhost:4000/hook',
      'http://[::1]:4000/hook',
      'https://127.0.0.1/',
    ])('accepts %s', (url) => {
      expect(urlRefusal(url, dev)).toBeNull();
    });

    it.each([
      ['http://hooks.example.com/calls', 'callbackUrl must be an https URL'],
      ['http://10.0.0.1/hook', 'callbackUrl must be an https URL'],
      ['https://192.168.1.10/hook', '192.168.1.10 is not a public address'],
    ])('still refuses %s', (url, reason) => {
      expect(urlRefusal(url, dev)).toBe(reason);
    });
  });

  describe('resolved addresses', () => {
    it.each(['93.184.216.34', '2606:4700::1111', '8.8.8.8'])('connects to %s', (address) => {
      expect(addressRefusal(address, strict)).toBeNull();
    });

    it.each([
      '127.0.0.1',
      '127.9.9.9',
      '::1',
      '10.0.0.1',
      '100.64.1.1',
      '::ffff:192.168.0.1',
      'fe80::abcd',
      '224.0.0.1',
    ])('does not connect to %s', (address) => {
      expect(addressRefusal(address, strict)).not.toBeNull();
    });

    it('connects to loopback only with the development setting', () => {
      expect(addressRefusal('127.0.0.1', dev)).toBeNull();
      expect(addressRefusal('10.0.0.1', dev)).not.toBeNull();
    });
  });
});
