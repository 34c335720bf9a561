import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { TokenExpiredError, NotBeforeError } from 'jsonwebtoken';
import { AppError } from '../common/errors/app-error';
import { asError } from '../common/errors/as-error';
import { ErrorCode } from '../common/errors/error-code';
import type { Principal } from './principal';
import { IS_PUBLIC } from './public.decorator';
import { INVALID_TOKEN_MESSAGE } from './jwt.strategy';

/** The global guard: every route needs a valid bearer token unless it is marked @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext): Promise<boolean> | boolean {
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    return isPublic === true ? true : (super.canActivate(context) as Promise<boolean>);
  }

  override handleRequest<T = Principal>(error: unknown, principal: T | false, info: unknown): T {
    if (error !== null && error !== undefined) {
      // AppError from validate() is a refusal; anything else (the database is down) is not the caller's fault.
      throw asError(error);
    }
    if (!principal) {
      throw new AppError(ErrorCode.BadCredentials, refusalMessage(info));
    }
    return principal;
  }
}

function refusalMessage(info: unknown): string {
  if (info instanceof TokenExpiredError) return 'The access token has expired.';
  if (info instanceof NotBeforeError) return 'The access token is not valid yet.';
  if (info instanceof Error && info.message === 'No auth token') {
    return 'Missing access token: send the header "Authorization: Bearer <access_token>".';
  }
  return INVALID_TOKEN_MESSAGE;
}
