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
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (
      this.reflector.getAllAndOverride<boolean | undefined>(NO_RATE_LIMIT, [context.getHandler(), context.getClass()])
    ) {
      return true;
    }
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { user?: RateLimitedCaller }>();
    await this.limiter.consume(request, http.getResponse<Response>(), request.user);
    return true;
  }
}
