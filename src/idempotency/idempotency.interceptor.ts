import {
  type CallHandler,
  createParamDecorator,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { catchError, from, type Observable, of, throwError } from 'rxjs';
import { principalOf } from '../auth/current-principal.decorator';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import { int64FormOf, jsonContentType, varyOnAccept } from '../common/http/int64-representation';
import { declareRequestField } from '../common/http/request-shape';
import {
  callerOf,
  IDEMPOTENCY_KEY_HEADER,
  keyHash,
  parseIdempotencyKey,
  REPLAYED_HEADER,
  requestFingerprint,
} from './idempotency-key';
import {
  IdempotencyKeyTaken,
  IdempotencyService,
  type IdempotentRequest,
  type StoredAnswer,
} from './idempotency.service';

const KEYED = Symbol('idempotency:request');
declareRequestField(KEYED);

type KeyedRequest = Request & { [KEYED]?: IdempotentRequest };

/**
 * Answers a request with an Idempotency-Key from the answer stored under the key, when there is one: the
 * same status, body, Content-Type (int64 values as they were written, whatever the retry's Accept) and Location,
 * with `Idempotent-Replayed: true`, and nothing written. The same key with another body or on another route is
 * refused. Otherwise the handler runs, and the service it calls stores its answer (see {@link IdempotencyOf}). A
 * request without the header is left as it is.
 *
 * It runs after the guards (a replay is for a caller who may still call the route) and before validation:
 * a refused request writes nothing and stores nothing, so that it can be corrected and sent with its key.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly idempotency: IdempotencyService) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<KeyedRequest>();
    const response = http.getResponse<Response>();
    const key = parseIdempotencyKey(request.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()]);
    if (key === null) return next.handle();
    const caller = callerOf(principalOf(request));
    const route = `${request.method} ${routePath(request)}`;
    const keyed: IdempotentRequest = {
      keyHash: keyHash(caller, key),
      caller,
      route,
      fingerprint: requestFingerprint(route, request.body),
      // Nest set the route's status before the interceptors ran.
      status: response.statusCode,
      int64: int64FormOf(request),
    };
    const stored = await this.idempotency.find(keyed);
    if (stored !== null) return of(replay(response, keyed, stored));
    request[KEYED] = keyed;
    return next
      .handle()
      .pipe(
        catchError((error: unknown) =>
          error instanceof IdempotencyKeyTaken ? from(this.replayTaken(response, keyed)) : throwError(() => error),
        ),
      );
  }

  /** A concurrent request with the key committed while this one waited: its answer is this one's. */
  private async replayTaken(response: Response, keyed: IdempotentRequest): Promise<string> {
    const stored = await this.idempotency.find(keyed);
    // The key is taken by a transaction that committed: its answer is there, unless it expired meanwhile.
    if (stored === null) throw new Error('An Idempotency-Key was taken, and no answer is stored under it');
    return replay(response, keyed, stored);
  }
}

function replay(response: Response, keyed: IdempotentRequest, stored: StoredAnswer): string {
  if (stored.fingerprint !== keyed.fingerprint) throw new AppError(ErrorCode.IdempotencyKeyReused);
  response.status(stored.status);
  response.setHeader(REPLAYED_HEADER, 'true');
  if (stored.location !== null) response.setHeader('Location', stored.location);
  // As it was sent: its int64 values as the first request asked, which its Content-Type says.
  response.setHeader('Content-Type', jsonContentType(stored.int64));
  varyOnAccept(response);
  return stored.body;
}

function routePath(request: Request): string {
  // Express types the matched route as any.
  const { route } = request as unknown as { route?: { path?: unknown } };
  return `${request.baseUrl}${typeof route?.path === 'string' ? route.path : request.path}`;
}

/**
 * The request's Idempotency-Key as the service stores its answer under it (see IdempotencyService.run);
 * null for a request without one.
 */
export const IdempotencyOf = createParamDecorator(
  (_: unknown, context: ExecutionContext): IdempotentRequest | null =>
    context.switchToHttp().getRequest<KeyedRequest>()[KEYED] ?? null,
);
