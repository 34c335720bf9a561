import { loadAppConfig } from '../config/app-config';
import { VerifiedTokens } from './verified-tokens.cache';

describe('VerifiedTokens', () => {
  const claims = { userId: '100234', clientId: null, scopes: [] };
  const t0 = Date.UTC(2026, 10, 26, 12, 0, 0);
  const s0 = t0 / 1000;
  const cache = (tolerance = '30') => new VerifiedTokens(loadAppConfig({ JWT_CLOCK_TOLERANCE_SECONDS: tolerance }));

  it('returns the claims of a token it was told about, by its exact text', () => {
    const tokens = cache();
    tokens.remember('a.b.c', claims, { exp: s0 + 600 }, t0);
    expect(tokens.get('a.b.c', t0 + 1000)).toBe(claims);
    expect(tokens.get('a.b.C', t0 + 1000)).toBeUndefined();
    expect(tokens.get('a.b.c ', t0 + 1000)).toBeUndefined();
  });

  it('stops at exp, with the same clock tolerance as the verification', () => {
    const tokens = cache('30');
    tokens.remember('t', claims, { exp: s0 + 60 }, t0);
    expect(tokens.get('t', (s0 + 89) * 1000)).toBe(claims);
    expect(tokens.get('t', (s0 + 90) * 1000)).toBeUndefined();
    expect(tokens.size).toBe(0);
  });

  it('stops exactly at exp without tolerance', () => {
    const tokens = cache('0');
    tokens.remember('t', claims, { exp: s0 + 60 }, t0);
    expect(tokens.get('t', (s0 + 59) * 1000 + 999)).toBe(claims);
    expect(tokens.get('t', (s0 + 60) * 1000)).toBeUndefined();
  });

  it('does not answer for a token before its nbf', () => {
    const tokens = cache('0');
    tokens.remember('t', claims, { exp: s0 + 600, nbf: s0 + 10 }, t0);
    expect(tokens.get('t', t0)).toBeUndefined();
  });

  it('has every token verified afresh after five minutes, whatever its exp', () => {
    const tokens = cache();
    tokens.remember('t', claims, { exp: s0 + 3600 }, t0);
    expect(tokens.get('t', t0 + 5 * 60 * 1000 - 1)).toBe(claims);
    expect(tokens.get('t', t0 + 5 * 60 * 1000)).toBeUndefined();
  });

  it('keeps at most 10,000 tokens, dropping the least recently used', () => {
    const tokens = cache();
    for (let i = 0; i < 10_000; i++) tokens.remember(`t${i}`, claims, { exp: s0 + 600 }, t0);
    expect(tokens.get('t0', t0)).toBe(claims);
    tokens.remember('new', claims, { exp: s0 + 600 }, t0);
    expect(tokens.size).toBe(10_000);
    expect(tokens.get('t0', t0)).toBe(claims);
    expect(tokens.get('t1', t0)).toBeUndefined();
    expect(tokens.get('new', t0)).toBe(claims);
  });
});
