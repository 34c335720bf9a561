import type { IncomingMessage, ServerResponse } from 'node:http';
import { int64FormOf, jsonContentType, representationTag, varyOnAccept } from './int64-representation';
import { Int64Form } from './lossless-json';

const formOf = (accept?: string) =>
  int64FormOf({ headers: accept === undefined ? {} : { accept } } as unknown as IncomingMessage);

describe('the int64 representation a request asks for', () => {
  it.each([
    'application/json; int64=string',
    'application/json;int64=string',
    'Application/JSON; INT64=String',
    'application/json; int64="string"',
    'application/json; charset=utf-8; int64=string',
    'application/json; int64=string, */*',
    'application/json, application/json; int64=string',
    'application/json; int64=string, application/json; q=0.5',
    'application/json; int64=string; q=0.5, */*; q=0.1',
    '*/*; int64=string',
    'application/*; int64=string',
    'text/html, application/json; int64=string; q=0.9',
    'application/json; q=0.8; int64=string',
  ])('strings for %s', (accept) => {
    expect(formOf(accept)).toBe(Int64Form.String);
  });

  it.each([
    [undefined],
    ['*/*'],
    ['application/json'],
    ['application/json; charset=utf-8'],
    ['text/html'],
    // An unknown value names no representation: disregarded, as an Accept the service cannot satisfy is.
    ['application/json; int64=text'],
    ['application/json; int64=strings'],
    ['application/json; int64='],
    ['application/json; int64=number'],
    ['application/json; int64=string; q=0'],
    ['application/json; int64=string; q=0.5, application/json'],
    ['application/json; int64=string; q=0.5, application/json; int64=number'],
    ['text/html; int64=string'],
    ['application/xml; int64=string'],
    ['application/json; int64string'],
    ['application/json; x-int64=string'],
  ])('numbers for %s', (accept) => {
    expect(formOf(accept)).toBe(Int64Form.Number);
  });

  it('names the strings in the Content-Type, and leaves the default one as it was', () => {
    expect(jsonContentType(Int64Form.Number)).toBe('application/json; charset=utf-8');
    expect(jsonContentType(Int64Form.String)).toBe('application/json; charset=utf-8; int64=string');
  });

  it('gives each representation of a version its own ETag, the default one unchanged', () => {
    expect(representationTag('3', Int64Form.Number)).toBe('3');
    expect(representationTag('3', Int64Form.String)).toBe('3;int64=string');
  });

  it.each([
    [undefined, 'Accept'],
    ['Origin', 'Origin, Accept'],
    ['Origin, Accept', 'Origin, Accept'],
    ['accept', 'accept'],
    ['*', '*'],
    ['Accept-Encoding', 'Accept-Encoding, Accept'],
  ])('varies with Accept: Vary %s becomes %s', (before, after) => {
    const headers: Record<string, string> = before === undefined ? {} : { Vary: before };
    const response = {
      getHeader: (name: string) => headers[name],
      setHeader: (name: string, value: string) => (headers[name] = value),
    } as unknown as ServerResponse;
    varyOnAccept(response);
    expect(headers.Vary).toBe(after);
  });
});
