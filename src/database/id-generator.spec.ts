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

  it('waits for the next millisecond after 16 ids in one', () => {
    let clock = Date.UTC(2026, 0, 1);
    let reads = 0;
    const now = () => {
      reads += 1;
      if (reads > 20) clock += 1;
      return clock;
    };
    const ids = new IdGenerator();
    const batch = Array.from({ length: 17 }, () => BigInt(ids.next(now)));
    expect(new Set(batch).size).toBe(17);
    expect(batch[16] >> 12n).toBe((batch[0] >> 12n) + 1n);
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
