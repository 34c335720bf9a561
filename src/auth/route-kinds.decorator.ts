import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiExcludeEndpoint } from '@nestjs/swagger';
import { ErrorCode } from '../common/errors/error-code';
import { ApiErrors, type ErrorExample } from '../common/errors/error-response.dto';
import { ApiRoute, type RouteDoc } from '../common/http/route-doc.decorator';
import { NoRateLimit } from '../limits/rate-limit.guard';
import { insufficientScope, MISSING_TOKEN } from './auth.errors';
import { Public } from './public.decorator';
import { RequireScopes } from './require-scopes.decorator';
import type { Scope } from './scopes';

/*
 * One decorator per kind of route: who may call it, the documented answers every route of the kind gives, and
 * the route's own reference (RouteDoc, kept in the module's `x.openapi.ts`). The global JWT guard denies every
 * route that is not public; these decorators say so in the API reference, and the deny-by-default test walks
 * every route for one of them.
 */

/** The 400 BAD_CREDENTIALS every route that needs a token can answer. */
export const BAD_TOKEN: ErrorExample = {
  code: ErrorCode.BadCredentials,
  message: MISSING_TOKEN,
  summary: 'Missing, invalid or expired token, or unknown or deactivated user',
};

/** Called without a token (the token endpoint). */
export function PublicRoute(doc: RouteDoc): MethodDecorator {
  return applyDecorators(Public(), ApiRoute(doc, { security: [] }));
}

/**
 * An operator's probe: called without a token, and never rate limited. Without a RouteDoc it stays out of the
 * API reference (the Prometheus scrape is for the scraper, not for API clients).
 */
export function ProbeRoute(doc?: RouteDoc): MethodDecorator {
  return applyDecorators(
    Public(),
    NoRateLimit(),
    doc === undefined ? ApiExcludeEndpoint() : ApiRoute(doc, { security: [] }),
  );
}

/** A user's route: a bearer token of a user, or of an API client acting as its user; 401 without one. */
export function UserRoute(doc: RouteDoc): MethodDecorator {
  return applyDecorators(ApiBearerAuth(), ApiRoute(doc), ApiErrors(BAD_TOKEN));
}

/** A route for API clients holding `scope` (a service, not a person): other tokens get 403. */
export function ClientRoute(scope: Scope, doc: RouteDoc): MethodDecorator {
  return applyDecorators(
    RequireScopes(scope),
    ApiBearerAuth(),
    ApiRoute(doc),
    ApiErrors(
      {
        code: ErrorCode.InsufficientScope,
        message: insufficientScope([scope]),
        summary: `Not a ${scope} client token`,
      },
      BAD_TOKEN,
    ),
  );
}
