import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from './error-code';

/** The HTTP status of an error code (431 has no name in Nest's HttpStatus). */
export function httpStatusOf(code: ErrorCode): HttpStatus | 431 {
  switch (code) {
    case ErrorCode.InvalidParameter:
    case ErrorCode.MissingParameter:
    case ErrorCode.ParameterTooLong:
    case ErrorCode.LimitNotValid:
    case ErrorCode.ListNotSupported:
    case ErrorCode.MalformedJson:
    case ErrorCode.MalformedRequest:
    case ErrorCode.UnsupportedGrantType:
    case ErrorCode.PermissionDenied:
    case ErrorCode.AgentInactive:
    case ErrorCode.IdempotencyKeyInvalid:
      return HttpStatus.BAD_REQUEST;
    case ErrorCode.BadCredentials:
      return HttpStatus.UNAUTHORIZED;
    case ErrorCode.InsufficientScope:
    case ErrorCode.InsufficientRole:
    case ErrorCode.AccessAllTeamLeads:
      return HttpStatus.FORBIDDEN;
    case ErrorCode.Conflict:
    case ErrorCode.IdempotencyKeyReused:
      return HttpStatus.CONFLICT;
    case ErrorCode.PreconditionFailed:
      return HttpStatus.PRECONDITION_FAILED;
    case ErrorCode.CursorExpired:
      return HttpStatus.GONE;
    case ErrorCode.TooManyRequests:
      return HttpStatus.TOO_MANY_REQUESTS;
    case ErrorCode.NotFound:
      return HttpStatus.NOT_FOUND;
    case ErrorCode.RequestTimeout:
      return HttpStatus.REQUEST_TIMEOUT;
    case ErrorCode.HeadersTooLarge:
      return 431;
    case ErrorCode.PayloadTooLarge:
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case ErrorCode.UnsupportedMediaType:
      return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
    case ErrorCode.ServiceUnavailable:
      return HttpStatus.SERVICE_UNAVAILABLE;
    case ErrorCode.InternalError:
      return HttpStatus.INTERNAL_SERVER_ERROR;
  }
}
