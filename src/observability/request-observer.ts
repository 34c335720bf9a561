import { Inject, Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { errorCodeOf } from '../common/errors/error-answer';
import type { Int64 } from '../common/int64';
import { Metrics } from './metrics';

/** Injection token of the process's pino logger. */
export const PINO = Symbol('PINO');

const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The id of the request: the caller's X-Request-Id when it is sane, a new UUID otherwise. */
export function requestIdOf(request: Request): string | undefined {
  return (request as Request & { id?: string }).id;
}

/**
 * The first middleware: gives the request its id (echoed in X-Request-Id), and when the answer is sent
 * records its duration (metrics, by route and status), counts it by its code when it is an error (whichever part
 * of the service wrote it), and writes one access line. The line holds the
 * method, the path without its query, the route, the status, the time and who called: never a header or
 * a body, so never a token or a secret.
 */
@Injectable()
export class RequestObserver {
  constructor(
    private readonly metrics: Metrics,
    @Inject(PINO) private readonly pino: Logger,
  ) {}

  readonly handle = (request: Request, response: Response, next: NextFunction): void => {
    const given = request.headers['x-request-id'];
    const id = typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
    (request as Request & { id?: string }).id = id;
    response.setHeader('X-Request-Id', id);
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeOf(request);
      const status = response.statusCode;
      this.metrics.httpDuration.observe({ method: request.method, route, status: String(status) }, seconds);
      if (status >= 400) this.metrics.errors.inc({ code: errorCodeOf(response) ?? 'UNKNOWN', status: String(status) });
      if (this.pino.isLevelEnabled('info')) {
        // The authenticated caller (a Principal, set by the JWT guard): the line names its user and client.
        const caller = (request as Request & { user?: { userId: Int64; clientId: string | null } }).user;
        this.pino.info(
          {
            reqId: id,
            method: request.method,
            path: request.path,
            route,
            status,
            ms: Math.round(seconds * 10_000) / 10,
            ...(caller === undefined ? {} : { userId: caller.userId, clientId: caller.clientId ?? undefined }),
          },
          'request',
        );
      }
    });
    next();
  };
}

function routeOf(request: Request): string {
  // Express types the matched route as any.
  const { route } = request as unknown as { route?: { path?: unknown } };
  return typeof route?.path === 'string' ? `${request.baseUrl}${route.path}` : 'unmatched';
}
