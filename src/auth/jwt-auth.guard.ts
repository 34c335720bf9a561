import { type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request, Response } from 'express';
import { NotBeforeError, TokenExpiredError } from 'jsonwebtoken';
import passport, { type Strategy } from 'passport';
import { AppError } from '../common/errors/app-error';
import { asError } from '../common/errors/as-error';
import { ErrorCode } from '../common/errors/error-code';
import { RouteMetadata } from '../common/http/route-metadata';
import { RateLimiter } from '../limits/rate-limiter';
import { declareRequestField } from '../common/http/request-shape';
import { MISSING_TOKEN } from './auth.errors';
import { bearerToken, INVALID_TOKEN_MESSAGE, JwtStrategy } from './jwt.strategy';
import type { Principal } from './principal';
import { IS_PUBLIC } from './public.decorator';
import { VerifiedTokens } from './verified-tokens.cache';

/** The authenticated caller, where passport puts it, and what passport.authenticate gives every request it reads. */
for (const field of [
  'user',
  'login',
  'logIn',
  'logout',
  'logOut',
  'isAuthenticated',
  'isUnauthenticated',
  '_sessionManager',
]) {
  declareRequestField(field);
}

/**
 * The global guard: every route needs a valid bearer token unless it is marked @Public(). A token is
 * verified by passport-jwt on its first use; while it stays in the cache of verified tokens (see
 * VerifiedTokens) only its time window is checked again. The caller is read from the database every time.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  private readonly isPublic = new RouteMetadata<boolean>(
    (handler, controller) =>
      this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [handler, controller]) === true,
  );

  constructor(
    private readonly reflector: Reflector,
    private readonly strategy: JwtStrategy,
    private readonly verified: VerifiedTokens,
    private readonly limiter: RateLimiter,
  ) {
    super();
  }

  override canActivate(context: ExecutionContext): Promise<boolean> | boolean {
    if (this.isPublic.of(context)) {
      return true;
    }
    const request = context.switchToHttp().getRequest<Request & { user?: Principal }>();
    const token = bearerToken(request);
    const claims = token === null ? undefined : this.verified.get(token);
    const authenticated =
      claims === undefined
        ? this.authenticate(request, context.switchToHttp().getResponse<Response>())
        : this.strategy.callerFor(claims).then((caller) => {
            request.user = caller;
            return true;
          });
    // A refused token counts against the address, so that guessing costs a place in its bucket (429 past it).
    return authenticated.catch(async (error: unknown) => {
      if (error instanceof AppError && error.code === ErrorCode.BadCredentials) {
        await this.limiter.consume(request, context.switchToHttp().getResponse<Response>(), undefined);
      }
      throw error;
    });
  }

  /**
   * passport-jwt's check of the token, by this app's own strategy. AuthGuard('jwt') would look the strategy up by
   * name in passport's registry, which is one per process and holds the strategy of the app built last: a second
   * app in the process (a test's restart, a second instance) would check the first one's tokens against its own
   * database, and once closed fail them all. Each request gets its own copy of the strategy, as passport makes one
   * from a registered strategy.
   */
  private authenticate(request: Request & { user?: Principal }, response: Response): Promise<boolean> {
    return new Promise((resolve, reject) => {
      const strategy = Object.create(this.strategy) as Strategy;
      const check = passport.authenticate(
        strategy,
        { session: false },
        (error: unknown, caller: Principal | false, info: unknown) => {
          try {
            request.user = this.handleRequest(error, caller, info);
            resolve(true);
          } catch (refused) {
            reject(asError(refused));
          }
        },
      ) as (request: Request, response: Response, next: (error?: unknown) => void) => void;
      check(request, response, (error) =>
        reject(asError(error ?? new Error('The JWT strategy passed the request on'))),
      );
    });
  }

  override handleRequest<T = Principal>(error: unknown, caller: T | false, info: unknown): T {
    if (error !== null && error !== undefined) {
      // AppError from validate() is a refusal; anything else (the database is down) is not the caller's fault.
      throw asError(error);
    }
    if (!caller) {
      throw new AppError(ErrorCode.BadCredentials, refusalMessage(info));
    }
    return caller;
  }
}

function refusalMessage(info: unknown): string {
  if (info instanceof TokenExpiredError) return 'The access token has expired.';
  if (info instanceof NotBeforeError) return 'The access token is not valid yet.';
  if (info instanceof Error && info.message === 'No auth token') {
    return MISSING_TOKEN;
  }
  return INVALID_TOKEN_MESSAGE;
}
