import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { errorCodeOf } from '../common/errors/error-answer';
import type { Int64 } from '../common/int64';
import { Metrics } from './metrics';
import { declareRequestField } from '../common/http/request-shape';

/** Injection token of the process's pino logger. */
export const PINO = Symbol('PINO');

const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const STARTED = Symbol('startedAt');
declareRequestField(STARTED);
declareRequestField('id');

type Observed = Request & { id?: string; [STARTED]?: number };

/** The id of the request: the caller's X-Request-Id when it is sane, a new UUID otherwise. */
export function requestIdOf(request: Request): string | undefined {
  return (request as Observed).id;
}

/**
 * Observes every request from its arrival (see app.setup): gives it its id (echoed in X-Request-Id), and when the
 * answer is sent records its duration (metrics, by route and status), counts it by its code when it is an error
 * (whichever part of the service wrote it), and writes one access line. The line holds the method, the path
 * without its query, the route, the status, the time and who called: never a header or a body, so never a token
 * or a secret.
 */
@Injectable()
export class RequestObserver {
  constructor(
    private readonly metrics: Metrics,
    @Inject(PINO) private readonly pino: Logger,
  ) {}

  /** The request arrived. */
  begin(request: Request, response: Response): void {
    const given = request.headers['x-request-id'];
    const id = typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
    (request as Observed).id = id;
    (request as Observed)[STARTED] = performance.now();
    response.setHeader('X-Request-Id', id);
  }

  /** Its answer was sent. */
  finished(request: Request, response: Response): void {
    const ms = performance.now() - ((request as Observed)[STARTED] ?? 0);
    const route = routeOf(request);
    const status = response.statusCode;
    this.metrics.httpDuration.observe({ method: request.method, route, status: String(status) }, ms / 1000);
    if (status >= 400) this.metrics.errors.inc({ code: errorCodeOf(response) ?? 'UNKNOWN', status: String(status) });
    if (!this.pino.isLevelEnabled('info')) return;
    // The authenticated caller (a Principal, set by the JWT guard): the line names its user and client.
    const caller = (request as Request & { user?: { userId: Int64; clientId: string | null } }).user;
    this.pino.info(
      {
        reqId: (request as Observed).id,
        method: request.method,
        path: request.path,
        route,
        status,
        ms: Math.round(ms * 10) / 10,
        ...(caller === undefined ? {} : { userId: caller.userId, clientId: caller.clientId ?? undefined }),
      },
      'request',
    );
  }
}

function routeOf(request: Request): string {
  // Express types the matched route as any.
  const { route } = request as unknown as { route?: { path?: unknown } };
  return typeof route?.path === 'string' ? `${request.baseUrl}${route.path}` : 'unmatched';
}
