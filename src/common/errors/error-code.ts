/** Every error code the API answers with. The exception filter maps each one to its HTTP status. */
export enum ErrorCode {
  InvalidParameter = 'INVALID_PARAMETER',
  MissingParameter = 'MISSING_PARAMETER',
  ParameterTooLong = 'PARAMETER_TOO_LONG',
  LimitNotValid = 'LIMIT_NOT_VALID',
  ListNotSupported = 'LIST_NOT_SUPPORTED',
  MalformedJson = 'MALFORMED_JSON',
  MalformedRequest = 'MALFORMED_REQUEST',
  HeadersTooLarge = 'HEADERS_TOO_LARGE',
  RequestTimeout = 'REQUEST_TIMEOUT',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  IdempotencyKeyInvalid = 'IDEMPOTENCY_KEY_INVALID',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  BadCredentials = 'BAD_CREDENTIALS',
  UnsupportedGrantType = 'UNSUPPORTED_GRANT_TYPE',
  PermissionDenied = 'PERMISSION_DENIED',
  AgentInactive = 'AGENT_INACTIVE',
  InsufficientScope = 'INSUFFICIENT_SCOPE',
  InsufficientRole = 'INSUFFICIENT_ROLE',
  Conflict = 'CONFLICT',
  TooManyRequests = 'TOO_MANY_REQUESTS',
  NotFound = 'NOT_FOUND',
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
  InternalError = 'INTERNAL_ERROR',
}

const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  [ErrorCode.InvalidParameter]: 'A request parameter is invalid.',
  [ErrorCode.MissingParameter]: 'A required parameter is missing.',
  [ErrorCode.ParameterTooLong]: 'A parameter is longer than allowed.',
  [ErrorCode.LimitNotValid]: 'limit must be an integer from 1 to 1000.',
  [ErrorCode.ListNotSupported]: 'Only listId 6 (Call) can be subscribed to.',
  [ErrorCode.MalformedJson]: 'The request body is not valid JSON.',
  [ErrorCode.MalformedRequest]: 'The request is not valid HTTP.',
  [ErrorCode.HeadersTooLarge]: 'The request headers are too large.',
  [ErrorCode.RequestTimeout]: 'The request took too long to arrive.',
  [ErrorCode.PayloadTooLarge]: 'The request body is too large.',
  [ErrorCode.UnsupportedMediaType]: 'Unsupported Content-Type.',
  [ErrorCode.IdempotencyKeyInvalid]: 'Idempotency-Key must be 1 to 255 visible ASCII characters, without spaces.',
  [ErrorCode.IdempotencyKeyReused]:
    'This Idempotency-Key was sent before with another request: use a new key for a new request.',
  [ErrorCode.BadCredentials]: 'Missing or invalid access token.',
  [ErrorCode.UnsupportedGrantType]: 'Only grant_type=client_credentials is supported.',
  [ErrorCode.PermissionDenied]: 'The resource does not exist or you do not have permission to access it.',
  [ErrorCode.AgentInactive]: 'The agent is deactivated.',
  [ErrorCode.InsufficientScope]: 'The access token lacks the scope this operation needs.',
  [ErrorCode.InsufficientRole]: 'Your role does not allow this operation.',
  [ErrorCode.Conflict]: 'The request conflicts with the current state of the resource.',
  [ErrorCode.TooManyRequests]: 'Too many requests: retry after the time in Retry-After.',
  [ErrorCode.NotFound]: 'No such route.',
  [ErrorCode.ServiceUnavailable]: 'The service is temporarily unavailable. Retry later.',
  [ErrorCode.InternalError]: 'An unexpected error occurred.',
};

export function defaultMessage(code: ErrorCode): string {
  return DEFAULT_MESSAGES[code];
}
