import { type LookupAddress, type LookupOptions, promises as dns } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { HTTPS_REQUIRED } from './webhooks.errors';

/**
 * Where callbacks may go. A callback URL must be https, and whatever the URL says, the address it resolves to
 * must be public: loopback, private, link-local and the other special ranges are refused, when subscribing and
 * again at every delivery, on the address the connection is then made to (no DNS rebinding).
 *
 * The one exception, for local development and the tests, is WEBHOOK_ALLOW_LOOPBACK_HTTP: with it, and only
 * for a plain http URL whose host is `localhost`, an IPv4 loopback address (127.0.0.0/8, in any form the URL
 * parser reads, which it writes back as dotted decimal) or `[::1]`, the connection may go to a loopback
 * address. An https URL to loopback stays refused, and so does an http URL to any other host.
 */
export interface TargetPolicyOptions {
  allowLoopbackHttp: boolean;
}

const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  // the 6to4 relay anycast (RFC 7526 deprecated it): refused like 2002::/16
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  // the unspecified address, and the deprecated IPv4-compatible ::a.b.c.d (::1 is loopback, checked first)
  ['::', 96],
  // NAT64: the well-known prefix and the local-use one, both of which lead to an IPv4 address
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  // IETF protocol assignments, none of them a receiver's address: Teredo (2001::/32), which like 6to4 below
  // carries an IPv4 address (obfuscated) and reaches it through a relay, benchmarking, ORCHID and anycast.
  ['2001::', 23],
  ['2001:db8::', 32],
  // documentation (RFC 9637), like 2001:db8::/32
  ['3fff::', 20],
  // SRv6 segment identifiers (RFC 9602), not hosts
  ['5f00::', 16],
  // 6to4 (obsolete: RFC 7526 deprecated its relays) carries an IPv4 address in bits 16 to 47 and reaches it
  // through a relay. The whole prefix is refused rather than the embedded address decoded and checked: a
  // webhook receiver has a native address, and a decoder would be one more way around the IPv4 ranges.
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  // site-local: deprecated by RFC 3879, an internal range like fc00::/7
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

const LOOPBACK_NAMES = new Set(['localhost', 'localhost.']);

/**
 * The host of an http URL that WEBHOOK_ALLOW_LOOPBACK_HTTP admits: `localhost`, an IPv4 loopback address or
 * `::1`, as the URL parser normalizes them (not the IPv4-mapped `::ffff:127.0.0.1`).
 */
function isLoopbackHttpHost(host: string): boolean {
  if (LOOPBACK_NAMES.has(host.toLowerCase())) return true;
  return isIP(host) === 4 ? LOOPBACK.check(host, 'ipv4') : host === '::1';
}

/**
 * The policy for the connections to a URL: loopback is allowed only for a plain http URL, and only with
 * WEBHOOK_ALLOW_LOOPBACK_HTTP.
 */
export function policyFor(url: URL, options: TargetPolicyOptions): TargetPolicyOptions {
  return { allowLoopbackHttp: options.allowLoopbackHttp && url.protocol === 'http:' };
}

/**
 * Why the service may not connect to this resolved address, or null when it may. `options` is the policy of
 * the URL ({@link policyFor}): loopback passes only for an http URL with the development setting.
 */
export function addressRefusal(address: string, options: TargetPolicyOptions): string | null {
  const family = isIP(address);
  if (family === 0) return `${address} is not an IP address`;
  const mapped = family === 6 ? ipv4Mapped(address) : address;
  const [ip, type] = mapped === null ? [address, 'ipv6' as const] : [mapped, 'ipv4' as const];
  if (LOOPBACK.check(ip, type)) {
    return options.allowLoopbackHttp ? null : `${address} is a loopback address`;
  }
  return NOT_PUBLIC.check(ip, type) ? `${address} is not a public address` : null;
}

/**
 * The answer for a host name that resolves to an address the service may not connect to. It names no
 * address: the subscriber would learn from it how names resolve inside the service's network.
 */
export const HOST_NOT_PUBLIC = 'callbackUrl must resolve to a public address';

/** Resolves a host name to all its addresses, like dns.lookup with `all`. */
export type HostLookup = (hostname: string, family: LookupOptions['family']) => Promise<LookupAddress[]>;

const systemLookup: HostLookup = (hostname, family) => dns.lookup(hostname, { all: true, family: family ?? 0 });

export type HostCheck = { addresses: LookupAddress[]; refusal: null } | { addresses: null; refusal: string };

/**
 * The one check of a callback host name, when subscribing and at every delivery: the addresses it resolves
 * to now, all of which may be connected to, or the refusal ({@link HOST_NOT_PUBLIC}) when any may not.
 * Rejects when the lookup fails, finds no address, or takes longer than `timeoutMs`.
 */
export async function checkHost(
  hostname: string,
  policy: TargetPolicyOptions,
  options: { family?: LookupOptions['family']; timeoutMs?: number; lookup?: HostLookup } = {},
): Promise<HostCheck> {
  const lookup = options.lookup ?? systemLookup;
  const addresses = await withTimeout(lookup(hostname, options.family), options.timeoutMs, hostname);
  if (addresses.length === 0) throw new Error(`${hostname} has no address`);
  return addresses.some((a) => addressRefusal(a.address, policy) !== null)
    ? { addresses: null, refusal: HOST_NOT_PUBLIC }
    : { addresses, refusal: null };
}

/** The host of a URL as an address or a name, without the brackets of an IPv6 literal. */
export function urlHost(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}

/** Why the URL may not be a callback target, or null when it may (a host name is checked apart). */
export function urlRefusal(text: string, options: TargetPolicyOptions): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'callbackUrl must be an absolute URL';
  }
  if (url.username !== '' || url.password !== '') return 'callbackUrl must not carry credentials';
  if (url.port === '0') return 'callbackUrl must not name port 0';
  // Also a bare '#', which url.hash reads as empty but the URL keeps.
  if (url.hash !== '' || url.href.endsWith('#')) {
    return 'callbackUrl must not carry a fragment (#...): it is never sent';
  }
  const host = urlHost(url);
  if (url.protocol === 'http:') {
    if (!(options.allowLoopbackHttp && isLoopbackHttpHost(host))) return HTTPS_REQUIRED;
  } else if (url.protocol !== 'https:') {
    return HTTPS_REQUIRED;
  }
  const policy = policyFor(url, options);
  let refusal: string | null = null;
  if (isIP(host) !== 0) {
    refusal = addressRefusal(host, policy);
  } else if (LOOPBACK_NAMES.has(host.toLowerCase()) && !policy.allowLoopbackHttp) {
    refusal = `${host} is a loopback address`;
  }
  return refusal === null ? null : `callbackUrl: ${refusal}`;
}

/**
 * Characters the URL parser would drop or rewrite without a word (surrounding spaces and C0 controls, a tab
 * or a line break anywhere, a backslash read as a slash): a URL holding one is refused rather than guessed at.
 */
const UNSAFE_URL_CHARACTERS = /[\s\p{Cc}\\]/u;

export type CallbackUrl = { url: string; refusal: null } | { url: null; refusal: string };

/**
 * A callback URL as a subscriber gives it: the URL in the normal form the service stores, shows and connects
 * to (the WHATWG URL serialization: `HTTPS://Hooks.Example.COM:443/a/../b` is `https://hooks.example.com/b`),
 * or why it is refused. The host name is checked apart ({@link checkHost}).
 */
export function normalizeCallbackUrl(text: string, options: TargetPolicyOptions): CallbackUrl {
  if (UNSAFE_URL_CHARACTERS.test(text)) {
    return { url: null, refusal: 'callbackUrl must not contain whitespace, control characters or backslashes' };
  }
  const refusal = urlRefusal(text, options);
  return refusal === null ? { url: new URL(text).href, refusal: null } : { url: null, refusal };
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number | undefined, hostname: string): Promise<T> {
  if (timeoutMs === undefined) return promise;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${hostname} did not resolve within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function ipv4Mapped(address: string): string | null {
  const match = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (match) return match[1];
  return isIP(address) === 4 ? address : null;
}
