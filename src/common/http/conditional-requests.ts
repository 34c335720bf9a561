import type { Request, Response } from 'express';
import { int64FormOf, representationTag, varyOnAccept } from './int64-representation';
import { Int64Form } from './lossless-json';

/*
 * Conditional requests on a record's ETag (RFC 9110, section 13): `If-None-Match` on a read, `If-Match` on a
 * write. The ETags are strong validators chosen by the record's owner (its version): Express's own ETag (a hash
 * of every body) stays off, and a route that has a validator sets it explicitly. Each representation of a version
 * (int64 as numbers, or as strings) has its own ETag: see representationTag.
 */

/** `*`, or the entity tags of an If-Match or If-None-Match header, in order. */
export type EntityTags = '*' | { weak: boolean; opaque: string }[];

/** An entity tag: an optional `W/` and a quoted opaque tag (no `"`, no space or control character). */
const ENTITY_TAG = /(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"/g;

/**
 * The entity tags of an If-Match or If-None-Match header (a list, or `*`; a header sent twice arrives joined by a
 * comma). What is not an entity tag is skipped: it can match nothing.
 */
export function parseEntityTags(header: string): EntityTags {
  if (header.trim() === '*') return '*';
  return [...header.matchAll(ENTITY_TAG)].map((match) => ({ weak: match[1] !== undefined, opaque: match[2] }));
}

/** The strong ETag of an opaque tag (which has no `"`). */
export function strongEtag(opaque: string): string {
  return `"${opaque}"`;
}

/** The mark of the int64-as-strings representation on an opaque tag (see representationTag). */
const STRINGS_MARK = representationTag('', Int64Form.String);

/**
 * What an If-Match header accepts: any current representation (`*`), or the record's opaque tags of its strong
 * entity tags, the ETag of either representation naming its version (a write applies to the record, whichever
 * form the client read it in). If-Match compares strongly, so a weak tag never matches.
 */
export function ifMatchTags(header: string): '*' | string[] {
  const tags = parseEntityTags(header);
  return tags === '*'
    ? '*'
    : tags
        .filter((tag) => !tag.weak)
        .map(({ opaque }) => (opaque.endsWith(STRINGS_MARK) ? opaque.slice(0, -STRINGS_MARK.length) : opaque));
}

/** Sets the answer's ETag: strong, of the record's `opaque` tag in the representation the request asked for. */
export function setEntityTag(response: Response, opaque: string): void {
  response.setHeader('ETag', strongEtag(representationTag(opaque, int64FormOf(response.req))));
}

/**
 * Sets the answer's ETag (see setEntityTag) and, when the request's If-None-Match names it (weak comparison: a
 * `W/` tag of the same value matches) or is `*`, makes the answer a 304 without a body, which varies with Accept
 * as the full answer does: true then, and the handler answers nothing.
 */
export function answerNotModified(request: Request, response: Response, opaque: string): boolean {
  const tag = representationTag(opaque, int64FormOf(request));
  response.setHeader('ETag', strongEtag(tag));
  const header = request.headers['if-none-match'];
  if (header === undefined) return false;
  const tags = parseEntityTags(header);
  if (tags !== '*' && !tags.some((named) => named.opaque === tag)) return false;
  varyOnAccept(response);
  response.status(304);
  return true;
}
