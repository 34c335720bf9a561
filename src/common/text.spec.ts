import fc from 'fast-check';
import { characterCount, truncateCharacters } from './text';

describe('truncateCharacters', () => {
  it('keeps a text of at most max characters as it is', () => {
    expect(truncateCharacters('a'.repeat(5000), 5000)).toEqual({ text: 'a'.repeat(5000), truncated: false });
    expect(truncateCharacters('', 5000)).toEqual({ text: '', truncated: false });
  });

  it('cuts a longer one to exactly max characters', () => {
    expect(truncateCharacters('a'.repeat(5001), 5000)).toEqual({ text: 'a'.repeat(5000), truncated: true });
  });

  it('counts an emoji as one character and never cuts it in half', () => {
    const text = '😀'.repeat(5001);
    const { text: cut, truncated } = truncateCharacters(text, 5000);
    expect(truncated).toBe(true);
    expect(cut).toBe('😀'.repeat(5000));
    expect(cut.length).toBe(10000);
  });

  it('always gives at most max characters, a prefix of the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.integer({ min: 0, max: 40 }), (text, max) => {
        const { text: cut, truncated } = truncateCharacters(text, max);
        expect(text.startsWith(cut)).toBe(true);
        expect(characterCount(cut)).toBe(Math.min(max, characterCount(text)));
        expect(truncated).toBe(characterCount(text) > max);
      }),
    );
  });
});
