import {
  applyDecorators,
  type CanActivate,
  type ExecutionContext,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import { insufficientScope } from './auth.errors';
import { principalOf } from './current-principal.decorator';

/** OAuth scopes an API client can hold. */
export enum Scope {
  /** Record finished dialer calls (the telephony service). */
  DialerWrite = 'dialer:write',
}

export const SCOPES = Object.values(Scope);

/** The scopes of an OAuth `scope` string (space-separated), each once, in order. */
export function parseScopes(text: string): string[] {
  return [...new Set(text.split(' ').filter((scope) => scope !== ''))];
}

const REQUIRED_SCOPES = 'auth:requiredScopes';

@Injectable()
export class ScopesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const required = this.reflector.get<Scope[] | undefined>(REQUIRED_SCOPES, context.getHandler()) ?? [];
    const caller = principalOf(context.switchToHttp().getRequest<Request>());
    const missing = required.filter((scope) => !caller.scopes.has(scope));
    if (missing.length > 0) {
      throw new AppError(ErrorCode.InsufficientScope, insufficientScope(missing));
    }
    return true;
  }
}

/** Only tokens of API clients that hold every one of these scopes may call the route; others get 403. */
export function RequireScopes(...scopes: Scope[]): MethodDecorator {
  return applyDecorators(SetMetadata(REQUIRED_SCOPES, scopes), UseGuards(ScopesGuard));
}
