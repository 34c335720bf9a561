import type { Request, Response } from 'express';

/*
 * Conditional requests on a record's ETag (RFC 9110, section 13): `If-None-Match` on a read, `If-Match` on a
 * write. The ETags are strong validators chosen by the record's owner (its version): Express's own ETag (a hash
 * of every body) stays off, and a route that has a validator sets it explicitly.
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

/**
 * What an If-Match header accepts: any current representation (`*`), or the opaque tags of its strong entity
 * tags. If-Match compares strongly, so a weak tag never matches.
 */
export function ifMatchTags(header: string): '*' | string[] {
  const tags = parseEntityTags(header);
  return tags === '*' ? '*' : tags.filter((tag) => !tag.weak).map((tag) => tag.opaque);
}

/**
 * Sets the answer's ETag (strong, of `opaque`) and, when the request's If-None-Match names it (weak comparison: a
 * `W/` tag of the same value matches) or is `*`, makes the answer a 304 without a body: true then, and the
 * handler answers nothing.
 */
export function answerNotModified(request: Request, response: Response, opaque: string): boolean {
  response.setHeader('ETag', strongEtag(opaque));
  const header = request.headers['if-none-match'];
  if (header === undefined) return false;
  const tags = parseEntityTags(header);
  if (tags !== '*' && !tags.some((tag) => tag.opaque === opaque)) return false;
  response.status(304);
  return true;
}
