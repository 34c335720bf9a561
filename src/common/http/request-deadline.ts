import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { sendError } from '../errors/error-answer';
import { defaultMessage, ErrorCode } from '../errors/error-code';
import { bodyWaitMs, isReceivingBody } from './request-body';

/**
 * No request hangs: one the service has not answered within `ms` of its own time (a database that stopped
 * answering, in a guard or in a handler) is answered 503 SERVICE_UNAVAILABLE, and the client may retry. The time
 * spent waiting for the client to send its body is not the service's and does not count: a client too slow has
 * its own limit, the HTTP server's (408). Whatever the work later tries to send is dropped.
 */
export function requestDeadline(ms: number): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const expire = () => {
      if (response.headersSent) return;
      if (isReceivingBody(request)) {
        request.once('end', expire);
        return;
      }
      const now = performance.now();
      const left = ms - (now - started - bodyWaitMs(request, now));
      if (left > 0) {
        timer = setTimeout(expire, left);
        return;
      }
      sendError(
        response,
        ErrorCode.ServiceUnavailable,
        `${defaultMessage(ErrorCode.ServiceUnavailable)} (no answer within ${ms} ms)`,
      );
    };
    timer = setTimeout(expire, ms);
    const clear = () => {
      clearTimeout(timer);
      request.off('end', expire);
    };
    response.on('finish', clear);
    response.on('close', clear);
    next();
  };
}
