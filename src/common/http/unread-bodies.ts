import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Request, Response } from 'express';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';
import { declaresBody } from './request-body';

/** How long the rest of a body that the service answered without reading may take to arrive, then it is cut. */
export const DISCARD_MS = 5_000;

const ANSWERED = Symbol('answeredBeforeItsBody');

/**
 * Bodies are read only after authentication and the rate limit (see RequestBodyGuard), so many answers go out
 * before the body has arrived: a 401, a 429, a 404, a body over the limit. Before any route, this refuses a body
 * whose Content-Length is over `limit` with 413 at once, before a byte of it is read (it returns that refusal).
 * After any answer given before the body was received, the rest of the body is discarded as it arrives (Node's
 * HTTP server does that, and the connection stays usable), for at most `discardMs`; a client still sending then
 * has its connection closed.
 */
export function admitBody(
  request: Request,
  response: Response,
  limit: number,
  discardMs = DISCARD_MS,
): AppError | undefined {
  if (!declaresBody(request)) return undefined;
  response.once('finish', () => {
    if (!request.complete) cutOffAfter(request, discardMs);
  });
  return Number(request.headers['content-length'] ?? 0) > limit ? new AppError(ErrorCode.PayloadTooLarge) : undefined;
}

function cutOffAfter(request: Request, discardMs: number): void {
  const socket = request.socket as Socket & { [ANSWERED]?: boolean };
  socket[ANSWERED] = true;
  const timer = setTimeout(() => socket.destroy(), discardMs);
  const stop = () => {
    clearTimeout(timer);
    socket.off('close', stop);
    request.off('end', received);
  };
  // The connection goes on serving requests: nothing of this one stays attached to it.
  const received = () => {
    stop();
    socket[ANSWERED] = false;
  };
  request.once('end', received);
  socket.once('close', stop);
}

/**
 * Whether the request in progress on this connection was answered already (its body still arriving): an error
 * Node's HTTP server then reports about it (a timeout) must not get a second answer.
 */
export function answeredBeforeItsBody(socket: Duplex): boolean {
  return (socket as Duplex & { [ANSWERED]?: boolean })[ANSWERED] === true;
}
