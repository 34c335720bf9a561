import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { parse as parseForm } from 'node:querystring';
import type { Readable, Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';
import { MAX_JSON_MEMBERS, parseJsonLossless } from './lossless-json-body';
import { declareRequestField } from './request-shape';

/** The largest body of any route, in bytes (1 MB). */
export const BODY_LIMIT = 1024 * 1024;

/** The fields a form may have (the token endpoint's take four). */
export const FORM_FIELD_LIMIT = 20;

export interface BodyOptions {
  /** The largest body the route takes, in bytes, decompressed; {@link BODY_LIMIT} by default. */
  limit?: number;
  /** Whether the route takes an `application/x-www-form-urlencoded` form besides JSON. */
  form?: boolean;
  /** The keys and array items its JSON may hold, at every depth together; {@link MAX_JSON_MEMBERS} by default. */
  members?: number;
}

const BODY_OPTIONS = 'http:bodyOptions';

/** How the route's body is read, when it differs from the default (JSON of at most 1 MB and 1,000 members). */
export const AcceptsBody = (options: BodyOptions): MethodDecorator => SetMetadata(BODY_OPTIONS, options);

/** The methods whose body a route reads; a body sent with any other (a GET's) is discarded unread. */
const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The last global guard: it reads the request body once the caller is authenticated and counted against its
 * rate limit, so that a request without a valid token, or over its limit, is answered before a byte of its body
 * is read. JSON is read losslessly (see parseJsonLossless); a form where the route takes one; any other body is
 * refused with 415 unread.
 */
@Injectable()
export class RequestBodyGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    // A GET (Get Call) passes without a promise to wait for.
    if (!METHODS_WITH_BODY.has(request.method)) return true;
    const options = this.reflector.get<BodyOptions | undefined>(BODY_OPTIONS, context.getHandler());
    return readBody(request, options ?? {}).then((body) => {
      request.body = body;
      return true;
    });
  }
}

/** Whether a request declares a body (RFC 9112, section 6.3); `Content-Length: 0` is none. */
export function declaresBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

const RECEIVING = Symbol('receivingBody');
declareRequestField(RECEIVING);
declareRequestField('body');

interface Receiving {
  [RECEIVING]?: { since: number; until?: number };
}

/** Whether the service is reading the request's body and has not received all of it. */
export function isReceivingBody(request: Request): boolean {
  const receiving = (request as Request & Receiving)[RECEIVING];
  return receiving !== undefined && receiving.until === undefined;
}

/** How long the service has waited for the request's body to arrive, in milliseconds (0 when it read none). */
export function bodyWaitMs(request: Request, now = performance.now()): number {
  const receiving = (request as Request & Receiving)[RECEIVING];
  return receiving === undefined ? 0 : (receiving.until ?? now) - receiving.since;
}

/** The refusal of a body that is not JSON. */
export const SEND_JSON = 'Send the body as JSON (Content-Type: application/json).';

/** The refusal of a body that is neither a form nor JSON, on a route that takes both. */
export const SEND_FORM_OR_JSON =
  'Send the body as a form (application/x-www-form-urlencoded) or as JSON (application/json).';

async function readBody(request: Request, options: BodyOptions): Promise<unknown> {
  if (!declaresBody(request)) return undefined;
  const { limit = BODY_LIMIT, form = false, members = MAX_JSON_MEMBERS } = options;
  const json = request.is(['application/json', 'application/*+json']) !== false;
  if (!json && !(form && request.is('application/x-www-form-urlencoded') !== false)) {
    throw new AppError(ErrorCode.UnsupportedMediaType, form ? SEND_FORM_OR_JSON : SEND_JSON);
  }
  const charset = /;\s*charset\s*=\s*"?([\w-]+)"?/i.exec(request.headers['content-type'] ?? '')?.[1].toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && !(!json && charset === 'iso-8859-1')) {
    throw new AppError(ErrorCode.UnsupportedMediaType, `The charset ${charset} is not supported: send UTF-8.`);
  }
  const bytes = await readBytes(request, limit);
  if (charset === 'iso-8859-1') return readForm(bytes.toString('latin1'), true);
  // UTF-8, a byte order mark dropped and a broken sequence read as U+FFFD.
  const text = new TextDecoder().decode(bytes);
  return json ? parseJsonLossless(text, members) : readForm(text, false);
}

/** The body's bytes, decompressed, refused past `limit` (413) as soon as they exceed it. */
function readBytes(request: Request, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.reject(new AppError(ErrorCode.PayloadTooLarge));
  const decoded = decompression(request.headers['content-encoding']);
  const stream: Readable = decoded === undefined ? request : request.pipe(decoded);
  const receiving = { since: performance.now(), until: undefined as number | undefined };
  (request as Request & Receiving)[RECEIVING] = receiving;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (error?: AppError) => {
      receiving.until = performance.now();
      stream.off('data', onData).off('end', onEnd).off('error', onError);
      request.off('aborted', onAborted);
      if (error === undefined) {
        resolve(Buffer.concat(chunks, size));
        return;
      }
      if (decoded !== undefined) {
        request.unpipe(decoded);
        decoded.destroy();
      }
      // What is left of the body is discarded as it arrives (and for a bounded time, see admitBody).
      request.resume();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) settle(new AppError(ErrorCode.PayloadTooLarge));
      else chunks.push(chunk);
    };
    const onEnd = () => settle();
    const onError = () =>
      settle(new AppError(ErrorCode.InvalidParameter, 'The request body does not match its Content-Encoding.'));
    const onAborted = () => settle(new AppError(ErrorCode.MalformedRequest, 'The request body ended early.'));
    stream.on('data', onData).on('end', onEnd).on('error', onError);
    request.on('aborted', onAborted);
  });
}

function decompression(encoding: string | undefined): Transform | undefined {
  switch ((encoding ?? 'identity').trim().toLowerCase()) {
    case 'identity':
      return undefined;
    case 'gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      throw new AppError(ErrorCode.UnsupportedMediaType, `The Content-Encoding ${encoding} is not supported.`);
  }
}

/** A form's fields (a field given twice is a list), at most {@link FORM_FIELD_LIMIT}. */
function readForm(text: string, latin1: boolean): Record<string, unknown> {
  if (text === '') return {};
  let fields = 1;
  for (let at = text.indexOf('&'); at !== -1; at = text.indexOf('&', at + 1)) {
    if (++fields > FORM_FIELD_LIMIT) {
      throw new AppError(ErrorCode.PayloadTooLarge, `A form of more than ${FORM_FIELD_LIMIT} fields is refused.`);
    }
  }
  const latin1Escapes = (value: string) =>
    value.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return { ...parseForm(text, '&', '=', latin1 ? { decodeURIComponent: latin1Escapes } : {}) };
}
