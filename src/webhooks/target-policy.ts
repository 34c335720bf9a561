import { BlockList, isIP } from 'node:net';

/**
 * Where callbacks may go. A callback URL must be https; the one exception, for local development and the
 * tests, is plain http to a loopback address when WEBHOOK_ALLOW_LOOPBACK_HTTP is on. Whatever the URL
 * says, the address it resolves to must be public: loopback, private, link-local and the other special
 * ranges are refused (loopback only allowed with that development setting), when subscribing and again
 * at every delivery, on the address the connection is then made to (no DNS rebinding).
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
  ['::', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

const LOOPBACK_NAMES = new Set(['localhost', 'localhost.']);

export function isLoopbackAddress(address: string): boolean {
  const mapped = ipv4Mapped(address);
  return mapped === null ? LOOPBACK.check(address, 'ipv6') : LOOPBACK.check(mapped, 'ipv4');
}

/** Why the service may not connect to this resolved address, or null when it may. */
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

/** Why the URL may not be a callback target, or null when it may (its addresses are checked apart). */
export function urlRefusal(text: string, options: TargetPolicyOptions): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'callbackUrl must be an absolute URL';
  }
  if (url.username !== '' || url.password !== '') return 'callbackUrl must not carry credentials';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (url.protocol === 'http:') {
    const loopback = LOOPBACK_NAMES.has(host.toLowerCase()) || (isIP(host) !== 0 && isLoopbackAddress(host));
    if (!(options.allowLoopbackHttp && loopback)) return 'callbackUrl must be an https URL';
  } else if (url.protocol !== 'https:') {
    return 'callbackUrl must be an https URL';
  }
  if (isIP(host) !== 0) return addressRefusal(host, options);
  if (LOOPBACK_NAMES.has(host.toLowerCase()) && !options.allowLoopbackHttp) return `${host} is a loopback address`;
  return null;
}

function ipv4Mapped(address: string): string | null {
  const match = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (match) return match[1];
  return isIP(address) === 4 ? address : null;
}
