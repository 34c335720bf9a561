import {
  BadRequestException,
  HttpException,
  Logger,
  NotFoundException,
  PayloadTooLargeException,
} from '@nestjs/common';
import type { ArgumentsHost } from '@nestjs/common';
import type { Response } from 'express';
import { AppExceptionFilter } from './app-exception.filter';
import { AppError } from './common/errors/app-error';
import { setRouteErrors } from './common/errors/error-answer';
import { ErrorCode } from './common/errors/error-code';

function responseStub() {
  const request = { method: 'GET', headers: {} };
  const response = {
    req: request,
    headersSent: false,
    statusCode: 0,
    body: undefined as unknown,
    headers: {} as Record<string, string | number>,
    status(code: number) {
      this.statusCode = code;
      return this;
    },
    setHeader(name: string, value: string | number) {
      this.headers[name] = value;
    },
    getHeader(name: string) {
      return this.headers[name];
    },
    hasHeader(name: string) {
      return name in this.headers;
    },
    /** The answer's bytes, read back as JSON (see writeJson). */
    end: jest.fn(function (this: { body: unknown }, text?: string) {
      if (text !== undefined) this.body = JSON.parse(text);
    }),
  };
  const host = {
    switchToHttp: () => ({ getResponse: () => response, getRequest: () => request }),
  } as unknown as ArgumentsHost;
  return { response, host };
}

describe('AppExceptionFilter', () => {
  const filter = new AppExceptionFilter();
  let logged: jest.SpyInstance;

  beforeEach(() => {
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => logged.mockRestore());

  const answer = (exception: unknown) => {
    const { response, host } = responseStub();
    filter.catch(exception, host);
    return response;
  };

  it.each([
    [ErrorCode.InvalidParameter, 400],
    [ErrorCode.MissingParameter, 400],
    [ErrorCode.ParameterTooLong, 400],
    [ErrorCode.LimitNotValid, 400],
    [ErrorCode.ListNotSupported, 400],
    [ErrorCode.InsufficientScope, 403],
    [ErrorCode.InsufficientRole, 403],
    [ErrorCode.Conflict, 409],
    [ErrorCode.PreconditionFailed, 412],
    [ErrorCode.CursorExpired, 410],
    [ErrorCode.IdempotencyKeyInvalid, 400],
    [ErrorCode.IdempotencyKeyReused, 409],
    [ErrorCode.TooManyRequests, 429],
    [ErrorCode.MalformedJson, 400],
    [ErrorCode.MalformedRequest, 400],
    [ErrorCode.HeadersTooLarge, 431],
    [ErrorCode.RequestTimeout, 408],
    [ErrorCode.UnsupportedGrantType, 400],
    [ErrorCode.PermissionDenied, 400],
    [ErrorCode.AgentInactive, 400],
    [ErrorCode.BadCredentials, 401],
    [ErrorCode.NotFound, 404],
    [ErrorCode.PayloadTooLarge, 413],
    [ErrorCode.UnsupportedMediaType, 415],
    [ErrorCode.ServiceUnavailable, 503],
    [ErrorCode.InternalError, 500],
  ])('answers %s with HTTP %s and {code, message}', (code, status) => {
    const response = answer(new AppError(code, 'Something precise.'));
    expect(response.statusCode).toBe(status);
    expect(response.body).toEqual({ code, message: 'Something precise.' });
  });

  it('covers every error code', () => {
    for (const code of Object.values(ErrorCode)) {
      expect(answer(new AppError(code)).statusCode).toBeGreaterThanOrEqual(400);
    }
  });

  it('asks for a bearer token on 401', () => {
    expect(answer(new AppError(ErrorCode.BadCredentials)).headers['WWW-Authenticate']).toBe('Bearer');
  });

  it("writes the members of the route's errors, then the error's own, beside code and message", () => {
    const { response, host } = responseStub();
    setRouteErrors(response as unknown as Response, {
      members: (code, message) => ({ error: code.toLowerCase(), error_description: message }),
    });
    filter.catch(new AppError(ErrorCode.InvalidParameter, 'Bad.', {}, { error: 'invalid_scope' }), host);
    expect(JSON.stringify(response.body)).toBe(
      '{"code":"INVALID_PARAMETER","message":"Bad.","error":"invalid_scope","error_description":"Bad."}',
    );
  });

  it('challenges a 401 of a route with errors of its own only as the route or the error says', () => {
    const challengeOf = (challenge: string | undefined, headers: Record<string, string> = {}) => {
      const { response, host } = responseStub();
      setRouteErrors(response as unknown as Response, { members: () => undefined, challenge });
      filter.catch(new AppError(ErrorCode.BadCredentials, 'No.', headers), host);
      return response.headers['WWW-Authenticate'];
    };
    expect(challengeOf(undefined)).toBeUndefined();
    expect(challengeOf('Basic')).toBe('Basic');
    expect(challengeOf(undefined, { 'WWW-Authenticate': 'Basic realm="x"' })).toBe('Basic realm="x"');
  });

  it('answers an unknown route with NOT_FOUND', () => {
    expect(answer(new NotFoundException('Cannot GET /x')).body).toEqual({
      code: 'NOT_FOUND',
      message: 'No such route.',
    });
  });

  it('answers malformed JSON (the body parser) with MALFORMED_JSON', () => {
    const cause = Object.assign(new SyntaxError('Unexpected token'), { status: 400, type: 'entity.parse.failed' });
    const response = answer(new BadRequestException('Unexpected token', { cause }));
    expect(response.statusCode).toBe(400);
    expect(response.body).toEqual({ code: 'MALFORMED_JSON', message: 'The request body is not valid JSON.' });
  });

  it('answers an oversized body with PAYLOAD_TOO_LARGE', () => {
    const response = answer(new PayloadTooLargeException());
    expect(response.statusCode).toBe(413);
    expect((response.body as { code: string }).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it.each([
    ['an Error', new Error('SELECT * FROM users: ER_NO_SUCH_TABLE at /srv/app/x.js:10')],
    ['a string', 'boom'],
    ['an unexpected HttpException', new HttpException('teapot internals', 418)],
  ])('answers %s with a generic 500 that shows nothing of it, and logs it', (_, exception) => {
    const response = answer(exception);
    expect(response.statusCode).toBe(500);
    expect(response.body).toEqual({ code: 'INTERNAL_ERROR', message: 'An unexpected error occurred.' });
    expect(logged).toHaveBeenCalled();
  });

  it.each([
    [
      'a refused MySQL connection',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED' }),
    ],
    [
      'a lost connection wrapped by TypeORM',
      Object.assign(new Error('query failed'), { driverError: { code: 'PROTOCOL_CONNECTION_LOST' } }),
    ],
    ['a closed pool', new Error('Pool is closed.')],
    ['a busy SQLite file', Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })],
  ])('answers %s with 503 SERVICE_UNAVAILABLE', (_, exception) => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const response = answer(exception);
    warn.mockRestore();
    expect(response.statusCode).toBe(503);
    expect(response.body).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      message: 'The service is temporarily unavailable. Retry later.',
    });
  });

  it('ends a response whose headers are already sent', () => {
    const { response, host } = responseStub();
    response.headersSent = true;
    filter.catch(new Error('late'), host);
    expect(response.end).toHaveBeenCalled();
    expect(response.body).toBeUndefined();
  });
});
