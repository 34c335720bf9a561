import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import { RouteMetadata } from '../common/http/route-metadata';
import { insufficientScope } from './auth.errors';
import { principalOf } from './current-principal.decorator';
import type { Scope } from './scopes';

/** The metadata key under which a route lists the scopes it requires (see RequireScopes). */
export const REQUIRED_SCOPES = 'auth:requiredScopes';

@Injectable()
export class ScopesGuard implements CanActivate {
  private readonly required = new RouteMetadata<Scope[]>(
    (handler) => this.reflector.get<Scope[] | undefined>(REQUIRED_SCOPES, handler) ?? [],
  );

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const required = this.required.of(context);
    const caller = principalOf(context.switchToHttp().getRequest<Request>());
    const missing = required.filter((scope) => !caller.scopes.has(scope));
    if (missing.length > 0) {
      throw new AppError(ErrorCode.InsufficientScope, insufficientScope(missing));
    }
    return true;
  }
}
