import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { type RateLimitedCaller, RateLimiter } from './rate-limiter';

const NO_RATE_LIMIT = 'limits:none';

/** For the routes operators' tools poll (health, metrics): not counted. */
export const NoRateLimit = (): MethodDecorator & ClassDecorator => SetMetadata(NO_RATE_LIMIT, true);

/** The global guard after authentication: counts every request against its bucket (see RateLimiter). */
@Injectable()
export class RateLimitGuard implements CanActivate {
  /** Which routes are not counted, read once per route rather than on every request. */
  private readonly exempt = new Map<object, boolean>();

  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (this.isExempt(context)) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { user?: RateLimitedCaller }>();
    const counted = this.limiter.consume(request, http.getResponse<Response>(), request.user);
    return counted === undefined ? true : counted.then(() => true);
  }

  private isExempt(context: ExecutionContext): boolean {
    const handler = context.getHandler();
    let exempt = this.exempt.get(handler);
    if (exempt === undefined) {
      exempt =
        this.reflector.getAllAndOverride<boolean | undefined>(NO_RATE_LIMIT, [handler, context.getClass()]) === true;
      this.exempt.set(handler, exempt);
    }
    return exempt;
  }
}
