import { HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { writeJson } from '../http/json-answer';
import { defaultMessage, type ErrorCode } from './error-code';
import { httpStatusOf } from './error-status';

const ERROR_CODE = Symbol('errorCode');

/**
 * Writes an error answer: the status of its code, `{code, message}`, `Cache-Control: no-store` (an error is about
 * this request only) and `WWW-Authenticate: Bearer` on a 401, then `headers`. Every error answer of an HTTP
 * request is written here, so that the request observer counts each one by its code.
 */
export function sendError(
  response: Response,
  code: ErrorCode,
  message: string = defaultMessage(code),
  headers: Readonly<Record<string, string>> = {},
): void {
  const status = httpStatusOf(code);
  if (status === HttpStatus.UNAUTHORIZED) response.setHeader('WWW-Authenticate', 'Bearer');
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  response.setHeader('Cache-Control', 'no-store');
  (response as Response & { [ERROR_CODE]?: ErrorCode })[ERROR_CODE] = code;
  response.status(status);
  writeJson(response, { code, message });
}

/** The code of the error answer {@link sendError} wrote, if it wrote one. */
export function errorCodeOf(response: Response): ErrorCode | undefined {
  return (response as Response & { [ERROR_CODE]?: ErrorCode })[ERROR_CODE];
}
