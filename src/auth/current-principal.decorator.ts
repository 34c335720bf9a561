import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Principal } from './principal';

export function principalOf(request: Request): Principal {
  const caller = (request as Request & { user?: Principal }).user;
  if (caller === undefined) {
    // Only reachable if a route is both @Public() and asks for the caller: a programming error.
    throw new Error('No authenticated principal on this request');
  }
  return caller;
}

/** The authenticated caller of the request. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal =>
  principalOf(context.switchToHttp().getRequest<Request>()),
);
