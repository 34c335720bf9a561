import type { IncomingMessage, ServerResponse } from 'node:http';
import { Int64Form } from './lossless-json';

/*
 * The two representations of every JSON answer (RFC 9110, section 12, proactive negotiation): int64 values as exact
 * JSON numbers (the default and the contract), or as JSON strings of their digits, for a client that asks with
 * `Accept: application/json; int64=string` (JavaScript's JSON.parse rounds a number above 2^53). The answer's
 * Content-Type names the second one, and every JSON answer says that it varies with Accept.
 */

/** The media type a client asks for to get every int64 as a string, and the parameter that names it. */
export const INT64_STRING_MEDIA_TYPE = 'application/json; int64=string';

/** The Content-Type of a JSON answer in each representation; the default one is unchanged by the second. */
const CONTENT_TYPES: Record<Int64Form, string> = {
  [Int64Form.Number]: 'application/json; charset=utf-8',
  [Int64Form.String]: 'application/json; charset=utf-8; int64=string',
};

/** What tells an Accept header that may ask for strings from one that cannot, before parsing it. */
const MENTIONS_INT64 = /int64/i;

/**
 * The representation the request's Accept header asks for: {@link Int64Form.String} when a media range that
 * accepts JSON names `int64=string` with a quality above 0, and no other range gives plain numbers a higher one;
 * {@link Int64Form.Number} otherwise, also for an unknown value (`int64=text`), which matches no representation
 * and is disregarded like any Accept the service cannot satisfy. The usual header, without `int64`, costs one test.
 */
export function int64FormOf(request: IncomingMessage): Int64Form {
  const accept = request.headers.accept;
  if (accept === undefined || !MENTIONS_INT64.test(accept)) return Int64Form.Number;
  return negotiate(accept);
}

interface MediaRange {
  type: string;
  subtype: string;
  /** The `int64` parameter, lowercased and unquoted, or undefined. */
  int64: string | undefined;
  quality: number;
}

function negotiate(accept: string): Int64Form {
  const ranges = accept.split(',').map(parseRange);
  const strings = qualityOf(ranges, Int64Form.String);
  if (strings === null || strings.quality === 0 || strings.int64 !== Int64Form.String) return Int64Form.Number;
  return strings.quality >= (qualityOf(ranges, Int64Form.Number)?.quality ?? 0) ? Int64Form.String : Int64Form.Number;
}

/**
 * The most specific range that matches the JSON answer in this representation (RFC 9110, 12.5.1: one with the
 * parameter, then an exact type, then `application/*`, then `*\/*`), or null when none does.
 */
function qualityOf(ranges: readonly MediaRange[], form: Int64Form): MediaRange | null {
  let best: MediaRange | null = null;
  let bestRank = -1;
  for (const range of ranges) {
    if (range.int64 !== undefined && range.int64 !== (form as string)) continue;
    if (range.type !== '*' && range.type !== 'application') continue;
    if (range.subtype !== '*' && range.subtype !== 'json') continue;
    const rank = (range.int64 === undefined ? 0 : 4) + (range.subtype === '*' ? 0 : 2) + (range.type === '*' ? 0 : 1);
    if (rank > bestRank) {
      best = range;
      bestRank = rank;
    }
  }
  return best;
}

function parseRange(text: string): MediaRange {
  const [mediaType, ...parameters] = text.split(';');
  const [type = '', subtype = ''] = mediaType.trim().toLowerCase().split('/');
  const range: MediaRange = { type: type.trim(), subtype: subtype.trim(), int64: undefined, quality: 1 };
  for (const parameter of parameters) {
    const equals = parameter.indexOf('=');
    if (equals === -1) continue;
    const name = parameter.slice(0, equals).trim().toLowerCase();
    const value = parameter
      .slice(equals + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .toLowerCase();
    if (name === 'int64') range.int64 = value;
    else if (name === 'q') range.quality = qualityValue(value);
  }
  return range;
}

/** A `q` value from 0 to 1 (RFC 9110, 12.4.2); anything else counts as 1, as if it were not there. */
function qualityValue(text: string): number {
  return /^(?:0(?:\.[0-9]{0,3})?|1(?:\.0{0,3})?)$/.test(text) ? Number(text) : 1;
}

/** The Content-Type of a JSON answer in this representation. */
export function jsonContentType(form: Int64Form): string {
  return CONTENT_TYPES[form];
}

/**
 * What every answer that could be written in either representation carries: `Vary: Accept`, so that a cache keeps
 * the two apart (added to a Vary already set, as CORS sets one).
 */
export function varyOnAccept(response: ServerResponse): void {
  const vary = response.getHeader('Vary');
  if (vary === undefined) {
    response.setHeader('Vary', 'Accept');
  } else if (!/(?:^|,)\s*(?:accept|\*)\s*(?:,|$)/i.test(String(vary))) {
    response.setHeader('Vary', `${String(vary)}, Accept`);
  }
}

/**
 * The opaque tag of an ETag for this representation: the record's own in the default one, marked in the other, so
 * that the two representations of one version, whose bytes differ, never share a strong validator (RFC 9110, 8.8.3).
 */
export function representationTag(opaque: string, form: Int64Form): string {
  return form === Int64Form.Number ? opaque : `${opaque};int64=string`;
}
