import { text } from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { isInteger, isSafeNumber, parse } from 'lossless-json';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';

export const MAX_JSON_DEPTH = 32;

/**
 * JSON.parse, except that an integer beyond 2^53 becomes a bigint with all its digits, so that an int64
 * id sent as a JSON number (9007199254740993) arrives exact. Duplicate keys with different values and
 * nesting deeper than {@link MAX_JSON_DEPTH} are refused; `__proto__` is an ordinary key.
 */
export function parseJsonLossless(source: string): unknown {
  if (nestingDepth(source) > MAX_JSON_DEPTH) {
    throw new AppError(ErrorCode.MalformedJson, `The request body nests deeper than ${MAX_JSON_DEPTH} levels.`);
  }
  try {
    return parse(source, null, (digits) =>
      isInteger(digits) && !isSafeNumber(digits) ? BigInt(digits) : Number.parseFloat(digits),
    );
  } catch {
    throw new AppError(ErrorCode.MalformedJson);
  }
}

/** The deepest nesting of arrays and objects, strings skipped. */
function nestingDepth(source: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return deepest;
}

/** The JSON body parser of the service: {@link parseJsonLossless} behind Express's size-limited reader. */
export function losslessJsonBody(limit: string): RequestHandler {
  const readText = text({ type: ['application/json', 'application/*+json'], limit });
  return (request: Request, response: Response, next: NextFunction) => {
    readText(request, response, (error?: unknown) => {
      if (error !== undefined) {
        next(error);
        return;
      }
      const body: unknown = request.body;
      if (typeof body === 'string') {
        try {
          request.body = body.trim() === '' ? undefined : parseJsonLossless(body);
        } catch (parseError) {
          next(parseError);
          return;
        }
      }
      next();
    });
  };
}

/**
 * Refuses, with 415, a request body that none of the parsers before took (form data on a JSON route,
 * text, XML). An empty body is left to the route's own validation.
 */
export function refuseUnreadBodies(): RequestHandler {
  return (request: Request, _response: Response, next: NextFunction) => {
    const length = request.headers['content-length'];
    const hasBody = request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
    if (hasBody && !request.readableEnded) {
      next(new AppError(ErrorCode.UnsupportedMediaType, 'Send the body as JSON (Content-Type: application/json).'));
      return;
    }
    next();
  };
}
