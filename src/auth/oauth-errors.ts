import { ApiProperty } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { type RouteErrors, setRouteErrors } from '../common/errors/error-answer';
import { ErrorCode } from '../common/errors/error-code';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { BAD_CLIENT } from './auth.errors';

/**
 * The error codes of an OAuth 2.0 token endpoint (RFC 6749 section 5.2) that this one answers. `invalid_grant` and
 * `unauthorized_client` have no case: the client credentials grant carries no grant to be invalid, and every client
 * may use it.
 */
export enum OAuthError {
  InvalidRequest = 'invalid_request',
  InvalidClient = 'invalid_client',
  UnsupportedGrantType = 'unsupported_grant_type',
  InvalidScope = 'invalid_scope',
}

/** The error of the token endpoint's refusals, by the service's code; none for 429 and 5xx, which RFC 6749 does not name. */
export function oauthErrorOf(code: ErrorCode): OAuthError | undefined {
  switch (code) {
    case ErrorCode.BadCredentials:
      return OAuthError.InvalidClient;
    case ErrorCode.UnsupportedGrantType:
      return OAuthError.UnsupportedGrantType;
    case ErrorCode.InvalidParameter:
    case ErrorCode.MissingParameter:
    case ErrorCode.ParameterTooLong:
    case ErrorCode.MalformedJson:
    case ErrorCode.MalformedRequest:
    case ErrorCode.PayloadTooLarge:
    case ErrorCode.UnsupportedMediaType:
      return OAuthError.InvalidRequest;
    default:
      return undefined;
  }
}

/** RFC 6749 allows `error_description` printable ASCII without `"` and `\`: anything else becomes `?`. */
export function oauthDescription(message: string): string {
  return message.replace(/[^\x20\x21\x23-\x5b\x5d-\x7e]/g, '?');
}

/** The OAuth members of one of the token endpoint's error answers (beside its `code` and `message`). */
export function oauthMembers(code: ErrorCode, message: string): Record<string, string> | undefined {
  const error = oauthErrorOf(code);
  return error === undefined ? undefined : { error, error_description: oauthDescription(message) };
}

/**
 * The token endpoint's errors. A 401 names no challenge of its own: a client that failed to authenticate with HTTP
 * Basic is challenged with Basic (see AuthService); one that sent its credentials in the body gets none, as the
 * certified providers answer it (a `Bearer` challenge would name the wrong thing, and OAuth clients read any
 * challenge as the error).
 */
const TOKEN_ENDPOINT_ERRORS: RouteErrors = { members: oauthMembers };

/** The token endpoint's middleware: its every refusal, whoever raises it, is also an OAuth error. */
export function answerOAuthErrors(_request: Request, response: Response, next: NextFunction): void {
  setRouteErrors(response, TOKEN_ENDPOINT_ERRORS);
  next();
}

/** The token endpoint's error answer: the service's `{code, message}` and RFC 6749's `{error, error_description}`. */
export class OAuthErrorResponseDto extends ErrorResponseDto {
  @ApiProperty({ enum: OAuthError, enumName: 'OAuthError', example: OAuthError.InvalidClient })
  error!: OAuthError;

  @ApiProperty({ description: 'The message, in printable ASCII.', example: BAD_CLIENT })
  error_description!: string;
}
