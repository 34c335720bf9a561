import type { LookupAddress } from 'node:dns';
import {
  addressRefusal,
  checkHost,
  type HostLookup,
  normalizeCallbackUrl,
  policyFor,
  urlRefusal,
} from './target-policy';

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
    ['https://hooks.example.com:0/calls', 'callbackUrl must not name port 0'],
    ['https://hooks.example.com/calls#part', 'callbackUrl must not carry a fragment (#...): it is never sent'],
    ['https://hooks.example.com/calls#', 'callbackUrl must not carry a fragment (#...): it is never sent'],
    ['https://127.0.0.1/hook', 'callbackUrl: 127.0.0.1 is a loopback address'],
    ['https://localhost/hook', 'callbackUrl: localhost is a loopback address'],
    ['https://[::1]/hook', 'callbackUrl: ::1 is a loopback address'],
    ['https://10.1.2.3/hook', 'callbackUrl: 10.1.2.3 is not a public address'],
    ['https://172.20.0.1/hook', 'callbackUrl: 172.20.0.1 is not a public address'],
    ['https://192.168.1.10/hook', 'callbackUrl: 192.168.1.10 is not a public address'],
    ['https://169.254.169.254/latest/meta-data', 'callbackUrl: 169.254.169.254 is not a public address'],
    ['https://[fe80::1]/hook', 'callbackUrl: fe80::1 is not a public address'],
    ['https://[fd00::1]/hook', 'callbackUrl: fd00::1 is not a public address'],
    ['https://[::ffff:10.0.0.1]/hook', 'callbackUrl: ::ffff:a00:1 is not a public address'],
    ['https://0.0.0.0/hook', 'callbackUrl: 0.0.0.0 is not a public address'],
    ['https://[64:ff9b:1::a00:1]/hook', 'callbackUrl: 64:ff9b:1::a00:1 is not a public address'],
    ['https://[2002:808:808::1]/hook', 'callbackUrl: 2002:808:808::1 is not a public address'],
    ['https://[::10.0.0.1]/hook', 'callbackUrl: ::a00:1 is not a public address'],
    ['https://[fec0::1]/hook', 'callbackUrl: fec0::1 is not a public address'],
    // Teredo, its client 127.0.0.1 obfuscated (bit-inverted) in the last 32 bits
    [
      'https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/hook',
      'callbackUrl: 2001:0:4136:e378:8000:63bf:80ff:fffe is not a public address',
    ],
  ])('refuses %s', (url, reason) => {
    expect(urlRefusal(url, strict)).toBe(reason);
  });

  describe('with WEBHOOK_ALLOW_LOOPBACK_HTTP (development)', () => {
    it.each([
      'http://127.0.0.1:4000/hook',
      'http://127.9.9.9:4000/hook',
      'http://2130706433:4000/hook',
      'http://localhost:4000/hook',
      'http://[::1]:4000/hook',
      'http://[0:0:0:0:0:0:0:1]:4000/hook',
    ])('accepts %s', (url) => {
      expect(urlRefusal(url, dev)).toBeNull();
    });

    it.each([
      ['http://hooks.example.com/calls', 'callbackUrl must be an https URL'],
      ['http://10.0.0.1/hook', 'callbackUrl must be an https URL'],
      ['http://[::ffff:127.0.0.1]/hook', 'callbackUrl must be an https URL'],
      ['https://192.168.1.10/hook', 'callbackUrl: 192.168.1.10 is not a public address'],
    ])('still refuses %s', (url, reason) => {
      expect(urlRefusal(url, dev)).toBe(reason);
    });

    it.each([
      ['https://127.0.0.1/', 'callbackUrl: 127.0.0.1 is a loopback address'],
      ['https://0x7f.1/', 'callbackUrl: 127.0.0.1 is a loopback address'],
      ['https://localhost:4000/hook', 'callbackUrl: localhost is a loopback address'],
      ['https://[::1]/hook', 'callbackUrl: ::1 is a loopback address'],
      ['https://[::ffff:127.0.0.1]/hook', 'callbackUrl: ::ffff:7f00:1 is a loopback address'],
    ])('refuses https to loopback %s, as outside development', (url, reason) => {
      expect(urlRefusal(url, dev)).toBe(reason);
      expect(urlRefusal(url, strict)).toBe(reason);
    });

    it('lets a connection go to loopback only for a plain http URL', () => {
      expect(policyFor(new URL('http://localhost:4000/'), dev)).toEqual(dev);
      expect(policyFor(new URL('https://dev.example.test/'), dev)).toEqual(strict);
      expect(policyFor(new URL('http://localhost:4000/'), strict)).toEqual(strict);
    });
  });

  describe('normalized URLs (normalizeCallbackUrl)', () => {
    it.each([
      ['https://hooks.example.com/calls', 'https://hooks.example.com/calls'],
      ['HTTPS://Hooks.Example.COM:443/a/./b/../calls?x=1', 'https://hooks.example.com/a/calls?x=1'],
      ['https://hooks.example.com', 'https://hooks.example.com/'],
      ['https://0x5db8d822/hook', 'https://93.184.216.34/hook'],
      ['https://[2606:4700:0:0:0:0:0:1111]/hook', 'https://[2606:4700::1111]/hook'],
      ['https://bücher.example/é', 'https://xn--bcher-kva.example/%C3%A9'],
    ])('stores %j as %j', (text, url) => {
      expect(normalizeCallbackUrl(text, strict)).toEqual({ url, refusal: null });
    });

    it.each([
      [' https://hooks.example.com/calls'],
      ['https://hooks.example.com/calls '],
      ['\thttps://hooks.example.com/calls'],
      ['https://hooks.example.com/ca\tlls'],
      ['https://hooks.exam\r\nple.com/calls'],
      ['https://hooks.example.com/calls\n'],
      ['https:\\\\hooks.example.com\\calls'],
      ['https://hooks.example.com/a\\b'],
      ['https://hooks.example.com/\u00a0'],
      ['https://hooks.example.com/\u0000'],
      ['https://hooks.example.com/\u007f'],
      ['https://hooks.example.com/\u0085'],
      ['https://hooks.example.com/\u2028'],
    ])('refuses %j', (text) => {
      expect(normalizeCallbackUrl(text, strict)).toEqual({
        url: null,
        refusal: 'callbackUrl must not contain whitespace, control characters or backslashes',
      });
    });

    it('refuses what the policy refuses', () => {
      expect(normalizeCallbackUrl('https://10.0.0.1/', strict)).toEqual({
        url: null,
        refusal: 'callbackUrl: 10.0.0.1 is not a public address',
      });
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

    it.each([
      ['64:ff9b:1::/48 (local-use NAT64)', ['64:ff9b:1::', '64:ff9b:1::a9fe:a9fe', '64:ff9b:1:ffff::1']],
      ['2002::/16 (6to4), whatever IPv4 address it embeds', ['2002:a00:1::1', '2002:808:808::1', '2002:ffff::']],
      ['::/96 (IPv4-compatible, deprecated)', ['::a00:1', '::808:808', '::ffff:ffff']],
      ['fec0::/10 (site-local, deprecated)', ['fec0::1', 'fed0::1', 'feff:ffff::1']],
      [
        '2001::/32 (Teredo), whatever IPv4 client it embeds',
        ['2001::1', '2001:0:4136:e378:8000:63bf:80ff:fffe', '2001:0:ffff:ffff:ffff:ffff:ffff:ffff'],
      ],
      ['2001::/23 (IETF protocol assignments: benchmarking, ORCHID)', ['2001:2::1', '2001:20::1', '2001:1ff::1']],
      ['3fff::/20 (documentation)', ['3fff::1', '3fff:fff:ffff::1']],
      ['5f00::/16 (SRv6 segment identifiers)', ['5f00::1']],
      ['192.88.99.0/24 (6to4 relay anycast, deprecated)', ['192.88.99.1']],
    ])('does not connect to %s', (_range, addresses) => {
      for (const address of addresses) {
        expect(addressRefusal(address, strict)).toBe(`${address} is not a public address`);
      }
    });

    it.each(['2003::1', '2001:200::1', '2001:4860:4860::8888', '2a00:1450:4001::200e', '3fff:1000::1'])(
      'still connects to %s',
      (address) => {
        expect(addressRefusal(address, strict)).toBeNull();
      },
    );

    it('connects to loopback only with the development setting', () => {
      expect(addressRefusal('127.0.0.1', dev)).toBeNull();
      expect(addressRefusal('10.0.0.1', dev)).not.toBeNull();
    });
  });

  describe('host names (checkHost)', () => {
    const resolvesTo =
      (...addresses: string[]): HostLookup =>
      () =>
        Promise.resolve(
          addresses.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 })),
        );

    it('gives the addresses of a host that resolves to public ones only', async () => {
      await expect(
        checkHost('hooks.example.com', strict, { lookup: resolvesTo('93.184.216.34', '2606:4700::1111') }),
      ).resolves.toEqual({
        addresses: [
          { address: '93.184.216.34', family: 4 },
          { address: '2606:4700::1111', family: 6 },
        ],
        refusal: null,
      });
    });

    it.each([
      ['a private address', ['10.1.2.3']],
      ['a loopback address', ['127.0.0.1']],
      ['the metadata service', ['169.254.169.254']],
      ['a public and a private address', ['93.184.216.34', '192.168.7.7']],
      ['a 6to4 address', ['2002:a00:1::1']],
    ])('refuses a host that resolves to %s, without naming it', async (_what, addresses) => {
      const checked = await checkHost('intranet.example.com', strict, { lookup: resolvesTo(...addresses) });
      expect(checked).toEqual({ addresses: null, refusal: 'callbackUrl must resolve to a public address' });
    });

    it('takes a loopback address with the development setting', async () => {
      await expect(checkHost('localhost', dev, { lookup: resolvesTo('127.0.0.1') })).resolves.toMatchObject({
        refusal: null,
      });
    });

    it('refuses a host of an https URL that resolves to loopback, also with the development setting', async () => {
      const policy = policyFor(new URL('https://dev.example.test/hook'), dev);
      await expect(checkHost('dev.example.test', policy, { lookup: resolvesTo('127.0.0.1', '::1') })).resolves.toEqual({
        addresses: null,
        refusal: 'callbackUrl must resolve to a public address',
      });
    });

    it('rejects when the lookup fails or finds nothing', async () => {
      const failing: HostLookup = () => Promise.reject(new Error('getaddrinfo ENOTFOUND nowhere.example'));
      await expect(checkHost('nowhere.example', strict, { lookup: failing })).rejects.toThrow('ENOTFOUND');
      await expect(checkHost('nowhere.example', strict, { lookup: resolvesTo() })).rejects.toThrow('has no address');
    });

    describe('with a timeout', () => {
      beforeEach(() => jest.useFakeTimers());
      afterEach(() => jest.useRealTimers());

      it('rejects a lookup that outlasts it', async () => {
        const hanging: HostLookup = () => new Promise<LookupAddress[]>(() => undefined);
        const checked = checkHost('slow.example', strict, { lookup: hanging, timeoutMs: 3000 });
        const outcome = checked.then(
          () => 'resolved',
          (error: Error) => error.message,
        );
        await jest.advanceTimersByTimeAsync(2999);
        await expect(Promise.race([outcome, Promise.resolve('pending')])).resolves.toBe('pending');
        await jest.advanceTimersByTimeAsync(1);
        await expect(outcome).resolves.toBe('slow.example did not resolve within 3000 ms');
      });

      it('leaves no timer behind when the lookup answers in time', async () => {
        await expect(
          checkHost('hooks.example.com', strict, { lookup: resolvesTo('93.184.216.34'), timeoutMs: 3000 }),
        ).resolves.toMatchObject({ refusal: null });
        expect(jest.getTimerCount()).toBe(0);
      });
    });
  });
});
