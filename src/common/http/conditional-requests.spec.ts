import type { Request, Response } from 'express';
import { answerNotModified, ifMatchTags, parseEntityTags, setEntityTag, strongEtag } from './conditional-requests';

function exchange(ifNoneMatch?: string, accept?: string) {
  const headers: Record<string, string> = {};
  let status = 200;
  const request = {
    headers: {
      ...(ifNoneMatch === undefined ? {} : { 'if-none-match': ifNoneMatch }),
      ...(accept === undefined ? {} : { accept }),
    },
  } as Request;
  const response = {
    req: request,
    getHeader: (name: string) => headers[name],
    setHeader: (name: string, value: string) => (headers[name] = value),
    status: (code: number) => (status = code),
  } as unknown as Response;
  return { request, response, headers, status: () => status };
}

const STRINGS = 'application/json; int64=string';

describe('conditional requests', () => {
  it('reads the entity tags of a list, weak ones marked, and skips what is no entity tag', () => {
    expect(parseEntityTags('"3", W/"4",junk ,"",  "a-b"')).toEqual([
      { weak: false, opaque: '3' },
      { weak: true, opaque: '4' },
      { weak: false, opaque: '' },
      { weak: false, opaque: 'a-b' },
    ]);
    expect(parseEntityTags(' * ')).toBe('*');
    expect(parseEntityTags('3')).toEqual([]);
  });

  it('quotes a strong ETag', () => {
    expect(strongEtag('12')).toBe('"12"');
  });

  it('lets If-Match match strongly only', () => {
    expect(ifMatchTags('W/"3", "4"')).toEqual(['4']);
    expect(ifMatchTags('*')).toBe('*');
  });

  it("lets If-Match name a version by either representation's ETag", () => {
    expect(ifMatchTags('"4;int64=string", "5", W/"6;int64=string"')).toEqual(['4', '5']);
  });

  it.each([
    ['"7"', true],
    ['W/"7"', true],
    ['"6", "7"', true],
    ['"6",W/"7"', true],
    ['*', true],
    ['"6"', false],
    ['7', false],
    ['"77"', false],
  ])('If-None-Match %s against "7": 304=%s, the ETag set either way', (header, notModified) => {
    const { request, response, headers, status } = exchange(header);
    expect(answerNotModified(request, response, '7')).toBe(notModified);
    expect(status()).toBe(notModified ? 304 : 200);
    expect(headers).toEqual(notModified ? { ETag: '"7"', Vary: 'Accept' } : { ETag: '"7"' });
  });

  it.each([
    ['"7;int64=string"', true],
    ['W/"7;int64=string"', true],
    ['*', true],
    ['"7"', false],
  ])('asked for int64 as strings, If-None-Match %s: 304=%s, the ETag of that representation', (header, notModified) => {
    const { request, response, headers, status } = exchange(header, STRINGS);
    expect(answerNotModified(request, response, '7')).toBe(notModified);
    expect(status()).toBe(notModified ? 304 : 200);
    expect(headers.ETag).toBe('"7;int64=string"');
  });

  it('sets the ETag of the representation asked for', () => {
    const numbers = exchange();
    setEntityTag(numbers.response, '3');
    expect(numbers.headers).toEqual({ ETag: '"3"' });
    const strings = exchange(undefined, STRINGS);
    setEntityTag(strings.response, '3');
    expect(strings.headers).toEqual({ ETag: '"3;int64=string"' });
  });

  it('answers in full without If-None-Match', () => {
    const { request, response, headers, status } = exchange();
    expect(answerNotModified(request, response, '7')).toBe(false);
    expect(status()).toBe(200);
    expect(headers).toEqual({ ETag: '"7"' });
  });
});
