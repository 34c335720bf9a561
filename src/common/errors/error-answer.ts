import { HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { writeJson } from '../http/json-answer';
import { declareResponseField } from '../http/request-shape';
import { defaultMessage, type ErrorCode } from './error-code';
import { httpStatusOf } from './error-status';

const ERROR_CODE = Symbol('errorCode');
declareResponseField(ERROR_CODE);
const ROUTE_ERRORS = Symbol('routeErrors');
declareResponseField(ROUTE_ERRORS);

/** How the error answers of a route differ from those of the others. */
export interface RouteErrors {
  /** The members of an answer beside `code` and `message`, or none. */
  members(code: ErrorCode, message: string): Readonly<Record<string, string>> | undefined;
  /** The `WWW-Authenticate` challenge of a 401 whose error names none (`Bearer` elsewhere); none when undefined. */
  challenge?: string;
}

interface ErrorState {
  [ERROR_CODE]?: ErrorCode;
  [ROUTE_ERRORS]?: RouteErrors;
}

/**
 * The Retry-After of a 503, in seconds: the database or the instance is expected back soon, and a client that
 * retries no sooner (and backs off after) does not add to its load while it recovers.
 */
export const UNAVAILABLE_RETRY_AFTER_S = 1;

/**
 * Writes an error answer: the status of its code, `{code, message}` (then the members of the route's errors, see
 * {@link setRouteErrors}, and `members`), `Cache-Control: no-store` (an error is about this request only),
 * `WWW-Authenticate: Bearer` on a 401 and `Retry-After` on a 503, then `headers`. Every error answer of an HTTP
 * request is written here, so that the request observer counts each one by its code.
 */
export function sendError(
  response: Response,
  code: ErrorCode,
  message: string = defaultMessage(code),
  headers: Readonly<Record<string, string>> = {},
  members: Readonly<Record<string, string>> = {},
): void {
  const state = response as Response & ErrorState;
  const route = state[ROUTE_ERRORS];
  const status = httpStatusOf(code);
  const challenge = route === undefined ? 'Bearer' : route.challenge;
  if (status === HttpStatus.UNAUTHORIZED && challenge !== undefined) response.setHeader('WWW-Authenticate', challenge);
  if (status === HttpStatus.SERVICE_UNAVAILABLE) response.setHeader('Retry-After', String(UNAVAILABLE_RETRY_AFTER_S));
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  response.setHeader('Cache-Control', 'no-store');
  state[ERROR_CODE] = code;
  response.status(status);
  writeJson(response, { code, message, ...route?.members(code, message), ...members });
}

/**
 * Gives every error answer of this response the route's own shape, whoever raises it (a guard, the handler, the
 * request deadline): the token endpoint's answers are OAuth errors (RFC 6749).
 */
export function setRouteErrors(response: Response, errors: RouteErrors): void {
  (response as Response & ErrorState)[ROUTE_ERRORS] = errors;
}

/** The code of the error answer {@link sendError} wrote, if it wrote one. */
export function errorCodeOf(response: Response): ErrorCode | undefined {
  return (response as Response & ErrorState)[ERROR_CODE];
}
