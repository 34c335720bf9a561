import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from './error-code';

export function httpStatusOf(code: ErrorCode): HttpStatus {
  switch (code) {
    case ErrorCode.InvalidParameter:
    case ErrorCode.MissingParameter:
    case ErrorCode.ParameterTooLong:
    case ErrorCode.LimitNotValid:
    case ErrorCode.MalformedJson:
    case ErrorCode.UnsupportedGrantType:
    case ErrorCode.PermissionDenied:
      return HttpStatus.BAD_REQUEST;
    case ErrorCode.BadCredentials:
      return HttpStatus.UNAUTHORIZED;
    case ErrorCode.InsufficientScope:
    case ErrorCode.InsufficientRole:
      return HttpStatus.FORBIDDEN;
    case ErrorCode.Conflict:
      return HttpStatus.CONFLICT;
    case ErrorCode.NotFound:
      return HttpStatus.NOT_FOUND;
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
