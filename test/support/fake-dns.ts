import * as dns from 'node:dns';
import { isIP } from 'node:net';

/** What a faked name does: resolve to these addresses, fail with this error, or never answer. */
export type FakeAnswer = string[] | Error | 'never';

/**
 * DNS as the service sees it (dns.promises.lookup, which the callback checks use): the names given answer
 * as given, every other name as usual. Undo it with the returned spy's mockRestore().
 */
export function fakeDns(names: Record<string, FakeAnswer>): jest.SpiedFunction<typeof dns.promises.lookup> {
  const real = dns.promises.lookup.bind(dns.promises);
  const fake = (hostname: string, options: dns.LookupAllOptions): Promise<dns.LookupAddress[]> => {
    const answer = names[hostname];
    if (answer === undefined) return real(hostname, options);
    if (answer === 'never') return new Promise(() => undefined);
    if (answer instanceof Error) return Promise.reject(answer);
    return Promise.resolve(answer.map((address) => ({ address, family: isIP(address) })));
  };
  return jest.spyOn(dns.promises, 'lookup').mockImplementation(fake as typeof dns.promises.lookup);
}

/** The error getaddrinfo gives for a name that does not exist. */
export function notFound(hostname: string): Error {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname });
}
