import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { RouteMetadata } from '../common/http/route-metadata';
import { type RateLimitedCaller, RateLimiter } from './rate-limiter';

const NO_RATE_LIMIT = 'limits:none';

/** For the routes operators' tools poll (health, metrics): not counted. */
export const NoRateLimit = (): MethodDecorator & ClassDecorator => SetMetadata(NO_RATE_LIMIT, true);

/** The global guard after authentication: counts every request against its bucket (see RateLimiter). */
@Injectable()
export class RateLimitGuard implements CanActivate {
  /** Which routes are not counted. */
  private readonly exempt = new RouteMetadata<boolean>(
    (handler, controller) =>
      this.reflector.getAllAndOverride<boolean | undefined>(NO_RATE_LIMIT, [handler, controller]) === true,
  );

  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (this.exempt.of(context)) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { user?: RateLimitedCaller }>();
    const counted = this.limiter.consume(request, http.getResponse<Response>(), request.user);
    return counted === undefined ? true : counted.then(() => true);
  }
}
