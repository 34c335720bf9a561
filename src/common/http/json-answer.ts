import { type NestApplicationOptions, StreamableFile } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { Response } from 'express';
import { int64FormOf, jsonContentType, varyOnAccept } from './int64-representation';
import { stringifyJson } from './lossless-json';
import { createShapedServer } from './request-shape';

/**
 * Sends `body` as the JSON answer, int64 values (bigint) as exact numbers (see stringifyJson), or as strings when
 * the request asks for them (see int64FormOf; the Content-Type then says so), with `Vary: Accept` and the bytes and
 * headers Express's `send` would give it. The usual answer (no Content-Type set yet, a status with a body, no
 * conditional request, not a HEAD) is written at once: for it Express's `send` only parses its own Content-Type
 * back and checks a freshness that cannot apply (no ETag, no Last-Modified).
 */
export function writeJson(response: Response, body: unknown): void {
  const form = int64FormOf(response.req);
  const text = stringifyJson(body, form);
  const type = jsonContentType(form);
  varyOnAccept(response);
  const { headers, method } = response.req;
  const status = response.statusCode;
  if (
    response.hasHeader('Content-Type') ||
    response.hasHeader('Transfer-Encoding') ||
    method === 'HEAD' ||
    status === 204 ||
    status === 205 ||
    status === 304 ||
    headers['if-none-match'] !== undefined ||
    headers['if-modified-since'] !== undefined
  ) {
    if (!response.hasHeader('Content-Type')) response.setHeader('Content-Type', type);
    response.send(text);
    return;
  }
  response.setHeader('Content-Type', type);
  response.setHeader('Content-Length', Buffer.byteLength(text));
  response.end(text);
}

/**
 * Nest's Express adapter, except that a handler's object is answered by {@link writeJson}: Express's `json`
 * (JSON.stringify) cannot write a bigint. Everything else (no body, a string, a file) is answered as Nest does.
 * Its HTTP server makes requests and responses of one shape each (see request-shape.ts), unless the application
 * asks for an option of Nest's own server (HTTPS, closing connections on shutdown), which it then keeps.
 */
export class LosslessJsonAdapter extends ExpressAdapter {
  override initHttpServer(options: NestApplicationOptions): void {
    if (options.httpsOptions !== undefined || options.forceCloseConnections === true || options.return503OnClosing) {
      super.initHttpServer(options);
      return;
    }
    this.setHttpServer(createShapedServer(this.getInstance()));
  }

  override reply(response: Response, body: unknown, statusCode?: number): unknown {
    if (typeof body !== 'object' || body === null || body instanceof StreamableFile || body instanceof Error) {
      return super.reply(response, body, statusCode);
    }
    if (statusCode !== undefined) response.status(statusCode);
    writeJson(response, body);
    return response;
  }
}
