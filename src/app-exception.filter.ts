import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppError } from './common/errors/app-error';
import { sendError } from './common/errors/error-answer';
import { defaultMessage, ErrorCode } from './common/errors/error-code';
import { isDatabaseUnavailable } from './database/database-errors';
import { requestIdOf } from './observability/request-observer';

export interface ErrorBody {
  code: ErrorCode;
  message: string;
}

/**
 * The one place that turns a failure into a response: always `{code, message}` (with a route's own members
 * beside them, see sendError), never a stack, SQL or other internals. Anything it does not recognise is logged and answered as a generic 500.
 */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('AppExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) {
      // Answered already (a request past its deadline got 503): what its work raised later is moot.
      response.end();
      return;
    }
    const { code, message } = this.toBody(exception, requestIdOf(host.switchToHttp().getRequest<Request>()));
    if (exception instanceof AppError) sendError(response, code, message, exception.headers, exception.members);
    else sendError(response, code, message);
  }

  toBody(exception: unknown, requestId?: string): ErrorBody {
    if (exception instanceof AppError) {
      return { code: exception.code, message: exception.message };
    }
    const fromHttp = this.fromHttpError(exception);
    if (fromHttp) {
      return fromHttp;
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(
        `Database unavailable${requestId === undefined ? '' : ` (request ${requestId})`}: ` +
          (exception instanceof Error ? exception.message : String(exception)),
      );
      return { code: ErrorCode.ServiceUnavailable, message: defaultMessage(ErrorCode.ServiceUnavailable) };
    }
    this.logger.error(
      `Unexpected error${requestId === undefined ? '' : ` (request ${requestId})`}: ` +
        (exception instanceof Error
          ? (exception.stack ?? exception.message)
          : `non-error thrown: ${String(exception)}`),
    );
    return { code: ErrorCode.InternalError, message: defaultMessage(ErrorCode.InternalError) };
  }

  /** Errors raised before a handler runs: Nest's router (unknown route) and Express's body parsers. */
  private fromHttpError(exception: unknown): ErrorBody | undefined {
    const status = statusOf(exception);
    switch (status) {
      case HttpStatus.NOT_FOUND:
        return { code: ErrorCode.NotFound, message: defaultMessage(ErrorCode.NotFound) };
      case HttpStatus.PAYLOAD_TOO_LARGE:
        return { code: ErrorCode.PayloadTooLarge, message: defaultMessage(ErrorCode.PayloadTooLarge) };
      case HttpStatus.UNSUPPORTED_MEDIA_TYPE:
        return { code: ErrorCode.UnsupportedMediaType, message: defaultMessage(ErrorCode.UnsupportedMediaType) };
      case HttpStatus.BAD_REQUEST: {
        // Nest wraps the body parser's SyntaxError (and Express's URIError for a bad %-escape).
        const cause = exception instanceof HttpException ? exception.cause : exception;
        if (cause instanceof SyntaxError || (cause as { type?: unknown } | undefined)?.type === 'entity.parse.failed') {
          return { code: ErrorCode.MalformedJson, message: defaultMessage(ErrorCode.MalformedJson) };
        }
        if (cause instanceof URIError) {
          return { code: ErrorCode.InvalidParameter, message: 'The request URL is not validly percent-encoded.' };
        }
        return { code: ErrorCode.InvalidParameter, message: defaultMessage(ErrorCode.InvalidParameter) };
      }
      default:
        return undefined;
    }
  }
}

function statusOf(exception: unknown): number | undefined {
  if (exception instanceof HttpException) {
    return exception.getStatus();
  }
  if (typeof exception === 'object' && exception !== null) {
    const { status, statusCode } = exception as { status?: unknown; statusCode?: unknown };
    const value = typeof status === 'number' ? status : statusCode;
    // http-errors (body-parser, raw-body) mark errors that are safe to describe to the client.
    if (typeof value === 'number' && (exception as { expose?: unknown }).expose === true) {
      return value;
    }
  }
  return undefined;
}
