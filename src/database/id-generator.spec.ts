import { IdGenerator } from './id-generator';

describe('IdGenerator', () => {
  it('gives increasing, distinct ids below 2^53', () => {
    const ids = new IdGenerator();
    const seen = Array.from({ length: 5000 }, () => BigInt(ids.next()));
    expect(new Set(seen).size).toBe(5000);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]);
    expect(seen[seen.length - 1]).toBeLessThan(2n ** 53n);
  });

  it('has 15 digits today, like the demo ids', () => {
    expect(new IdGenerator().next(() => Date.UTC(2026, 10, 26))).toHaveLength(15);
  });

  it('borrows the next millisecond after 16 ids in one, without waiting for the clock', () => {
    const ids = new IdGenerator();
    const batch = Array.from({ length: 17 }, () => BigInt(ids.next(frozenClock(Date.UTC(2026, 0, 1)))));
    expect(new Set(batch).size).toBe(17);
    expect(batch[16] >> 12n).toBe((batch[0] >> 12n) + 1n);
  });

  it('goes on at once from the last millisecond used when the clock steps back 10 s', () => {
    const ids = new IdGenerator();
    const start = Date.UTC(2026, 0, 1, 12);
    const before = Array.from({ length: 40 }, (_, i) => BigInt(ids.next(frozenClock(start + Math.floor(i / 20)))));
    // The clock stands 10 s back from here on; a generator that waited for it to catch up would read it
    // over and over (and the clock throws), where one read per id is all it needs.
    const stepped = frozenClock(start - 10_000);
    const after = Array.from({ length: 1000 }, () => BigInt(ids.next(stepped)));
    expect(stepped.reads()).toBe(1000);

    const all = [...before, ...after];
    expect(new Set(all).size).toBe(all.length);
    for (let i = 1; i < all.length; i++) expect(all[i]).toBeGreaterThan(all[i - 1]);
    // Ahead of the clock, each millisecond holds its 16 ids and no millisecond is skipped: no more is
    // borrowed than the ids need.
    const firstMs = all[0] >> 12n;
    all.forEach((id, k) => expect(id >> 12n).toBe(firstMs + BigInt(Math.floor(k / 16))));
    expect(all[all.length - 1]).toBeLessThan(2n ** 53n);

    // Once the clock is past the borrowed milliseconds, ids follow it again.
    const caughtUp = BigInt(ids.next(frozenClock(start + 1000)));
    expect(caughtUp >> 12n).toBe(BigInt(start + 1000 - Date.UTC(2020, 0, 1)));
  });

  it('does not go back when the clock does', () => {
    let clock = Date.UTC(2026, 0, 1, 12);
    const ids = new IdGenerator();
    const first = BigInt(ids.next(() => clock));
    clock -= 5000;
    expect(BigInt(ids.next(() => clock))).toBeGreaterThan(first);
  });

  it('stays below 2^53 until 2089', () => {
    expect(BigInt(new IdGenerator().next(() => Date.UTC(2089, 0, 1)))).toBeLessThan(2n ** 53n);
  });
});

/** A clock that stands still, counts its reads, and throws when read far more often than ids are asked. */
function frozenClock(ms: number): (() => number) & { reads(): number } {
  let reads = 0;
  return Object.assign(
    () => {
      reads += 1;
      if (reads > 10_000) throw new Error('the generator spins on the clock');
      return ms;
    },
    { reads: () => reads },
  );
}
