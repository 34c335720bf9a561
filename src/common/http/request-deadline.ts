import type { Request, Response } from 'express';
import { sendError } from '../errors/error-answer';
import { defaultMessage, ErrorCode } from '../errors/error-code';
import { bodyWaitMs, isReceivingBody } from './request-body';
import { declareResponseField } from './request-shape';

const DEADLINE = Symbol('deadline');
declareResponseField(DEADLINE);

interface Deadline {
  ms: number;
  started: number;
  timer: NodeJS.Timeout;
}

type WithDeadline = Response & { [DEADLINE]?: Deadline };

/**
 * No request hangs: one the service has not answered within `ms` of its own time (a database that stopped
 * answering, in a guard or in a handler) is answered 503 SERVICE_UNAVAILABLE, and the client may retry. The time
 * spent waiting for the client to send its body is not the service's and does not count: a client too slow has
 * its own limit, the HTTP server's (408). Whatever the work later tries to send is dropped.
 *
 * The timer and what it needs hang on the response: nothing is allocated per request but the timer and its state.
 */
export function startDeadline(response: Response, ms: number): void {
  (response as WithDeadline)[DEADLINE] = { ms, started: performance.now(), timer: setTimeout(expire, ms, response) };
}

/** The request was answered, or its connection closed: the deadline no longer applies. */
export function stopDeadline(response: Response): void {
  const deadline = (response as WithDeadline)[DEADLINE];
  if (deadline === undefined) return;
  clearTimeout(deadline.timer);
  response.req.off('end', expireOnceReceived);
}

function expire(response: Response): void {
  if (response.headersSent) return;
  const { req: request } = response;
  if (isReceivingBody(request)) {
    request.once('end', expireOnceReceived);
    return;
  }
  const deadline = (response as WithDeadline)[DEADLINE]!;
  const now = performance.now();
  const left = deadline.ms - (now - deadline.started - bodyWaitMs(request, now));
  if (left > 0) {
    deadline.timer = setTimeout(expire, left, response);
    return;
  }
  sendError(
    response,
    ErrorCode.ServiceUnavailable,
    `${defaultMessage(ErrorCode.ServiceUnavailable)} (no answer within ${deadline.ms} ms)`,
  );
}

function expireOnceReceived(this: Request): void {
  expire(this.res!);
}
