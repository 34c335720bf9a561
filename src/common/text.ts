/**
 * The first `max` characters (Unicode code points, so that an emoji is never cut in half) of a text, and
 * whether it was longer.
 */
export function truncateCharacters(text: string, max: number): { text: string; truncated: boolean } {
  let index = 0;
  for (let count = 0; count < max; count++) {
    if (index >= text.length) return { text, truncated: false };
    const code = text.charCodeAt(index);
    index += code >= 0xd800 && code <= 0xdbff && index + 1 < text.length ? 2 : 1;
  }
  return index >= text.length ? { text, truncated: false } : { text: text.slice(0, index), truncated: true };
}

/** The number of characters (code points) of a text. */
export function characterCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) i++;
    count++;
  }
  return count;
}
