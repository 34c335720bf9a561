import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { sendError } from '../errors/error-answer';
import { defaultMessage, ErrorCode } from '../errors/error-code';

/**
 * No request hangs: one not answered within `ms` (a database that stopped answering, in a guard or in a
 * handler) is answered 503 SERVICE_UNAVAILABLE, and the client may retry. Whatever the work later tries to
 * send is dropped.
 */
export function requestDeadline(ms: number): RequestHandler {
  return (_request: Request, response: Response, next: NextFunction) => {
    const timer = setTimeout(() => {
      if (response.headersSent) return;
      sendError(
        response,
        ErrorCode.ServiceUnavailable,
        `${defaultMessage(ErrorCode.ServiceUnavailable)} (no answer within ${ms} ms)`,
      );
    }, ms);
    const clear = () => clearTimeout(timer);
    response.on('finish', clear);
    response.on('close', clear);
    next();
  };
}
