/**
 * JSON bodies of about `bytes` bytes in the shapes that cost a parser or a validator most, each a lead with a
 * valid `firstName` and the rest in keys that no route declares. `one long string` is the yardstick: a body of
 * that size cannot cost less than reading it once.
 */
export function bodyShapes(bytes: number): { name: string; json: string }[] {
  const fill = (head: string, item: (i: number) => string, tail: string) => {
    const items: string[] = [];
    let length = head.length + tail.length;
    for (let i = 0; length < bytes; i++) {
      const next = item(i);
      items.push(next);
      length += next.length + 1;
    }
    return head + items.join(',') + tail;
  };
  const lead = '{"firstName":"K",';
  return [
    { name: 'one long string', json: `${lead}"note":"${'a'.repeat(bytes - 30)}"}` },
    { name: 'one long integer', json: `${lead}"leadId":${'7'.repeat(bytes - 30)}}` },
    { name: 'many keys', json: fill(lead, (i) => `"${i}":0`, '}') },
    { name: 'many small numbers', json: fill(`${lead}"n":[`, () => '0', ']}') },
    { name: 'nested arrays', json: fill(`${lead}"a":[`, () => '[[0],[]]', ']}') },
    { name: 'deep arrays', json: fill(`${lead}"d":[`, () => `${'['.repeat(30)}0${']'.repeat(30)}`, ']}') },
    {
      name: '990 strings of 1 KB',
      json: `${lead}${Array.from({ length: 990 }, (_, i) => `"k${i}":"${'b'.repeat(Math.floor(bytes / 990) - 12)}"`).join(',')}}`,
    },
  ];
}
